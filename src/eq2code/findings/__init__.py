"""What eq2code can report: the catalogue of finding kinds and the `Finding` record (`model`),
their words in English and Japanese (`messages`) and their long documentation (`docs`).
"""
