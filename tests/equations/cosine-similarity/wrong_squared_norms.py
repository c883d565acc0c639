# eq2code-example: verdict=fail
# eq2code-example: note=Divides by the squared norms (u.u and v.v) instead of the norms.
import numpy as np


def cosine_similarity(u, v):
    return np.dot(u, v) / (np.dot(u, u) * np.dot(v, v))
