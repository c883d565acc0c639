"""Compiling SymPy to an evaluation plan: nested lists of plain values (JSON-able).

The plan is what the reference evaluator runs and what the equation cache stores, so a warm
check needs neither SymPy nor the LaTeX parser. Nodes are `[op, ...]`:

    ["num", x]  ["inf"]  ["sym", name]  ["size", name]  ["index", name]
    ["indexed", name, [idx…]]  ["msym", name]  ["fill", value, rows, cols]  ["melem", parent, i, j]  ["matrix", [[…]]]
    ["identity", n]
    ["add", [a…]]  ["mul", [a…]]  ["pow", a, b]  ["fn", name, a]  ["logb", a, base]
    ["max", [a…]]  ["min", [a…]]  ["piecewise", [[value, cond]…]]  ["rel", op, a, b]  ["true"]
    ["sum"|"prod", body, index, lo, hi]  ["reduce", op, body, index, lo, hi]
    ["matmul", [[is_matrix, a]…]]  ["hadamard", [a…]]  ["transpose", a]  ["softmax", a, axis?]
    ["apply", var, body, a]  ["slice", name, [idx…]]  ["concat", body, index, lo, hi]
    ["outer", a, b]  ["inverse", a]  ["sqrtm", a]  ["trace", a]  ["det", a]  ["diag", a]  ["and"|"or", [a…]]  ["not", a]
    ["entries", body, index, lo, hi]
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import sympy
from sympy.matrices.expressions.matexpr import MatrixElement

from eq2code.equation.model import Plan
from eq2code.equation.sympy_ext import (
    Apply,
    ArraySlice,
    ArraySum,
    Concat,
    Entries,
    MatrixSqrt,
    Reduce,
    Softmax,
    SoftmaxFirstAxis,
    prelu,
    sigmoid,
)

UNARY_NAMES = {
    sympy.exp: "exp", sympy.log: "log", sympy.Abs: "abs", sympy.tanh: "tanh", sympy.sinh: "sinh",
    sympy.cosh: "cosh", sympy.sin: "sin", sympy.cos: "cos", sympy.tan: "tan", sympy.atan: "arctan",
    sympy.asin: "arcsin", sympy.acos: "arccos", sympy.sign: "sign", sigmoid: "sigmoid",
    sympy.erf: "erf", sympy.erfc: "erfc", sympy.floor: "floor", sympy.ceiling: "ceil",
}
RELATIONS = {sympy.StrictGreaterThan: "gt", sympy.StrictLessThan: "lt", sympy.GreaterThan: "ge",
             sympy.LessThan: "le", sympy.Equality: "eq", sympy.Unequality: "ne"}


class CompileError(Exception):
    """A SymPy construct with no plan; `what` names it (its SymPy class)."""

    def __init__(self, what: str):
        super().__init__(f"cannot compute {what}")
        self.what = what


def _name(s: Any) -> str:
    if isinstance(s, sympy.Dummy):
        return f"_{s.name}{s.dummy_index}"
    return s.name


def compile_expr(e: Any) -> Plan:
    if e is sympy.true:
        return ["true"]
    if e in (sympy.oo,):
        return ["inf"]
    if e == -sympy.oo:
        return ["mul", [["num", -1.0], ["inf"]]]
    if isinstance(e, (sympy.Integer, sympy.Rational, sympy.Float)) or e in (sympy.pi, sympy.E):
        return ["num", float(e)]
    if isinstance(e, sympy.Dummy):
        return ["index", _name(e)]
    if isinstance(e, sympy.Symbol):
        if e.is_integer and e.is_positive:
            return ["size", e.name]
        if e.is_integer:
            return ["index", e.name]
        return ["sym", e.name]
    if type(e).__name__ == "DiagOf":
        return ["diag", compile_expr(e.args[0])]
    for cls, fn in _COMPILERS:
        if isinstance(e, cls):
            return fn(e)
    if e.func in UNARY_NAMES:
        return ["fn", UNARY_NAMES[e.func], compile_expr(e.args[0])]
    if type(e) in RELATIONS:
        return ["rel", RELATIONS[type(e)], compile_expr(e.lhs), compile_expr(e.rhs)]
    raise CompileError(type(e).__name__)


def _limits(e, op: str) -> Plan:
    plan: Plan = compile_expr(e.function)
    for sym, lo, hi in e.limits:
        plan = [op, plan, _name(sym), compile_expr(lo), compile_expr(hi)]
    return plan


def _matmul(e) -> Plan:
    mats = [a for a in e.args if getattr(a, "is_Matrix", False)]
    if len(mats) == 2 and mats[0].shape[1] == 1 and mats[1].shape[0] == 1 and mats[0].shape[0] != 1:
        # 𝐬𝐬^⊤: a column times a row is the outer product
        scalars = [compile_expr(a) for a in e.args if not getattr(a, "is_Matrix", False)]
        outer: Plan = ["outer", compile_expr(mats[0]), compile_expr(mats[1])]
        return ["mul", [*scalars, outer]] if scalars else outer
    return ["matmul", [[bool(getattr(a, "is_Matrix", False)), compile_expr(a)] for a in e.args]]


def _log(e) -> Plan:
    if len(e.args) == 2:
        return ["logb", compile_expr(e.args[0]), compile_expr(e.args[1])]
    return ["fn", "log", compile_expr(e.args[0])]


_COMPILERS: list[tuple[type, Callable[[Any], Plan]]] = [
    (sympy.Indexed, lambda e: ["indexed", e.base.label.name, [compile_expr(i) for i in e.indices]]),
    (MatrixElement, lambda e: ["melem", compile_expr(e.parent), compile_expr(e.i), compile_expr(e.j)]),
    (sympy.MatrixSymbol, lambda e: ["msym", e.name]),
    (sympy.OneMatrix, lambda e: ["fill", 1.0, compile_expr(e.shape[0]), compile_expr(e.shape[1])]),
    (sympy.ZeroMatrix, lambda e: ["fill", 0.0, compile_expr(e.shape[0]), compile_expr(e.shape[1])]),
    (sympy.Identity, lambda e: ["identity", compile_expr(e.shape[0])]),
    (sympy.MatrixBase, lambda e: ["matrix", [[compile_expr(e[r, c]) for c in range(e.cols)] for r in range(e.rows)]]),
    (sympy.MatAdd, lambda e: ["add", [compile_expr(a) for a in e.args]]),
    (sympy.MatMul, _matmul),
    (sympy.HadamardProduct, lambda e: ["hadamard", [compile_expr(a) for a in e.args]]),
    (sympy.HadamardPower, lambda e: ["pow", compile_expr(e.base), compile_expr(e.exp)]),  # 𝐠 ⊙ 𝐠 is 𝐠∘²
    (sympy.Transpose, lambda e: ["transpose", compile_expr(e.arg)]),
    (sympy.Inverse, lambda e: ["inverse", compile_expr(e.arg)]),
    (MatrixSqrt, lambda e: ["sqrtm", compile_expr(e.arg)]),
    (Entries, lambda e: ["entries", compile_expr(e.args[0]), _name(e.args[1][0]), compile_expr(e.args[1][1]),
                         compile_expr(e.args[1][2])]),
    (ArraySum, lambda e: ["sum", compile_expr(e.args[0]), _name(e.args[1][0]), compile_expr(e.args[1][1]),
                          compile_expr(e.args[1][2])]),
    (sympy.Trace, lambda e: ["trace", compile_expr(e.arg)]),
    (sympy.Determinant, lambda e: ["det", compile_expr(e.arg)]),
    (sympy.And, lambda e: ["and", [compile_expr(a) for a in e.args]]),
    (sympy.Or, lambda e: ["or", [compile_expr(a) for a in e.args]]),
    (sympy.Not, lambda e: ["not", compile_expr(e.args[0])]),
    (ArraySlice, lambda e: ["slice", e.args[0].name, [compile_expr(i) for i in e.args[1]]]),
    (Concat, lambda e: ["concat", compile_expr(e.args[0]), _name(e.args[1][0]), compile_expr(e.args[1][1]),
                        compile_expr(e.args[1][2])]),
    (SoftmaxFirstAxis, lambda e: ["softmax", compile_expr(e.arg), 0]),
    (Softmax, lambda e: ["softmax", compile_expr(e.arg)]),
    (Apply, lambda e: ["apply", _name(e.func_.variables[0]), compile_expr(e.func_.expr), compile_expr(e.arg)]),
    (sympy.Add, lambda e: ["add", [compile_expr(a) for a in e.args]]),
    (sympy.Mul, lambda e: ["mul", [compile_expr(a) for a in e.args]]),
    (sympy.Pow, lambda e: ["pow", compile_expr(e.args[0]), compile_expr(e.args[1])]),
    (sympy.log, _log),
    (prelu, lambda e: compile_expr(e.rewrite(sympy.Max))),
    (sympy.Max, lambda e: ["max", [compile_expr(a) for a in e.args]]),
    (sympy.Min, lambda e: ["min", [compile_expr(a) for a in e.args]]),
    (sympy.Piecewise, lambda e: ["piecewise", [[compile_expr(v), compile_expr(c)] for v, c in e.args]]),
    (sympy.KroneckerDelta, lambda e: ["piecewise", [[["num", 1.0], ["rel", "eq", compile_expr(e.args[0]),
                                                                     compile_expr(e.args[1])]],
                                                    [["num", 0.0], ["true"]]]]),  # (I − WW^⊤)_{ij} under sums
    (sympy.Sum, lambda e: _limits(e, "sum")),
    (sympy.Product, lambda e: _limits(e, "prod")),
    (Reduce, lambda e: ["reduce", e.args[0].name, compile_expr(e.args[1]), _name(e.args[2][0]),
                        compile_expr(e.args[2][1]), compile_expr(e.args[2][2])]),
]
