"""The other rows of a block against the other parts of what the function returns.

A function implementing a block of several definitions returns their values as a tuple
(`return x, v` for the momentum pair, `return prec_c, eta_c`, `return Q, K, V`). The judge reads
the main row's value from one part (`return-component`); this module compares the block's other
rows with the remaining parts, so that a mistake in a row that is not the main one is not passed
silently (D18 had left them uncompared).

Parts that should be an intermediate the main row uses (a batch norm's μ and σ²) are not compared:
code caches such values in other forms. Only a tuple with one part per row of the file is read so
(`return x, v` of the momentum pair, `return Q, K, V`): `(out, cache)`, `(y, mu)` beside a batch
norm's three rows or Adam's
`(theta, m, v)` beside its five may hold values that are no row (a cache for the backward pass),
and nothing is said of them. Each other row is matched with a part equal to it on every core
trial; a part that no row equals is a mistake in the row of its shape — only when every such part
has the shape of a row that no part matched.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from eq2code.checking import evidence
from eq2code.checking.context import CheckContext
from eq2code.checking.prepare import math_values
from eq2code.code.sandbox.api import CallResult
from eq2code.equation.model import Equation
from eq2code.reference.compare import compare
from eq2code.reference.evaluate import EvaluationError, evaluate
from eq2code.reference.inputs import Trial


@dataclass
class RowMismatch:
    """A part of the returned tuple that should be the block's row `row` and is not."""

    row: Equation
    key: str
    params: dict[str, Any]


def _sorted_keys(keys: set[str]) -> list[str]:
    return sorted(keys, key=lambda k: (not k.isdigit(), int(k) if k.isdigit() else 0, k))


def _row_values(row: Equation, core: list[tuple[Trial, CallResult]]) -> list[np.ndarray] | None:
    """The row's value on each core trial, or None when the trials do not give all its inputs."""
    out = []
    for trial, _ in core:
        if any(s.name not in trial.values for s in row.inputs if s.role != "size"):
            return None
        try:
            with np.errstate(all="ignore"):
                out.append(np.asarray(evaluate(row, math_values(row, trial.values), trial.sizes)))
        except (EvaluationError, KeyError, ValueError, TypeError, ArithmeticError):
            return None
    return out


def _compared(row: Equation, main: Equation) -> bool:
    """A row whose part is compared: one the main row does not use (Λ_c beside η_c, K beside Q), or
    the next value of a state (v_{n+1} of the momentum pair). An intermediate the main row uses
    (a batch norm's μ and σ², D of Y = β_0 + β_1 D + U) may be cached in another form (`inv_std`)."""
    return row.key not in main.uses or row.name.endswith("_next")


def other_rows(ctx: CheckContext, eq: Equation, core: list[tuple[Trial, CallResult]],
               parts: list[dict[str, np.ndarray]], main_key: str) -> RowMismatch | None:
    """The first part that should be another row of the block and differs from it, or None."""
    rows = [e for e in ctx.eq_file.equations
            if e is not eq and e.kind == "definition" and e.checkable and e.plans and e.name != eq.name]
    if not rows or not core or not parts:
        return None
    keys = set.intersection(*(set(p) for p in parts)) - {main_key}
    if len(keys) != len(rows):  # (out, cache), (θ, m, v) of five rows: not (only) the block's values
        return None
    values = {id(row): v for row in rows if (v := _row_values(row, core)) is not None}
    rows = [row for row in rows if id(row) in values]
    matched: set[int] = set()
    explained: set[str] = set()
    for row in rows:
        for key in _sorted_keys(keys - explained):
            if all(compare(e, p[key], t.sizes, "", r.dtype) is None
                   for e, p, (t, r) in zip(values[id(row)], parts, core)):
                matched.add(id(row))
                explained.add(key)
                break
    left = _sorted_keys(keys - explained)
    pairs: list[tuple[Equation, str]] = []
    for key in left:
        fits = next((row for row in rows if id(row) not in matched and id(row) not in {id(r) for r, _ in pairs}
                     and all(np.shape(e) == np.shape(p[key]) for e, p in zip(values[id(row)], parts))), None)
        if fits is None or not _compared(fits, eq):
            return None  # a part that is none of the block's values, or maybe a cached intermediate
        pairs.append((fits, key))
    if not pairs:
        return None
    row, key = pairs[0]
    for e, p, (trial, result) in zip(values[id(row)], parts, core):
        found = compare(e, p[key], trial.sizes, "", result.dtype)
        if found is not None:
            params = dict(found.params)
            params["output"] = row.head_latex or row.name
            if found.name == "numeric-mismatch":
                params["inputs"] = evidence.inputs_text(row, trial)
                params["seed"] = str(ctx.options.seed)
            return RowMismatch(row, key, {"name": found.name, **params})
    return None
