# eq2code-example: verdict=fail findings=numeric-mismatch mistake=missing-scale
# eq2code-example: note=Accepts the learning rate but never uses it: a full gradient step.
def gd_step(theta, grad, lr):
    return theta - grad
