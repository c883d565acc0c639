# mistake: weights the precision-weighted means by the precisions again (Lambda eta instead of eta)
"""A realistic learner mistake for bmlip-021 (equation.tex)."""
import numpy as np


def multiply_gaussians(prec_a, eta_a, prec_b, eta_b):
    prec_c = prec_a + prec_b
    eta_c = prec_a @ eta_a + prec_b @ eta_b
    return prec_c, eta_c
