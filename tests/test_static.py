"""Static facts of an implementation (static.py): operations with ranges, hints, locate()."""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import pytest

from eq2code.base.span import Position, Range
from eq2code.code.static import analyze, analyze_text, locate


def write(tmp_path, code: str, name: str = "impl.py") -> str:
    path = tmp_path / name
    path.write_text(textwrap.dedent(code).lstrip("\n"), encoding="utf-8")
    return str(path)


def text_at(path: str, r: Range) -> str:
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    if r.start.line == r.end.line:
        return lines[r.start.line][r.start.character:r.end.character]
    return "\n".join([lines[r.start.line][r.start.character:], *lines[r.start.line + 1:r.end.line],
                      lines[r.end.line][:r.end.character]])


ATTENTION = """
import numpy as np


def attention(Q, K, V):
    d_k = Q.shape[-1]
    scores = Q @ K.T / np.sqrt(d_k)
    scores = scores - scores.max(axis=-1, keepdims=True)
    weights = np.exp(scores)
    weights = weights / weights.sum(axis=-1, keepdims=True)
    return weights @ V
"""


def test_attention_facts(tmp_path):
    path = write(tmp_path, ATTENTION)
    facts = analyze(path, "attention")
    assert facts.found and not facts.error
    assert facts.params == ["Q", "K", "V"]
    assert facts.def_range == Range(Position(3, 4), Position(3, 13))
    kinds = {(o.kind, o.fn) for o in facts.ops}
    assert {("matmul", "@"), ("transpose", "T"), ("sqrt", "sqrt"), ("exp", "exp"), ("reduction", "max"),
            ("reduction", "sum"), ("divide", "/"), ("max-shift", ""), ("return", "")} <= kinds
    matmuls = facts.of("matmul")
    assert [text_at(path, o.range) for o in matmuls] == ["Q @ K.T", "weights @ V"]
    assert matmuls[0].args == ("Q", "K.T")
    total = facts.of("reduction", "sum")[0]
    assert (total.axis, total.axis_given, total.keepdims) == (-1, True, True)
    assert text_at(path, total.range) == "weights.sum(axis=-1, keepdims=True)"
    division = next(o for o in facts.of("divide") if "sqrt" in o.divisor)
    assert division.divisor == "np.sqrt(d_k)"
    assert [(a.line, a.targets) for a in facts.assignments] == [
        (4, ("d_k",)), (5, ("scores",)), (6, ("scores",)), (7, ("weights",)), (8, ("weights",))]
    # a shifted exp is stable; .T on a 2-D parameter may be batched
    assert not facts.hints_named("unstable-exp")
    assert [text_at(path, h.range) for h in facts.hints_named("batch-inconsistent")] == ["K.T"]
    assert not analyze(path, "attention", ndims={"Q": 2, "K": 1, "V": 2}).hints_named("batch-inconsistent")


def test_ranges_count_code_points(tmp_path):
    path = write(tmp_path, """
        import numpy as np

        def f(x):
            é = "日本" + np.exp(x)
            return é
        """)
    exp = analyze(path, "f").of("exp")[0]
    assert exp.range == Range(Position(3, 15), Position(3, 24))
    assert text_at(path, exp.range) == "np.exp(x)"


def test_logs_bases_epsilons_and_clips(tmp_path):
    path = write(tmp_path, """
        import math
        import numpy as np
        from numpy import log10

        def ce(y, y_hat, eps=1e-12):
            delta = 1e-7
            a = np.log(y_hat + delta)
            b = np.log2(y_hat) + log10(y_hat) + math.log(y_hat[0], 2)
            c = np.log(np.clip(y_hat, 1e-12, 1.0)) + np.log(eps + y_hat)
            return -np.sum(y * (a + b + c))
        """)
    facts = analyze(path, "ce")
    bases = [(o.fn, o.base) for o in facts.of("log")]
    assert bases == [("log", "e"), ("log2", "2"), ("log10", "10"), ("log2", "2"), ("log", "e"), ("log", "e")]
    assert [h.data["base"] for h in facts.hints_named("wrong-log-base")] == ["2", "10", "2"]
    eps = facts.hints_named("epsilon-variant")
    assert [h.data["how"] for h in eps] == ["epsilon", "clip", "epsilon"]
    assert text_at(path, eps[0].range) == "y_hat + delta"
    assert text_at(path, locate("wrong-log-base", facts)) == "np.log2(y_hat)"
    assert text_at(path, locate("sign-error", facts)).startswith("-np.sum")


