# eq2code-example: verdict=pass
# eq2code-example: note=Likelihood times prior, divided by the evidence p(D) = their sum over theta; batched over leading axes.
import numpy as np


def posterior(likelihood, prior):
    joint = likelihood * prior
    return joint / joint.sum(axis=-1, keepdims=True)
