# eq2code-example: verdict=pass findings=convention-assumed
# eq2code-example: check=beta_rows.tex
# eq2code-example: note=scipy's spelling a, b for alpha, beta with the subscript (a1 for alpha_1); the tuple of two numbers is read by parts.
def beta_product(a1, b1, a2, b2):
    return a1 + a2 - 1, b1 + b2 - 1
