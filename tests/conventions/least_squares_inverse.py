# eq2code-example: verdict=pass
# eq2code-example: check=least_squares.tex
# eq2code-example: note=The normal equation needs X^T X invertible: trials whose X has fewer rows than columns are drawn again.
import numpy as np


def least_squares(X, y):
    return np.linalg.inv(X.T @ X) @ X.T @ y
