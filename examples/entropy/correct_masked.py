# eq2code-example: verdict=pass
# eq2code-example: note=Skips zero probabilities (0 log 0 = 0) with np.where; batched over leading axes.
import numpy as np


def entropy(probs):
    safe = np.where(probs > 0, probs, 1.0)
    return -np.sum(np.where(probs > 0, probs * np.log(safe), 0.0), axis=-1)
