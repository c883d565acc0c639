"""Verify the labels of the real-code corpus (tests/corpus/code/<case>/).

For every case folder with an ``impl.py`` and a ``case.toml``:

* import ``impl.py`` with importlib (it is trusted corpus data, quoted from public repositories);
* draw inputs from the recipe in ``[inputs]`` (``args``: one generator spec per argument);
* call the quoted code through ``[inputs].call`` (a small Python function ``call(m, **args)``
  written for the case: how a user of that code would call it — construct the layer, pass
  the dict of parameters, pick the loss out of a tuple …);
* compare with an **independent computation** written here from the math (explicit Python
  loops over ``math`` functions; never NumPy code shaped like the quoted code), named by
  ``[inputs].reference`` with constants from ``[inputs].ref_args``.

A case labelled correct must match on every trial of every regime it lists; a buggy case must
differ on at least one trial (for a numerical-stability bug, in the ``large`` regime, where the
generated reals are multiplied by 1000).

This module never imports eq2code.  ``python tests/corpus/code/verify.py`` prints one line per
case; ``tests/test_corpus_code_verify.py`` runs the same checks under pytest.
"""

from __future__ import annotations

import ast
import importlib.util
import math
import re
import sys
import tomllib
import types
import warnings
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
TRIALS = 3
RTOL = 1e-5
ATOL = 1e-9


# --------------------------------------------------------------------------- inputs


def _ints(text: str) -> list[int]:
    return [int(p) for p in text.split(",") if p.strip()]


def generate(spec, rng: np.random.Generator, regime: str):
    """One argument from its spec string (or a literal number/bool from TOML)."""
    if not isinstance(spec, str):
        return spec
    m = re.fullmatch(r"(\w+)\(([^)]*)\)", spec.strip())
    if not m:
        raise ValueError(f"bad generator spec {spec!r}")
    kind, body = m.group(1), m.group(2)
    scale = 1000.0 if regime == "large" else 1.0
    if kind == "normal":  # real values, scaled up in the large regime
        return rng.standard_normal(_ints(body)) * scale
    if kind == "normal1":  # real values that are not scaled in the large regime
        return rng.standard_normal(_ints(body))
    if kind == "positive":  # strictly positive reals around 1
        return np.exp(0.5 * rng.standard_normal(_ints(body)))
    if kind == "prob":  # elementwise probabilities in (0.05, 0.95)
        return rng.uniform(0.05, 0.95, _ints(body))
    if kind == "simplex":  # distributions over the last axis, no zero entries
        raw = rng.uniform(0.05, 1.0, _ints(body))
        return raw / raw.sum(axis=-1, keepdims=True)
    if kind == "onehot":  # one-hot rows: shape (..., C)
        shape = _ints(body)
        idx = rng.integers(0, shape[-1], shape[:-1])
        out = np.zeros(shape)
        for pos in np.ndindex(*shape[:-1]):
            out[pos + (idx[pos],)] = 1.0
        return out
    if kind == "index":  # index(N, C): N class indices in [0, C)
        n, c = _ints(body)
        return rng.integers(0, c, n)
    if kind == "binary":  # 0/1 labels
        return rng.integers(0, 2, _ints(body)).astype(float)
    if kind == "value":  # a fixed scalar
        return float(body)
    raise ValueError(f"unknown generator {kind!r}")


# --------------------------------------------------------------------------- references
# Written from the formulas with explicit loops over Python floats (math module).


def _rows(a):
    """Iterate over the last-axis vectors of an array: (index, list of floats)."""
    a = np.asarray(a, dtype=float)
    for pos in np.ndindex(*a.shape[:-1]):
        yield pos, [float(v) for v in a[pos]]


def _lse(v):
    m = max(v)
    return m + math.log(math.fsum(math.exp(x - m) for x in v))


