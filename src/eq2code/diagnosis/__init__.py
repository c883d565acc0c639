"""Naming and placing a mistake: mutated references (`mutants`), which one the code matches
(`naming`), and equation part ↔ code explanations (`explain`).
"""
