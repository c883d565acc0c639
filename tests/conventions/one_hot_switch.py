# eq2code-example: verdict=fail findings=exception
# eq2code-example: check=--rule=cross-entropy
# eq2code-example: note=The function has its own switch for one-hot labels (is_one_hot); by default it indexes with t, which fails on the equation's one-hot t — no class-index reading is assumed, since the switch's own one-hot branch is wrong.
import numpy as np


def cross_entropy_error(y, t, is_one_hot=False):
    if y.ndim == 1:
        t = t.reshape(1, t.size)
        y = y.reshape(1, y.size)
    batch_size = y.shape[0]
    if is_one_hot:
        t = t.argmax(axis=1)
        return -np.sum(t * np.log(y)) / batch_size
    return -np.sum(np.log(y[np.arange(batch_size), t])) / batch_size
