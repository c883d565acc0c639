# eq2code-example: verdict=pass findings=convention-assumed
# eq2code-example: check=momentum_pair.tex
# eq2code-example: note=Named like the textbook's Momentum (lr, momentum) and returning (x, v): eta takes lr before alpha may, alpha the momentum; both rows are compared.
def momentum_update(x, v, grad, lr=0.01, momentum=0.9):
    v = momentum * v - lr * grad
    x = x + v
    return x, v