def ref_softmax(x, T=1.0):
    x = np.asarray(x, dtype=float)
    out = np.empty_like(x)
    for pos, v in _rows(x):
        v = [e / T for e in v]
        lse = _lse(v)
        for i, e in enumerate(v):
            out[pos + (i,)] = math.exp(e - lse)
    return out


def ref_softmax_flat(x):
    """Softmax over every element of the array (what a scalar max/sum computes)."""
    x = np.asarray(x, dtype=float)
    flat = [float(v) for v in x.ravel()]
    lse = _lse(flat)
    return np.array([math.exp(v - lse) for v in flat]).reshape(x.shape)


def ref_softmax_axis0(x):
    return ref_softmax(np.asarray(x, dtype=float).T).T


def ref_log_softmax(x):
    x = np.asarray(x, dtype=float)
    out = np.empty_like(x)
    for pos, v in _rows(x):
        lse = _lse(v)
        for i, e in enumerate(v):
            out[pos + (i,)] = e - lse
    return out


def ref_logsumexp(x):
    x = np.asarray(x, dtype=float)
    out = np.empty(x.shape[:-1])
    for pos, v in _rows(x):
        out[pos] = _lse(v)
    return out if out.shape else float(out)


def _elementwise(f):
    def ref(x):
        x = np.asarray(x, dtype=float)
        return np.vectorize(f, otypes=[float])(x) if x.shape else f(float(x))

    return ref


def _sig(v):
    return 1.0 / (1.0 + math.exp(-v)) if v >= 0 else math.exp(v) / (1.0 + math.exp(v))


ref_sigmoid = _elementwise(_sig)
ref_sigmoid_grad = _elementwise(lambda v: _sig(v) * (1.0 - _sig(v)))
ref_relu = _elementwise(lambda v: v if v > 0 else 0.0)
ref_tanh = _elementwise(math.tanh)
ref_tanh_grad = _elementwise(lambda v: 1.0 - math.tanh(v) ** 2)
ref_softplus = _elementwise(lambda v: max(v, 0.0) + math.log1p(math.exp(-abs(v))))
ref_gelu_tanh = _elementwise(
    lambda v: 0.5 * v * (1.0 + math.tanh(math.sqrt(2.0 / math.pi) * (v + 0.044715 * v**3)))
)
ref_gelu_erf = _elementwise(lambda v: 0.5 * v * (1.0 + math.erf(v / math.sqrt(2.0))))


def ref_leaky_relu(x, alpha):
    return _elementwise(lambda v: v if v > 0 else alpha * v)(x)


def ref_elu(x, alpha):
    return _elementwise(lambda v: v if v >= 0 else alpha * (math.exp(v) - 1.0))(x)


def ref_relu_grad(x):
    return _elementwise(lambda v: 1.0 if v > 0 else 0.0)(x)


def ref_step(x):
    return _elementwise(lambda v: 1.0 if v > 0 else 0.0)(x)


def _batch_labels(y, t):
    """(rows of y, true class per row) from one-hot or index targets, 1-D or 2-D."""
    y = np.atleast_2d(np.asarray(y, dtype=float))
    t = np.asarray(t)
    if t.size == y.size:
        t = np.atleast_2d(t)
        labels = [max(range(t.shape[1]), key=lambda j: t[i, j]) for i in range(t.shape[0])]
    else:
        labels = [int(v) for v in np.atleast_1d(t)]
    return y, labels


def ref_ce_batch_mean(y, t, eps=0.0):
    """Mean over the batch of -log y[true class] (+ eps inside the log)."""
    y, labels = _batch_labels(y, t)
    return math.fsum(-math.log(y[i, c] + eps) for i, c in enumerate(labels)) / len(labels)


def ref_ce_batch_sum(y, t, eps=0.0):
    y, labels = _batch_labels(y, t)
    return math.fsum(-math.log(y[i, c] + eps) for i, c in enumerate(labels))


