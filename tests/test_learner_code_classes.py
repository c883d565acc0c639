"""Classes of false errors and misses found by the impl15 corpus folders and probes (issue 12):
correct learner code passes, a learner's mistake fails. Every equation here is written for the
test (never a quote); the declarations are the ones a teaching assistant would add."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eq2code.cli.main import main
from eq2code.equation.semantics import read_equation_file

CASES = {
    # the quantity an update rule updates takes `params`; λ' takes `wd` (it had gone by position: a false error)
    "update-state-names": (r"""\boldsymbol\phi \in \mathbb{R}^{d}, \quad \alpha \in \mathbb{R}_{>0}
\lambda' \in (0,1)

$$\boldsymbol\phi \leftarrow (1-\lambda') \boldsymbol\phi - \alpha \frac{\partial L}{\partial \boldsymbol\phi}$$""",
        "def sgd_step(params, grads, lr, wd):\n    return (1 - wd) * params - lr * grads\n",
        ["def sgd_step(params, grads, lr, wd):\n    return (1 - lr * wd) * params - lr * grads\n"]),
    # \mbox{a}[z]: a function's name; the chain's ReLU[z] another name of it, its value the cases after it
    "mbox-letter-and-renamed-relu": (r"""z \in \mathbb{R}^{n}, \quad \alpha \in (0,1)

$$\mbox{a}[z] = \mbox{ReLU}[z] = \begin{cases} \alpha z & z < 0 \\ z & z \geq 0 \end{cases}$$""",
        "import numpy as np\n\ndef act(z, alpha=0.1):\n    return np.where(z < 0, alpha * z, z)\n",
        ["import numpy as np\n\ndef act(z, alpha=0.1):\n    return np.maximum(z, 0)\n"]),
    # Pr(y | μ, σ²) = …: a density of its arguments (it had been P·r(…), "r is not defined")
    "Pr-density": (r"""y, \mu \in \mathbb{R}^{n}, \quad \sigma^2 \in \mathbb{R}_{>0}

$$Pr(y|\mu,\sigma^2) = \frac{1}{\sqrt{2\pi\sigma^{2}}}\exp\left[-\frac{(y-\mu)^{2}}{2\sigma^{2}}\right]$$""",
        "import numpy as np\n\ndef pdf(y, mu, sigma2):\n"
        "    return np.exp(-(y - mu) ** 2 / (2 * sigma2)) / np.sqrt(2 * np.pi * sigma2)\n",
        ["import numpy as np\n\ndef pdf(y, mu, sigma2):\n"
         "    return np.exp(-(y - mu) ** 2 / (2 * sigma2)) / (np.sqrt(2 * np.pi) * sigma2)\n"]),
    # ℝ^{|𝓑|}: as many entries as the set has items
    "set-size-in-a-declaration": (r"""h \in \mathbb{R}^{|\mathcal{B}|}

$$m_{h} = \frac{1}{|\mathcal{B}|} \sum_{i\in\mathcal{B}} h_{i}$$""",
        "import numpy as np\n\ndef batch_mean(h):\n    return np.mean(h)\n",
        ["import numpy as np\n\ndef batch_mean(h):\n    return np.sum(h)\n"]),
    # x[c], x[j]: entries; c counted from 0 reaches the code as an int and indexes as code does
    "bracket-entries-class-index-from-zero": (r"""x \in \mathbb{R}^{C}, \quad c \in \{0, \ldots, C-1\}

$$\mathrm{loss}(x, c) = -x[c] + \log\left(\sum_j \exp(x[j])\right)$$""",
        "import numpy as np\n\ndef loss(x, c):\n    return -x[c] + np.log(np.sum(np.exp(x)))\n",
        ["import numpy as np\n\ndef loss(x, c):\n    return -x[c - 1] + np.log(np.sum(np.exp(x)))\n",
         "import numpy as np\n\ndef loss(x, c):\n    return -x[c] + np.log(np.mean(np.exp(x)))\n"]),
    # f_{y_i} with the label y_i counted from 0 (it was an off-by-one on correct code)
    "label-subscript-from-zero": (r"""f \in \mathbb{R}^{C}, \quad y_i \in \{0, \ldots, C-1\}

$$L_i = -\log\left(\frac{e^{f_{y_i}}}{\sum_j e^{f_j}}\right)$$""",
        "import numpy as np\n\ndef softmax_loss(f, y):\n    p = np.exp(f - f.max())\n    p /= p.sum()\n"
        "    return -np.log(p[y])\n",
        ["import numpy as np\n\ndef softmax_loss(f, y):\n    p = np.exp(f - f.max())\n    p /= p.sum()\n"
         "    return -np.log(p[y - 1])\n"]),
    "batch-label-entries-from-zero": (r"""\hat{Y} \in (0,1)^{N \times C}, \quad y \in \{0, \ldots, C-1\}^{N}

$$L = -\frac{1}{N}\sum_{i=1}^{N} \log \hat{Y}_{i, y_i}$$""",
        "import numpy as np\n\ndef nll(y_hat, y):\n    return -np.mean(np.log(y_hat[np.arange(len(y)), y]))\n",
        ["import numpy as np\n\ndef nll(y_hat, y):\n    return -np.sum(np.log(y_hat[np.arange(len(y)), y]))\n"]),
    # W^{(1)} is W1 in code; a declared 1×h bias row is added to every row
    "layer-labels-and-bias-rows": (r"""\mathbf{X} \in \mathbb{R}^{n \times d}
\mathbf{W}^{(1)} \in \mathbb{R}^{d \times h}, \quad \mathbf{b}^{(1)} \in \mathbb{R}^{1 \times h}
\mathbf{W}^{(2)} \in \mathbb{R}^{h \times q}, \quad \mathbf{b}^{(2)} \in \mathbb{R}^{1 \times q}

$$\begin{aligned}
\mathbf{H} &= \mathrm{ReLU}(\mathbf{X} \mathbf{W}^{(1)} + \mathbf{b}^{(1)}), \\
\mathbf{O} &= \mathbf{H}\mathbf{W}^{(2)} + \mathbf{b}^{(2)}.
\end{aligned}$$""",
        "import numpy as np\n\ndef forward(X, W1, b1, W2, b2):\n    H = np.maximum(0, X @ W1 + b1)\n"
        "    return H @ W2 + b2\n",
        ["import numpy as np\n\ndef forward(X, W1, b1, W2, b2):\n    H = np.maximum(0, X @ W1 + b1)\n"
         "    return np.maximum(0, H @ W2 + b2)\n"]),
    # 𝟙(x < 0) of a vector: entry by entry (it was an internal error)
    "indicator-of-a-vector": (r"""x \in \mathbb{R}^{n}, \quad \alpha \in (0,1)

$$f(x) = \mathbb{1}(x < 0) (\alpha x) + \mathbb{1}(x \geq 0) (x)$$""",
        "import numpy as np\n\ndef leaky(x, alpha=0.1):\n    return np.where(x < 0, alpha * x, x)\n",
        ["import numpy as np\n\ndef leaky(x, alpha=0.1):\n    return np.where(x < 0, alpha, x)\n"]),
    # σ̂ with σ̂² defined: its square root (a batch norm's divisor)
    "root-of-a-defined-square": (r"""X \in \mathbb{R}^{n \times d}, \quad \epsilon \in \mathbb{R}_{>0}
\boldsymbol{\gamma}, \boldsymbol{\beta} \in \mathbb{R}^{d}

$$\hat{\boldsymbol{\mu}} = \frac{1}{n} \sum_{i=1}^{n} \mathbf{x}_i, \quad
\hat{\boldsymbol{\sigma}}^2 = \frac{1}{n} \sum_{i=1}^{n} (\mathbf{x}_i - \hat{\boldsymbol{\mu}})^2 + \epsilon, \quad
\mathbf{y}_i = \boldsymbol{\gamma} \odot \frac{\mathbf{x}_i - \hat{\boldsymbol{\mu}}}{\hat{\boldsymbol{\sigma}}}
+ \boldsymbol{\beta}$$""",
        "import numpy as np\n\ndef bn(X, gamma, beta, eps=1e-5):\n    mu = X.mean(axis=0)\n    var = X.var(axis=0)\n"
        "    return gamma * (X - mu) / np.sqrt(var + eps) + beta\n",
        ["import numpy as np\n\ndef bn(X, gamma, beta, eps=1e-5):\n    mu = X.mean(axis=0)\n    var = X.var(axis=0)\n"
         "    return gamma * (X - mu) / (var + eps) + beta\n"]),
    # ∂_{o_j} l = …: one value per j (it had been a scalar, o_j an input)
    "derivative-by-an-entry": (r"""\mathbf{o} \in \mathbb{R}^{q}, \quad \mathbf{y} \in \{0,1\}^{q} \text{ (one-hot)}

$$\partial_{o_j} l = \frac{\exp(o_j)}{\sum_{k=1}^q \exp(o_k)} - y_j$$""",
        "import numpy as np\n\ndef grad(o, y):\n    e = np.exp(o - o.max(axis=-1, keepdims=True))\n"
        "    return e / e.sum(axis=-1, keepdims=True) - y\n",
        ["import numpy as np\n\ndef grad(o, y):\n    e = np.exp(o - o.max(axis=-1, keepdims=True))\n"
         "    return e / e.sum(axis=-1, keepdims=True) + y\n"]),
    # ∂C/∂w_i at the result's own index i: entry i of the given gradient (it had been "per summand")
    "gradient-entry-at-the-result-index": (r"""w \in \mathbb{R}^{d}, \quad \eta, \alpha \in \mathbb{R}_{>0}

$$w_i = (1 - 2 \eta \alpha) w_i - \eta\frac{\partial C}{\partial w_i}$$""",
        "def step(w, grad, lr=0.1, alpha=1e-4):\n    return (1 - 2 * lr * alpha) * w - lr * grad\n",
        ["def step(w, grad, lr=0.1, alpha=1e-4):\n    return (1 - lr * alpha) * w - lr * grad\n"]),
    # h'_i: entry i of h' (it had been "a subscript on an expression")
    "primed-name-with-index": (r"""\mathbf{h} \in \mathbb{R}^{d}, \quad \mathbf{m} \in \{0,1\}^{d}, \quad p \in (0,1)

$$h'_i = \frac{m_i h_i}{1-p}$$""",
        "def dropout(h, mask, p=0.5):\n    return h * mask / (1 - p)\n",
        ["def dropout(h, mask, p=0.5):\n    return h * mask * (1 - p)\n"]),
    # 𝐱_t W_{xh} with 𝐱_t a vector: the row 𝐱_t^⊤ W (it had been "shapes do not fit")
    "vector-before-a-matrix": (r"""\mathbf{x}_t \in \mathbb{R}^{d}
\mathbf{h}_{t-1}, \mathbf{b}_h \in \mathbb{R}^{h}
W_{xh} \in \mathbb{R}^{d \times h}, \quad W_{hh} \in \mathbb{R}^{h \times h}

$$\mathbf{h}_t = \tanh(\mathbf{x}_t W_{xh} + \mathbf{h}_{t-1} W_{hh} + \mathbf{b}_h)$$""",
        "import numpy as np\n\ndef rnn_step(x, h, Wxh, Whh, bh):\n    return np.tanh(x @ Wxh + h @ Whh + bh)\n",
        ["import numpy as np\n\ndef rnn_step(x, h, Wxh, Whh, bh):\n    return np.tanh(x @ Wxh + h @ Whh) + bh\n"]),
    # α_i defined entry by entry, then softmax(α): the vector of its entries (it had been "no value for alpha")
    "family-used-whole": (r"""\mathbf{x} \in \mathbb{R}^{d}, \quad K, V \in \mathbb{R}^{t \times d}
% k_i and v_i are row i of K and of V

$$\alpha_i = k_i^\top x \\ c = \text{softmax}(\alpha) \\ s = \sum_i c_i v_i$$""",
        "import numpy as np\n\ndef attend(x, K, V):\n    a = K @ x\n    c = np.exp(a - a.max())\n"
        "    return (c / c.sum()) @ V\n",
        ["import numpy as np\n\ndef attend(x, K, V):\n    return (K @ x) @ V\n"]),
    # \{l_1, …, l_N\}^⊤: the column of the l_n; L, defined nowhere, another name of ℓ(x, y)
    "listing-transposed-and-a-renaming-name": (r"""x \in \mathbb{R}^{N}, \quad y \in (0,1)^{N}

$$\ell(x,y) = L = \{l_1,\dots,l_N\}^\top, \qquad l_n = y_n(\log y_n-x_n)$$""",
        "import numpy as np\n\ndef kl_pointwise(x, y):\n    return y * (np.log(y) - x)\n",
        ["import numpy as np\n\ndef kl_pointwise(x, y):\n    return y * (np.log(y) + x)\n"]),
    # Σ_j typed for the sum; \log(y_i) on the left defines log y entry by entry
    "capital-sigma-sum-and-log-on-the-left": (r"""x \in \mathbb{R}^{n}

$$\log(y_i) = x_i - \log(\Sigma_j \exp(x_j))$$""",
        "import numpy as np\n\ndef log_softmax(x):\n    return x - np.log(np.sum(np.exp(x)))\n",
        ["import numpy as np\n\ndef log_softmax(x):\n    return x - np.log(np.sum(x))\n"]),
    # \operatorname{tanh}^2(x) is \tanh^2(x); d/dx of an entrywise function of a vector is entrywise
    "operatorname-function-and-entrywise-derivative": (r"""x \in \mathbb{R}^{n}

$$\frac{d}{dx} \operatorname{tanh}(x) = 1 - \operatorname{tanh}^2(x)$$""",
        "import numpy as np\n\ndef tanh_grad(x):\n    return 1 - np.tanh(x) ** 2\n",
        ["import numpy as np\n\ndef tanh_grad(x):\n    return 1 - np.tanh(x)\n"]),
    # Σ_{i∈𝓑} ∂_𝐰 l^{(i)}: the gradient of the batch's summed loss, one array; |𝓑| is the batch size
    "summed-gradient-over-a-batch": (r"""\mathbf{w} \in \mathbb{R}^{d}, \quad \eta \in \mathbb{R}_{>0}

$$\mathbf{w} \leftarrow \mathbf{w}
 - \frac{\eta}{|\mathcal{B}|} \sum_{i \in \mathcal{B}} \partial_{\mathbf{w}} l^{(i)}(\mathbf{w}, b)$$""",
        "def sgd(w, grad, lr, batch_size):\n    return w - lr * grad / batch_size\n",
        ["def sgd(w, grad, lr, batch_size):\n    return w - lr * grad\n"]),
    # L_i = Σ_{j≠y_i} max(0, s_j − s_{y_i} + Δ) with y_i ∈ {0, …, C−1}: i names one example, y_i its label
    "multiclass-hinge-of-one-example": (r"""s \in \mathbb{R}^{C}, \quad y_i \in \{0, \ldots, C-1\}
\Delta \in \mathbb{R}_{>0}

$$L_i = \sum_{j \neq y_i} \max(0, s_j - s_{y_i} + \Delta)$$""",
        "import numpy as np\n\ndef svm_loss(scores, y, delta=1.0):\n"
        "    margins = np.maximum(0, scores - scores[y] + delta)\n    margins[y] = 0\n    return np.sum(margins)\n",
        ["import numpy as np\n\ndef svm_loss(scores, y, delta=1.0):\n"
         "    return np.sum(np.maximum(0, scores - scores[y] + delta))\n"]),
    # sim(z_i, z_j) = z_i^⊤ · z_j / (‖z_i‖‖z_j‖), nothing declared: the transposed parameters are vectors
    "transposed-parameters-are-vectors": (r"""$$\text{sim}(z_i,z_j)
= \frac{z_i^\top \cdot z_j}{||z_i||\cdot||z_j||}$$""",
        "import numpy as np\n\ndef sim(a, b):\n    return a @ b / (np.linalg.norm(a) * np.linalg.norm(b))\n",
        ["import numpy as np\n\ndef sim(a, b):\n    return a @ b / np.linalg.norm(a * b)\n"]),
    # 1/N Σ_i L_i with N undeclared: N is the number of terms of the sum (a mean), not an input
    "count-of-a-mean": (r"""W \in \mathbb{R}^{D \times C}, \quad \lambda \in \mathbb{R}_{>0}

$$L = \frac{1}{N} \sum_i L_i + \lambda \sum_k \sum_l W_{k,l}^2$$""",
        "import numpy as np\n\ndef loss(losses, W, reg):\n    return np.mean(losses) + reg * np.sum(W * W)\n",
        ["import numpy as np\n\ndef loss(losses, W, reg):\n    return np.sum(losses) + reg * np.sum(W * W)\n"]),
}


