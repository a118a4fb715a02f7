"""Extractors: pure functions of a spaCy `Doc` and the language data."""
