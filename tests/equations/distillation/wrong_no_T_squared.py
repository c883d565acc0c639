# eq2code-example: verdict=fail
# eq2code-example: note=Forgets the T^2 factor that keeps the gradient scale independent of T.
import numpy as np


def softmax(z):
    e = np.exp(z - np.max(z))
    return e / np.sum(e)


def distillation_loss(z_t, z_s, T):
    p_t = softmax(z_t / T)
    p_s = softmax(z_s / T)
    return np.sum(p_t * np.log(p_t / p_s))
