# eq2code-example: verdict=pass
# eq2code-example: note=Plain loop over the pairs.
def mse(y, y_hat):
    total = 0.0
    for a, b in zip(y, y_hat):
        total += (a - b) ** 2
    return total / len(y)
