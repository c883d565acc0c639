# eq2code-localize: equation=cosine-similarity line=9
# eq2code-localize: mistake=divides by the sum of the norms
#
import numpy as np


def cosine_similarity(u, v):
    dot = np.dot(u, v)
    den = np.linalg.norm(u) + np.linalg.norm(v)
    return dot / den
