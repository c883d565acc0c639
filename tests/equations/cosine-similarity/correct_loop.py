# eq2code-example: verdict=pass
# eq2code-example: note=One loop accumulating the dot product and both squared norms.
import math


def cosine_similarity(u, v):
    dot = uu = vv = 0.0
    for a, b in zip(u, v):
        dot += a * b
        uu += a * a
        vv += b * b
    return dot / math.sqrt(uu * vv)
