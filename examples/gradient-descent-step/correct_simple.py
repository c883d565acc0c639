# eq2code-example: verdict=pass
# eq2code-example: note=Block 6 with the gradient given: theta - lr * grad, the learning rate with a default.
def gd_step(theta, grad, lr=0.1):
    return theta - lr * grad
