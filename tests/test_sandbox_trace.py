"""The opt-in shape trace of the sandbox (CallSpec.trace → CallResult.trace)."""

from __future__ import annotations

import textwrap

import numpy as np

from eq2code.code.sandbox.api import CallSpec
from eq2code.code.sandbox.runner import run_calls


def write(tmp_path, code: str) -> str:
    path = tmp_path / "impl.py"
    path.write_text(textwrap.dedent(code).lstrip("\n"), encoding="utf-8")
    return str(path)


ATTENTION = """
import numpy as np


def _softmax(x):
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def attention(Q, K, V):
    d_k = Q.shape[-1]
    scores = Q @ K.T / np.sqrt(d_k)
    weights = _softmax(scores)
    return weights @ V
"""


def arrays(n=2, d_k=3, m=4, d_v=5):
    rng = np.random.default_rng(0)
    return [rng.normal(size=(n, d_k)), rng.normal(size=(m, d_k)), rng.normal(size=(m, d_v))]


def test_trace_records_shapes_per_line(tmp_path):
    path = write(tmp_path, ATTENTION)
    outcome = run_calls(path, "attention", [CallSpec(arrays(), trace=True)])
    assert outcome.status == "ok"
    trace = outcome.results[0].trace
    mine = [r for r in trace if r["line"] >= 9]
    assert mine == [
        {"line": 10, "name": "d_k", "shape": []},
        {"line": 11, "name": "scores", "shape": [2, 4]},
        {"line": 12, "name": "weights", "shape": [2, 4]},
        {"line": 13, "name": "return", "shape": [2, 5]},
    ]
    # frames of helpers in the user's file are traced too (their own lines)
    assert {"line": 5, "name": "e", "shape": [2, 4]} in trace
    assert {"line": 6, "name": "return", "shape": [2, 4]} in trace


def test_trace_is_off_by_default_and_changes_nothing(tmp_path):
    path = write(tmp_path, ATTENTION)
    args = arrays()
    outcome = run_calls(path, "attention", [CallSpec(args), CallSpec(args, trace=True)])
    plain, traced = outcome.results
    assert plain.trace == [] and traced.trace
    assert plain.status == traced.status == "ok"
    np.testing.assert_array_equal(plain.value, traced.value)


def test_trace_sees_in_place_changes_and_loops(tmp_path):
    path = write(tmp_path, """
        import numpy as np

        def softmax(z):
            z -= np.max(z)
            np.exp(z, out=z)
            total = 0.0
            for v in z:
                total += v
            z /= total
            return z
        """)
    outcome = run_calls(path, "softmax", [CallSpec([np.array([1.0, 2.0, 3.0])], trace=True)])
    result = outcome.results[0]
    assert result.status == "ok" and result.mutated == ["arg0"]
    lines = [(r["line"], r["name"], r["shape"]) for r in result.trace]
    assert (4, "z", [3]) in lines and (5, "z", [3]) in lines and (9, "z", [3]) in lines
    assert (6, "total", []) in lines and (7, "v", []) in lines and (8, "total", []) in lines
    assert lines.count((8, "total", [])) == 1  # identical records are kept once
    assert (10, "return", [3]) in lines


def test_trace_survives_exceptions_and_odd_locals(tmp_path):
    path = write(tmp_path, """
        import numpy as np

        class Weird(np.ndarray):
            @property
            def shape(self):
                raise RuntimeError("no shape for you")

        def f(Q, K):
            w = np.zeros((2, 2)).view(Weird)
            items = [Q, K]
            lam = lambda x: x
            scores = Q @ K
            return scores
        """)
    q, k = np.ones((2, 3)), np.ones((4, 3))
    outcome = run_calls(path, "f", [CallSpec([q, k], trace=True), CallSpec([q, k.T], trace=True)])
    failed, ok = outcome.results
    assert failed.status == "exception" and failed.exc_type == "ValueError" and failed.lineno == 12
    assert {"line": 9, "name": "w", "shape": [2, 2]} in failed.trace
    assert all(r["name"] != "items" for r in failed.trace)
    assert ok.status == "ok" and {"line": 12, "name": "scores", "shape": [2, 4]} in ok.trace


def test_trace_is_bounded(tmp_path):
    path = write(tmp_path, """
        import numpy as np

        def f(x):
            for i in range(10000):
                y = np.zeros(i % 3000)
            return x
        """)
    outcome = run_calls(path, "f", [CallSpec([np.ones(3)], trace=True)], timeout=30)
    result = outcome.results[0]
    assert result.status == "ok"
    assert 0 < len(result.trace) <= 2000
