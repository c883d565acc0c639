"""End to end (issue 12, helper en14): linear-model notation written with plain letters — a
sample's x^{(i)} under its sum, θ^⊤x, (Xθ − y)^⊤(Xθ − y), the normal equation with λI — is
checked as its authors mean it: a correct NumPy implementation passes, a wrong one fails (and
never exits 0). Before, each was read with scalars (one x for every sample, I a number)."""

from __future__ import annotations

import pytest
from check_helpers import passes_and_wrongs_fail

MSE = r"J(\theta) = \frac{1}{2n} \sum_{i=1}^n (y^{(i)} - \theta^\top x^{(i)})^2"
MSE_RIGHT = """import numpy as np

def cost(theta, x, y):
    return float(np.mean((y - x @ theta) ** 2) / 2)
"""
MSE_NO_HALF = MSE_RIGHT.replace(" / 2)", ")")
MSE_ONE_SAMPLE = MSE_RIGHT.replace("np.mean((y - x @ theta) ** 2)", "(y[0] - x[0] @ theta) ** 2")

LSQ = r"J(\theta) = \frac{1}{2} (X \theta - y)^\top (X \theta - y)"
LSQ_RIGHT = """import numpy as np

def cost(X, theta, y):
    r = X @ theta - y
    return float(r @ r / 2)
"""
LSQ_PLUS = LSQ_RIGHT.replace("X @ theta - y", "X @ theta + y")

RIDGE = r"\theta = (X^\top X + \lambda I)^{-1} X^\top y"
RIDGE_RIGHT = """import numpy as np

def ridge(X, lam, y):
    return np.linalg.solve(X.T @ X + lam * np.eye(X.shape[1]), X.T @ y)
"""
RIDGE_ADDS_LAMBDA = RIDGE_RIGHT.replace("lam * np.eye(X.shape[1])", "lam")

LIKELIHOOD = (r"L(\theta) = \prod_{i=1}^n \sigma(\theta^\top x^{(i)})^{y^{(i)}} \cdot "
              r"(1-\sigma(\theta^\top x^{(i)}))^{1-y^{(i)}}")
LIKELIHOOD_RIGHT = """import numpy as np

def lik(theta, x, y):
    p = 1 / (1 + np.exp(-(x @ theta)))
    return float(np.prod(p ** y * (1 - p) ** (1 - y)))
"""
LIKELIHOOD_SWAPPED = LIKELIHOOD_RIGHT.replace("(1 - p) ** (1 - y)", "(1 - p) ** y")


@pytest.mark.parametrize(("latex", "right", "wrongs"), [
    (MSE, MSE_RIGHT, [MSE_NO_HALF, MSE_ONE_SAMPLE]),
    (LSQ, LSQ_RIGHT, [LSQ_PLUS]),
    (RIDGE, RIDGE_RIGHT, [RIDGE_ADDS_LAMBDA]),
    (LIKELIHOOD, LIKELIHOOD_RIGHT, [LIKELIHOOD_SWAPPED]),
], ids=["sample-superscripts", "transposed-bracket", "ridge-identity", "likelihood-of-samples"])
def test_right_code_passes_and_wrong_code_fails(tmp_path, capsys, latex, right, wrongs):
    passes_and_wrongs_fail(tmp_path, capsys, latex, right, wrongs)
