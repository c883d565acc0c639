# eq2code-example: verdict=pass
# eq2code-example: check=batch_norm.tex
# eq2code-example: note=The mean and variance passed in by name (mu, v): the auxiliary definitions stay inputs.
import numpy as np


def batch_norm(X, gamma, beta, mu, v):
    return gamma * (X - mu) / np.sqrt(v) + beta
