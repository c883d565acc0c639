# eq2code-example: verdict=pass
# eq2code-example: note=In-place arithmetic on a local copy, so the caller's theta is unchanged; named params, gradient, eta.
import numpy as np


def sgd_step(params, gradient, eta):
    new = np.array(params, dtype=float, copy=True)
    new -= eta * gradient
    return new
