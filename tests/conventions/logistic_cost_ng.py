# eq2code-example: verdict=pass findings=convention-assumed
# eq2code-example: check=logistic_cost_ng.tex
"""Andrew Ng's logistic cost (f_{w,b}, g, x^{(i)} with nothing declared), a loop with a sigmoid helper
beside it: the helper cannot take the inputs, the cost function is chosen by its results."""
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
    return cost / m
