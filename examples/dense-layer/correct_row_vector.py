# eq2code-example: verdict=pass
# eq2code-example: note=The deep-learning-library convention x @ W.T + b, parameters named inputs/weights/bias in another order.
import numpy as np


def dense(weights, bias, inputs):
    z = inputs @ weights.T + bias
    return 0.5 * (1.0 + np.tanh(0.5 * z))
