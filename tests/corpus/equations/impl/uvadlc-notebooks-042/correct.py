"""Correct NumPy implementation of uvadlc-notebooks-042 (equation.tex)."""
import numpy as np


def accuracy(TP, TN, FP, FN):
    return (TP + TN) / (TP + TN + FP + FN)