def ref_ce_total(t, y, eps=0.0):
    """-sum over every element of t * log(y + eps) (t any distribution/one-hot)."""
    t = np.asarray(t, dtype=float).ravel()
    y = np.asarray(y, dtype=float).ravel()
    return -math.fsum(a * math.log(b + eps) for a, b in zip(t, y) if a != 0)


def ref_softmax_ce_mean(x, t):
    """Mean over the batch of the cross-entropy of softmax(x) against the target."""
    x = np.atleast_2d(np.asarray(x, dtype=float))
    _, labels = _batch_labels(x, t)
    return math.fsum(_lse([float(v) for v in x[i]]) - x[i, c] for i, c in enumerate(labels)) / len(
        labels
    )


def ref_bce_mean(y, t):
    y = np.asarray(y, dtype=float).ravel()
    t = np.asarray(t, dtype=float).ravel()
    return -math.fsum(a * math.log(b) + (1 - a) * math.log(1 - b) for a, b in zip(t, y)) / len(y)


def ref_sigmoid_bce_mean(x, t, eps=0.0):
    """Mean binary cross-entropy of sigmoid(x) against 0/1 labels t (eps inside the logs)."""
    x = [float(v) for v in np.ravel(x)]
    t = [float(v) for v in np.ravel(t)]
    return -math.fsum(
        b * math.log(_sig(a) + eps) + (1 - b) * math.log(1 - _sig(a) + eps) for a, b in zip(x, t)
    ) / len(x)


def ref_bce_elementwise(y, p):
    y = np.asarray(y, dtype=float)
    p = np.asarray(p, dtype=float)
    out = np.empty(y.shape)
    for pos in np.ndindex(*y.shape):
        a, b = float(y[pos]), float(p[pos])
        out[pos] = -(a * math.log(b) + (1 - a) * math.log(1 - b))
    return out


def ref_binary_entropy_bits(p):
    return _elementwise(lambda a: -a * math.log2(a) - (1 - a) * math.log2(1 - a))(p)


def ref_bce_sum(y, t):
    return ref_bce_mean(y, t) * np.asarray(y).size


def ref_sse_half(y, t):
    y = np.asarray(y, dtype=float).ravel()
    t = np.asarray(t, dtype=float).ravel()
    return 0.5 * math.fsum((a - b) ** 2 for a, b in zip(y, t))


def ref_mse(y, t):
    y = np.asarray(y, dtype=float).ravel()
    return 2.0 * ref_sse_half(y, t) / len(y)


def ref_mse_half(y, t):
    return ref_mse(y, t) / 2.0


def ref_square_loss_elementwise(y, p):
    return 0.5 * (np.asarray(y, dtype=float) - np.asarray(p, dtype=float)) ** 2


def ref_entropy(p):
    p = np.asarray(p, dtype=float)
    out = np.empty(p.shape[:-1])
    for pos, v in _rows(p):
        out[pos] = -math.fsum(a * math.log(a) for a in v if a > 0)
    return out if out.shape else float(out)


def ref_kl(p, q):
    p = np.asarray(p, dtype=float)
    q = np.asarray(q, dtype=float)
    out = np.empty(p.shape[:-1])
    for pos, v in _rows(p):
        w = [float(e) for e in q[pos]]
        out[pos] = math.fsum(a * math.log(a / b) for a, b in zip(v, w) if a > 0)
    return out if out.shape else float(out)


def ref_cos(x, y):
    x = [float(v) for v in np.ravel(x)]
    y = [float(v) for v in np.ravel(y)]
    dot = math.fsum(a * b for a, b in zip(x, y))
    return dot / (math.sqrt(math.fsum(a * a for a in x)) * math.sqrt(math.fsum(b * b for b in y)))


def ref_l2(x):
    return math.sqrt(math.fsum(float(v) ** 2 for v in np.ravel(x)))


def ref_l1(x):
    return math.fsum(abs(float(v)) for v in np.ravel(x))


