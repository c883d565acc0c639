# eq2code-example: verdict=pass
# eq2code-example: note=take_along_axis over the vocabulary axis, batched over leading axes; named probs and targets.
import numpy as np


def lm_loss(probs, targets):
    picked = np.take_along_axis(probs, targets[..., None], axis=-1)[..., 0]
    return -np.log(picked).mean(axis=-1)
