# eq2code-example: verdict=pass
# eq2code-example: note=Loop with an if/else per residual, mirroring the cases.
def huber_loss(y, y_hat, delta):
    total = 0.0
    for yi, pi in zip(y, y_hat):
        a = yi - pi
        if abs(a) <= delta:
            total += 0.5 * a * a
        else:
            total += delta * (abs(a) - 0.5 * delta)
    return total / len(y)
