"""Equation reading: an equation file's text → blocks (`source`) → LaTeX (`latex/`) → meaning
(`semantics`, `spaces`) → SymPy (`lowering`, `sympy_ext`) → JSON plans (`plan`) → the model
(`model.EquationFile`), cached (`cache`). Also the shipped rules (`rulebook`) and the
equation's parts with their LaTeX (`parts`).
"""
