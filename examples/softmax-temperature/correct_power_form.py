# eq2code-example: verdict=pass
# eq2code-example: note=exp(x)**(1/T) is exp(x/T): an algebraically equal form.
import numpy as np


def softmax_temperature(x, T):
    w = np.exp(x - np.max(x)) ** (1.0 / T)
    return w / w.sum()
