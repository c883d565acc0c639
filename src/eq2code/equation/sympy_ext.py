"""SymPy classes for the lecture's notation that SymPy lacks.

- `sigmoid(x)`: the logistic function σ, with its derivative σ(1−σ).
- `prelu(u, s)`: max(0, u) + s·min(0, u) (PReLU, LeakyReLU with their slope given).
- `Softmax(X)`: softmax over the last axis of a matrix expression (rows of QKᵀ/√d_k).
- `Apply(Lambda, X)`: a scalar function applied elementwise to a matrix expression (σ(Wx+b)).
- `Reduce(op, body, (i, lo, hi))`: max/min/argmax/argmin over an index range.
- `MatrixSqrt(X)`: the principal square root of a square matrix ((Σ_r Σ_g)^{1/2}).
- `ArraySum(body, (i, lo, hi))`: a sum of vectors or matrices (Σ_n (y_n − μ_n) 𝐱_n).
- `Entries(body, (i, lo, hi))`: the vector whose entry i is body (cases applied entry by entry); of
  a vector body, the matrix whose row i is body (a grid written with \\vdots and \\cdots).
"""

from __future__ import annotations

import sympy
from sympy.matrices.expressions.matexpr import MatrixElement, MatrixExpr


class sigmoid(sympy.Function):  # SymPy names functions in lower case
    """The logistic function 1/(1+e^{-x})."""

    def fdiff(self, argindex=1):
        s = sigmoid(self.args[0])
        return s * (1 - s)

    def _eval_rewrite_as_exp(self, x, **kwargs):
        return 1 / (1 + sympy.exp(-x))

    def _latex(self, printer):
        return r"\sigma\left(%s\right)" % printer._print(self.args[0])


class prelu(sympy.Function):  # SymPy names functions in lower case
    """max(0, u) + s·min(0, u): a ReLU with slope s for negative inputs (PReLU[s, u]). One node, so
    that nested layers (PReLU of PReLU of …) stay small for SymPy; the plan expands it."""

    nargs = 2

    def fdiff(self, argindex=1):
        u, slope = self.args
        if argindex == 1:
            return sympy.Piecewise((sympy.Integer(1), u > 0), (slope, True))
        return sympy.Min(0, u)

    def _eval_rewrite_as_Max(self, u, slope, **kwargs):
        return sympy.Max(0, u) + slope * sympy.Min(0, u)

    def _latex(self, printer):
        return r"\mathrm{PReLU}\left[%s, %s\right]" % (printer._print(self.args[1]), printer._print(self.args[0]))


class _Opaque(MatrixExpr):
    """A matrix expression SymPy does not look into: its entries are MatrixElements of itself
    (the evaluator computes it whole)."""

    def _entry(self, i, j, **kwargs):
        return MatrixElement(self, i, j)


class _OfOne(_Opaque):
    """An operation on one matrix that keeps its shape (softmax, the matrix square root)."""

    def __new__(cls, arg):
        return super().__new__(cls, sympy.sympify(arg))

    @property
    def arg(self):
        return self.args[0]

    @property
    def shape(self):
        return self.arg.shape


class _OverRange(_Opaque):
    """A body over an index range: args (body, (i, lo, hi))."""

    def __new__(cls, body, limits):
        return super().__new__(cls, body, limits)


class Softmax(_OfOne):
    """softmax over the last axis of a matrix expression."""

    def _latex(self, printer):
        return r"\mathrm{softmax}\left(%s\right)" % printer._print(self.arg)

    def _sympystr(self, printer):
        return "softmax(%s)" % printer._print(self.arg)


class SoftmaxFirstAxis(Softmax):
    """Softmax over the first axis instead of the last (a mutant: the wrong-axis mistake)."""

    def _sympystr(self, printer):
        return "softmax_axis0(%s)" % printer._print(self.arg)


