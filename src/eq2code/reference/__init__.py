"""The reference side of a check: seeded trial inputs (`inputs`), the equation's value on them
(`evaluate`, from a JSON plan, without SymPy) and the comparison of a result with it (`compare`).
"""
