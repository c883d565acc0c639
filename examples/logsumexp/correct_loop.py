# eq2code-example: verdict=pass
# eq2code-example: note=Pure-Python loop with math, stable by the max; returns a float.
import math


def log_sum_exp(logits):
    m = max(logits)
    total = 0.0
    for v in logits:
        total += math.exp(v - m)
    return m + math.log(total)
