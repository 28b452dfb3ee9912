"""Accuracy benchmark data: typeset newspaper pages built from the clean corpus
(``generate.py``), the raw text real extractors get from them and the expected clean
text (``data/``). See README.md in this folder."""
