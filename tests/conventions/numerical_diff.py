# eq2code-example: verdict=pass findings=convention-assumed
# eq2code-example: check=numerical_diff.tex
# eq2code-example: note=The textbook's numerical_diff(f, x): the equation's f is passed as a callable.


def numerical_diff(f, x):
    h = 1e-4
    return (f(x + h) - f(x - h)) / (2 * h)
