# eq2code-example: verdict=fail
# eq2code-example: note=Uses L1 norms (ord=1) in the denominator instead of L2 norms.
import numpy as np


def cosine_similarity(u, v):
    return np.dot(u, v) / (np.linalg.norm(u, 1) * np.linalg.norm(v, 1))
