"""Mutated references: the equation with one typical mistake made, each tied to a finding
name of spec §3 (`missing-scale`, `wrong-reduction-axis`, `sign-error`, …).

When the code's output matches a mutant and not the reference, that mutant names the
mistake. Mutants are made from the lowered SymPy expression and compiled to plans like the
reference itself, so they are cached with the equation and run in the checker on the same
inputs as the code. A mutant is `{"name", "part", "detail", "plan"}`; value mutants
(`swap`: two inputs exchanged) reuse the reference's plan.

The mistakes themselves are the findings' mutation hooks (findings/definitions/): this
module walks the tree and calls every registered hook with a `MutationContext` — at each
node (`mutate_node`), once for the whole expression (`mutate_whole`), for the input pairs
(`mutate_values`) — then orders the mutants by the findings' priorities.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import sympy
from sympy.matrices.expressions.matexpr import MatrixExpr

from eq2code.base.log import get_logger
from eq2code.equation.model import InputSpec
from eq2code.equation.parts import latex
from eq2code.equation.plan import CompileError, compile_expr
from eq2code.equation.sympy_ext import ArraySlice
from eq2code.findings.registry import definitions, named_mistakes

log = get_logger(__name__)


def priority() -> list[str]:
    """When several mutants give the same output, the first name in this order wins."""
    return [d.name for d in named_mistakes()]


_NAMES: dict[str, str] = {}  # sympy name → LaTeX, set by make_mutants for the printer


def _latex(e: Any) -> str:
    return latex(e, _NAMES)


def _is_scale(f: Any) -> bool:
    """A factor made of constants, sizes and positive parameters: 1/√d_k, 1/N, 1/T, 1/2."""
    if not isinstance(f, sympy.Expr) or isinstance(f, MatrixExpr) or f.atoms(sympy.Indexed, sympy.Sum):
        return False
    return all(s.is_positive for s in f.free_symbols)


def _sizes(expr: Any) -> list[sympy.Symbol]:
    return sorted((s for s in expr.free_symbols if isinstance(s, sympy.Symbol) and s.is_integer and s.is_positive),
                  key=lambda s: s.name)


def _nodes(expr: Any) -> Iterator[Any]:
    """The tree's nodes, not descending into the shapes of matrix symbols and slices."""
    yield expr
    if isinstance(expr, (sympy.MatrixSymbol, ArraySlice, sympy.OneMatrix, sympy.ZeroMatrix)):
        return
    for a in getattr(expr, "args", ()):
        if isinstance(a, sympy.Basic):
            yield from _nodes(a)


def _replace(expr: Any, old: Any, new: Any) -> Any:
    try:
        return expr.xreplace({old: new})
    except Exception:  # SymPy refuses this replacement (shapes, assumptions): no such mutant
        log.debug("mutant %s → %s not built", old, new, exc_info=True)
        return None


def _is_size(e: Any) -> bool:
    return isinstance(e, sympy.Symbol) and bool(e.is_integer) and bool(e.is_positive)


def _expanded(expr: Any) -> Any:
    """The expression with every summand multiplied out, for comparing up to algebra."""
    inner = expr.replace(lambda e: isinstance(e, sympy.Sum),
                         lambda s: sympy.Sum(sympy.expand(s.function), *s.limits))
    return sympy.expand(inner)


def _symmetric(expr: Any, a: str, b: str) -> bool:
    """Is the expression unchanged when inputs a and b trade places (p(x) f(x) in p and f)?
    Matrix expressions are not: a product of matrices does not commute."""
    if isinstance(expr, MatrixExpr) or expr.atoms(MatrixExpr):
        return False
    mapping = {}
    for s in expr.atoms(sympy.Symbol, sympy.IndexedBase, sympy.MatrixSymbol):
        name = getattr(s, "name", None) or str(getattr(s, "label", ""))
        if name in (a, b):
            other = b if name == a else a
            if isinstance(s, sympy.IndexedBase):
                mapping[s] = sympy.IndexedBase(other)
            elif isinstance(s, sympy.MatrixSymbol):
                mapping[s] = sympy.MatrixSymbol(other, *s.shape)
            else:
                mapping[s] = sympy.Symbol(other, **s.assumptions0)
    try:
        swapped = expr.xreplace(mapping)
        if swapped == expr:  # products and sums are canonical: p·f = f·p
            return True
        return _expanded(swapped) == _expanded(expr)  # (y - t)² = (t - y)²
    except Exception:  # SymPy cannot build the swapped expression: not symmetric as far as we know
        log.debug("swap symmetry of %s not decided", expr, exc_info=True)
        return False


