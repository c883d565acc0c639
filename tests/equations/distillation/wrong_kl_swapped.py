# eq2code-example: verdict=fail
# eq2code-example: note=Computes KL(student || teacher): the direction of the KL is swapped.
import numpy as np


def softmax(z):
    e = np.exp(z - np.max(z))
    return e / np.sum(e)


def distillation_loss(z_t, z_s, T):
    p_t = softmax(z_t / T)
    p_s = softmax(z_s / T)
    return T ** 2 * np.sum(p_s * np.log(p_s / p_t))
