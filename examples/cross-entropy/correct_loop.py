# eq2code-example: verdict=pass
# eq2code-example: note=Pure-Python loop that skips the zero entries of the target.
import math


def cross_entropy(y_true, y_pred):
    loss = 0.0
    for t, p in zip(y_true, y_pred):
        if t > 0:
            loss -= t * math.log(p)
    return loss
