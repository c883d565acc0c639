"""Lowering (LaTeX → SymPy): the lecture's constructs against SymPy expressions built here."""

from __future__ import annotations

import numpy as np
import pytest
import sympy
from sympy import Indexed, IndexedBase, MatrixSymbol, Sum
from unit_support import lower

from eq2code.equation.sympy_ext import Softmax, sigmoid
from eq2code.reference.evaluate import evaluate


def size(name: str) -> sympy.Symbol:
    return sympy.Symbol(name, integer=True, positive=True)


def index(name: str) -> sympy.Symbol:
    return sympy.Symbol(name, integer=True)


def real(name: str) -> sympy.Symbol:
    return sympy.Symbol(name, real=True)


N, K, n, m, d = size("N"), size("K"), size("n"), size("m"), size("d")
i, j = index("i"), index("j")
x, p, z = IndexedBase("x"), IndexedBase("p"), IndexedBase("z")

BY_HAND = {
    "sum with bounds": (r"L = \sum_{i=1}^{N} x_i" "\n\n" r"\mathbf{x} \in \mathbb{R}^{N}",
                        Sum(Indexed(x, i), (i, 1, N))),
    "mean": (r"\mu = \frac{1}{N}\sum_{i=1}^{N} x_i" "\n\n" r"\mathbf{x} \in \mathbb{R}^{N}",
             Sum(Indexed(x, i), (i, 1, N)) / N),
    "sum of squares": (r"s = \sum_{i=1}^{N} x_i^2" "\n\n" r"\mathbf{x} \in \mathbb{R}^{N}",
                       Sum(Indexed(x, i) ** 2, (i, 1, N))),
    "matrix-vector product": (r"\mathbf{y} = W\mathbf{x}" "\n\n"
                              r"W \in \mathbb{R}^{m \times n},\quad \mathbf{x} \in \mathbb{R}^{n}",
                              MatrixSymbol("W", m, n) * MatrixSymbol("x", n, 1)),
    "transpose": (r"S = Q K^\top" "\n\n" r"Q \in \mathbb{R}^{n \times d},\quad K \in \mathbb{R}^{m \times d}",
                  MatrixSymbol("Q", n, d) * MatrixSymbol("K", m, d).T),
    "transpose with T": (r"S = Q K^T" "\n\n" r"Q \in \mathbb{R}^{n \times d},\quad K \in \mathbb{R}^{m \times d}",
                         MatrixSymbol("Q", n, d) * MatrixSymbol("K", m, d).T),
    "softmax over the last axis": (r"P = \mathrm{softmax}(Z)" "\n\n" r"Z \in \mathbb{R}^{n \times K}",
                                   Softmax(MatrixSymbol("Z", n, K))),
    "softmax entry": (r"\sigma(\mathbf{z})_i = \frac{\exp(z_i)}{\sum_{j=1}^{K} \exp(z_j)}" "\n\n"
                      r"\mathbf{z} \in \mathbb{R}^{K}",
                      sympy.exp(Indexed(z, i)) / Sum(sympy.exp(Indexed(z, j)), (j, 1, K))),
    "expectation": (r"H = \mathbb{E}_{x \sim \mathbf{p}}[-\log p(x)]" "\n\n" r"\mathbf{p} \in \Delta^{K-1}",
                    Sum(-sympy.log(Indexed(p, index("x"))) * Indexed(p, index("x")), (index("x"), 1, K))),
    "cases": (r"f(x) = \begin{cases} x & x > 0 \\ 0 & \text{otherwise} \end{cases}",
              sympy.Piecewise((real("x"), real("x") > 0), (0, True))),
    "sigmoid": (r"y = \sigma(a)", sigmoid(real("a"))),
    "square root": (r"y = \sqrt{a}" "\n\n" r"a \in \mathbb{R}_{>0}", sympy.sqrt(sympy.Symbol("a", real=True,
                                                                                          positive=True))),
}


