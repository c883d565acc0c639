# eq2code-example: verdict=pass
# eq2code-example: note=Parameters named probs and values and in the other order; the rule's params= aliases map them.
import numpy as np


def expected_value(probs, values):
    return float(np.dot(values, probs))
