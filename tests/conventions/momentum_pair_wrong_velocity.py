# eq2code-example: verdict=fail findings=numeric-mismatch
# eq2code-example: check=momentum_pair.tex
# eq2code-example: note=The new x is right but the velocity it returns adds the step: the row v_{n+1} (not the main one) is compared with its part of the tuple.
def momentum_update(x, v, grad, lr=0.01, momentum=0.9):
    v_new = momentum * v - lr * grad
    return x + v_new, momentum * v + lr * grad
