"""Naming the mistake: which mutated reference (mutants.py) the code's output matches.

The evidence is numeric: a mutant explains a failure when the code's output matches it on
every core trial where the code returned a value, and the reference does not. Mutants are
evaluated here, in the checker, on the very inputs the code received.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from eq2code.equation.model import Equation
from eq2code.reference.compare import compare
from eq2code.reference.evaluate import EvaluationError, evaluate_plan


@dataclass
class Diagnosis:
    name: str
    part: str
    detail: str


def mutant_output(eq: Equation, mutant: dict, values: dict[str, Any], sizes: dict[str, int]) -> np.ndarray | None:
    plan = mutant["plan"] if mutant.get("plan") is not None else eq.plans[0]
    if mutant.get("swap"):
        a, b = mutant["swap"]
        values = dict(values)
        values[a], values[b] = values[b], values[a]
    try:
        with np.errstate(all="ignore"):
            out = evaluate_plan(plan, eq.free_indices, values, sizes)
        return np.asarray(out, dtype=np.float64)
    except (EvaluationError, ValueError, IndexError, TypeError, OverflowError):
        return None


def name_the_mistake(eq: Equation, runs: list[tuple[dict[str, Any], dict[str, int], np.ndarray, str]],
                     candidates: list[dict] | None = None, rtol: float | None = None) -> Diagnosis | None:
    """`runs`: (math values, sizes, the code's output, its dtype) for each core trial with a
    value. `candidates` defaults to the equation's mutants (pass `eq.variants` to ask whether
    the code is an accepted variant instead). `rtol` loosens the comparison (code that guards
    its log with an ε differs from every mutant by about that ε)."""
    if not runs:
        return None
    for mutant in eq.mutants if candidates is None else candidates:
        if all(_matches(eq, mutant, values, sizes, out, dtype, rtol) for values, sizes, out, dtype in runs):
            return Diagnosis(mutant["name"], mutant.get("part", ""), mutant.get("detail", ""))
    return None


def _matches(eq: Equation, mutant: dict, values, sizes, out: np.ndarray, dtype: str, rtol: float | None = None) -> bool:
    if mutant.get("swap") and mutant.get("plan") is None and any(
            _matches(eq, dict(mutant, plan=v["plan"]), values, sizes, out, dtype, rtol) for v in eq.variants):
        return True  # swapped inputs in code that also guards its log with an ε
    expected = mutant_output(eq, mutant, values, sizes)
    if expected is None or np.all(np.isnan(expected)):
        return False  # a mutant that is undefined everywhere explains nothing
    return compare(expected, out, sizes, "", dtype, rtol) is None
