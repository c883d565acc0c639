# eq2code-example: verdict=pass
# eq2code-example: note=Scalar function with math, as a learner would first write it for one number.
import math


def softplus(x):
    return math.log(1 + math.exp(x))
