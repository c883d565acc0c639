# eq2code-example: verdict=fail findings=numeric-mismatch
# eq2code-example: note=Averages -log P over the whole vocabulary instead of the target token of each position.
import numpy as np


def token_cross_entropy(P, x):
    return -np.mean(np.log(P))
