# eq2code-example: verdict=pass findings=unstable-exp
# eq2code-example: note=Pure-Python loops over the rows of W, returns a list; right, but math.exp raises OverflowError for large inputs (a warning).
import math


def dense_layer(x, W, b):
    out = []
    for i in range(len(W)):
        z = b[i]
        for j in range(len(x)):
            z += W[i][j] * x[j]
        out.append(1.0 / (1.0 + math.exp(-z)))
    return out
