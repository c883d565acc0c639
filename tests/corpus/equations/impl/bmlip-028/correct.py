"""Correct NumPy implementation of bmlip-028 (equation.tex)."""
def beta_product(a1, b1, a2, b2):
    return a1 + a2 - 1, b1 + b2 - 1