@pytest.mark.parametrize("name", sorted(BY_HAND))
def test_lowering_gives_the_expression_written_by_hand(name):
    tex, expected = BY_HAND[name]
    got = lower(tex).sympy
    assert got == expected or sympy.simplify(got - expected) == 0, (got, expected)


def test_sum_bounds_and_free_index():
    eq = lower(r"\sigma(\mathbf{z})_i = \frac{\exp(z_i)}{\sum_{j=1}^{K} \exp(z_j)}" "\n\n"
               r"\mathbf{z} \in \mathbb{R}^{K}")
    assert eq.free_indices == [("i", ["num", 1.0], ["size", "K"])]
    assert eq.output_shape == ("K",)


def test_shapes_and_spaces_of_inputs():
    eq = lower(r"H = \mathbb{E}_{x \sim \mathbf{p}}[-\log p(x)]" "\n\n" r"\mathbf{p} \in \Delta^{K-1}")
    p_in = next(s for s in eq.inputs if s.name == "p")
    assert p_in.shape == ("K",) and p_in.space.kind == "simplex"
    assert [s.role for s in eq.inputs if s.name == "K"] == ["size"]


def test_matrix_product_output_shape():
    eq = lower(r"S = Q K^\top" "\n\n" r"Q \in \mathbb{R}^{n \times d},\quad K \in \mathbb{R}^{m \times d}")
    assert eq.output_shape == ("n", "m")
    assert {p["op"] for p in eq.parts} >= {"matmul", "transpose"}


rng = np.random.default_rng(11)
VEC = rng.normal(size=5)
VEC2 = rng.normal(size=5)
MAT = rng.normal(size=(3, 4))
SIMPLEX = rng.dirichlet(np.ones(5))
SIMPLEX2 = rng.dirichlet(np.ones(5))


