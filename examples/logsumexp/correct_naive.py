# eq2code-example: verdict=pass findings=unstable-exp
# eq2code-example: note=The left side of block 18 word for word: right, but exp overflows for large logits (a warning).
import numpy as np


def logsumexp(z):
    return np.log(np.sum(np.exp(z)))
