# eq2code-example: verdict=pass
# eq2code-example: note=The paper's p_t form: p_t = y_hat where y = 1 else 1 - y_hat, loss -(1 - p_t)^gamma log p_t; batched over axis=-1.
import numpy as np


def focal_loss(y_true, y_pred, gamma=2.0):
    p_t = np.where(y_true == 1, y_pred, 1.0 - y_pred)
    return np.mean(-((1.0 - p_t) ** gamma) * np.log(p_t), axis=-1)
