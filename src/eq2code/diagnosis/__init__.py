"""Naming a mistake: mutated references, the equation with one typical mistake made
(`mutants`), and which of them the code's output matches (`naming`).
"""
