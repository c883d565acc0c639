# eq2code-example: verdict=pass findings=convention-assumed
# eq2code-example: check=--rule=dense-layer
# eq2code-example: note=A layer class: parameters in the constructor, the input in forward.
import numpy as np


class Dense:
    def __init__(self, W, b):
        self.W = W
        self.b = b
        self.out = None

    def forward(self, x):
        self.out = 1.0 / (1.0 + np.exp(-(self.W @ x + self.b)))
        return self.out

    def backward(self, dout):
        return dout * self.out * (1.0 - self.out)
