# eq2code-example: verdict=pass findings=convention-assumed
# eq2code-example: check=linear_gaussian.tex
# eq2code-example: note=Both rows of the block in one function with the names code gives them (mean, cov): Σ_x ← cov by its letter, μ_x of the other row ← mean; the returned pair is read by its part that is Σ_z.
import numpy as np


def linear_transform_gaussian(mean, cov, A, b):
    return A @ mean + b, A @ cov @ A.T
