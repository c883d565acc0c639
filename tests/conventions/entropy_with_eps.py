# eq2code-example: verdict=pass findings=epsilon-variant
# eq2code-example: check=--rule=entropy
# eq2code-example: note=An ε inside the log keeps a zero probability finite: accepted, and no log-of-zero warning.
import numpy as np


def entropy(p, eps=1e-12):
    return -np.sum(p * np.log(p + eps))
