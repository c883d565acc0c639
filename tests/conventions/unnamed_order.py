# eq2code-example: verdict=pass findings=convention-assumed,log-of-zero
# eq2code-example: check=--rule=kl-divergence
# eq2code-example: note=Parameters named a and b, the first being q: names claim nothing, the numbers decide the order.
import numpy as np


def kl_divergence(a, b):
    return np.sum(b * np.log(b / a), axis=-1)
