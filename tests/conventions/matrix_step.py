# eq2code-example: verdict=pass findings=input-mutated
# eq2code-example: check=matrix_step.tex
# eq2code-example: note=Updates W in place and returns it, as optimizers do (the caller's W changes: a warning, as for the shipped rule); the gradient has W's shape.
def update(W, dW, lr):
    W -= lr * dW
    return W
