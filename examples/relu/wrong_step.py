# eq2code-example: verdict=fail findings=numeric-mismatch
# eq2code-example: note=The step function (x > 0) instead of ReLU: 1 where ReLU gives x.
import numpy as np


def relu(x):
    return (x > 0).astype(float)
