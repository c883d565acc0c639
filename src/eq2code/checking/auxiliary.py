"""Auxiliary definitions the main equation reads as inputs, computed instead of asked for.

An equation file may define per-entry quantities before the equation that uses them:

    \\mu_j = \\frac{1}{N} \\sum_i X_{ij}        v_j = \\frac{1}{N} \\sum_i (X_{ij} - \\mu_j)^2
    Y_{ij} = \\gamma_j (X_{ij} - \\mu_j) / \\sqrt{v_j} + \\beta_j

The code takes X (and γ, β), never μ or v: they are computed from X. When the main equation
still lists such a quantity as an input (its plan reads `mu[j]`), `inline` replaces every read
by the definition's own plan — its free index bound to the index read, its summation indices
renamed so that they cannot capture the reader's — in the equation's plans, its named mistakes
and its accepted variants, and lists the definition's inputs in its place. The equation file
itself is unchanged; this is how the check reads it.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from eq2code.equation.model import Equation, EquationFile, InputSpec

BINDERS = {"sum": 2, "prod": 2, "concat": 2, "reduce": 3}  # op → position of the index it binds
MAX_DEPTH = 8  # definitions inlined inside definitions


def inline(eq: Equation, eq_file: EquationFile, keep: set[str] | frozenset[str] = frozenset()) -> Equation:
    """The equation with every auxiliary definition it reads as an input computed in place,
    except those in `keep` (the function takes them by name: `normalize(X, mu, v)`)."""
    helpers = {k: v for k, v in _helpers(eq, eq_file).items() if k not in keep}
    if not helpers:
        return eq
    inputs = _inputs(eq, helpers, eq_file)
    if inputs is None:
        return eq

    fresh = _FreshIndices(eq.plans + [h.plans[0] for h in helpers.values()])

    def rewrite(plan: Any) -> Any:
        return _substitute(plan, helpers, fresh, 0)

    return replace(eq, plans=[rewrite(p) for p in eq.plans], inputs=inputs,
                   mutants=[_with_plan(m, rewrite) for m in eq.mutants if not _swaps(m, helpers)],
                   variants=[_with_plan(v, rewrite) for v in eq.variants])


def _helpers(eq: Equation, eq_file: EquationFile) -> dict[str, Equation]:
    """Input name → the checkable, parameterless definition of it in the same file whose free
    indices match the input's dimensions (μ_j for a vector μ)."""
    out = {}
    for spec in eq.inputs:
        if spec.role == "size":
            continue
        found = _definition_of(spec, eq, eq_file)
        if found is not None:
            out[spec.sympy_name] = found
    return out


def _definition_of(spec: InputSpec, eq: Equation, eq_file: EquationFile) -> Equation | None:
    for other in eq_file.equations:
        if other is eq or other.kind != "definition" or not other.checkable or other.params or not other.plans:
            continue
        if other.name in (spec.name, spec.sympy_name) and len(other.free_indices) == len(spec.shape):
            return other
    return None


def _inputs(eq: Equation, helpers: dict[str, Equation], eq_file: EquationFile) -> list[InputSpec] | None:
    """The equation's own inputs without the computed ones, then what those are computed from."""
    out = [s for s in eq.inputs if s.sympy_name not in helpers]
    pending = list(helpers.values())
    seen: set[int] = set()
    while pending:
        helper = pending.pop(0)
        if id(helper) in seen:
            continue
        seen.add(id(helper))
        if len(seen) > MAX_DEPTH:
            return None
        for spec in helper.inputs:
            if spec.sympy_name in helpers or any(s.sympy_name == spec.sympy_name for s in out):
                continue
            nested = _definition_of(spec, helper, eq_file) if spec.role != "size" else None
            if nested is not None:
                helpers[spec.sympy_name] = nested
                pending.append(nested)
                out = [s for s in out if s.sympy_name != spec.sympy_name]
                continue
            out.append(spec)
    sizes = [s for s in out if s.role == "size"]
    return [s for s in out if s.role != "size"] + sizes


