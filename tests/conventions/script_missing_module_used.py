# eq2code-example: verdict=fail findings=exception
# eq2code-example: check=--rule=sigmoid
# eq2code-example: note=The book's `from common.np import *` without the book's folders: the function needs np, so the failed import is the finding (not a NameError).
from common.np import *


def sigmoid(x):
    return 1 / (1 + np.exp(-x))
