# eq2code-localize: equation=cosine-similarity line=9
# eq2code-localize: mistake=norm of the difference in the denominator
#
import numpy as np


def cosine_similarity(u, v):
    num = np.sum(u * v)
    den = np.linalg.norm(u - v)
    return num / den
