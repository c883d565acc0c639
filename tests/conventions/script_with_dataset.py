# eq2code-example: verdict=pass findings=convention-assumed
# eq2code-example: check=--rule=softmax
# eq2code-example: note=A whole textbook-style script: a dataset loader that is not installed and script code at module level; its definitions are checked.
import sys
import os
sys.path.append(os.pardir)
import numpy as np
from dataset.mnist import load_mnist

H = 1e-4


def softmax(a):
    c = np.max(a, axis=-1, keepdims=True)
    e = np.exp(a - c)
    return e / np.sum(e, axis=-1, keepdims=True)


(x_train, t_train), (x_test, t_test) = load_mnist(normalize=True, one_hot_label=True)
print(softmax(x_train[:3]))
