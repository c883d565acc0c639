# eq2code-example: verdict=pass findings=epsilon-variant
# eq2code-example: note=The textbook's np.log(y + 1e-7): an accepted variant that passes with an info note.
import numpy as np


def cross_entropy_loss(y_hat, y):
    delta = 1e-7
    return -np.sum(y * np.log(y_hat + delta))