def _matmul(a, b):
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    out = np.empty((a.shape[0], b.shape[1]))
    for i in range(a.shape[0]):
        for j in range(b.shape[1]):
            out[i, j] = math.fsum(float(a[i, k]) * float(b[k, j]) for k in range(a.shape[1]))
    return out


def ref_affine(x, W, b):
    """x W + b for a batch x of shape (N, n), W (n, m), b (m,)."""
    x = np.asarray(x, dtype=float)
    lead = x.shape[:-1]
    out = _matmul(x.reshape(-1, x.shape[-1]), W) + np.asarray(b, dtype=float)
    return out.reshape(lead + (np.shape(W)[1],))


def ref_affine_sigmoid(x, W, b):
    return ref_sigmoid(ref_affine(x, W, b))


def ref_matmul(x, W):
    return _matmul(x, W)


def ref_dense_wx(x, W, b):
    """sigma(W x + b) for one vector x."""
    return ref_sigmoid(_matmul(W, np.asarray(x, dtype=float)[:, None])[:, 0] + b)


def _norm_rows(x, gamma, beta, eps):
    out = np.empty_like(np.asarray(x, dtype=float))
    for pos, v in _rows(x):
        mu = math.fsum(v) / len(v)
        var = math.fsum((a - mu) ** 2 for a in v) / len(v)
        for i, a in enumerate(v):
            out[pos + (i,)] = (a - mu) / math.sqrt(var + eps)
    return out * gamma + beta


def ref_layer_norm(x, gamma, beta, eps=1e-5):
    return _norm_rows(x, gamma, beta, eps)


def ref_batch_norm(x, gamma, beta, eps=1e-5):
    """Training-mode batch norm: statistics over the batch axis (axis 0)."""
    x = np.asarray(x, dtype=float)
    return _norm_rows(x.T, 1.0, 0.0, eps).T * gamma + beta


def ref_batch_norm_std_eps(x, gamma, beta, eps=1e-5):
    """(x - mean) / (std + eps): eps outside the sqrt (the variant some code writes)."""
    x = np.asarray(x, dtype=float)
    out = np.empty_like(x)
    for j in range(x.shape[1]):
        col = [float(v) for v in x[:, j]]
        mu = math.fsum(col) / len(col)
        sd = math.sqrt(math.fsum((a - mu) ** 2 for a in col) / len(col))
        for i, a in enumerate(col):
            out[i, j] = (a - mu) / (sd + eps)
    return out * gamma + beta


def ref_attention(q, k, v, mask=None, scale=True):
    q = np.asarray(q, dtype=float)
    s = _matmul(q, np.asarray(k, dtype=float).T)
    if scale:
        s = s / math.sqrt(q.shape[-1])
    if mask is not None:
        s = s + mask
    return _matmul(ref_softmax(s), v)


def ref_mha_gpt2(x, c_attn, c_proj, n_head):
    """GPT-2 style: qkv = x W_attn + b; split into heads; causal attention; concat; proj."""
    x = np.asarray(x, dtype=float)
    n, d = x.shape
    qkv = ref_affine(x, c_attn["w"], c_attn["b"])
    q, k, v = qkv[:, :d], qkv[:, d : 2 * d], qkv[:, 2 * d :]
    hd = d // n_head
    mask = np.array([[0.0 if j <= i else -1e10 for j in range(n)] for i in range(n)])
    heads = [
        ref_attention(q[:, h * hd : (h + 1) * hd], k[:, h * hd : (h + 1) * hd], v[:, h * hd : (h + 1) * hd], mask)
        for h in range(n_head)
    ]
    return ref_affine(np.concatenate(heads, axis=1), c_proj["w"], c_proj["b"])


def ref_sgd(theta, g, lr):
    return np.asarray(theta, dtype=float) - lr * np.asarray(g, dtype=float)


