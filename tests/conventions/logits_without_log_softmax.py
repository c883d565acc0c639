# eq2code-example: verdict=fail
# eq2code-example: check=--rule=cross-entropy
# eq2code-example: note=Takes logits but forgets the log-softmax: right only if the scores were already log-probabilities, so no reading makes it pass.
import numpy as np


def softmax_cross_entropy(logits, label):
    return -logits[label]