def _swaps(mutant: dict, helpers: dict[str, Equation]) -> bool:
    """A named mistake that swaps a computed quantity with another input: no argument to swap."""
    swap = mutant.get("swap") if isinstance(mutant, dict) else None
    return isinstance(swap, (list, tuple)) and any(name in helpers for name in swap)


def _with_plan(entry: dict, rewrite) -> dict:
    return dict(entry, plan=rewrite(entry["plan"])) if isinstance(entry, dict) and "plan" in entry else entry


class _FreshIndices:
    """Index letters no plan of the check uses (k, l, m, …), for a definition's summation indices."""

    POOL = "klmnpqrstuvwabcefgh"

    def __init__(self, plans: list) -> None:
        self.used = set(_index_names(plans))

    def take(self) -> str:
        letter = next((c for c in self.POOL if c not in self.used), None)
        name = letter if letter is not None else f"i{len(self.used)}"
        self.used.add(name)
        return name


def _index_names(plan: Any) -> list[str]:
    if not isinstance(plan, list):
        return []
    names = [plan[1]] if len(plan) == 2 and plan[0] == "index" and isinstance(plan[1], str) else []
    at = BINDERS.get(plan[0]) if plan and isinstance(plan[0], str) else None
    if at is not None and len(plan) > at and isinstance(plan[at], str):
        names.append(plan[at])
    return names + [n for a in plan for n in _index_names(a)]


def _substitute(plan: Any, helpers: dict[str, Equation], fresh: _FreshIndices, depth: int) -> Any:
    if not isinstance(plan, list) or not plan:
        return plan
    op = plan[0]
    if not isinstance(op, str):  # a list of nodes (the arguments of add, mul, …)
        return [_substitute(a, helpers, fresh, depth) for a in plan]
    if depth < MAX_DEPTH and op == "indexed" and plan[1] in helpers:
        helper = helpers[plan[1]]
        if len(plan[2]) == len(helper.free_indices):
            indices = [_substitute(i, helpers, fresh, depth) for i in plan[2]]
            return _instance(helper, indices, helpers, fresh, depth)
    if depth < MAX_DEPTH and op == "sym" and plan[1] in helpers and not helpers[plan[1]].free_indices:
        return _instance(helpers[plan[1]], [], helpers, fresh, depth)
    if depth < MAX_DEPTH and op == "msym" and plan[1] in helpers and len(helpers[plan[1]].free_indices) == 1:
        # softmax(α) with α_i = k_i^⊤ x defined entry by entry: the vector of its entries
        helper = helpers[plan[1]]
        letter = fresh.take()
        _name, lo, hi = helper.free_indices[0]
        body = _instance(helper, [["index", letter]], helpers, fresh, depth)
        return ["entries", body, letter, lo, hi]
    return [op] + [_substitute(a, helpers, fresh, depth) for a in plan[1:]]


def _instance(helper: Equation, indices: list, helpers: dict[str, Equation], fresh: _FreshIndices,
              depth: int) -> Any:
    """The helper's plan read at `indices`: its bound indices renamed apart, its free ones replaced."""
    body = _rename_bound(helper.plans[0], fresh)
    free = {name: index for (name, _lo, _hi), index in zip(helper.free_indices, indices)}
    body = _replace_index(body, free)
    return _substitute(body, helpers, fresh, depth + 1)


def _rename_bound(plan: Any, fresh: _FreshIndices) -> Any:
    if not isinstance(plan, list) or not plan:
        return plan
    if not isinstance(plan[0], str):
        return [_rename_bound(a, fresh) for a in plan]
    out = [plan[0]] + [_rename_bound(a, fresh) for a in plan[1:]]
    at = BINDERS.get(plan[0])
    if at is not None and len(out) > at and isinstance(out[at], str):
        old, new = out[at], fresh.take()
        out[at] = new
        out[at - 1] = _replace_index(out[at - 1], {old: ["index", new]})
    return out


def _replace_index(plan: Any, mapping: dict[str, Any]) -> Any:
    if not isinstance(plan, list) or not plan:
        return plan
    if plan[0] == "index" and len(plan) == 2 and plan[1] in mapping:
        return mapping[plan[1]]
    return [_replace_index(a, mapping) for a in plan]
