"""Plan and evaluation: SymPy → compile_expr → evaluate_plan against NumPy on random inputs,
in np.longdouble where it matters (logits of ±1000)."""

from __future__ import annotations

import json

import numpy as np
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import Indexed, IndexedBase, MatrixSymbol, Sum

from eq2code.equation.plan import CompileError, compile_expr
from eq2code.equation.sympy_ext import Softmax, SoftmaxFirstAxis, sigmoid
from eq2code.reference.evaluate import DTYPE, EvaluationError, evaluate_plan

N = sympy.Symbol("N", integer=True, positive=True)
M = sympy.Symbol("M", integer=True, positive=True)
i = sympy.Symbol("i", integer=True)
x, y = IndexedBase("x"), IndexedBase("y")
a = sympy.Symbol("a", real=True)


def run(expr, values, sizes, free=()):
    plan = compile_expr(expr)
    assert json.loads(json.dumps(plan)) == plan  # the plan is plain JSON (the cache stores it)
    return evaluate_plan(plan, list(free), values, sizes)


def test_plan_nodes_are_the_documented_ones():
    assert compile_expr(sympy.Integer(3)) == ["num", 3.0]
    assert compile_expr(a) == ["sym", "a"]
    assert compile_expr(N) == ["size", "N"]
    assert compile_expr(i) == ["index", "i"]
    assert compile_expr(Sum(Indexed(x, i), (i, 1, N))) == ["sum", ["indexed", "x", [["index", "i"]]], "i",
                                                           ["num", 1.0], ["size", "N"]]
    assert compile_expr(Softmax(MatrixSymbol("Z", N, M))) == ["softmax", ["msym", "Z"]]
    assert compile_expr(SoftmaxFirstAxis(MatrixSymbol("Z", N, M))) == ["softmax", ["msym", "Z"], 0]


def test_what_cannot_be_computed_is_a_compile_error():
    with pytest.raises(CompileError):
        compile_expr(sympy.Integral(a, (a, 0, 1)))


def test_unknown_plan_node_is_an_evaluation_error():
    with pytest.raises(EvaluationError):
        evaluate_plan(["no-such-node"], [], {}, {})


@settings(max_examples=25, deadline=None)
@given(st.integers(2, 7), st.integers(0, 2**32 - 1))
def test_sum_of_squares_matches_numpy(n, seed):
    v = np.random.default_rng(seed).normal(size=n)
    got = run(Sum(Indexed(x, i) ** 2, (i, 1, N)), {"x": v}, {"N": n})
    np.testing.assert_allclose(float(got), float(v @ v), rtol=1e-12)


@settings(max_examples=25, deadline=None)
@given(st.integers(2, 6), st.integers(0, 2**32 - 1))
def test_free_index_becomes_an_axis(n, seed):
    rng = np.random.default_rng(seed)
    v, w = rng.normal(size=n), rng.normal(size=n)
    got = run(Indexed(x, i) * Indexed(y, i) + 1, {"x": v, "y": w}, {"N": n},
              free=[("i", ["num", 1.0], ["size", "N"])])
    np.testing.assert_allclose(got.astype(float), v * w + 1, rtol=1e-12)


@settings(max_examples=20, deadline=None)
@given(st.integers(2, 5), st.integers(2, 5), st.integers(2, 5), st.integers(0, 2**32 - 1))
def test_matrix_products_and_transposes(n, k, m, seed):
    rng = np.random.default_rng(seed)
    A, B = rng.normal(size=(n, k)), rng.normal(size=(m, k))
    Ks = sympy.Symbol("K", integer=True, positive=True)
    expr = MatrixSymbol("A", N, Ks) * MatrixSymbol("B", M, Ks).T
    got = run(expr, {"A": A, "B": B}, {"N": n, "K": k, "M": m})
    np.testing.assert_allclose(got.astype(float), A @ B.T, rtol=1e-12)


@pytest.mark.parametrize("axis_cls,axis", [(Softmax, -1), (SoftmaxFirstAxis, 0)])
def test_softmax_axes(axis_cls, axis):
    Z = np.random.default_rng(5).normal(size=(3, 4))
    got = run(axis_cls(MatrixSymbol("Z", N, M)), {"Z": Z}, {"N": 3, "M": 4}).astype(float)
    e = np.exp(Z - Z.max(axis=axis, keepdims=True))
    np.testing.assert_allclose(got, e / e.sum(axis=axis, keepdims=True), rtol=1e-12)


def test_reference_is_longdouble():
    got = run(sympy.exp(a), {"a": 1.0}, {})
    assert got.dtype == DTYPE == np.longdouble


@pytest.mark.parametrize("scale", [1000.0, -1000.0])
def test_softmax_of_huge_logits_stays_finite(scale):
    Z = np.array([[scale, scale - 1.0, scale - 2.0, 0.0]])
    got = run(Softmax(MatrixSymbol("Z", N, M)), {"Z": Z}, {"N": 1, "M": 4}).astype(float)
    e = np.exp(Z - Z.max(axis=-1, keepdims=True))
    assert np.isfinite(got).all()
    np.testing.assert_allclose(got, e / e.sum(axis=-1, keepdims=True), rtol=1e-9, atol=1e-300)


def test_log_sum_exp_of_logits_near_a_thousand_in_longdouble():
    """Σ exp(±1000 + small) in long double: finite where float64 would overflow (if long double
    is wider than double on this platform), and equal to the stable form either way."""
    v = np.array([1000.0, 999.0, 998.5])
    got = run(sympy.log(Sum(sympy.exp(Indexed(x, i)), (i, 1, N))), {"x": v}, {"N": 3})
    stable = v.max() + np.log(np.exp(v - v.max()).sum())
    if np.finfo(np.longdouble).max > np.finfo(np.float64).max:
        np.testing.assert_allclose(float(got), stable, rtol=1e-12)
    else:  # long double is double here: exp(1000) overflows, and the reference says so
        assert not np.isfinite(float(got)) or np.isclose(float(got), stable)


def test_sigmoid_and_piecewise():
    got = run(sigmoid(a), {"a": 0.3}, {})
    assert np.isclose(float(got), 1 / (1 + np.exp(-0.3)))
    relu = sympy.Piecewise((a, a > 0), (0, True))
    assert float(run(relu, {"a": -2.0}, {})) == 0.0 and float(run(relu, {"a": 2.0}, {})) == 2.0


def test_index_out_of_range_is_an_evaluation_error():
    with pytest.raises(EvaluationError):
        run(Sum(Indexed(x, i), (i, 1, N + 1)), {"x": np.ones(3)}, {"N": 3})
