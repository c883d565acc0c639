# eq2code-example: verdict=fail findings=wrong-log-base
# eq2code-example: note=Entropy in bits (log2); the lecture's log is natural (nats).
import numpy as np


def entropy(p):
    return -np.sum(p * np.log2(p))
