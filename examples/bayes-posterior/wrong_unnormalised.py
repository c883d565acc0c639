# eq2code-example: verdict=fail findings=numeric-mismatch mistake=missing-normalization
# eq2code-example: note=Forgets to divide by the evidence p(D): returns the joint p(D | theta) p(theta).
import numpy as np


def posterior(likelihood, prior):
    return likelihood * prior
