# eq2code-example: verdict=fail
# eq2code-example: note=Returns the mean negative log-likelihood (the loss) and forgets the exp.
import numpy as np


def perplexity(p):
    return -np.mean(np.log(p))
