# eq2code-example: verdict=pass
# eq2code-example: note=Vectorised: root mean square with epsilon inside the square root.
import numpy as np


def rms_norm(x, gamma, eps=1e-6):
    rms = np.sqrt(np.mean(x ** 2) + eps)
    return gamma * x / rms
