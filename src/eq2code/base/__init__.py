"""Foundations every stage shares: source ranges (`span`), eq2code's version, its private paths.
"""
