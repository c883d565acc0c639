# eq2code-example: verdict=pass
# eq2code-example: note=Parameter named logits and an extra axis=-1 parameter with a default.
import numpy as np


def softmax(logits, axis=-1):
    logits = np.asarray(logits, dtype=float)
    e = np.exp(logits - logits.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)
