# eq2code-example: verdict=pass
# eq2code-example: note=Branch-free form q = min(|a|, delta): q^2/2 + delta(|a| - q) (algebraically equal); batched over axis=-1.
import numpy as np


def huber_loss(y_true, y_pred, delta=1.0):
    abs_a = np.abs(y_true - y_pred)
    q = np.minimum(abs_a, delta)
    return np.mean(0.5 * q ** 2 + delta * (abs_a - q), axis=-1)
