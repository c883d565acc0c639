# eq2code-example: verdict=pass findings=convention-assumed
# eq2code-example: check=--rule=sigmoid-derivative
# eq2code-example: note=An activation class: __call__ is the function, derivative() the equation; the class is the file's only one.
import numpy as np


class Logistic:
    def __call__(self, x):
        return 1.0 / (1.0 + np.exp(-x))

    def derivative(self, x):
        s = self(x)
        return s * (1.0 - s)
