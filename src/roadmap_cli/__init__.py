"""roadmap: a local-first command-line study tracker for a curated AI learning roadmap."""

__version__ = "0.1.0"
