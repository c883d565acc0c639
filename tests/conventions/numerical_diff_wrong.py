# eq2code-example: verdict=fail findings=numeric-mismatch
# eq2code-example: check=numerical_diff.tex
# eq2code-example: note=A forward difference with a large step: off by f''·h/2, more than the tolerance.


def numerical_diff(f, x):
    h = 0.5
    return (f(x + h) - f(x)) / h
