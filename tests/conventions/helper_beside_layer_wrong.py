# eq2code-example: verdict=fail findings=missing-term
# eq2code-example: check=--rule=sigmoid-derivative
# eq2code-example: note=The same class with the derivative returning the sigmoid itself: no method matches, the first reading's mistake is reported.
import numpy as np


class Logistic:
    def __call__(self, x):
        return 1.0 / (1.0 + np.exp(-x))

    def derivative(self, x):
        return self(x)
