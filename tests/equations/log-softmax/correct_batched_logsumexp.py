# eq2code-example: verdict=pass
# eq2code-example: note=Batched over leading axes: reduces over axis=-1 with keepdims so the log-sum-exp broadcasts back.
import numpy as np


def log_softmax(logits):
    m = logits.max(axis=-1, keepdims=True)
    lse = m + np.log(np.exp(logits - m).sum(axis=-1, keepdims=True))
    return logits - lse
