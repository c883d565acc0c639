# eq2code-example: verdict=pass findings=convention-assumed
# eq2code-example: check=shared_weights.tex
# eq2code-example: note=np.dot(x, W) as the textbook's Affine layer: a batch stacks the data, not the weights (no batch-inconsistent warning).
import numpy as np


def project(z, c, W_Q, W_K):
    return np.dot(z, W_Q), np.dot(c, W_K)
