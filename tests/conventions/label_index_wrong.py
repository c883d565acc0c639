# eq2code-example: verdict=fail
# eq2code-example: check=--rule=cross-entropy
# eq2code-example: note=Probabilities and an integer label, but the log is missing.
import numpy as np


def cross_entropy(y_hat, label):
    return -y_hat[label]
