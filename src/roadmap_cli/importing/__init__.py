"""Markdown learning roadmap -> roadmap: the walk, inline text, rules, ids, TOML."""
