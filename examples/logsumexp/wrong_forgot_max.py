# eq2code-example: verdict=fail findings=numeric-mismatch mistake=missing-term
# eq2code-example: note=Subtracts the max for stability but forgets to add m back (the right side of block 18 without m).
import numpy as np


def logsumexp(z):
    m = np.max(z)
    return np.log(np.sum(np.exp(z - m)))
