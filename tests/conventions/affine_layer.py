# eq2code-example: verdict=pass findings=convention-assumed
# eq2code-example: check=affine_layer.tex
# eq2code-example: note=The textbook's Affine layer (np.dot(x, self.W) + self.b): its batch stacks the data, never W or b, so no batch-inconsistent warning.
import numpy as np


class Affine:
    def __init__(self, W, b):
        self.W = W
        self.b = b
        self.x = None
        self.dW = None
        self.db = None

    def forward(self, x):
        self.x = x
        out = np.dot(x, self.W) + self.b
        return out

    def backward(self, dout):
        dx = np.dot(dout, self.W.T)
        self.dW = np.dot(self.x.T, dout)
        self.db = np.sum(dout, axis=0)
        return dx
