# eq2code-example: verdict=fail findings=numeric-mismatch mistake=sign-error
# eq2code-example: note=Adds the gradient: gradient ascent instead of descent.
def gd_step(theta, grad, lr):
    return theta + lr * grad
