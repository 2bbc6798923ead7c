"""Benchmarks: scheduler quality (bench.scheduling) and speed; results go to bench/results/."""
