# eq2code-example: verdict=fail findings=missing-term
# eq2code-example: note=Forgets the bias b.
import numpy as np


def dense_layer(x, W, b):
    return 1.0 / (1.0 + np.exp(-(W @ x)))
