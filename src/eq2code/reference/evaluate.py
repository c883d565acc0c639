"""The reference evaluator: an equation's plan (`plan.py`, compiled from SymPy) + input
values → a NumPy array. It imports neither SymPy nor the parser.

Vectorised over indices: every value carries named index axes (from x[i], sums over j) in
front of positional matrix axes; a sum over j reduces the j axis, a free index i of the
left side becomes an axis of the result. Matrix expressions use matmul, transpose swaps the
last two axes, softmax works on the last axis. Arithmetic runs in extended precision
(np.longdouble) so that large-magnitude inputs stay exact where float64 would overflow.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:  # annotations only: the sandbox child loads this file by path, with numpy alone
    from eq2code.equation.model import Equation, Plan

DTYPE = np.longdouble


MAX_RANGE = 1_000_000  # values of one summation/product index (\sum_{i=1}^{10^{10}}: refused, not allocated)


class EvaluationError(Exception):
    """The equation cannot be evaluated on these inputs (an index out of range, a shape clash)."""


class SingularInput(EvaluationError):
    """A matrix the equation inverts is singular on these inputs (XᵀX with fewer rows than
    columns): other inputs may do (checking draws again), the equation itself is fine."""


SINGULAR_CONDITION = 1e10  # a condition number past which an inverse in float64 says nothing


@dataclass
class Val:
    """An evaluated value: its array and the index names of its leading axes."""

    arr: np.ndarray
    axes: tuple[str, ...]  # index names of the leading axes

    @property
    def positional(self) -> int:
        return self.arr.ndim - len(self.axes)


def _const(x: Any) -> Val:
    return Val(np.asarray(x, dtype=DTYPE), ())


def _align(vals: list[Val]) -> tuple[list[np.ndarray], tuple[str, ...]]:
    """Bring values to common named axes (in first-seen order) and right-aligned positions."""
    axes: list[str] = []
    for v in vals:
        axes.extend(a for a in v.axes if a not in axes)
    npos = max(v.positional for v in vals)
    out = []
    for v in vals:
        order = [v.axes.index(a) for a in axes if a in v.axes]
        arr = np.moveaxis(v.arr, order, list(range(len(order)))) if order else v.arr
        sizes = iter(arr.shape[:len(v.axes)])
        shape = [next(sizes) if a in v.axes else 1 for a in axes]
        pos = arr.shape[len(v.axes):]
        shape.extend([1] * (npos - len(pos)) + list(pos))
        out.append(arr.reshape(shape))
    return out, tuple(axes)


def _elementwise(fn, *vals: Val) -> Val:
    arrs, axes = _align(list(vals))
    with np.errstate(all="ignore"):
        try:
            return Val(np.asarray(fn(*arrs)), axes)
        except ValueError as err:
            raise EvaluationError(f"shapes do not fit: {err}") from None


def _sigmoid(x):
    return 1 / (1 + np.exp(-x))


def _erf(x):
    """erf elementwise (NumPy has none; math.erf is exact to float64)."""
    import math

    return np.vectorize(lambda v: math.erf(float(v)), otypes=[DTYPE])(x)


def _product(*xs):
    """Elementwise product with the math's convention 0·(±∞) = 0 (so 0 log 0 = 0). An undefined
    factor stays undefined: 0·log(-0.2) is not 0 (code computing it gets nan, and is right)."""
    out = xs[0]
    zero = out == 0
    undefined = np.isnan(out)
    for x in xs[1:]:
        out = out * x
        zero = zero | (x == 0)
        undefined = undefined | np.isnan(x)
    zero = zero & ~undefined
    return np.where(zero, 0, out) if np.any(zero) else out


UNARY = {"exp": np.exp, "log": np.log, "abs": np.abs, "tanh": np.tanh, "sinh": np.sinh, "cosh": np.cosh,
         "sin": np.sin, "cos": np.cos, "tan": np.tan, "arctan": np.arctan, "arcsin": np.arcsin,
         "arccos": np.arccos, "sign": np.sign, "sigmoid": _sigmoid, "erf": _erf,
         "erfc": lambda x: 1 - _erf(x), "floor": np.floor, "ceil": np.ceil}
RELATIONS = {"gt": np.greater, "lt": np.less, "ge": np.greater_equal, "le": np.less_equal,
             "eq": np.equal, "ne": np.not_equal}


class Evaluator:
    def __init__(self, values: dict[str, Any], sizes: dict[str, int]):
        self.values = {k: np.asarray(v, dtype=DTYPE) for k, v in values.items()}
        self.sizes = sizes
        self.bound: dict[str, Val] = {}

    def ev(self, plan: Plan) -> Val:
        op = plan[0]
        method = getattr(self, "_" + op, None) if isinstance(op, str) else None
        if method is None:
            raise EvaluationError(f"cannot evaluate {plan[0]}")
        return method(*plan[1:])

    # -- atoms -------------------------------------------------------------------------------
    def _num(self, x):
        return _const(x)

    def _inf(self):
        return _const(np.inf)

    def _true(self):
        return _const(True)

    def _size(self, name):
        if name in self.bound:
            return self.bound[name]
        if name in self.sizes:
            return _const(self.sizes[name])
        if name.isdigit():
            return _const(int(name))
        raise EvaluationError(f"no value for the size {name}")

    def _index(self, name):
        if name in self.bound:
            return self.bound[name]
        raise EvaluationError(f"the index {name} has no range")

    def _sym(self, name):
        if name in self.bound:
            return self.bound[name]
        if name in self.values:
            return Val(self.values[name], ())
        if name in self.sizes:
            return _const(self.sizes[name])
        raise EvaluationError(f"no value for {name}")

    def _msym(self, name):
        if name not in self.values:
            raise EvaluationError(f"no value for {name}")
        return Val(self.values[name], ())

    def _fill(self, value, rows, cols):
        n, m = int(self.ev(rows).arr), int(self.ev(cols).arr)
        return Val(np.full((n,) if m == 1 else (n, m), value, dtype=DTYPE), ())

    def _identity(self, n):
        return Val(np.eye(int(self.ev(n).arr), dtype=DTYPE), ())

    def _indexed(self, name, indices, wrap=None):
        if name not in self.values:
            raise EvaluationError(f"no value for {name}")
        arr = self.values[name]
        arrs, axes = _align([self.ev(i) for i in indices])
        if arr.ndim != len(arrs):
            raise EvaluationError(f"{name} has {arr.ndim} dimensions but {len(arrs)} indices")
        positions = []
        for dim, a in enumerate(arrs):
            ints = np.asarray(a).astype(np.int64) - 1  # the math counts from 1
            if wrap and ints.size and ints.min() >= -arr.shape[dim]:
                ints = ints % arr.shape[dim]  # a mutant: index -1 is the last entry, as in NumPy
            if ints.size and (ints.min() < 0 or ints.max() >= arr.shape[dim]):
                raise EvaluationError(f"an index of {name} is out of range")
            positions.append(ints)
        return Val(arr[tuple(positions)], axes)

    def _melem(self, parent, i, j):
        p = self.ev(parent)
        if p.positional == 0:  # entry (0, 0) of a 1 × 1 value (𝐰^⊤𝐱 + b), which is kept as a number
            return p
        arrs, axes = _align([self.ev(i), self.ev(j)])
        ii = np.asarray(arrs[0]).astype(np.int64)
        if p.positional == 1:
            return Val(np.take(p.arr, ii, axis=-1), p.axes + axes)
        jj = np.asarray(arrs[1]).astype(np.int64)
        return Val(p.arr[..., ii, jj], p.axes + axes)

    def _matrix(self, rows):
        values = [[self.ev(c) for c in row] for row in rows]
        if any(v.axes or v.arr.ndim for row in values for v in row):
            raise EvaluationError("matrix entries must be numbers")
        return Val(np.asarray([[v.arr for v in row] for row in values], dtype=DTYPE), ())

    # -- arithmetic --------------------------------------------------------------------------
    def _add(self, args):
        return _elementwise(lambda *xs: sum(xs[1:], xs[0]), *[self.ev(a) for a in args])

    def _mul(self, args):
        return _elementwise(_product, *[self.ev(a) for a in args])

    def _hadamard(self, args):
        return self._mul(args)

    def _pow(self, base, exp):
        return _elementwise(np.power, self.ev(base), self.ev(exp))

    def _fn(self, name, arg):
        return _elementwise(UNARY[name], self.ev(arg))

    def _logb(self, arg, base):
        return _elementwise(lambda a, b: np.log(a) / np.log(b), self.ev(arg), self.ev(base))

    def _max(self, args):
        return _elementwise(lambda *xs: np.maximum.reduce(np.broadcast_arrays(*xs)), *[self.ev(a) for a in args])

    def _min(self, args):
        return _elementwise(lambda *xs: np.minimum.reduce(np.broadcast_arrays(*xs)), *[self.ev(a) for a in args])

    def _rel(self, op, a, b):
        return _elementwise(RELATIONS[op], self.ev(a), self.ev(b))

    def _piecewise(self, pieces):
        vals = [self.ev(v) for v, _ in pieces]
        conds = [self.ev(c) for _, c in pieces]
        aligned, axes = _align(vals + conds)
        arrs = np.broadcast_arrays(*aligned)
        n = len(vals)
        return Val(np.select([c.astype(bool) for c in arrs[n:]], arrs[:n], default=np.nan), axes)

    # -- reductions --------------------------------------------------------------------------
    def index_range(self, lo, hi) -> Val:
        lo_v, hi_v = self.ev(lo).arr, self.ev(hi).arr
        if lo_v.ndim or hi_v.ndim:
            raise EvaluationError("summation bounds must be sizes")
        count = float(hi_v) - float(lo_v) + 1
        if not np.isfinite(count) or count > MAX_RANGE:
            raise EvaluationError(f"an index runs over {count:.3g} values; at most {MAX_RANGE} are evaluated")
        return _const(np.arange(int(lo_v), int(hi_v) + 1))

    def _bound_over(self, body, index, lo, hi) -> tuple[Val, Val]:
        """`body` evaluated with `index` running over lo..hi (an outer binding of the same name
        restored after), and that range."""
        rng = Val(self.index_range(lo, hi).arr, (index,))
        saved = self.bound.get(index)
        self.bound[index] = rng
        try:
            return self.ev(body), rng
        finally:
            self.bound.pop(index)
            if saved is not None:
                self.bound[index] = saved

    def _reduce_over(self, body, index, lo, hi, fn, empty) -> Val:
        val, rng = self._bound_over(body, index, lo, hi)
        if rng.arr.size == 0:
            return _const(empty)
        if index not in val.axes:
            val = _elementwise(lambda a, b: a + 0 * b, val, rng)
        with np.errstate(all="ignore"):
            out = fn(val.arr, axis=val.axes.index(index))
        return Val(np.asarray(out), tuple(a for a in val.axes if a != index))

    def _sum(self, body, index, lo, hi):
        return self._reduce_over(body, index, lo, hi, np.sum, 0.0)

    def _prod(self, body, index, lo, hi):
        return self._reduce_over(body, index, lo, hi, np.prod, 1.0)

    def _reduce(self, op, body, index, lo, hi):
        if op in ("max", "min"):
            return self._reduce_over(body, index, lo, hi, np.max if op == "max" else np.min, np.nan)
        first = int(self.ev(lo).arr)
        arg = np.argmax if op == "argmax" else np.argmin
        return self._reduce_over(body, index, lo, hi, lambda a, axis: arg(a, axis=axis) + first, np.nan)

    # -- matrices ----------------------------------------------------------------------------
    def _matmul(self, args):
        mats = [self.ev(a) for is_matrix, a in args if is_matrix]
        scalars = [self.ev(a) for is_matrix, a in args if not is_matrix]
        val = mats[0]
        for nxt in mats[1:]:
            try:
                if val.axes or nxt.axes:  # a family of matrices (head_i), rows 𝐮_i: the index axes broadcast
                    if not (1 <= val.positional <= 2 and 1 <= nxt.positional <= 2):
                        raise EvaluationError("a matrix product of indexed values")
                    row, col = val.positional == 1, nxt.positional == 1  # a vector on the left is a row
                    left = Val(val.arr[..., None, :], val.axes) if row else val
                    right = Val(nxt.arr[..., :, None], nxt.axes) if col else nxt
                    (a, b), axes = _align([left, right])
                    out = np.matmul(a, b)
                    out = out[..., 0, :] if row else out
                    out = out[..., 0] if col else out
                    val = Val(out, axes)
                else:
                    val = Val(np.matmul(val.arr, nxt.arr), ())
            except ValueError as err:
                raise EvaluationError(f"matrix product: {err}") from None
        for s in scalars:
            val = _elementwise(np.multiply, s, val)
        return val

    def _slice(self, name, indices):
        """W^Q[i]: leading indices of a stacked array; the last two axes stay a matrix."""
        if name not in self.values:
            raise EvaluationError(f"no value for {name}")
        arr = self.values[name]
        arrs, axes = _align([self.ev(i) for i in indices])
        positions = []
        for dim, a in enumerate(arrs):
            ints = np.asarray(a).astype(np.int64) - 1
            if ints.size and (ints.min() < 0 or ints.max() >= arr.shape[dim]):
                raise EvaluationError(f"an index of {name} is out of range")
            positions.append(ints)
        return Val(arr[tuple(positions)], axes)

    def _concat(self, body, index, lo, hi):
        """Concat(X_i): evaluate X over all i at once, then lay the i axis out along the columns."""
        val, _ = self._bound_over(body, index, lo, hi)
        if index not in val.axes or val.positional != 2:
            raise EvaluationError("Concat needs a family of matrices")
        k = val.axes.index(index)
        arr = np.moveaxis(val.arr, k, -2)  # (…, rows, i, cols): row r is head_1[r], head_2[r], …
        rest = tuple(a for a in val.axes if a != index)
        return Val(arr.reshape(arr.shape[:-2] + (arr.shape[-2] * arr.shape[-1],)), rest)

    def _entries(self, body, index, lo, hi):
        """The vector whose entry i is body: the i axis becomes the first positional axis (of a
        vector body, the matrix whose row i is body)."""
        val, rng = self._bound_over(body, index, lo, hi)
        if index not in val.axes:
            val = _elementwise(lambda a, b: a + 0 * b, val, rng)
        if val.positional > 1:
            raise EvaluationError("entries of something other than numbers or vectors")
        arr = np.moveaxis(val.arr, val.axes.index(index), -1 - val.positional)
        return Val(arr, tuple(a for a in val.axes if a != index))

    def _transpose(self, a):
        val = self.ev(a)
        return val if val.positional < 2 else Val(np.swapaxes(val.arr, -1, -2), val.axes)

    def _softmax(self, a, axis=-1):
        """Over the last axis; `axis=0` is the first positional axis (a mutant)."""
        val = self.ev(a)
        if val.positional < 1:
            raise EvaluationError("softmax of a scalar")
        ax = -1 if axis == -1 else len(val.axes) + axis
        with np.errstate(all="ignore"):
            ex = np.exp(val.arr - np.max(val.arr, axis=ax, keepdims=True))
            return Val(ex / np.sum(ex, axis=ax, keepdims=True), val.axes)

    def _outer(self, a, b):
        """A column times a row: every entry of a times every entry of b."""
        va, vb = self.ev(a), self.ev(b)
        if va.positional == 2:
            va = Val(va.arr[..., 0], va.axes)
        if vb.positional == 2:
            vb = Val(vb.arr[..., 0, :], vb.axes)
        if va.positional != 1 or vb.positional != 1:
            raise EvaluationError("an outer product of something other than vectors")
        (x, y), axes = _align([Val(va.arr[..., :, None], va.axes), Val(vb.arr[..., None, :], vb.axes)])
        return Val(x * y, axes)

    def _inverse(self, a):
        val = self.ev(a)
        if val.positional < 2:
            return _elementwise(lambda x: 1 / x, val)
        matrix = val.arr.astype(np.float64)
        try:
            condition = np.linalg.cond(matrix)
            if not np.all(np.isfinite(condition)) or np.max(condition) > SINGULAR_CONDITION:
                raise SingularInput("matrix inverse: the matrix is singular on these inputs")
            return Val(np.linalg.inv(matrix).astype(DTYPE), val.axes)
        except np.linalg.LinAlgError as err:
            raise SingularInput(f"matrix inverse: {err}") from None
        except ValueError as err:
            raise EvaluationError(f"matrix inverse: {err}") from None

    def _sqrtm(self, a):
        """The principal square root, from the eigendecomposition (eigenvalues of a product of
        positive definite matrices are real and positive)."""
        val = self.ev(a)
        if val.positional < 2:
            return _elementwise(np.sqrt, val)
        try:
            w, v = np.linalg.eig(val.arr.astype(np.float64))
            root = v @ (np.sqrt(w.astype(complex))[..., :, None] * np.linalg.inv(v))
        except (np.linalg.LinAlgError, ValueError) as err:
            raise EvaluationError(f"matrix square root: {err}") from None
        if np.max(np.abs(root.imag), initial=0.0) > 1e-9 * max(1.0, float(np.max(np.abs(root.real), initial=0.0))):
            raise EvaluationError("matrix square root: the matrix has negative eigenvalues")
        return Val(root.real.astype(DTYPE), val.axes)

    def _trace(self, a):
        val = self.ev(a)
        if val.positional < 2:
            return val
        return Val(np.trace(val.arr, axis1=-2, axis2=-1), val.axes)

    def _det(self, a):
        val = self.ev(a)
        if val.positional < 2:
            raise EvaluationError("a determinant of something other than a matrix")
        try:
            return Val(np.linalg.det(val.arr.astype(np.float64)).astype(DTYPE), val.axes)
        except (np.linalg.LinAlgError, ValueError) as err:
            raise EvaluationError(f"determinant: {err}") from None

    def _diag(self, a):
        val = self.ev(a)
        if val.positional != 1:
            raise EvaluationError("diag of something other than a vector")
        n = val.arr.shape[-1]
        return Val(val.arr[..., :, None] * np.eye(n, dtype=DTYPE), val.axes)

    def _and(self, args):
        return _elementwise(lambda *xs: np.logical_and.reduce(np.broadcast_arrays(*xs)), *[self.ev(a) for a in args])

    def _or(self, args):
        return _elementwise(lambda *xs: np.logical_or.reduce(np.broadcast_arrays(*xs)), *[self.ev(a) for a in args])

    def _not(self, a):
        return _elementwise(np.logical_not, self.ev(a))

    def _apply(self, var, body, a):
        self.bound[var] = self.ev(a)
        try:
            return self.ev(body)
        finally:
            self.bound.pop(var)


def evaluate(eq: Equation, values: dict[str, Any], sizes: dict[str, int], which: int = 0) -> np.ndarray:
    """The equation's value (side `which` of an identity) as an array shaped like its output."""
    return evaluate_plan(eq.plans[which], eq.free_indices, values, sizes)


def evaluate_plan(plan: Plan, free_indices: list[tuple[str, Plan, Plan]], values: dict[str, Any],
                  sizes: dict[str, int]) -> np.ndarray:
    """A plan's value; the free indices (the left side's subscripts) become the result's axes."""
    ev = Evaluator(values, sizes)
    free = []
    for name, lo, hi in free_indices:
        ev.bound[name] = Val(ev.index_range(lo, hi).arr, (name,))
        free.append(name)
    val = ev.ev(plan)
    for name in free:
        if name not in val.axes:
            val = _elementwise(lambda a, b: a + 0 * b, val, ev.bound[name])
    extra = [a for a in val.axes if a not in free]
    if extra:
        raise EvaluationError(f"the index {extra[0]} is free on the right side but not on the left")
    order = [val.axes.index(s) for s in free]
    return np.asarray(np.moveaxis(val.arr, order, list(range(len(order)))) if order else val.arr)