class MutationContext:
    """What a mutation hook sees: the whole expression, its inputs and sizes, and helpers."""

    def __init__(self, expr: Any, inputs: list[InputSpec], is_kl: bool, head: str = ""):
        self.expr = expr
        self.inputs = inputs
        self.is_kl = is_kl
        self.sizes = _sizes(expr)
        self.head = head  # the equation's left side as written (what a whole-output mistake names)
        self.all_sizes = _input_sizes(expr, inputs)  # also the sizes only the inputs' shapes name (d_v)

    def replace(self, node: Any, new: Any) -> Any:
        """The whole expression with `node` replaced by `new` (None when SymPy refuses)."""
        return _replace(self.expr, node, new)

    @staticmethod
    def latex(e: Any) -> str:
        return _latex(e)

    is_scale = staticmethod(_is_scale)
    is_size = staticmethod(_is_size)

    def factors(self, node: Any) -> Iterator[tuple[Any, list, Callable[..., Any], str]]:
        """For a product node: (factor, the other factors, the product's constructor, what the
        factor is) — "minus" (-1), "normalizer" (1/Σ…), "inverse-sqrt" (1/√g), "mean" (1/N of
        a size), "scale" (another positive constant factor)."""
        if not isinstance(node, (sympy.Mul, sympy.MatMul)):
            return
        args = list(node.args)
        build: Callable[..., Any] = sympy.MatMul if isinstance(node, sympy.MatMul) else sympy.Mul
        for k, f in enumerate(args):
            rest = args[:k] + args[k + 1:]
            if not rest:
                continue
            if f == -1:
                yield f, rest, build, "minus"
                continue
            if isinstance(f, sympy.Pow) and isinstance(f.base, sympy.Sum) and f.exp == -1:
                yield f, rest, build, "normalizer"
                continue
            if not _is_scale(f):
                continue
            base, exp = (f.base, f.exp) if isinstance(f, sympy.Pow) else (f, sympy.Integer(1))
            if exp == -sympy.Rational(1, 2):
                yield f, rest, build, "inverse-sqrt"
            elif exp == -1 and _is_size(base):
                yield f, rest, build, "mean"
            else:
                yield f, rest, build, "scale"

    def scalar_inputs(self) -> Iterator[tuple[InputSpec, Any, bool]]:
        """Positive scalar inputs: (spec, its symbol, whether the equation divides by it)."""
        expr = self.expr
        for spec in self.inputs:
            if spec.role != "scalar":
                continue
            sym = next((s for s in expr.free_symbols if getattr(s, "name", None) == spec.sympy_name), None)
            if sym is None:
                continue
            if not (sym.is_positive or spec.space.kind in ("positive", "interval")):
                continue
            divides = any(p.base == sym and p.exp.is_number and p.exp < 0 for p in expr.atoms(sympy.Pow))
            yield spec, sym, divides

    def swap_pairs(self) -> Iterator[tuple[InputSpec, InputSpec]]:
        """Pairs of inputs of the same shape and role that the equation is not symmetric in."""
        values = [s for s in self.inputs if s.role in ("array", "scalar")]
        for a in range(len(values)):
            for b in range(a + 1, len(values)):
                x, y = values[a], values[b]
                if x.shape == y.shape and x.role == y.role and not _symmetric(self.expr, x.sympy_name, y.sympy_name):
                    yield x, y


def _input_sizes(expr: Any, inputs: list[InputSpec]) -> list[Any]:
    """The expression's sizes and those its inputs' shapes name (d_v of V, V of P ∈ ℝ^{T×V})."""
    found = {s.name: s for s in _sizes(expr)}
    for spec in inputs:
        for d in spec.shape:
            for part in str(d).split("*"):
                if part and not part.isdigit() and part not in found and part.isidentifier():
                    found[part] = sympy.Symbol(part, integer=True, positive=True)
    return sorted(found.values(), key=lambda s: s.name)


def _mutations(ctx: MutationContext) -> Iterator[tuple[Any, Any, str, Any]]:
    """(definition, mutated tree, part, detail): every node hook at every node, then the whole-expression hooks."""
    defs = definitions()
    node_hooks = [d for d in defs if d.mutate_node is not None]
    for node in _nodes(ctx.expr):
        for d in node_hooks:
            for found in d.mutate_node(node, ctx):  # type: ignore[misc]
                yield (d, *found) if len(found) == 3 else (d, *found, "")
    for d in defs:
        if d.mutate_whole is not None:
            for found in d.mutate_whole(ctx):
                yield (d, *found) if len(found) == 3 else (d, *found, "")


def make_variants(expr: Any) -> list[dict]:
    """Accepted variants (spec §2) from the findings' `variants` hooks (ε in a log)."""
    out: list[dict] = []
    for d in definitions():
        if d.variants is not None:
            out.extend(d.variants(expr))
    return out


def make_mutants(expr: Any, inputs: list[InputSpec], is_kl: bool = False,
                 names: dict[str, str] | None = None, head: str = "") -> list[dict]:
    """Every distinct mutant of `expr` that compiles, most specific names first. `head`: the
    equation's left side as written (the part a whole-output sign error names)."""
    _NAMES.clear()
    _NAMES.update(names or {})
    ctx = MutationContext(expr, inputs, is_kl, head)
    seen = {sympy.srepr(expr)}
    out: list[dict] = []
    for d, mutated, part, detail in list(_mutations(ctx)):
        if mutated is None:
            continue
        try:
            key = sympy.srepr(mutated)
            if key in seen:
                continue
            seen.add(key)
            plan = compile_expr(mutated)
            if d.finish_plan is not None:
                plan = d.finish_plan(plan)
            out.append({"name": d.name, "part": part, "detail": detail, "plan": plan, "swap": None})
        except (CompileError, TypeError, ValueError, AttributeError, RecursionError):
            continue
    for d in definitions():
        if d.mutate_values is not None:
            for m in d.mutate_values(ctx):
                out.append({"name": d.name, "part": m["part"], "detail": m.get("detail", ""),
                            "swap": m["swap"], "plan": None})
    order = priority()
    out.sort(key=lambda m: order.index(m["name"]) if m["name"] in order else len(order))
    return out