def test_missing_keepdims_hint(tmp_path):
    path = write(tmp_path, """
        import numpy as np

        def softmax(z):
            e = np.exp(z - np.max(z, axis=-1, keepdims=True))
            s = e.sum(axis=1)
            return e / s

        def softmax2(z):
            e = np.exp(z - z.max(axis=0))
            return e / e.sum(axis=-1)
        """)
    facts = analyze(path, "softmax")
    hints = facts.hints_named("missing-keepdims")
    assert [text_at(path, h.range) for h in hints] == ["e.sum(axis=1)"]
    assert hints[0].data["axis"] == 1
    assert text_at(path, locate("missing-keepdims", facts)) == "e.sum(axis=1)"
    second = analyze(path, "softmax2")
    # axis=0 without keepdims broadcasts correctly against (n, K); axis=-1 does not
    assert [text_at(path, h.range) for h in second.hints_named("missing-keepdims")] == ["e.sum(axis=-1)"]
    # a vector reduced to a scalar broadcasts fine
    assert not analyze(path, "softmax2", ndims={"z": 1}).hints_named("missing-keepdims")


def test_unstable_exp_hint(tmp_path):
    path = write(tmp_path, """
        import math
        import numpy as np

        def naive(z):
            return np.exp(z) / np.sum(np.exp(z))

        def shifted(z):
            m = np.max(z, axis=-1, keepdims=True)
            return np.exp(z - m) / np.sum(np.exp(z - m), axis=-1, keepdims=True)

        def inplace(z):
            z -= z.max()
            np.exp(z, out=z)
            return z / z.sum()

        def branch(x):
            if x >= 0:
                return 1.0 / (1.0 + math.exp(-x))
            e = math.exp(x)
            return e / (1.0 + e)
        """)
    naive = analyze(path, "naive")
    assert [text_at(path, h.range) for h in naive.hints_named("unstable-exp")] == ["np.exp(z)", "np.exp(z)"]
    assert naive.hints_named("unstable-exp")[0].data["parameters"] == ["z"]
    assert text_at(path, locate("unstable-exp", naive)) == "np.exp(z)"
    for name in ("shifted", "inplace", "branch"):
        assert not analyze(path, name).hints_named("unstable-exp"), name


def test_inplace_on_parameters(tmp_path):
    path = write(tmp_path, """
        import numpy as np

        def softmax(z, w):
            z -= np.max(z)
            np.exp(z, out=z)
            z /= np.sum(z)
            w[0] = 1.0
            return z

        def copies(z):
            z = z - z.max()
            z /= z.sum()
            a = np.asarray(z)
            return a

        def aliases(z):
            a = np.asarray(z)
            a *= 2
            return a
        """)
    facts = analyze(path, "softmax")
    hints = facts.hints_named("input-mutated")
    assert [(h.data["argument"], h.data["operator"]) for h in hints] == [
        ("z", "-="), ("z", "out="), ("z", "/="), ("w", "[]=")]
    assert text_at(path, locate("input-mutated", facts)) == "z -= np.max(z)"
    assert not analyze(path, "copies").hints_named("input-mutated")
    assert [h.data["argument"] for h in analyze(path, "aliases").hints_named("input-mutated")] == ["z"]


def test_matmul_forms_and_transposes(tmp_path):
    path = write(tmp_path, """
        import numpy as np

        def attention(Q, K, V):
            a = np.matmul(Q, np.swapaxes(K, -1, -2))
            b = np.einsum("nd,md->nm", Q, K)
            c = Q.dot(K.transpose())
            d = np.dot(Q, np.transpose(K)) + Q @ K.T ** 0.5 + np.linalg.norm(Q, axis=-1)
            return (a + b + c + d) @ V
        """)
    facts = analyze(path, "attention")
    assert [(o.fn, o.args) for o in facts.of("matmul")] == [
        ("matmul", ("Q", "np.swapaxes(K, -1, -2)")), ("einsum", ("Q", "K")), ("dot", ("Q", "K.transpose()")),
        ("dot", ("Q", "np.transpose(K)")), ("@", ("Q", "K.T ** 0.5")), ("@", ("(a + b + c + d)", "V"))]
    assert facts.of("matmul", "einsum")[0].subscripts == "nd,md->nm"
    assert [o.fn for o in facts.of("transpose")] == ["swapaxes", "transpose", "transpose", "T"]
    assert [o.fn for o in facts.of("sqrt")] == ["pow"]
    norm = facts.of("reduction", "norm")[0]
    assert (norm.axis, norm.keepdims) == (-1, False)


