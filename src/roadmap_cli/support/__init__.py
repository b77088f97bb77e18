"""Helpers every layer may use: atomic writes, text safety, URLs, the clock and dates."""
