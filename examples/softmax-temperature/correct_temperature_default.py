# eq2code-example: verdict=pass
# eq2code-example: note=Parameters named logits and temperature, the temperature with a default.
import numpy as np


def softmax_with_temperature(logits, temperature=1.0):
    scaled = np.asarray(logits, dtype=np.float64) / temperature
    scaled -= scaled.max()
    probs = np.exp(scaled)
    return probs / probs.sum()
