# eq2code-example: verdict=pass findings=epsilon-variant
# eq2code-example: check=batch_norm.tex
# eq2code-example: note=The per-feature mean and variance are the equation's auxiliary definitions: computed from X, not asked for; ε under the root is accepted.
import numpy as np


def batch_norm(X, gamma, beta, eps=1e-5):
    mean = X.mean(axis=0)
    centered = X - mean
    var = (centered ** 2).mean(axis=0)
    return gamma * centered / np.sqrt(var + eps) + beta
