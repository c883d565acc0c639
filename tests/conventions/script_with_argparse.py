# eq2code-example: verdict=pass findings=convention-assumed
# eq2code-example: check=--rule=relu
# eq2code-example: note=Script code that parses its command line at module level (argparse exits on import): the definitions are checked alone.
import argparse

import numpy as np


def relu(x):
    return np.maximum(0, x)


parser = argparse.ArgumentParser()
parser.add_argument("--epochs", type=int, required=True)
args = parser.parse_args()
