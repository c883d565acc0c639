# eq2code-example: verdict=pass findings=input-mutated
# eq2code-example: note=Updates theta in place, as an optimizer does: the values are right, but the caller's array changes (a warning).
def gd_step(theta, grad, lr):
    theta -= lr * grad
    return theta
