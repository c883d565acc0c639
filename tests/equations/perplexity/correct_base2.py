# eq2code-example: verdict=pass
# eq2code-example: note=2 to the cross-entropy in bits; equal to the natural-log form. Batched over axis=-1.
import numpy as np


def perplexity(probs):
    bits = -np.mean(np.log2(probs), axis=-1)
    return 2.0 ** bits