def _check(tmp_path: Path, tex: str, code: str, capsys: pytest.CaptureFixture[str]) -> tuple[str, int, list[str]]:
    eq, py = tmp_path / "eq.tex", tmp_path / "impl.py"
    eq.write_text(tex + "\n", encoding="utf-8")
    py.write_text(code, encoding="utf-8")
    rc = main(["check", str(eq), str(py), "--format", "json"])
    doc = json.loads(capsys.readouterr().out)
    names = [(d.get("data") or {}).get("name") for d in doc["diagnostics"] if d.get("severity") == 1]
    return doc["checks"][0]["verdict"], rc, names


@pytest.mark.parametrize("case", sorted(CASES))
def test_correct_passes_and_mistakes_fail(case, tmp_path, capsys):
    tex, right, wrongs = CASES[case]
    verdict, rc, names = _check(tmp_path, tex, right, capsys)
    assert (verdict, rc, names) == ("pass", 0, [])
    for wrong in wrongs:
        verdict, rc, names = _check(tmp_path, tex, wrong, capsys)
        assert verdict == "fail" and rc != 0, names


def test_a_correlation_is_not_checkable_with_its_reason_not_an_input_i():
    tex = r"""\mathbf{x} \in \mathbb{R}^{n}, \quad \mathbf{w} \in \mathbb{R}^{k}

$$y_i = \sum_{a=0}^{k-1} w_a x_{i+a}$$
"""
    eq = next(e for e in read_equation_file("unit.tex", tex).equations if e.kind == "definition")
    assert not eq.checkable and "does not index an array" in eq.reason
    assert all(s.name != "i" for s in eq.inputs)


def test_a_covariance_sigma_k_is_not_a_sum():
    tex = r"""$$q = (x - \mu_k)^\top \Sigma_k (x - \mu_k)$$
"""
    f = read_equation_file("unit.tex", tex)
    assert not any(d.name == "ambiguous-notation" and d.params["reading"].phrase == "read-sigma-sum"
                   for d in f.diagnostics)


def test_a_derivative_equal_to_a_sum_of_per_example_derivatives_stays_an_identity():
    tex = r"""$$\frac{\partial{loss}}{\partial b} =\sum_t \frac{\partial{loss_t}}{\partial b}$$
"""
    eq = next(e for e in read_equation_file("unit.tex", tex).equations if e.kind in ("definition", "identity"))
    assert not eq.checkable
