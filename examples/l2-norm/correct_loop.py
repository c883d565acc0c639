# eq2code-example: verdict=pass
# eq2code-example: note=Pure-Python loop with math.sqrt.
import math


def euclidean_norm(x):
    total = 0.0
    for v in x:
        total += v * v
    return math.sqrt(total)
