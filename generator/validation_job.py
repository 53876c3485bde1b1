"""Validation of a big document in forked children, while the parent models, renders and formats.

openapi-spec-validator takes seconds on Stripe-sized documents and nothing later in the
pipeline needs its answer until the output is written. Validation comes in parts (the
validator's `PARTS`), run in forked children, which share the parsed document without copying
or pickling it and send back only what they found. The parent puts the parts together once it
needs the verdict. Small documents (and platforms without fork) are validated in the process,
part after part.

How many children: when validating is the longest path (see `start`), each part has its own,
so that the parts run side by side. Otherwise one child runs the parts one after the other,
beside the parent: every child that walks the document makes the kernel copy the memory pages
whose reference counts it touches (Stripe: 22,000 page faults a child), and a third process
on two cores takes turns with the parent, whose work is then the longest path.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import warnings
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any, Callable, Optional, Union

from .errors import Problem, SdkgenError
from .loader import Document

PARALLEL_FROM_BYTES = 500_000
"""Below this much document text, forking costs more than validating here."""

Part = Any
"""What a part found: anything that pickles (validator.Findings)."""
Outcome = Union[list[Problem], SdkgenError]


class ValidationJob:
    """`result()` gives the warnings, or raises the document's errors: `finish` applied to what
    each of `parts` found in the document, in the order of `parts`."""

    def __init__(self, outcome: Optional[Outcome] = None) -> None:
        self._outcome = outcome
        self._children: list[_Child] = []
        self._document: Optional[Document] = None
        self._finish: Optional[Callable[[list[Part]], list[Problem]]] = None
        self._while_waiting: Optional[Callable[[ValidationJob], None]] = None
        self._answers: dict[int, list[Part]] = {}

    @staticmethod
    def start(
        document: Document,
        parts: list[Callable[[Document], Part]],
        finish: Callable[[list[Part]], list[Problem]],
        before_fork: Callable[[Document], bool] = lambda document: False,
        while_waiting: Callable[[ValidationJob], None] = lambda job: None,
    ) -> ValidationJob:
        """`before_fork` runs here first when the parts are forked: what it sets up, each child
        has without setting it up again. It tells whether validating is the longest path;
        then each part has a child, at the parent's priority; otherwise one child runs them
        all, yielding to the parent. `while_waiting` runs once, when `result` is asked for
        before the children are done: it may `replace` their answer."""
        size = sum(len(f.text) for f in document.files.values())
        if size < PARALLEL_FROM_BYTES or "fork" not in multiprocessing.get_all_start_methods():
            return ValidationJob(_finished(finish, [part(document) for part in parts]))
        longest = before_fork(document)
        job = ValidationJob()
        context = multiprocessing.get_context("fork")
        with warnings.catch_warnings():  # the progress thread only draws; the children never touch it
            warnings.simplefilter("ignore", DeprecationWarning)
            for share in [[part] for part in parts] if longest else [parts]:
                receiver, sender = context.Pipe(duplex=False)
                process = context.Process(target=_child, args=(document, share, sender, not longest), daemon=True)
                process.start()
                sender.close()
                job._children.append(_Child(receiver, process, share))
        job._document, job._finish = document, finish
        job._while_waiting = while_waiting
        return job

    @property
    def running(self) -> bool:
        """Whether children are validating (big documents): their answer can still be replaced."""
        return self._outcome is None and bool(self._children)

    def replace(self, warnings: list[Problem]) -> None:
        """Stop the children and take `warnings` as the answer (a cache knew it after all)."""
        if self._outcome is None:
            for child in self._children:
                child.process.terminate()
                child.process.join()
                child.connection.close()
        self._outcome = warnings

    def result(self) -> list[Problem]:
        waiting, self._while_waiting = self._while_waiting, None
        if self._outcome is None and waiting is not None and not self._all_answered():
            waiting(self)
        if self._outcome is None:
            self._outcome = self._collect()
        if isinstance(self._outcome, SdkgenError):
            raise self._outcome
        return self._outcome

    def _all_answered(self) -> bool:
        """Whether every child has sent its answer (taken now, for `_collect`); a child that
        died without answering has not."""
        for index, child in enumerate(self._children):
            if index not in self._answers and child.connection.poll():
                with contextlib.suppress(EOFError):
                    self._answers[index] = child.connection.recv()
        return len(self._answers) == len(self._children)

    def _collect(self) -> Outcome:
        assert self._document is not None and self._finish is not None
        found: list[Part] = []
        for index, child in enumerate(self._children):
            try:
                found += self._answers[index] if index in self._answers else child.connection.recv()
            except EOFError:  # the child died without answering: its parts are validated here after all
                found += [part(self._document) for part in child.parts]
            finally:
                child.connection.close()
            child.process.join()
        return _finished(self._finish, found)


@dataclass(frozen=True)
class _Child:
    connection: Connection
    process: multiprocessing.process.BaseProcess
    parts: list[Callable[[Document], Part]]
    """What it validates, in order; it answers with a list of what each found."""


def _finished(finish: Callable[[list[Part]], list[Problem]], found: list[Part]) -> Outcome:
    try:
        return finish(found)
    except SdkgenError as error:
        return error


CHILD_NICENESS = 5
"""How much lower the children's priority is than the parent's."""


def _yield_to_parent() -> None:
    """The parent's modeling, rendering and writing are one thread and, on big 3.0 documents,
    the longest path; the child takes what the parent leaves of two cores. Stripe, Kubernetes,
    DigitalOcean: 0.2-0.5 s less wall time of a cold generation. Not when a part outlasts the
    parent (OpenAI's keyword part: 0.2 s more when it yields)."""
    with contextlib.suppress(OSError):  # a priority that cannot be lowered only costs time
        os.nice(CHILD_NICENESS)


def _child(
    document: Document, parts: list[Callable[[Document], Part]], sender: Connection, yielding: bool
) -> None:
    """What the parts found crosses the pipe as plain data (dataclasses of strings and numbers)."""
    try:
        if yielding:
            _yield_to_parent()
        sender.send([part(document) for part in parts])
    finally:
        sender.close()
        os._exit(0)  # skip the parent's atexit handlers and buffered output
