"""Comparing a result with the reference (spec §2), each step its own problem:
shape (exactly, no broadcasting) → finite/non-finite pattern → values (relative tolerance,
no absolute slack beyond float64 rounding of the largest entry).

Works on plain float64 arrays that the checker itself made; nothing from the user's code
takes part in the comparison.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from eq2code.findings.phrases import Phrase

RTOL = 1e-6
RTOL_FLOAT32 = 2e-4
ATOL_SCALE = 1e-12  # times the largest |reference| entry: float64 rounding, nothing more


@dataclass(eq=False, repr=False)  # never compared or printed: two generated methods fewer (docs/performance.md)
class Problem:
    """Why a result is not the equation's value: a finding name, its parameters, how far off."""

    name: str  # wrong-shape | nonfinite-output | numeric-mismatch
    params: dict[str, Any] = field(default_factory=dict)
    score: float = 0.0  # how far off (for choosing the clearest counterexample)


def shape_text(shape: tuple[int, ...], sizes: dict[str, int]) -> str | Phrase:
    """(4, 1) → '(K, 1)' using the trial's sizes (which are distinct, so the names are too)."""
    if shape == ():
        return Phrase("scalar-shape")
    by_value: dict[int, list[str]] = {}
    for name, value in sizes.items():
        by_value.setdefault(value, []).append(name)
    parts = []
    for d in shape:
        names = by_value.get(d, [])
        parts.append(names[0] if len(names) == 1 else str(d))
    return "(" + ", ".join(parts) + (",)" if len(parts) == 1 else ")")


def shape_names(shape: tuple, ) -> str | Phrase:
    if shape == ():
        return Phrase("scalar-shape")
    return "(" + ", ".join(str(d) for d in shape) + (",)" if len(shape) == 1 else ")")


def tolerance(dtype: str) -> float:
    return RTOL_FLOAT32 if dtype in ("float32", "float16") else RTOL


def compare(expected: np.ndarray, actual: np.ndarray, sizes: dict[str, int], expected_shape_names: str | Phrase,
            dtype: str = "float64", rtol: float | None = None) -> Problem | None:
    """The first problem of `actual` against `expected`: shape, non-finite pattern, values
    (relative tolerance `rtol`, by default that of the result's dtype); None when they agree."""
    expected = np.asarray(expected, dtype=np.float64)
    actual = np.asarray(actual, dtype=np.float64)
    if expected.shape != actual.shape:
        return Problem("wrong-shape", {"expected": expected_shape_names, "actual": shape_text(actual.shape, sizes),
                                       "sizes": ", ".join(f"{k}={v}" for k, v in sizes.items())}, score=np.inf)
    fin_e, fin_a = np.isfinite(expected), np.isfinite(actual)
    if not np.array_equal(fin_e, fin_a):
        where = np.argwhere(fin_e != fin_a)[0]
        return Problem("nonfinite-output", {"where": _index(where), "expected_value": _num(expected[tuple(where)]),
                                            "actual_value": _num(actual[tuple(where)])}, score=np.inf)
    nonfinite_differs = ~fin_e & (expected != actual) & ~(np.isnan(expected) & np.isnan(actual))
    if nonfinite_differs.any():
        where = np.argwhere(nonfinite_differs)[0]
        return Problem("numeric-mismatch", _mismatch_params(expected, actual, where, np.inf), score=np.inf)
    rtol = tolerance(dtype) if rtol is None else max(rtol, tolerance(dtype))
    e, a = expected[fin_e], actual[fin_e]
    if e.size == 0:
        return None
    # float64 rounding of the largest entry; never below the smallest normal number (subnormal
    # values such as σ(-740) = 1.6e-323 are beyond what float64 code can be asked to compute)
    atol = max(ATOL_SCALE * float(np.max(np.abs(e))), float(np.finfo(np.float64).tiny))
    err = np.abs(a - e)
    bound = rtol * np.abs(e) + atol
    bad = err > bound
    if not bad.any():
        return None
    with np.errstate(over="ignore", divide="ignore", invalid="ignore"):
        rel = err / np.maximum(np.abs(e), np.finfo(float).tiny)
    worst_flat = int(np.argmax(np.where(bad, rel, -1.0)))
    where = np.argwhere(fin_e)[worst_flat] if expected.ndim else np.array([], dtype=int)
    return Problem("numeric-mismatch", _mismatch_params(expected, actual, where, float(rel.max())),
                   score=float(np.max(rel)))


def _mismatch_params(expected, actual, where, rel) -> dict[str, Any]:
    idx = tuple(int(i) for i in where)
    return {"index": _index(where) if expected.ndim else "", "expected_value": _num(expected[idx]),
            "actual_value": _num(actual[idx]), "rel_error": f"{rel:.2g}"}


def _index(where) -> str:
    return "[" + ", ".join(str(int(i)) for i in where) + "]"


def _num(x: float) -> str:
    return f"{float(x):.6g}"


def short(value: Any, limit: int = 6) -> str:
    """A shortened, readable rendering of an input or result for messages."""
    arr = np.asarray(value)
    if arr.ndim == 0:
        return f"{float(arr):.4g}" if arr.dtype.kind == "f" else str(arr.item())
    text = np.array2string(arr, precision=3, threshold=limit, edgeitems=2, separator=", ",
                           suppress_small=False, max_line_width=10_000)
    return " ".join(text.split())
