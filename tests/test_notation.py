"""The same equations written other ways a lecture might write them: each reads to the right
numbers (checked against a calculation written here)."""

from __future__ import annotations

import numpy as np
import pytest

from eq2code.equation.semantics import read_equation_file
from eq2code.reference.evaluate import evaluate

rng = np.random.default_rng(3)


def value(tex: str, sizes: dict[str, int], **values) -> np.ndarray:
    f = read_equation_file("alt.tex", tex)
    eq = f.main
    assert eq is not None, [(d.name, d.params) for d in f.diagnostics]
    names = {s.name: s.sympy_name for s in eq.inputs}
    return evaluate(eq, {names[k]: v for k, v in values.items()}, sizes).astype(float)


def test_cosine_with_cdot_and_cos_head():
    a, b = rng.normal(size=4), rng.normal(size=4)
    tex = r"\cos(\mathbf{a}, \mathbf{b}) = \frac{\mathbf{a} \cdot \mathbf{b}}{\|\mathbf{a}\| \|\mathbf{b}\|}" \
          "\n\n" r"\mathbf{a}, \mathbf{b} \in \mathbb{R}^{d}"
    assert np.isclose(value(tex, {"d": 4}, a=a, b=b), a @ b / np.linalg.norm(a) / np.linalg.norm(b))


def test_mse_as_a_squared_norm():
    y, yh = rng.normal(size=5), rng.normal(size=5)
    tex = r"\mathrm{MSE} = \frac{1}{N}\|\mathbf{y} - \hat{\mathbf{y}}\|_2^2" "\n\n" \
          r"\mathbf{y}, \hat{\mathbf{y}} \in \mathbb{R}^{N}"
    assert np.isclose(value(tex, {"N": 5}, y=y, y_hat=yh), np.mean((y - yh) ** 2))


def test_focal_loss_with_a_subscripted_coefficient():
    p, a = 0.3, 0.25
    tex = r"\mathrm{FL}(p_t) = -\alpha_t (1 - p_t)^\gamma \log(p_t)"
    got = value(tex, {}, p_t=p, alpha_t=a, gamma=2.0)
    assert np.isclose(got, -a * (1 - p) ** 2 * np.log(p))


@pytest.mark.parametrize("tex", [r"\mathrm{ReLU}(x) = \max(0, x)", r"y = \max(0, x)"])
def test_relu(tex):
    assert value(tex, {}, x=-1.5) == 0.0 and value(tex, {}, x=2.0) == 2.0


def test_huber_without_prose_in_the_condition():
    tex = (r"L_{\delta}(a) = \begin{cases} \frac{1}{2}a^2 & |a| \le \delta \\ "
           r"\delta(|a| - \frac{1}{2}\delta) & \text{otherwise} \end{cases}")
    assert np.isclose(value(tex, {}, a=0.5, delta=1.0), 0.125)
    assert np.isclose(value(tex, {}, a=3.0, delta=1.0), 2.5)
