# eq2code-example: verdict=fail mistake=missing-term
# eq2code-example: check=--rule=dense-layer
# eq2code-example: note=A layer class that forgets the bias in forward.
import numpy as np


class Dense:
    def __init__(self, W, b):
        self.W = W
        self.b = b

    def forward(self, x):
        return 1.0 / (1.0 + np.exp(-(self.W @ x)))