def test_locate_named_mistakes(tmp_path):
    path = write(tmp_path, """
        import numpy as np

        def attention(Q, K, V):
            scores = Q @ K
            w = np.exp(scores - scores.max(axis=0, keepdims=True))
            w = w / w.sum(axis=0, keepdims=True)
            return w
        """)
    facts = analyze(path, "attention")
    at = lambda name, part="": text_at(path, locate(name, facts, part))  # noqa: E731
    assert at("wrong-reduction-axis") == "w.sum(axis=0, keepdims=True)"
    assert at("missing-transpose") == "Q @ K"
    assert at("missing-scale", "\\sqrt{d_{k}}") == "Q @ K"
    assert at("missing-value-product") == "w"
    assert at("missing-normalization") == "w / w.sum(axis=0, keepdims=True)"
    assert at("unstable-exp") == "np.exp(scores - scores.max(axis=0, keepdims=True))"
    assert locate("off-by-one", facts) is None
    assert locate("log-of-zero", facts) is None
    assert locate("not-a-finding", facts) is None


def test_locate_scale_temperature_sum(tmp_path):
    path = write(tmp_path, """
        import numpy as np

        def f(x, T, d_k):
            s = x * T
            r = x / np.sqrt(d_k)
            n = np.sqrt(np.mean(x ** 2))
            for i in range(1, len(x)):
                pass
            return s + r + n + x[1:].sum()
        """)
    facts = analyze(path, "f")
    at = lambda name, part="": text_at(path, locate(name, facts, part))  # noqa: E731
    assert at("temperature-inverted", "T") == "x * T"
    assert at("wrong-scale", "\\sqrt{d_{k}}") == "x / np.sqrt(d_k)"
    assert at("sum-vs-mean") == "np.mean(x ** 2)"
    assert at("off-by-one") == "range(1, len(x))"
    assert at("missing-term") == "s + r + n + x[1:].sum()"


def test_missing_sqrt_points_at_the_returned_sum(tmp_path):
    path = write(tmp_path, """
        import numpy as np

        def l2_norm(x):
            return np.sum(x ** 2)
        """)
    facts = analyze(path, "l2_norm")
    assert text_at(path, locate("missing-sqrt", facts)) == "np.sum(x ** 2)"


@pytest.mark.parametrize("code", [
    "def f(x):\n    g = lambda y: y.T @ y\n    def inner(z):\n        z -= 1\n        return z.sum(axis=1)\n"
    "    return inner(g(x))\n",
    "class M:\n    def f(self, x):\n        return self.w @ x.T\n\ndef f(x):\n    return M().f(x)[..., ::2]\n",
    "def f(x, *args, **kw):\n    a, (b, *c) = x, (1, 2, 3)\n    x.attr.sum(axis=(0, 1))\n    "
    "return [i for i in range(3)] or {**kw} or (yield)\n",
    "async def f(x):\n    async with x as y:\n        await y\n    return x @ x\n",
    "def f(x):\n    match x:\n        case [a, b]:\n            return a / b\n    return np.exp(x, out=x)\n",
])
def test_unexpected_syntax_never_raises(tmp_path, code):
    path = write(tmp_path, code)
    facts = analyze(path, "f")
    assert facts.error == "" and facts.found
    for name in ("wrong-reduction-axis", "missing-transpose", "sign-error", "input-mutated", "missing-scale",
                 "off-by-one", "missing-term"):
        r = locate(name, facts)
        assert r is None or isinstance(r, Range)


def test_methods_nested_functions_and_failures(tmp_path):
    path = write(tmp_path, """
        import numpy as np
        from scipy.special import logsumexp as lse

        class Model:
            def forward(self, x):
                return np.exp(x - lse(x, axis=-1, keepdims=True))

        def outer(x):
            def helper(y):
                y -= 1
                return np.exp(y)
            return helper(x)
        """)
    method = analyze(path, "Model.forward")
    assert method.found and method.params == ["x"]
    assert [o.fn for o in method.of("reduction")] == ["logsumexp"]
    assert not method.hints_named("unstable-exp")
    outer = analyze(path, "outer")
    assert [o.scope for o in outer.of("exp")] == ["helper"]
    assert not outer.hints_named("input-mutated")  # y is the helper's parameter, not outer's
    assert not analyze(path, "missing").found
    assert "no function" in analyze(path, "missing").error
    bad = write(tmp_path, "def f(:\n    pass\n", "bad.py")
    assert analyze(bad, "f").error and not analyze(bad, "f").found
    assert analyze(str(tmp_path / "nope.py"), "f").error.startswith("cannot read")
    assert locate("sign-error", analyze(bad, "f")) is None
    assert analyze_text("def f(x):\n" + "    return " + "(" * 400 + "x" + ")" * 400 + "\n", "f").ops is not None


def test_libcst_is_imported_lazily():
    import subprocess

    code = "import sys, eq2code.code.static, eq2code.checking.check; print('libcst' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
