# mistake: forgets the - 1 of each parameter
"""A realistic learner mistake for bmlip-028 (equation.tex)."""
def beta_product(a1, b1, a2, b2):
    return a1 + a2, b1 + b2
