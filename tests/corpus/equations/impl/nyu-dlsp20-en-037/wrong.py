# mistake: adds epsilon to the standard deviation instead of taking the larger of the two
"""A realistic learner mistake for nyu-dlsp20-en-037 (equation.tex)."""
import numpy as np


def normalize_channel(b, m_b, sigma_b, eps=1e-8):
    return (b - m_b) / (sigma_b + eps)
