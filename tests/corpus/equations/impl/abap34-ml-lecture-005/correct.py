"""Correct NumPy implementation of abap34-ml-lecture-005 (equation.tex)."""
def function_1(x):
    return x**2 + 4.0*x + 6.0
