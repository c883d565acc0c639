# eq2code-example: verdict=pass
# eq2code-example: note=Pure-Python loop over the outcomes.
def expectation(f, p):
    total = 0.0
    for fx, px in zip(f, p):
        total += fx * px
    return total
