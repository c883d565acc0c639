# eq2code-example: verdict=fail
# eq2code-example: check=least_squares.tex
# eq2code-example: note=The Gram matrix the wrong way round (X X^T).
import numpy as np


def least_squares(X, y):
    return np.linalg.pinv(X @ X.T) @ X @ y
