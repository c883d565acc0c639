"""Correct NumPy implementation of udlbook-038 (equation.tex)."""
import numpy as np


def bn_normalize(h, m, s, eps=1e-5):
    return (h - m) / (s + eps)
