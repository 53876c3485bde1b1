"""Validation of a big document in a forked child, while the parent models, renders and formats.

openapi-spec-validator takes seconds on Stripe-sized documents and nothing later in the
pipeline needs its answer until the output is written. A forked child shares the parsed
document without copying or pickling it, validates, and sends back only the problems.
Small documents (and platforms without fork) are validated in the process, as before.
"""

from __future__ import annotations

import multiprocessing
import os
import warnings
from multiprocessing.connection import Connection
from typing import Callable, Optional, Union

from .errors import Problem, SdkgenError
from .loader import Document

PARALLEL_FROM_BYTES = 500_000
"""Below this much document text, forking costs more than validating here."""

Outcome = Union[list[Problem], SdkgenError]


class ValidationJob:
    """`result()` gives the warnings, or raises the document's errors."""

    def __init__(self, outcome: Optional[Outcome] = None) -> None:
        self._outcome = outcome
        self._connection: Optional[Connection] = None
        self._process: Optional[multiprocessing.process.BaseProcess] = None
        self._document: Optional[Document] = None
        self._check: Optional[Callable[[Document], list[Problem]]] = None

    @staticmethod
    def start(document: Document, check: Callable[[Document], list[Problem]]) -> ValidationJob:
        size = sum(len(f.text) for f in document.files.values())
        if size < PARALLEL_FROM_BYTES or "fork" not in multiprocessing.get_all_start_methods():
            return ValidationJob(_run(document, check))
        job = ValidationJob()
        receiver, sender = multiprocessing.get_context("fork").Pipe(duplex=False)
        with warnings.catch_warnings():  # the progress thread only draws; the child never touches it
            warnings.simplefilter("ignore", DeprecationWarning)
            process = multiprocessing.get_context("fork").Process(
                target=_child, args=(document, check, sender), daemon=True
            )
            process.start()
        sender.close()
        job._connection, job._process = receiver, process
        job._document, job._check = document, check
        return job

    @property
    def running(self) -> bool:
        """Whether a child is validating (big documents): its answer can still be replaced."""
        return self._outcome is None and self._process is not None

    def replace(self, warnings: list[Problem]) -> None:
        """Stop the child and take `warnings` as the answer (a cache knew it after all)."""
        if self._process is not None and self._outcome is None:
            self._process.terminate()
            self._process.join()
            if self._connection is not None:
                self._connection.close()
        self._outcome = warnings

    def result(self) -> list[Problem]:
        if self._outcome is None:
            self._outcome = self._collect()
        if isinstance(self._outcome, SdkgenError):
            raise self._outcome
        return self._outcome

    def _collect(self) -> Outcome:
        assert self._connection is not None and self._process is not None
        try:
            failed, problems = self._connection.recv()
        except EOFError:  # the child died without answering: validate here after all
            self._process.join()
            assert self._document is not None and self._check is not None
            return _run(self._document, self._check)
        finally:
            self._connection.close()
        self._process.join()
        return SdkgenError(problems) if failed else list(problems)


def _run(document: Document, check: Callable[[Document], list[Problem]]) -> Outcome:
    try:
        return check(document)
    except SdkgenError as error:
        return error


def _child(document: Document, check: Callable[[Document], list[Problem]], sender: Connection) -> None:
    """Problems cross the pipe as plain dataclasses (an exception would not pickle its problems)."""
    try:
        outcome = _run(document, check)
        failed = isinstance(outcome, SdkgenError)
        sender.send((failed, list(outcome.problems) if isinstance(outcome, SdkgenError) else outcome))
    finally:
        sender.close()
        os._exit(0)  # skip the parent's atexit handlers and buffered output