def ref_momentum_first(theta, g, lr, momentum=0.9):
    """First step from v = 0: v = -lr g; theta + v."""
    return ref_sgd(theta, g, lr)


def ref_adam_first(theta, g, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    """First Adam step (t = 1) with bias correction: theta - lr * g / (|g| + eps)."""
    th = np.asarray(theta, dtype=float)
    out = np.empty_like(th)
    for pos in np.ndindex(*th.shape):
        gi = float(g[pos])
        m = (1 - beta1) * gi / (1 - beta1)
        v = (1 - beta2) * gi * gi / (1 - beta2)
        out[pos] = th[pos] - lr * m / (math.sqrt(v) + eps)
    return out


def ref_adagrad_first(theta, g, lr, eps=1e-7):
    th = np.asarray(theta, dtype=float)
    out = np.empty_like(th)
    for pos in np.ndindex(*th.shape):
        gi = float(g[pos])
        out[pos] = th[pos] - lr * gi / (math.sqrt(gi * gi) + eps)
    return out


def ref_grad_sum_squares(x):
    """Gradient of f(x) = sum x_i^2: 2 x (the target of a numerical gradient)."""
    return 2.0 * np.asarray(x, dtype=float)


def ref_diff_function_1(x):
    """Derivative of the textbook's function_1, f(x) = 0.01 x^2 + 0.1 x: 0.02 x + 0.1."""
    return _elementwise(lambda v: 0.02 * v + 0.1)(x)


def ref_gaussian_kl(mu, sigma):
    return 0.5 * math.fsum(
        float(s) ** 2 + float(m) ** 2 - 1.0 - math.log(float(s) ** 2) for m, s in zip(np.ravel(mu), np.ravel(sigma))
    )


def ref_gaussian_kl_logvar_rows(mu, logvar):
    """-0.5 * sum(1 + logvar - mu^2 - exp(logvar)) per row."""
    mu = np.asarray(mu, dtype=float)
    out = np.empty(mu.shape[:-1])
    for pos, v in _rows(mu):
        lv = [float(e) for e in np.asarray(logvar)[pos]]
        out[pos] = 0.5 * math.fsum(math.exp(b) + a * a - 1.0 - b for a, b in zip(v, lv))
    return out


def ref_nll(p):
    return -math.fsum(math.log(float(v)) for v in np.ravel(p))


def ref_huber_mean(y, y_hat, delta=1.0):
    terms = []
    for a, b in zip(np.ravel(y), np.ravel(y_hat)):
        r = abs(float(a) - float(b))
        terms.append(0.5 * r * r if r <= delta else delta * (r - 0.5 * delta))
    return math.fsum(terms) / len(terms)


def ref_huber_elementwise(y, y_hat, delta=1.0):
    out = np.empty(np.shape(y))
    for pos in np.ndindex(*np.shape(y)):
        r = abs(float(y[pos]) - float(y_hat[pos]))
        out[pos] = 0.5 * r * r if r <= delta else delta * (r - 0.5 * delta)
    return out


def ref_bayes(likelihood, prior):
    num = [float(a) * float(b) for a, b in zip(np.ravel(likelihood), np.ravel(prior))]
    z = math.fsum(num)
    return np.array([v / z for v in num])


def ref_swish(x):
    return _elementwise(lambda v: v * _sig(v))(x)


REFS = {name[4:]: obj for name, obj in globals().items() if name.startswith("ref_")}


# --------------------------------------------------------------------------- running


def load_case(folder: Path) -> dict:
    with open(folder / "case.toml", "rb") as fh:
        return tomllib.load(fh)


def import_impl(folder: Path):
    path = folder / "impl.py"
    name = "corpus_" + re.sub(r"\W", "_", folder.name)
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    except ImportError:  # a whole script (import matplotlib …): its definitions, as a user would call them
        module = types.ModuleType(name)
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, (ast.Import, ast.ImportFrom, ast.FunctionDef, ast.ClassDef)):
                try:
                    exec(compile(ast.Module(body=[node], type_ignores=[]), str(path), "exec"), module.__dict__)
                except ImportError:
                    continue
    return module


