# eq2code-example: verdict=pass
# eq2code-example: note=The log of the product of block 14 (equal to the sum of logs while the product does not underflow).
import numpy as np


def nll(probs):
    return -np.log(np.prod(probs))
