"""Shared pytest setup for tests/: the recording-server and reference-venv fixtures."""

pytest_plugins = ["support.pytest_plugin"]
