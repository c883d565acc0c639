# eq2code-example: verdict=pass
# eq2code-example: note=np.dot over the product of the two L2 norms.
import numpy as np


def cosine_similarity(u, v):
    return np.dot(u, v) / (np.linalg.norm(u) * np.linalg.norm(v))