def _softmax(a, axis=-1):
    e = np.exp(a - a.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


# (LaTeX, sizes, inputs by Python name, the value computed here with NumPy)
BY_VALUE = {
    "euclidean norm": (r"r = \|\mathbf{x}\|_2" "\n\n" r"\mathbf{x} \in \mathbb{R}^{n}", {"n": 5}, {"x": VEC},
                       np.linalg.norm(VEC)),
    "squared norm": (r"r = \|\mathbf{x}\|^2" "\n\n" r"\mathbf{x} \in \mathbb{R}^{n}", {"n": 5}, {"x": VEC},
                     VEC @ VEC),
    "l1 norm": (r"r = \|\mathbf{x}\|_1" "\n\n" r"\mathbf{x} \in \mathbb{R}^{n}", {"n": 5}, {"x": VEC},
                np.abs(VEC).sum()),
    "dot product": (r"s = \mathbf{a}^\top \mathbf{b}" "\n\n" r"\mathbf{a}, \mathbf{b} \in \mathbb{R}^{n}",
                    {"n": 5}, {"a": VEC, "b": VEC2}, VEC @ VEC2),
    "sum from zero": (r"s = \sum_{i=0}^{N-1} x_i" "\n\n" r"\mathbf{x} \in \mathbb{R}^{N}", {"N": 5},
                      {"x": VEC}, VEC.sum()),
    "product": (r"s = \prod_{i=1}^{N} x_i" "\n\n" r"\mathbf{x} \in \mathbb{R}^{N}", {"N": 5}, {"x": VEC},
                np.prod(VEC)),
    "max": (r"s = \max_{i} x_i" "\n\n" r"\mathbf{x} \in \mathbb{R}^{N}", {"N": 5}, {"x": VEC}, VEC.max()),
    "softmax of a matrix": (r"P = \mathrm{softmax}(Z)" "\n\n" r"Z \in \mathbb{R}^{n \times k}",
                            {"n": 3, "k": 4}, {"Z": MAT}, _softmax(MAT)),
    "log-sum-exp": (r"s = \log \sum_{i=1}^{N} \exp(x_i)" "\n\n" r"\mathbf{x} \in \mathbb{R}^{N}", {"N": 5},
                    {"x": VEC}, np.log(np.exp(VEC).sum())),
    "cross-entropy": (r"H = -\sum_{k=1}^{K} p_k \log q_k" "\n\n" r"\mathbf{p}, \mathbf{q} \in \Delta^{K-1}",
                      {"K": 5}, {"p": SIMPLEX, "q": SIMPLEX2}, -(SIMPLEX * np.log(SIMPLEX2)).sum()),
    "kl divergence": (r"D = \sum_{k=1}^{K} p_k \log \frac{p_k}{q_k}" "\n\n"
                      r"\mathbf{p}, \mathbf{q} \in \Delta^{K-1}",
                      {"K": 5}, {"p": SIMPLEX, "q": SIMPLEX2}, (SIMPLEX * np.log(SIMPLEX / SIMPLEX2)).sum()),
    "mse": (r"L = \frac{1}{N}\sum_{i=1}^{N} (y_i - \hat{y}_i)^2" "\n\n"
            r"\mathbf{y}, \hat{\mathbf{y}} \in \mathbb{R}^{N}", {"N": 5}, {"y": VEC, "y_hat": VEC2},
            np.mean((VEC - VEC2) ** 2)),
    "matrix product with transpose": (r"S = A B^\top" "\n\n"
                                      r"A \in \mathbb{R}^{n \times d},\quad B \in \mathbb{R}^{m \times d}",
                                      {"n": 3, "m": 3, "d": 4}, {"A": MAT, "B": MAT[::-1]}, MAT @ MAT[::-1].T),
    "scaled scores": (r"S = \frac{Q K^\top}{\sqrt{d}}" "\n\n"
                      r"Q \in \mathbb{R}^{n \times d},\quad K \in \mathbb{R}^{m \times d}",
                      {"n": 3, "m": 3, "d": 4}, {"Q": MAT, "K": MAT[::-1]}, MAT @ MAT[::-1].T / 2.0),
    "sigmoid entry": (r"s_i = \frac{1}{1 + e^{-x_i}}" "\n\n" r"\mathbf{x} \in \mathbb{R}^{N}", {"N": 5},
                      {"x": VEC}, 1 / (1 + np.exp(-VEC))),
    "absolute value": (r"L = \sum_{i=1}^{N} |x_i|" "\n\n" r"\mathbf{x} \in \mathbb{R}^{N}", {"N": 5}, {"x": VEC},
                       np.abs(VEC).sum()),
    "tanh": (r"h_i = \tanh(x_i)" "\n\n" r"\mathbf{x} \in \mathbb{R}^{N}", {"N": 5}, {"x": VEC}, np.tanh(VEC)),
    "cases entrywise (relu)": (r"r_i = \begin{cases} x_i & x_i > 0 \\ 0 & \text{otherwise} \end{cases}" "\n\n"
                               r"\mathbf{x} \in \mathbb{R}^{N}", {"N": 5}, {"x": VEC}, np.maximum(VEC, 0)),
    "expectation of a function": (r"E = \mathbb{E}_{k \sim \mathbf{p}}[f_k]" "\n\n"
                                  r"\mathbf{p} \in \Delta^{K-1},\quad \mathbf{f} \in \mathbb{R}^{K}",
                                  {"K": 5}, {"p": SIMPLEX, "f": VEC}, SIMPLEX @ VEC),
    "variance": (r"v = \frac{1}{N}\sum_{i=1}^{N} \left(x_i - \frac{1}{N}\sum_{j=1}^{N} x_j\right)^2" "\n\n"
                 r"\mathbf{x} \in \mathbb{R}^{N}", {"N": 5}, {"x": VEC}, VEC.var()),
}


@pytest.mark.parametrize("name", sorted(BY_VALUE))  # "sum from zero": x_0 … x_{N-1} over x ∈ ℝ^N, from its first entry
def test_lowering_computes_what_numpy_computes(name):
    tex, sizes, values, expected = BY_VALUE[name]
    eq = lower(tex)
    names = {s.name: s.sympy_name for s in eq.inputs}
    got = evaluate(eq, {names[k]: v for k, v in values.items()}, sizes).astype(float)
    np.testing.assert_allclose(got, expected, rtol=1e-10, atol=1e-12)