class Apply(MatrixExpr):
    """A scalar function (a Lambda) applied to every element of a matrix expression."""

    def __new__(cls, func, arg):
        return super().__new__(cls, func, sympy.sympify(arg))

    @property
    def func_(self):
        return self.args[0]

    @property
    def arg(self):
        return self.args[1]

    @property
    def shape(self):
        return self.arg.shape

    def _entry(self, i, j, **kwargs):
        return MatrixElement(self, i, j)

    def _sympystr(self, printer):
        lam = self.func_
        return printer._print(lam.expr.subs(lam.variables[0], sympy.Symbol(printer._print(self.arg))))

    def _latex(self, printer):
        lam = self.func_
        inner = sympy.Symbol("{%s}" % printer._print(self.arg))
        return printer._print(lam.expr.subs(lam.variables[0], inner))


class ArraySlice(MatrixExpr):
    """Slice `idx` of a stacked array: W_i^Q is the matrix W^Q[i] of W^Q ∈ ℝ^{h×d×d_k}."""

    def __new__(cls, name, idx, rows, cols):
        return super().__new__(cls, name, idx, sympy.sympify(rows), sympy.sympify(cols))

    @property
    def shape(self):
        return (self.args[2], self.args[3])

    def _entry(self, i, j, **kwargs):
        return MatrixElement(self, i, j)

    def _sympystr(self, printer):
        return "%s[%s]" % (printer._print(self.args[0]), ", ".join(printer._print(i) for i in self.args[1]))

    def _latex(self, printer):
        return "%s_{%s}" % (printer._print(self.args[0]), ",".join(printer._print(i) for i in self.args[1]))


class Concat(_OverRange):
    """Concat(X_i for i in lo..hi): matrices side by side along the last axis."""

    @property
    def shape(self):
        body, (_i, lo, hi) = self.args
        return (body.shape[0], body.shape[1] * (hi - lo + 1))

    def _sympystr(self, printer):
        body, (i, lo, hi) = self.args
        return "Concat(%s for %s in %s..%s)" % (printer._print(body), i, printer._print(lo), printer._print(hi))


class MatrixSqrt(_OfOne):
    """The principal square root of a square matrix: the R with R R = X."""

    def _sympystr(self, printer):
        return "sqrtm(%s)" % printer._print(self.arg)

    def _latex(self, printer):
        return r"\left(%s\right)^{1/2}" % printer._print(self.arg)


class ArraySum(_OverRange):
    """Σ_{i=lo}^{hi} of a vector- or matrix-valued body."""

    @property
    def shape(self):
        return self.args[0].shape

    def _sympystr(self, printer):
        body, (i, lo, hi) = self.args
        return "Sum(%s, (%s, %s, %s))" % (printer._print(body), i, printer._print(lo), printer._print(hi))

    def _latex(self, printer):
        body, (i, lo, hi) = self.args
        return r"\sum_{%s=%s}^{%s} %s" % (printer._print(i), printer._print(lo), printer._print(hi),
                                          printer._print(body))


class Entries(_OverRange):
    """The column vector (body for i in lo..hi); of a column body (Entries itself), the matrix
    whose row i is body."""

    @property
    def shape(self):
        body, (_i, lo, hi) = self.args
        return (hi - lo + 1, body.shape[0] if isinstance(body, MatrixExpr) else sympy.Integer(1))

    def _sympystr(self, printer):
        body, (i, lo, hi) = self.args
        return "[%s for %s in %s..%s]" % (printer._print(body), i, printer._print(lo), printer._print(hi))

    def _latex(self, printer):
        body, (i, lo, hi) = self.args
        return r"\left[%s\right]_{%s=%s}^{%s}" % (printer._print(body), printer._print(i), printer._print(lo),
                                                  printer._print(hi))


class Reduce(sympy.Function):
    """Reduce(op, body, Tuple(i, lo, hi)) with op one of max, min, argmax, argmin."""

    @classmethod
    def eval(cls, op, body, limits):
        return None

    def _sympystr(self, printer):
        op, body, (i, lo, hi) = self.args
        return f"{op}_{{{printer._print(i)}={printer._print(lo)}..{printer._print(hi)}}}({printer._print(body)})"
