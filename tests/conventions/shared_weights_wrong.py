# eq2code-example: verdict=fail findings=numeric-mismatch
# eq2code-example: check=shared_weights.tex
# eq2code-example: note=The keys are right, the queries are scaled twice: the row Q (not the main one) is compared with its part of the tuple.
import numpy as np


def project(z, c, W_Q, W_K):
    return 2 * np.dot(z, W_Q), np.dot(c, W_K)
