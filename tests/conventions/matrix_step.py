# eq2code-example: verdict=pass
# eq2code-example: check=matrix_step.tex
# eq2code-example: note=Updates W in place and returns it, as optimizers do: the update is the contract, no input-mutated warning; the gradient has W's shape.
def update(W, dW, lr):
    W -= lr * dW
    return W
