# eq2code-example: verdict=pass
# eq2code-example: note=Pure-Python loop with abs(); the vector is called v.
def manhattan_norm(v):
    total = 0.0
    for value in v:
        total += abs(value)
    return total
