"""The learner's code: finding the function and mapping its parameters (`loader`), static facts
about it (`static`, libcst), and running it in a sandboxed child process (`sandbox/`).
"""
