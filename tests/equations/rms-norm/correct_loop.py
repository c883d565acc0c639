# eq2code-example: verdict=pass
# eq2code-example: note=Loops with math.sqrt.
import math


def rms_norm(x, gamma, eps):
    d = len(x)
    rms = math.sqrt(sum(xj * xj for xj in x) / d + eps)
    return [gamma[i] * x[i] / rms for i in range(d)]
