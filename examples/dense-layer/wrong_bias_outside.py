# eq2code-example: verdict=fail findings=numeric-mismatch
# eq2code-example: note=Adds the bias after the activation: sigma(Wx) + b instead of sigma(Wx + b).
import numpy as np


def dense_layer(x, W, b):
    return 1.0 / (1.0 + np.exp(-(W @ x))) + b
