# eq2code-example: verdict=pass findings=epsilon-variant
# eq2code-example: check=batch_norm.tex
# eq2code-example: note=Returns (out, mean, inv_std) for the backward pass: inv_std is no row of the block (1/sqrt(v + eps), not v), and an intermediate the main row uses is not compared with a part.
import numpy as np


def batch_norm(X, gamma, beta, eps=1e-5):
    mean = X.mean(axis=0)
    var = ((X - mean) ** 2).mean(axis=0)
    inv_std = 1.0 / np.sqrt(var + eps)
    out = gamma * (X - mean) * inv_std + beta
    return out, mean, inv_std
