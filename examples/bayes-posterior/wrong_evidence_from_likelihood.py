# eq2code-example: verdict=fail findings=numeric-mismatch
# eq2code-example: note=Divides by the sum of the likelihoods, forgetting that p(D) weights them by the prior.
import numpy as np


def posterior(likelihood, prior):
    return likelihood * prior / np.sum(likelihood)
