"""Benchmarks (``make bench``): each measures FrontDesk beside a floor measured in the same run.

They live apart from the tests: timings on a shared machine are noisy, so they
report p50/p95 and the ratio to a floor (raw SQL, bare reportlab, …) rather
than asserting anything.
"""
