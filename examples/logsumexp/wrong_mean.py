# eq2code-example: verdict=fail findings=sum-vs-mean
# eq2code-example: note=Averages the exponentials instead of summing them: log(mean(exp(z))).
import numpy as np


def logsumexp(z):
    return np.log(np.mean(np.exp(z)))
