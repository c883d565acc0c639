# eq2code-example: verdict=pass
# eq2code-example: note=Loops: one logit per class as a dot product, then softmax.
import math


def softmax_regression(W, x, b):
    K, d = len(W), len(x)
    z = [sum(W[k][j] * x[j] for j in range(d)) + b[k] for k in range(K)]
    exps = [math.exp(zk) for zk in z]
    total = sum(exps)
    return [e / total for e in exps]
