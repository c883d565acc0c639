# eq2code-example: verdict=pass findings=rejects-core-form
# eq2code-example: check=--rule=softmax
# eq2code-example: note=Works along axis=1, so only on batches: right there, rejects a single vector (an info).
import numpy as np


def softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)
