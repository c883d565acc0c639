# eq2code-example: verdict=pass
# eq2code-example: note=Batched over leading axes with sums over axis=-1.
import numpy as np


def cosine_similarity(u, v):
    dot = np.sum(u * v, axis=-1)
    nu = np.sqrt(np.sum(u * u, axis=-1))
    nv = np.sqrt(np.sum(v * v, axis=-1))
    return dot / (nu * nv)
