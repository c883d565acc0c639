# eq2code-example: verdict=fail mistake=swapped-arguments
# eq2code-example: check=adam_moment.tex
# eq2code-example: note=β and 1 - β swapped: the same numbers as m and grad in the other order, but `grad` states its role, so no other argument order explains it away.
import numpy as np


def update_first_moment(m, grad, beta1):
    return (1 - beta1) * m + beta1 * grad
