# eq2code-example: verdict=pass
# eq2code-example: check=least_squares.tex
# eq2code-example: note=The same estimate by a solver, as numerical texts recommend.
import numpy as np


def least_squares(X, y):
    return np.linalg.solve(X.T @ X, X.T @ y)
