# eq2code-example: verdict=fail findings=missing-operation
# eq2code-example: note=No exp at all: z is normalised by its sum.
import numpy as np


def softmax(z):
    return z / np.sum(z)
