"""End to end (issue 12): an ellipsis pattern and a primed name are checked like the sum they
abbreviate — a correct NumPy implementation passes, a wrong one fails (and never exits 0)."""

from __future__ import annotations

import pytest
from check_helpers import passes_and_wrongs_fail

LINEAR = r"\hat{y} = w_1 x_1 + \cdots + w_d x_d + b"
LINEAR_RIGHT = """import numpy as np

def predict(w, x, b):
    return float(np.dot(w, x) + b)
"""
LINEAR_NO_BIAS = LINEAR_RIGHT.replace("np.dot(w, x) + b", "np.dot(w, x)")
LINEAR_SKIPS_LAST = LINEAR_RIGHT.replace("np.dot(w, x)", "np.dot(w[:-1], x[:-1])")

PRODUCT = r"p = x_1 x_2 \cdots x_n"
PRODUCT_RIGHT = """import numpy as np

def prod(x):
    return float(np.prod(x))
"""
PRODUCT_SUM = PRODUCT_RIGHT.replace("np.prod(x)", "np.sum(x)")

SQUARES = r"v = (x_0 - \mu)^2 + (x_1 - \mu)^2 + \cdots + (x_{n-1} - \mu)^2"
SQUARES_RIGHT = """import numpy as np

def sq(x, mu):
    return float(np.sum((x - mu) ** 2))
"""
SQUARES_ABS = SQUARES_RIGHT.replace("(x - mu) ** 2", "np.abs(x - mu)")

ADAM = r"\mathbf{g}_t' = \frac{\eta \hat{\mathbf{v}}_t}{\sqrt{\hat{\mathbf{s}}_t} + \epsilon}"
ADAM_RIGHT = """import numpy as np

def step(eta, v_hat, s_hat, eps):
    return eta * v_hat / (np.sqrt(s_hat) + eps)
"""
ADAM_EPS_INSIDE = ADAM_RIGHT.replace("np.sqrt(s_hat) + eps", "np.sqrt(s_hat + eps)")


@pytest.mark.parametrize("latex, right, wrongs", [
    (LINEAR, LINEAR_RIGHT, [LINEAR_NO_BIAS, LINEAR_SKIPS_LAST]),
    (PRODUCT, PRODUCT_RIGHT, [PRODUCT_SUM]),
    (SQUARES, SQUARES_RIGHT, [SQUARES_ABS]),
    (ADAM, ADAM_RIGHT, [ADAM_EPS_INSIDE]),
], ids=["weighted-sum", "product", "squares-from-zero", "primed-name"])
def test_correct_passes_and_wrong_fails(tmp_path, capsys, latex, right, wrongs):
    passes_and_wrongs_fail(tmp_path, capsys, latex, right, wrongs)


LOGDET = r"y = \log \det(\Sigma)" "\n$$\n\n$$\n" r"\Sigma \in \mathbb{S}_{++}^{d}"
LOGDET_RIGHT = """import numpy as np

def logdet(Sigma):
    return float(np.log(np.linalg.det(Sigma)))
"""
LOGDET_DIAGONAL = LOGDET_RIGHT.replace("np.linalg.det(Sigma)", "np.prod(np.diag(Sigma))")
LOGDET_TRACE = LOGDET_RIGHT.replace("np.linalg.det(Sigma)", "np.trace(Sigma)")


def test_a_determinant_of_a_declared_square_matrix(tmp_path, capsys):
    passes_and_wrongs_fail(tmp_path, capsys, LOGDET, LOGDET_RIGHT, (LOGDET_DIAGONAL, LOGDET_TRACE))


MEAN_ROW = r"\boldsymbol{\mu} = \frac{1}{n} \sum_{i=1}^{n} X_{i,:}" "\n$$\n\n$$\n" r"X \in \mathbb{R}^{n \times d}"
MEAN_ROW_RIGHT = """import numpy as np

def mean_row(X):
    return X.mean(axis=0)
"""
MEAN_ROW_WRONG_AXIS = MEAN_ROW_RIGHT.replace("axis=0", "axis=1")
MEAN_ROW_SUM = MEAN_ROW_RIGHT.replace("X.mean(axis=0)", "X.sum(axis=0)")


def test_a_row_slice_of_a_declared_matrix(tmp_path, capsys):
    passes_and_wrongs_fail(tmp_path, capsys, MEAN_ROW, MEAN_ROW_RIGHT, (MEAN_ROW_WRONG_AXIS, MEAN_ROW_SUM))


