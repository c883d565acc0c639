# eq2code-example: verdict=fail
# eq2code-example: note=Softens only the teacher; the student's softmax is taken at temperature 1.
import numpy as np


def softmax(z):
    e = np.exp(z - np.max(z))
    return e / np.sum(e)


def distillation_loss(z_t, z_s, T):
    p_t = softmax(z_t / T)
    p_s = softmax(z_s)
    return T ** 2 * np.sum(p_t * np.log(p_t / p_s))
