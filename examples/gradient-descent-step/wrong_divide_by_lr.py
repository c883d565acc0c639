# eq2code-example: verdict=fail findings=numeric-mismatch mistake=wrong-scale
# eq2code-example: note=Divides the gradient by the learning rate instead of multiplying.
def gd_step(theta, grad, lr):
    return theta - grad / lr
