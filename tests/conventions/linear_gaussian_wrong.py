# eq2code-example: verdict=fail mistake=missing-transpose
# eq2code-example: check=linear_gaussian.tex
# eq2code-example: note=The same function with A Σ A for A Σ A^T: the transpose is named.
import numpy as np


def linear_transform_gaussian(mean, cov, A, b):
    return A @ mean + b, A @ cov @ A
