"""Benchmark scripts that print figures: run as ``python -m bench.<name>``.

May import anything of kagraph: they measure it from the outside.
"""
