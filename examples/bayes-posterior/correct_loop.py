# eq2code-example: verdict=pass
# eq2code-example: note=Pure-Python loops; returns a list.
def posterior(likelihood, prior):
    evidence = 0.0
    for l, p in zip(likelihood, prior):
        evidence += l * p
    return [l * p / evidence for l, p in zip(likelihood, prior)]
