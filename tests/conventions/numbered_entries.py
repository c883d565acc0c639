# eq2code-example: verdict=pass findings=convention-assumed
# eq2code-example: check=numbered_entries.tex
# eq2code-example: note=x_1, x_2, x_3 taken as the entries of one vector x (x[0] is x_1), said.
import numpy as np


def f(x):
    return np.dot(np.array([2.0, 3.0, 4.0]), x)
