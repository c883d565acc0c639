# eq2code-example: verdict=fail findings=missing-operation
# eq2code-example: check=--rule=softmax
# eq2code-example: note=The same script with a softmax that forgets the exponential: still a failure, named.
import numpy as np
from dataset.mnist import load_mnist


def softmax(a):
    return a / np.sum(a, axis=-1, keepdims=True)


(x_train, t_train), (x_test, t_test) = load_mnist(normalize=True, one_hot_label=True)
print(softmax(x_train[:3]))
