"""Correct NumPy implementation of dataflowr-notebooks-030 (equation.tex)."""
import numpy as np


def gcn_layer(S, h, W):
    return S @ h @ W
