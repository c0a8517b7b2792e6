"""The load harness: `python -m benchmarks.load pages|mix` (see __main__.py)."""
