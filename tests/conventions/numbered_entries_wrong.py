# eq2code-example: verdict=fail findings=numeric-mismatch
# eq2code-example: check=numbered_entries.tex
# eq2code-example: note=Index typo: x[1] twice, x[2] never.
def f(x):
    return 2 * x[0] + 3 * x[1] + 4 * x[1]
