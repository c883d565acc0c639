# eq2code-example: verdict=pass findings=unstable-exp
# eq2code-example: note=Direct translation without max subtraction: right, but exp overflows for large logits (a warning, spec §2 stress profiles).
import numpy as np


def softmax(z):
    return np.exp(z) / np.sum(np.exp(z))
