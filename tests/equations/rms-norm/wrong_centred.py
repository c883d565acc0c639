# eq2code-example: verdict=fail
# eq2code-example: note=Subtracts the mean first (that is LayerNorm without beta, not RMSNorm).
import numpy as np


def rms_norm(x, gamma, eps=1e-6):
    centred = x - np.mean(x)
    return gamma * centred / np.sqrt(np.mean(centred ** 2) + eps)
