"""Pytest fixtures and the ``reference_venv`` marker for the wire-compatibility tests.

Load it from the root conftest (``pytest_plugins = ["tests.support.pytest_plugin"]``)
or from a test module.  Any test that requests ``reference_python`` is marked
``reference_venv`` automatically, so ``-m "not reference_venv"`` skips the slow
first-time venv creation.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from .recording_server import RecordingServer
from .venvs import VenvError, ensure_reference_venv

REFERENCE_MARK = "reference_venv"


def pytest_configure(config: pytest.Config) -> None:
    """Register the marker so --strict-markers accepts it."""
    config.addinivalue_line(
        "markers",
        f"{REFERENCE_MARK}: needs .venv-ref with the published friendli package "
        "(created on demand, ~30 s the first time)",
    )


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark tests using the reference interpreter before -m filtering runs."""
    for item in items:
        if "reference_python" in getattr(item, "fixturenames", ()):
            item.add_marker(REFERENCE_MARK)


@pytest.fixture(scope="session")
def reference_python() -> Path:
    """Interpreter of .venv-ref, creating the venv on first use."""
    try:
        return ensure_reference_venv()
    except VenvError as exc:
        pytest.fail(f"reference venv unavailable: {exc}", pytrace=False)


@pytest.fixture
def recording_server() -> Iterator[RecordingServer]:
    """A fresh recording server per test; stopped (sockets dropped) afterwards."""
    with RecordingServer() as server:
        yield server
