"""Mutated references: the equation with one typical mistake made, each tied to a finding
name of spec §3 (`missing-scale`, `wrong-reduction-axis`, `sign-error`, …).

When the code's output matches a mutant and not the reference, that mutant names the
mistake. Mutants are made from the lowered SymPy expression and compiled to plans like the
reference itself, so they are cached with the equation and run in the checker on the same
inputs as the code. A mutant is `{"name", "part", "detail", "plan"}`; value mutants
(`swap`: two inputs exchanged) reuse the reference's plan.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from typing import Any

import sympy
from sympy.matrices.expressions.matexpr import MatrixExpr

from eq2code.equation.model import InputSpec
from eq2code.equation.parts import latex
from eq2code.equation.plan import CompileError, compile_expr
from eq2code.equation.sympy_ext import Apply, ArraySlice, Softmax, SoftmaxFirstAxis

log = logging.getLogger(__name__)

# When several mutants give the same output, the first name in this order wins.
PRIORITY = [
    "kl-direction-swapped", "temperature-inverted", "missing-value-product", "missing-transpose",
    "wrong-reduction-axis", "missing-scale", "wrong-scale", "missing-sqrt", "missing-abs",
    "wrong-log-base", "sum-vs-mean", "missing-normalization", "sign-error", "off-by-one",
    "missing-operation", "missing-term", "swapped-arguments",
]
TEMPERATURE_NAMES = {"T", "tau", "temperature"}


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


def _local(expr: Any, inputs: list[InputSpec], sizes: list[sympy.Symbol]) -> Iterator[tuple[str, Any, str]]:
    """(name, mutated expression, part) for mistakes at one place of the tree."""
    for node in _nodes(expr):
        yield from _at(node, expr, sizes)


def _replace(expr: Any, old: Any, new: Any) -> Any:
    try:
        return expr.xreplace({old: new})
    except Exception:  # SymPy refuses this replacement (shapes, assumptions): no such mutant
        log.debug("mutant %s → %s not built", old, new, exc_info=True)
        return None


def _at(node: Any, expr: Any, sizes: list[sympy.Symbol]) -> Iterator[tuple[str, Any, str]]:
    if isinstance(node, (sympy.Mul, sympy.MatMul)):
        yield from _factor_mistakes(node, expr, sizes)
    if isinstance(node, sympy.MatMul):
        mats = [a for a in node.args if isinstance(a, MatrixExpr)]
        if len(mats) >= 2 and isinstance(mats[-1], sympy.MatrixSymbol):
            rest = [a for a in node.args if a is not mats[-1]]
            yield "missing-value-product", _replace(expr, node, sympy.MatMul(*rest)), _latex(mats[-1])
    if isinstance(node, sympy.Pow) and node.exp == sympy.Rational(1, 2) and not _is_size(node.base):
        yield "missing-sqrt", _replace(expr, node, node.base), _latex(node)
    if isinstance(node, sympy.Sum):
        (i, lo, hi), body = node.limits[0], node.function
        yield "sum-vs-mean", _replace(expr, node, node / (hi - lo + 1)), _latex(node)
        yield "off-by-one", _replace(expr, node, sympy.Sum(body, (i, lo + 1, hi))), _latex(node)
        yield "off-by-one", _replace(expr, node, sympy.Sum(body, (i, lo, hi - 1))), _latex(node)
    if isinstance(node, sympy.Indexed):  # P_{t, x_t}: a gather shifted by one (1- vs 0-based)
        for k, idx in enumerate(node.indices):
            if idx.atoms(sympy.Indexed):
                for shift in (-1, 1):
                    moved = list(node.indices)
                    moved[k] = idx + shift
                    yield "off-by-one", _replace(expr, node, node.base[tuple(moved)]), _latex(node)
    if isinstance(node, sympy.Abs):
        yield "missing-abs", _replace(expr, node, node.args[0]), _latex(node)
    if isinstance(node, sympy.Add) and len(node.args) >= 2:
        for term in node.args:
            rest = [t for t in node.args if t is not term]
            yield "missing-term", _replace(expr, node, sympy.Add(*rest)), _latex(term)
            yield "sign-error", _replace(expr, node, sympy.Add(*rest) - term), _latex(term)
    if isinstance(node, Softmax) and not isinstance(node, SoftmaxFirstAxis):
        yield "wrong-reduction-axis", _replace(expr, node, SoftmaxFirstAxis(node.arg)), _latex(node)
        u = sympy.Dummy("u", real=True)
        yield "missing-normalization", _replace(expr, node, Apply(sympy.Lambda(u, sympy.exp(u)), node.arg)), \
            _latex(node)
    if isinstance(node, sympy.Transpose):
        yield "missing-transpose", _replace(expr, node, node.arg), _latex(node)


def _is_size(e: Any) -> bool:
    return isinstance(e, sympy.Symbol) and bool(e.is_integer) and bool(e.is_positive)


def _factor_mistakes(node: Any, expr: Any, sizes: list[sympy.Symbol]) -> Iterator[tuple[str, Any, str]]:
    args = list(node.args)
    matrix = isinstance(node, sympy.MatMul)
    build: Callable[..., Any] = sympy.MatMul if matrix else sympy.Mul
    for k, f in enumerate(args):
        rest = args[:k] + args[k + 1:]
        if not rest:
            continue
        if f == -1:
            yield "sign-error", _replace(expr, node, build(*rest)), "-"
            continue
        if isinstance(f, sympy.Pow) and isinstance(f.base, sympy.Sum) and f.exp == -1:
            yield "missing-normalization", _replace(expr, node, build(*rest)), _latex(f.base)
            continue
        if not _is_scale(f):
            continue
        base, exp = (f.base, f.exp) if isinstance(f, sympy.Pow) else (f, sympy.Integer(1))
        if exp == -sympy.Rational(1, 2):  # 1/√g
            part = _latex(sympy.sqrt(base))
            yield "missing-scale", _replace(expr, node, build(*rest)), part
            yield "wrong-scale", _replace(expr, node, build(*rest, 1 / base)), part
            for other in sizes:
                if other != base:
                    yield "wrong-scale", _replace(expr, node, build(*rest, 1 / sympy.sqrt(other))), part
        elif exp == -1 and _is_size(base):  # 1/N: a mean
            yield "sum-vs-mean", _replace(expr, node, build(*rest)), _latex(f)
        else:
            yield "missing-scale", _replace(expr, node, build(*rest)), _latex(f)


def _global(expr: Any, inputs: list[InputSpec]) -> Iterator[tuple[str, Any, str]]:
    """Mistakes made everywhere at once: every exp dropped, every log in another base, T inverted."""
    yield "sign-error", -expr if not isinstance(expr, MatrixExpr) else sympy.MatMul(-1, expr), "-"
    if expr.atoms(sympy.exp):
        yield "missing-operation", expr.replace(sympy.exp, lambda x: x), "\\exp"
    if expr.atoms(sympy.log):
        for base in (2, 10):
            yield "wrong-log-base", expr.replace(sympy.log, lambda x, *b, base=base: sympy.log(x) / sympy.log(base)), \
                f"\\log (base {base})"
    for spec in inputs:
        if spec.role != "scalar":
            continue
        sym = next((s for s in expr.free_symbols if getattr(s, "name", None) == spec.sympy_name), None)
        if sym is None:
            continue
        if not (sym.is_positive or spec.space.kind in ("positive", "interval")):
            continue
        divides = any(p.base == sym and p.exp.is_number and p.exp < 0 for p in expr.atoms(sympy.Pow))
        name = "temperature-inverted" if divides and spec.name in TEMPERATURE_NAMES else "wrong-scale"
        yield name, expr.xreplace({sym: 1 / sym}), spec.latex  # x/T ↔ x·T, θ − αg ↔ θ − g/α
        yield "missing-scale", expr.xreplace({sym: sympy.Integer(1)}), spec.latex


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


def _swaps(inputs: list[InputSpec], is_kl: bool, expr: Any) -> Iterator[dict]:
    values = [s for s in inputs if s.role in ("array", "scalar")]
    for a in range(len(values)):
        for b in range(a + 1, len(values)):
            x, y = values[a], values[b]
            if x.shape == y.shape and x.role == y.role and not _symmetric(expr, x.sympy_name, y.sympy_name):
                kl = is_kl and x.space.kind == y.space.kind == "simplex"
                name = "kl-direction-swapped" if kl else "swapped-arguments"
                part = f"D_{{\\mathrm{{KL}}}}({x.latex} \\| {y.latex})" if kl else f"{x.latex}, {y.latex}"
                yield {"name": name, "part": part, "detail": f"{x.name} ↔ {y.name}",
                       "swap": [x.sympy_name, y.sympy_name], "plan": None}


def _wrap_indices(plan: Any) -> Any:
    if isinstance(plan, list):
        out = [_wrap_indices(p) for p in plan]
        if out and out[0] == "indexed" and len(out) == 3:
            out.append("wrap")
        return out
    return plan


EPSILONS = (1e-15, 1e-12, 1e-10, 1e-9, 1e-8, 1e-7, 1e-6, 1e-5, 1e-4)


def make_variants(expr: Any) -> list[dict]:
    """Accepted variants (spec §2): a small ε inside every log, or the log's argument clipped
    at ε — the textbook's np.log(y + 1e-7) and np.log(np.clip(p, eps, 1)). Numbers decide."""
    if not expr.atoms(sympy.log):
        return []
    out = []
    for eps in EPSILONS:
        e = sympy.Float(eps)
        for how, fn in (("+", lambda x, *b, e=e: sympy.log(x + e, *b)),
                        ("clip", lambda x, *b, e=e: sympy.log(sympy.Max(x, e), *b))):
            try:
                plan = compile_expr(expr.replace(sympy.log, fn))
            except (CompileError, TypeError, ValueError):
                continue
            detail = f"log(x + {eps:g})" if how == "+" else f"log(max(x, {eps:g}))"
            out.append({"name": "epsilon-variant", "part": "\\log", "detail": detail, "plan": plan, "swap": None})
    return out


def make_mutants(expr: Any, inputs: list[InputSpec], is_kl: bool = False,
                 names: dict[str, str] | None = None) -> list[dict]:
    """Every distinct mutant of `expr` that compiles, most specific names first."""
    _NAMES.clear()
    _NAMES.update(names or {})
    sizes = _sizes(expr)
    seen = {sympy.srepr(expr)}
    out: list[dict] = []
    for name, mutated, part in list(_local(expr, inputs, sizes)) + list(_global(expr, inputs)):
        if mutated is None:
            continue
        try:
            key = sympy.srepr(mutated)
            if key in seen:
                continue
            seen.add(key)
            plan = compile_expr(mutated)
            if name == "off-by-one":
                plan = _wrap_indices(plan)  # a shifted index wraps as NumPy's negative indices do
            out.append({"name": name, "part": part, "detail": "", "plan": plan, "swap": None})
        except (CompileError, TypeError, ValueError, AttributeError, RecursionError):
            continue
    out.extend(_swaps(inputs, is_kl, expr))
    out.sort(key=lambda m: PRIORITY.index(m["name"]) if m["name"] in PRIORITY else len(PRIORITY))
    return out
