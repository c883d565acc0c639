# eq2code-example: verdict=pass
# eq2code-example: note=Works with log-probabilities and a stable normaliser, prior first.
import numpy as np


def bayes_posterior(prior, likelihood):
    log_joint = np.log(likelihood) + np.log(prior)
    log_joint -= log_joint.max()
    w = np.exp(log_joint)
    return w / w.sum()
