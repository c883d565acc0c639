# eq2code-example: verdict=pass
# eq2code-example: note=Pure-Python loop over the parameters, returning a list; alpha as in the lecture.
def gradient_descent_step(theta, g, alpha):
    return [t - alpha * gi for t, gi in zip(theta, g)]
