# eq2code-example: verdict=fail findings=numeric-mismatch
# eq2code-example: check=logistic_cost_ng.tex
"""The same cost divided by m + 1: the only function that takes the inputs is checked and fails,
pointing at the division (not "no function found")."""
import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def compute_cost_logistic(X, y, w, b):
    m = X.shape[0]
    cost = 0.0
    for i in range(m):
        z_i = np.dot(X[i], w) + b
        f_wb_i = sigmoid(z_i)
        cost += -y[i] * np.log(f_wb_i) - (1 - y[i]) * np.log(1 - f_wb_i)
    return cost / (m + 1)
