"""Benchmarks: ``python -m bench`` (analysis speed), ``python bench/ui_bench.py`` (window)."""
