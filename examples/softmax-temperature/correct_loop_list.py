# eq2code-example: verdict=pass
# eq2code-example: note=Pure-Python loop returning a list.
import math


def softmax_temperature(x, T):
    scaled = [v / T for v in x]
    m = max(scaled)
    exps = [math.exp(s - m) for s in scaled]
    total = 0.0
    for e in exps:
        total += e
    return [e / total for e in exps]
