# eq2code-example: verdict=pass findings=convention-assumed
# eq2code-example: note=The textbook's form: half the sum of squared differences, y the output and t the teacher signal.
import numpy as np


def mean_squared_error(y, t):
    return 0.5 * np.sum((y - t) ** 2)
