# eq2code-example: verdict=fail findings=numeric-mismatch mistake=missing-term
# eq2code-example: note=Returns the update -lr * grad, not the new parameters theta - lr * grad.
def gd_step(theta, grad, lr):
    return -lr * grad
