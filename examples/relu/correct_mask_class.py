# eq2code-example: verdict=pass findings=convention-assumed
# eq2code-example: note=A layer class in the textbook's style: a mask of the non-positive entries, set to 0 on a copy.
import numpy as np


class Relu:
    def __init__(self):
        self.mask = None

    def forward(self, x):
        self.mask = (x <= 0)
        out = x.copy()
        out[self.mask] = 0
        return out
