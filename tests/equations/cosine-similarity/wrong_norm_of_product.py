# eq2code-example: verdict=fail
# eq2code-example: note=Divides by the norm of the elementwise product instead of the product of the norms.
import numpy as np


def cosine_similarity(u, v):
    return np.dot(u, v) / np.linalg.norm(u * v)
