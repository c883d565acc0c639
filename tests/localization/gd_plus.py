# eq2code-localize: rule=gradient-descent-step line=8
# eq2code-localize: mistake=squares the gradient
#
import numpy as np


def gd_step(theta, grad, lr):
    step = lr * grad ** 2
    return theta - step
