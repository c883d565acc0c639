"""Comparison (spec §2): shape → finite pattern → values, with float32's looser tolerance."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from eq2code.findings.messages import fill
from eq2code.reference.compare import RTOL, RTOL_FLOAT32, compare, shape_names, shape_text, tolerance

SIZES = {"n": 3, "K": 4}


def test_equal_arrays_pass():
    e = np.arange(12.0).reshape(3, 4)
    assert compare(e, e.copy(), SIZES, "(n, K)") is None


def test_shape_mismatch_names_the_sizes():
    p = compare(np.zeros((3, 4)), np.zeros((4, 3)), SIZES, "(n, K)")
    assert p is not None and p.name == "wrong-shape"
    assert p.params["expected"] == "(n, K)" and p.params["actual"] == "(K, n)"
    assert p.score == np.inf


def test_no_broadcasting_a_scalar_against_a_vector():
    p = compare(np.zeros(3), np.zeros(()), SIZES, "(n,)")
    assert p is not None and p.name == "wrong-shape" and fill("{a}", {"a": p.params["actual"]}) == "() (a scalar)"


def test_keepdims_column_is_a_shape_problem():
    p = compare(np.zeros(3), np.zeros((3, 1)), SIZES, "(n,)")
    assert p is not None and p.name == "wrong-shape" and p.params["actual"] == "(n, 1)"


def test_nonfinite_where_the_reference_is_finite():
    e = np.ones(4)
    a = e.copy()
    a[2] = np.nan
    p = compare(e, a, SIZES, "(K,)")
    assert p is not None and p.name == "nonfinite-output" and p.params["where"] == "[2]"


def test_the_same_nonfinite_pattern_passes():
    e = np.array([1.0, np.inf, np.nan, -np.inf])
    assert compare(e, e.copy(), SIZES, "(K,)") is None


def test_inf_of_the_other_sign_is_a_mismatch():
    p = compare(np.array([1.0, np.inf]), np.array([1.0, -np.inf]), SIZES, "(2,)")
    assert p is not None and p.name == "numeric-mismatch" and p.params["index"] == "[1]"


@pytest.mark.parametrize("dtype,rtol", [("float64", RTOL), ("float32", RTOL_FLOAT32), ("float16", RTOL_FLOAT32)])
def test_tolerance_edges(dtype, rtol):
    assert tolerance(dtype) == rtol
    e = np.array([1.0, 2.0, -3.0])
    assert compare(e, e * (1 + 0.5 * rtol), SIZES, "(3,)", dtype) is None
    p = compare(e, e * (1 + 3 * rtol), SIZES, "(3,)", dtype)
    assert p is not None and p.name == "numeric-mismatch"


def test_float32_result_passes_with_float32_rounding_only():
    e = np.random.default_rng(0).normal(size=(5, 5))
    a32 = e.astype(np.float32).astype(np.float64)
    assert compare(e, a32, SIZES, "(5, 5)", "float32") is None
    assert compare(e * 1.01, a32, SIZES, "(5, 5)", "float32") is not None


def test_absolute_slack_is_only_float64_rounding_of_the_largest_entry():
    e = np.array([1e6, 1e-9])
    assert compare(e, e + np.array([0.0, 1e-12]), SIZES, "(2,)") is None  # below 1e-12·1e6
    p = compare(e, e + np.array([0.0, 1e-4]), SIZES, "(2,)")
    assert p is not None and p.params["index"] == "[1]"


def test_worst_entry_is_reported():
    e = np.ones(5)
    a = e.copy()
    a[1], a[3] = 1.1, 2.0
    p = compare(e, a, SIZES, "(5,)")
    assert p is not None and p.params["index"] == "[3]" and p.params["actual_value"] == "2"


def test_shape_text_uses_size_names_only_when_unambiguous():
    assert shape_text((3, 4), {"n": 3, "K": 4}) == "(n, K)"
    assert shape_text((3, 3), {"n": 3, "m": 3}) == "(3, 3)"
    assert shape_text((4,), {"K": 4}) == "(K,)"
    assert shape_names(("n", "K")) == "(n, K)" and fill("{a}", {"a": shape_names(())}, "ja") == "()（スカラー）"


finite = st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False)


@settings(max_examples=60, deadline=None)
@given(arrays(np.float64, st.integers(1, 6), elements=finite))
def test_every_array_matches_itself(e):
    assert compare(e, e.copy(), {}, "") is None


@settings(max_examples=60, deadline=None)
@given(arrays(np.float64, st.integers(1, 6), elements=st.floats(0.5, 1e3)), st.floats(1e-3, 1.0))
def test_a_relative_error_beyond_tolerance_is_caught(e, rel):
    p = compare(e, e * (1 + rel), {}, "")
    assert p is not None and p.name == "numeric-mismatch"
