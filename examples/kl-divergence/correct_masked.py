# eq2code-example: verdict=pass
# eq2code-example: note=Terms with p(x) = 0 are dropped (0 log 0 = 0) on a local copy, edited in place.
import numpy as np


def kl(p, q):
    terms = np.zeros_like(p, dtype=float)
    mask = p > 0
    terms[mask] = p[mask]
    terms[mask] *= np.log(p[mask] / q[mask])
    return terms.sum(axis=-1)