def _close(actual, expected) -> bool:
    try:
        a = np.asarray(actual, dtype=float)
        e = np.asarray(expected, dtype=float)
    except (TypeError, ValueError):
        return False
    if a.shape != e.shape:
        return False
    if not np.array_equal(np.isfinite(a), np.isfinite(e)):
        return False
    fin = np.isfinite(e)
    return bool(np.allclose(a[fin], e[fin], rtol=RTOL, atol=ATOL))


def run_case(folder: Path) -> tuple[bool, str]:
    """(ok, message): ok when the label in case.toml agrees with the computation."""
    case = load_case(folder)
    inp = case["inputs"]
    buggy = case["expected"].get("buggy", case["expected"]["verdict"] == "fail")
    module = import_impl(folder)
    namespace: dict = {"np": np}
    exec(inp["call"], namespace)
    call = namespace["call"]
    ref = REFS[inp["reference"]]
    ref_args = dict(inp.get("ref_args", {}))
    regimes = inp.get("regimes", ["ordinary"])
    mismatches = []
    for regime in regimes:
        for trial in range(TRIALS):
            rng = np.random.default_rng(1000 * trial + 7)
            args = {k: generate(v, rng, regime) for k, v in inp["args"].items()}
            ref_in = {k: v for k, v in args.items() if k not in inp.get("call_only", [])}
            ref_in = {inp.get("rename", {}).get(k, k): v for k, v in ref_in.items()}
            copies = {k: (v.copy() if isinstance(v, np.ndarray) else v) for k, v in args.items()}
            with warnings.catch_warnings(), np.errstate(all="ignore"):
                warnings.simplefilter("ignore")
                try:
                    actual = call(module, **copies)
                    error = None
                except Exception as exc:  # a crash is a difference too
                    actual, error = None, f"{type(exc).__name__}: {exc}"
            expected = ref(**ref_in, **ref_args)
            if error is not None or not _close(actual, expected):
                mismatches.append((regime, trial, error or _short(actual, expected)))
    if buggy:
        if mismatches:
            r, t, what = mismatches[0]
            return True, f"buggy, differs ({r} regime, trial {t}: {what})"
        return False, "labelled buggy but matches the independent computation on every input"
    if mismatches:
        r, t, what = mismatches[0]
        return False, f"labelled correct but differs ({r} regime, trial {t}: {what})"
    return True, f"correct, matches ({', '.join(regimes)}; {TRIALS} trials each)"


def _short(actual, expected) -> str:
    a = np.asarray(actual, dtype=float) if actual is not None else None
    e = np.asarray(expected, dtype=float)
    if a is None:
        return "returned None"
    if a.shape != e.shape:
        return f"shape {a.shape} vs expected {e.shape}"
    with np.errstate(all="ignore"):
        return f"max |diff| {np.nanmax(np.abs(a - e)) if a.size else 0:.3g}, e.g. {a.ravel()[:2]} vs {e.ravel()[:2]}"


def case_folders() -> list[Path]:
    return sorted(p for p in HERE.iterdir() if (p / "case.toml").exists())


def main() -> int:
    failures = 0
    skipped = 0
    for folder in case_folders():
        if not (folder / "impl.py").exists():
            skipped += 1
            print(f"SKIP {folder.name}: no impl.py (the quotes are not committed; see README)")
            continue
        try:
            ok, msg = run_case(folder)
        except Exception as exc:  # a broken recipe is a failure of this case, not of the run
            ok, msg = False, f"recipe error: {type(exc).__name__}: {exc}"
        failures += not ok
        print(f"{'ok  ' if ok else 'FAIL'} {folder.name}: {msg}")
    print(f"{failures} label(s) disagree; {skipped} case(s) without impl.py")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