FLOOR = r"k = \left\lfloor \frac{x}{2} \right\rfloor + \lceil y \rceil"
FLOOR_RIGHT = """import numpy as np

def k(x, y):
    return np.floor(x / 2) + np.ceil(y)
"""
FLOOR_FOR_CEIL = FLOOR_RIGHT.replace("np.ceil(y)", "np.floor(y)")
FLOOR_NONE = FLOOR_RIGHT.replace("np.floor(x / 2) + np.ceil(y)", "x / 2 + y")


def test_floor_and_ceiling(tmp_path, capsys):
    passes_and_wrongs_fail(tmp_path, capsys, FLOOR, FLOOR_RIGHT, (FLOOR_FOR_CEIL, FLOOR_NONE))


# -- listings and grids with an ellipsis (D29b) ----------------------------------------------
NORMALISED = (r"g(\mathbf{t}) = \begin{bmatrix} \frac{t_0^2}{\sum_{k=0}^{K-1} t_k^2},\, \frac{t_1^2}{\sum_{k=0}^{K-1} "
              r"t_k^2},\, ..., \frac{t_{K-1}^2}{\sum_{k=0}^{K-1} t_k^2} \end{bmatrix}")
NORMALISED_RIGHT = """import numpy as np

def g(t):
    return t ** 2 / np.sum(t ** 2)
"""
NORMALISED_NO_SQUARE = NORMALISED_RIGHT.replace("np.sum(t ** 2)", "np.sum(t) ** 2")

SHIFTED_GRID = (r"S = \begin{bmatrix} a_{11} - b_1 & a_{12} - b_2 & \cdots & a_{1N} - b_N \\ \vdots & \vdots & \ddots "
                r"& \vdots \\ a_{M1} - b_1 & a_{M2} - b_2 & \cdots & a_{MN} - b_N \end{bmatrix}")
SHIFTED_GRID_RIGHT = """import numpy as np

def shifted(a, b):
    return a - b[None, :]
"""
SHIFTED_GRID_ROWS = SHIFTED_GRID_RIGHT.replace("a - b[None, :]", "a - np.mean(b)")


@pytest.mark.parametrize("latex, right, wrongs", [
    (NORMALISED, NORMALISED_RIGHT, [NORMALISED_NO_SQUARE]),
    (SHIFTED_GRID, SHIFTED_GRID_RIGHT, [SHIFTED_GRID_ROWS]),
], ids=["comma-listing", "grid"])
def test_listings_and_grids_are_checked(tmp_path, capsys, latex, right, wrongs):
    passes_and_wrongs_fail(tmp_path, capsys, latex, right, wrongs)


DESCENDING = r"y = c_n t^n + c_{n-1} t^{n-1} + \cdots + c_1 t + c_0"
DESCENDING_RIGHT = """import numpy as np

def poly(c, t):
    return float(sum(c[k] * t ** k for k in range(len(c))))
"""
DESCENDING_REVERSED = """import numpy as np

def poly(c, t):
    return float(np.polyval(c, t))
"""


def test_a_descending_polynomial_is_checked(tmp_path, capsys):
    passes_and_wrongs_fail(tmp_path, capsys, DESCENDING, DESCENDING_RIGHT, [DESCENDING_REVERSED])


MODEL = r"f_{\mathbf{w},b} = w_0 x_0 + w_1 x_1 + \cdots + w_{n-1} x_{n-1} + b"
MODEL_RIGHT = """import numpy as np

def model_output(x, w, b):
    return float(np.dot(x, w) + b)
"""
MODEL_NO_BIAS = MODEL_RIGHT.replace("np.dot(x, w) + b", "np.dot(x, w)")


def test_a_model_named_with_its_parameters_is_checked(tmp_path, capsys):
    passes_and_wrongs_fail(tmp_path, capsys, MODEL, MODEL_RIGHT, [MODEL_NO_BIAS])


SPACED_DOT = r"z = W . a + b"
SPACED_DOT_RIGHT = """import numpy as np

def forward(W, a, b):
    return np.dot(W, a) + b
"""
SPACED_DOT_NO_BIAS = SPACED_DOT_RIGHT.replace("np.dot(W, a) + b", "np.dot(W, a)")


def test_a_spaced_dot_product_is_checked(tmp_path, capsys):
    passes_and_wrongs_fail(tmp_path, capsys, SPACED_DOT, SPACED_DOT_RIGHT, [SPACED_DOT_NO_BIAS])
