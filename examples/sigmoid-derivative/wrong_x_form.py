# eq2code-example: verdict=fail findings=numeric-mismatch
# eq2code-example: note=Applies s(1 - s) to x instead of to sigmoid(x) (the form meant for a backward pass that already has the output).
import numpy as np


def sigmoid_grad(x):
    return x * (1 - x)
