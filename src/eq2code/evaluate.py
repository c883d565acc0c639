"""The reference evaluator: an equation's SymPy form + input values → a NumPy array.

Vectorised over indices: every value carries named index axes (from x[i], sums over j) in
front of positional matrix axes; a sum over j reduces the j axis, a free index i of the
left side becomes an axis of the result. Matrix expressions use matmul, transpose swaps the
last two axes, softmax works on the last axis. Arithmetic runs in extended precision
(np.longdouble) so that large-magnitude inputs stay exact where float64 would overflow.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import sympy
from sympy.matrices.expressions.matexpr import MatrixElement

from .model import Equation
from .sympy_ext import Apply, Reduce, Softmax, sigmoid

DTYPE = np.longdouble


class EvaluationError(Exception):
    """The equation cannot be evaluated on these inputs (an index out of range, a shape clash)."""


@dataclass
class Val:
    arr: np.ndarray
    axes: tuple  # index symbols naming the leading axes

    @property
    def positional(self) -> int:
        return self.arr.ndim - len(self.axes)


def _const(x: Any) -> Val:
    return Val(np.asarray(x, dtype=DTYPE), ())


def _align(vals: list[Val]) -> tuple[list[np.ndarray], tuple]:
    axes: list = []
    for v in vals:
        for a in v.axes:
            if a not in axes:
                axes.append(a)
    npos = max(v.positional for v in vals)
    out = []
    for v in vals:
        arr = v.arr
        order = [v.axes.index(a) for a in axes if a in v.axes]
        arr = np.moveaxis(arr, order, list(range(len(order)))) if order else arr
        shape = []
        it = iter(arr.shape[:len(v.axes)])
        for a in axes:
            shape.append(next(it) if a in v.axes else 1)
        pos = arr.shape[len(v.axes):]
        shape.extend([1] * (npos - len(pos)) + list(pos))
        out.append(arr.reshape(shape))
    return out, tuple(axes)


def _elementwise(fn, *vals: Val) -> Val:
    arrs, axes = _align(list(vals))
    with np.errstate(all="ignore"):
        return Val(np.asarray(fn(*arrs)), axes)


def _numpy_sigmoid(x):
    return 1 / (1 + np.exp(-x))


UNARY = {
    sympy.exp: np.exp, sympy.log: np.log, sympy.Abs: np.abs, sympy.tanh: np.tanh, sympy.sinh: np.sinh,
    sympy.cosh: np.cosh, sympy.sin: np.sin, sympy.cos: np.cos, sympy.tan: np.tan, sympy.atan: np.arctan,
    sympy.asin: np.arcsin, sympy.acos: np.arccos, sympy.sign: np.sign, sigmoid: _numpy_sigmoid,
}


class Evaluator:
    def __init__(self, values: dict[str, Any], sizes: dict[str, int]):
        self.values = {k: np.asarray(v, dtype=DTYPE) for k, v in values.items()}
        self.sizes = sizes
        self.bound: dict[Any, Val] = {}

    def ev(self, e: Any) -> Val:
        if e in self.bound:
            return self.bound[e]
        if isinstance(e, (sympy.Integer, sympy.Rational, sympy.Float, int, float)) or e in (sympy.pi, sympy.E):
            return _const(float(e) if not isinstance(e, sympy.Integer) else int(e))
        if e is sympy.oo or e == sympy.oo:
            return _const(np.inf)
        method = getattr(self, "_" + type(e).__name__, None)
        if method is not None:
            return method(e)
        if isinstance(e, sympy.Symbol):
            return self._symbol(e)
        func = type(e)
        if func in UNARY or e.func in UNARY:
            return _elementwise(UNARY[e.func], self.ev(e.args[0]))
        if isinstance(e, sympy.Function) and e.func == sympy.log and len(e.args) == 2:
            return _elementwise(lambda a, b: np.log(a) / np.log(b), self.ev(e.args[0]), self.ev(e.args[1]))
        raise EvaluationError(f"cannot evaluate {e.func.__name__}")

    # -- atoms -------------------------------------------------------------------------------
    def _symbol(self, s: sympy.Symbol) -> Val:
        if s.name in self.sizes and s.is_integer and s.is_positive:
            return _const(self.sizes[s.name])
        if s.name in self.values:
            return Val(self.values[s.name], ())
        if s.name in self.sizes:
            return _const(self.sizes[s.name])
        raise EvaluationError(f"no value for {s.name}")

    def _MatrixSymbol(self, m) -> Val:
        if m.name not in self.values:
            raise EvaluationError(f"no value for {m.name}")
        return Val(self.values[m.name], ())

    def _Indexed(self, e) -> Val:
        name = e.base.label.name
        if name not in self.values:
            raise EvaluationError(f"no value for {name}")
        arr = self.values[name]
        idx_vals = [self.ev(i) for i in e.indices]
        arrs, axes = _align(idx_vals)
        if arr.ndim != len(arrs):
            raise EvaluationError(f"{name} has {arr.ndim} dimensions but {len(arrs)} indices")
        positions = []
        for dim, a in enumerate(arrs):
            ints = np.asarray(a).astype(np.int64) - 1  # the math counts from 1
            if ints.size and (ints.min() < 0 or ints.max() >= arr.shape[dim]):
                raise EvaluationError(f"index out of range for {name}")
            positions.append(ints)
        return Val(arr[tuple(positions)], axes)

    def _MatrixElement(self, e: MatrixElement) -> Val:
        parent = self.ev(e.parent)
        i, j = self.ev(e.i), self.ev(e.j)
        arr = parent.arr
        arrs, axes = _align([i, j])
        ii = np.asarray(arrs[0]).astype(np.int64)
        if arr.ndim - len(parent.axes) == 1:
            return Val(np.take(arr, ii, axis=-1), parent.axes + axes)
        jj = np.asarray(arrs[1]).astype(np.int64)
        return Val(arr[..., ii, jj], parent.axes + axes)

    def _ImmutableDenseMatrix(self, m) -> Val:
        rows = [[self.ev(m[r, c]).arr for c in range(m.cols)] for r in range(m.rows)]
        return Val(np.asarray(rows, dtype=DTYPE), ())

    _MutableDenseMatrix = _ImmutableDenseMatrix

    # -- arithmetic --------------------------------------------------------------------------
    def _Add(self, e) -> Val:
        return _elementwise(lambda *xs: sum(xs[1:], xs[0]), *[self.ev(a) for a in e.args])

    def _Mul(self, e) -> Val:
        def prod(*xs):
            out = xs[0]
            for x in xs[1:]:
                out = out * x
            return out
        return _elementwise(prod, *[self.ev(a) for a in e.args])

    def _Pow(self, e) -> Val:
        base, exp = self.ev(e.args[0]), self.ev(e.args[1])
        return _elementwise(np.power, base, exp)

    def _Max(self, e) -> Val:
        return _elementwise(lambda *xs: np.maximum.reduce(np.broadcast_arrays(*xs)), *[self.ev(a) for a in e.args])

    def _Min(self, e) -> Val:
        return _elementwise(lambda *xs: np.minimum.reduce(np.broadcast_arrays(*xs)), *[self.ev(a) for a in e.args])

    def _Piecewise(self, e) -> Val:
        vals, conds = [], []
        for expr, cond in e.args:
            vals.append(self.ev(expr))
            conds.append(self.ev(cond) if cond is not sympy.true else _const(True))
        arrs, axes = _align(vals + conds)
        n = len(vals)
        values = np.broadcast_arrays(*arrs)
        return Val(np.select([c.astype(bool) for c in values[n:]], values[:n], default=np.nan), axes)

    def _relational(self, e, fn) -> Val:
        return _elementwise(fn, self.ev(e.lhs), self.ev(e.rhs))

    def _StrictGreaterThan(self, e):
        return self._relational(e, np.greater)

    def _StrictLessThan(self, e):
        return self._relational(e, np.less)

    def _GreaterThan(self, e):
        return self._relational(e, np.greater_equal)

    def _LessThan(self, e):
        return self._relational(e, np.less_equal)

    def _Equality(self, e):
        return self._relational(e, np.equal)

    def _Unequality(self, e):
        return self._relational(e, np.not_equal)

    # -- reductions --------------------------------------------------------------------------
    def _range(self, limits) -> tuple[Any, Val]:
        sym, lo, hi = limits
        lo_v, hi_v = self.ev(lo).arr, self.ev(hi).arr
        if lo_v.ndim or hi_v.ndim:
            raise EvaluationError("summation bounds must be sizes")
        return sym, Val(np.arange(int(lo_v), int(hi_v) + 1, dtype=DTYPE), (sym,))

    def _reduce(self, body: Any, limits, fn, empty: float) -> Val:
        sym, rng = self._range(limits)
        saved = self.bound.get(sym)
        self.bound[sym] = rng
        try:
            val = self.ev(body)
        finally:
            self.bound.pop(sym)
            if saved is not None:
                self.bound[sym] = saved
        if rng.arr.size == 0:
            return _const(empty)
        if sym not in val.axes:
            val = _elementwise(lambda a, b: a + 0 * b, val, rng)
        axis = val.axes.index(sym)
        with np.errstate(all="ignore"):
            out = fn(val.arr, axis=axis)
        return Val(np.asarray(out), tuple(a for a in val.axes if a != sym))

    def _Sum(self, e) -> Val:
        val = None
        body = e.function
        for limits in reversed(e.limits):
            val = self._reduce(body if val is None else _Bound(val), limits, np.sum, 0.0)
        return val  # type: ignore[return-value]

    def _Product(self, e) -> Val:
        val = None
        for limits in reversed(e.limits):
            val = self._reduce(e.function if val is None else _Bound(val), limits, np.prod, 1.0)
        return val  # type: ignore[return-value]

    def _Reduce(self, e) -> Val:
        op, body, limits = e.args
        fn = {"max": np.max, "min": np.min}.get(op.name)
        if fn is not None:
            return self._reduce(body, limits, fn, np.nan)
        arg = {"argmax": np.argmax, "argmin": np.argmin}[op.name]
        lo = int(self.ev(limits[1]).arr)
        return self._reduce(body, limits, lambda a, axis: arg(a, axis=axis) + lo, np.nan)

    def _Bound(self, e) -> Val:  # a partially reduced value inside nested limits
        return e.val

    # -- matrices ----------------------------------------------------------------------------
    def _MatMul(self, e) -> Val:
        scalars = [a for a in e.args if not getattr(a, "is_Matrix", False)]
        mats = [a for a in e.args if getattr(a, "is_Matrix", False)]
        val = self.ev(mats[0])
        for m in mats[1:]:
            nxt = self.ev(m)
            if val.axes or nxt.axes:
                raise EvaluationError("matrix product of indexed values")
            try:
                val = Val(np.matmul(val.arr, nxt.arr), ())
            except ValueError as err:
                raise EvaluationError(f"matrix product: {err}") from None
        for s in scalars:
            val = _elementwise(np.multiply, self.ev(s), val)
        return val

    def _MatAdd(self, e) -> Val:
        return self._Add(e)

    def _HadamardProduct(self, e) -> Val:
        return self._Mul(e)

    def _Transpose(self, e) -> Val:
        val = self.ev(e.arg)
        if val.positional < 2:
            return val
        return Val(np.swapaxes(val.arr, -1, -2), val.axes)

    def _Softmax(self, e: Softmax) -> Val:
        val = self.ev(e.arg)
        if val.positional < 1:
            raise EvaluationError("softmax of a scalar")
        x = val.arr
        with np.errstate(all="ignore"):
            shifted = x - np.max(x, axis=-1, keepdims=True)
            ex = np.exp(shifted)
            return Val(ex / np.sum(ex, axis=-1, keepdims=True), val.axes)

    def _Apply(self, e: Apply) -> Val:
        lam = e.func_
        arg = self.ev(e.arg)
        var = lam.variables[0]
        self.bound[var] = arg
        try:
            return self.ev(lam.expr)
        finally:
            self.bound.pop(var)

    def _Dummy(self, d) -> Val:
        if d in self.bound:
            return self.bound[d]
        raise EvaluationError(f"unbound {d}")


class _Bound(sympy.Basic):
    """Wraps an already computed Val so that nested sum limits can reduce it further."""

    def __new__(cls, val: Val):
        obj = super().__new__(cls)
        obj.val = val
        return obj


def evaluate(eq: Equation, values: dict[str, Any], sizes: dict[str, int], which: int = 0) -> np.ndarray:
    """The equation's value (side `which` of an identity) as an array shaped like its output."""
    expr = eq.sides[which] if eq.sides else eq.sympy
    ev = Evaluator(values, sizes)
    free = []
    for sym, lo, hi in eq.free_indices:
        _, rng = ev._range((sym, lo, hi))
        ev.bound[sym] = rng
        free.append(sym)
    val = ev.ev(expr)
    for sym in free:
        if sym not in val.axes:
            val = _elementwise(lambda a, b: a + 0 * b, val, ev.bound[sym])
    extra = [a for a in val.axes if a not in free]
    if extra:
        raise EvaluationError(f"the index {extra[0]} is free on the right side but not on the left")
    order = [val.axes.index(s) for s in free]
    arr = np.moveaxis(val.arr, order, list(range(len(order)))) if order else val.arr
    return np.asarray(arr)
