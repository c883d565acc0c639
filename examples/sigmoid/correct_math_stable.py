# eq2code-example: verdict=pass
# eq2code-example: note=Scalar pure-Python version, stable for large |x| with a branch on the sign.
import math


def logistic(z):
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)
