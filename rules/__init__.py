"""The shipped rules: one equation file per rule (data, installed as eq2code.rules)."""
