# eq2code-example: verdict=pass findings=convention-assumed,epsilon-variant
# eq2code-example: check=--rule=cross-entropy
# eq2code-example: note=The textbook's cross_entropy_error(y, t): y the prediction, t the teacher label, a delta inside the log, a batch averaged.
import numpy as np


def cross_entropy_error(y, t):
    if y.ndim == 1:
        t = t.reshape(1, t.size)
        y = y.reshape(1, y.size)
    if t.size == y.size:
        t = t.argmax(axis=1)
    batch_size = y.shape[0]
    return -np.sum(np.log(y[np.arange(batch_size), t] + 1e-7)) / batch_size
