"""Test infrastructure (mock servers, venv helpers, SDK call runner).

Kept apart from the tests so benchmarks and scripts can reuse it.
"""
