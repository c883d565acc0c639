# eq2code-example: verdict=pass
# eq2code-example: note=Gathers with take_along_axis, which also works with leading batch axes.
import numpy as np


def perplexity(tokens, probs):
    picked = np.take_along_axis(probs, tokens[..., None], axis=-1)[..., 0]
    return np.exp(-np.log(picked).mean(axis=-1))
