# eq2code-example: verdict=fail
# eq2code-example: check=matrix_step.tex
# eq2code-example: note=The gradient is transposed: with the gradient shaped like W (m x n, not a scalar) this cannot pass.
def update(W, dW, lr):
    W -= lr * dW.T
    return W
