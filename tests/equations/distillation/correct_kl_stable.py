# eq2code-example: verdict=pass
# eq2code-example: note=Softens both with T, KL(teacher || student) from log-softmaxes, times T^2.
import numpy as np


def _log_softmax(z):
    z = z - np.max(z)
    return z - np.log(np.sum(np.exp(z)))


def distillation_loss(z_t, z_s, T):
    log_p_t = _log_softmax(z_t / T)
    log_p_s = _log_softmax(z_s / T)
    p_t = np.exp(log_p_t)
    return T ** 2 * np.sum(p_t * (log_p_t - log_p_s))
