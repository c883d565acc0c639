# eq2code-example: verdict=pass
# eq2code-example: note=einsum with leading batch axes for x, W and b; a stable sigmoid helper.
import numpy as np


def _sigmoid(z):
    out = np.empty_like(z)
    pos = z >= 0
    out[pos] = 1.0 / (1.0 + np.exp(-z[pos]))
    e = np.exp(z[~pos])
    out[~pos] = e / (1.0 + e)
    return out


def forward(x, W, b, activation="sigmoid"):
    z = np.einsum("...mn,...n->...m", W, x) + b
    return _sigmoid(z) if activation == "sigmoid" else z
