# eq2code-localize: equation=rms-norm line=10
# eq2code-localize: mistake=divides by the mean square plus eps without the root... and adds gamma
#
import numpy as np


def rms_norm(x, gamma, epsilon=1e-6):
    ms = np.mean(x ** 2)
    rms = np.sqrt(ms + epsilon)
    return x / rms + gamma
