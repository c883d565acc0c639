# eq2code-example: verdict=pass
# eq2code-example: note=Normalises each vector to unit length first, then takes the dot product (algebraically equal).
import numpy as np


def cosine_similarity(u, v):
    u_unit = u / np.linalg.norm(u)
    v_unit = v / np.linalg.norm(v)
    return u_unit @ v_unit
