# eq2code-example: verdict=fail findings=numeric-mismatch
# eq2code-example: check=beta_rows.tex
# eq2code-example: note=The first row forgets the - 1; the second is right.
def beta_product(a1, b1, a2, b2):
    return a1 + a2, b1 + b2 - 1
