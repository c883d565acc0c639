# eq2code-example: verdict=pass findings=convention-assumed
# eq2code-example: check=--rule=l2-norm
# eq2code-example: note=Returns a dict of results; one entry is the norm.
import numpy as np


def l2_norm(x):
    squares = x * x
    return {"norm": np.sqrt(np.sum(squares, axis=-1)), "squares": squares}
