# eq2code-example: verdict=pass findings=convention-assumed
# eq2code-example: check=--rule=cross-entropy
# eq2code-example: note=The loss as libraries write it: scores (logits) and an integer label, not probabilities and a one-hot vector.
import numpy as np


def softmax_cross_entropy(logits, label):
    z = logits - logits.max()
    log_probs = z - np.log(np.exp(z).sum())
    return -log_probs[label]
