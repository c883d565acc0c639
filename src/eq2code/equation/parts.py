"""The parts of an equation: its operations with their LaTeX, for `explain` and diagnosis.

Each part is a `model.Part`, a plain dict `{"op": kind, "latex": "…", "detail": "…"}` with kind one of
exp, log, sqrt, power, sum, prod, max, min, argmax, argmin, matmul, transpose, softmax,
divide, abs, sigmoid, tanh, negate — in the order a reader meets them (outside in).
"""

from __future__ import annotations

from typing import Any

import sympy
from sympy.matrices.expressions.matexpr import MatrixExpr

from eq2code.base.log import get_logger
from eq2code.equation.model import Part
from eq2code.equation.sympy_ext import Apply, Reduce, Softmax, sigmoid

log = get_logger(__name__)


def latex(e: Any, names: dict[str, str] | None = None) -> str:
    """SymPy's LaTeX of `e`, with symbols written as the equation writes them (ŷ, not y_hat)."""
    try:
        mapping = {}
        if names and hasattr(e, "atoms"):
            for s in e.atoms(sympy.Symbol):
                if s.name in names:
                    mapping[s] = names[s.name]
            for b in e.atoms(sympy.IndexedBase):
                if b.label.name in names:
                    mapping[b.label] = names[b.label.name]
        return sympy.latex(e, symbol_names=mapping) if mapping else sympy.latex(e)
    except Exception:  # a printer gap must not break a check
        log.debug("no LaTeX for %s", type(e).__name__, exc_info=True)
        return str(e)


def equation_parts(expr: Any, names: dict[str, str] | None = None) -> list[Part]:
    parts: list[Part] = []

    def _latex(e: Any) -> str:
        return latex(e, names)

    seen: set[tuple[str, str]] = set()

    def add(op: str, e: Any, detail: str = "") -> None:
        key = (op, _latex(e))
        if key not in seen:
            seen.add(key)
            parts.append(Part(op=op, latex=key[1], detail=detail))

    def walk(e: Any) -> None:
        if isinstance(e, Softmax):
            add("softmax", e, "over the last axis")
        elif isinstance(e, Apply):
            inner = e.func_.expr
            name = type(inner).__name__ if isinstance(inner, sympy.Function) else ""
            if isinstance(inner, sigmoid):
                add("sigmoid", e, "elementwise")
            elif name in ("exp", "log", "tanh"):
                add(name, e, "elementwise")
        elif isinstance(e, sympy.Transpose):
            add("transpose", e)
        elif isinstance(e, sympy.MatMul) and sum(isinstance(a, MatrixExpr) for a in e.args) >= 2:
            mats = [a for a in e.args if isinstance(a, MatrixExpr)]
            for k in range(1, len(mats)):
                add("matmul", sympy.MatMul(*mats[: k + 1]), f"{_latex(mats[k - 1])} times {_latex(mats[k])}")
        elif isinstance(e, sympy.Sum):
            add("sum", e, ", ".join(f"{_latex(i)} from {_latex(lo)} to {_latex(hi)}" for i, lo, hi in e.limits))
        elif isinstance(e, sympy.Product):
            add("prod", e)
        elif isinstance(e, Reduce):
            add(str(e.args[0]), e)
        elif isinstance(e, sympy.exp):
            add("exp", e)
        elif isinstance(e, sympy.log):
            add("log", e, "base 2" if len(e.args) == 2 and e.args[1] == 2 else "natural")
        elif isinstance(e, sympy.Abs):
            add("abs", e)
        elif isinstance(e, sigmoid):
            add("sigmoid", e)
        elif isinstance(e, sympy.tanh):
            add("tanh", e)
        elif isinstance(e, sympy.Pow):
            if e.exp == sympy.Rational(1, 2):
                add("sqrt", e)
            elif e.exp == -sympy.Rational(1, 2):
                add("sqrt", sympy.sqrt(e.base), "divided by")
            elif e.exp == -1:
                add("divide", e.base, "divided by")
            else:
                add("power", e)
        elif isinstance(e, sympy.Mul) and e.args and e.args[0] == -1:
            add("negate", e)
        for a in getattr(e, "args", ()):
            if isinstance(a, sympy.Basic) and not isinstance(a, (sympy.Symbol, sympy.Number)):
                walk(a)

    walk(expr)
    return parts
