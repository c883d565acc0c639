"""LaTeX reading: tokens (`tokens.py`), the LALR grammar (`grammar.lark`), the parser that
runs it (`parser.py`), and the transformer into the span-carrying IR (`transformer.py`, `ir.py`).

Grammar and transformer are kept apart, as SymPy's parsers do. Meaning (which subscript is an
index, which `p(x)` is an application) is decided later, in `eq2code.semantics`.
"""
