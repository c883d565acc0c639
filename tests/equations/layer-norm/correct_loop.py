# eq2code-example: verdict=pass
# eq2code-example: note=Loops, following the three equations line by line.
import math


def layer_norm(x, gamma, beta, eps):
    d = len(x)
    mu = sum(x) / d
    var = sum((xj - mu) ** 2 for xj in x) / d
    out = []
    for i in range(d):
        out.append(gamma[i] * (x[i] - mu) / math.sqrt(var + eps) + beta[i])
    return out
