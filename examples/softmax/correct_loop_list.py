# eq2code-example: verdict=pass
# eq2code-example: note=Pure-Python loop over the logits that returns a list.
import math


def softmax(z):
    m = max(z)
    exps = []
    for v in z:
        exps.append(math.exp(v - m))
    total = sum(exps)
    return [e / total for e in exps]
