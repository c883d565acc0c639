# eq2code-example: verdict=pass
# eq2code-example: check=adam_moment.tex
# eq2code-example: note=g_t given as grad and m_{t-1} as m: the names of a step-indexed symbol's letter (g → grad) place them.
import numpy as np


def update_first_moment(m, grad, beta1):
    return beta1 * m + (1 - beta1) * grad
