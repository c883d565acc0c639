# eq2code-example: verdict=pass findings=equivalent-form
# eq2code-example: note=Scales Q by 1/sqrt(d_k) before the product and uses swapaxes: an equal form.
import numpy as np


def _softmax(x, axis=-1):
    e = np.exp(x - np.max(x, axis=axis, keepdims=True))
    return e / np.sum(e, axis=axis, keepdims=True)


def attention(Q, K, V):
    q = Q * (1.0 / np.sqrt(K.shape[-1]))
    return np.matmul(_softmax(np.matmul(q, np.swapaxes(K, -1, -2))), V)
