"""Benchmarks: synthetic registries and timing scripts (run them, don't import them)."""
