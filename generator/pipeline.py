"""The stages wired in order: load -> validate -> model -> plan -> render -> format.

`write` and `check` take the result; the CLI only calls these functions.
"""

from __future__ import annotations

import gc
import hashlib
import json
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import cache, partial
from pathlib import Path
from queue import SimpleQueue
from typing import Any, Callable, Optional

from . import __version__
from . import validator as validator_module
from .apisurface import surface_of
from .config import load_settings, templates_override
from .errors import Location, Problem, SdkgenError
from .formatting import default_cache_dir, format_files
from .ir import Api
from .loader import Document, SourceFile, display_path, load, read_file
from .modeling import build_api
from .plan import plan
from .records import read_record, write_record
from .regions import Orphan, carry_over, digest
from .render import overridden, rendered_files, unused_overrides
from .uptodate import Inputs, inputs_of, remember, unchanged_output
from .validation_job import ValidationJob
from .validator import PARTS, Findings, as_strict_error, findings, prepare_for_parts, verdict
from .versioning import next_release, read_release
from .writer import Manifest, sha256


@dataclass(frozen=True)
class Generated:
    files: dict[str, bytes]
    manifest: Manifest
    warnings: tuple[Problem, ...]
    orphans: tuple[Orphan, ...] = ()
    """Custom code on disk the new output has no region for: writing would lose it."""
    pending: Optional[ValidationJob] = None
    """The validation still running, when `generate` was asked not to wait for it."""
    inputs: Optional[Inputs] = None
    """What the files were made from: once they are written, `remember_inputs` records it."""
    modeling: tuple[Problem, ...] = ()
    """Modeling's warnings (in `warnings` too): recorded with the inputs, for `up_to_date`."""

    def validated(self) -> Generated:
        """This result once validation is done: its warnings (then modeling's), or the document's errors raised."""
        if self.pending is None:
            return self
        return replace(self, warnings=(*self.pending.result(), *self.warnings), pending=None)


def load_and_validate(spec: Path, strict: bool = False) -> tuple[Document, list[Problem]]:
    """Load and validate; a document validated before (same bytes, same rules) is not validated again."""
    document, job = _load_and_start_validation(spec, strict)
    return document, job.result()


def _load_and_start_validation(spec: Path, strict: bool) -> tuple[Document, ValidationJob]:
    """The loaded document, and its validation: from the cache, or started (in a child process
    for big documents) with its outcome recorded in the cache when it is collected.

    Two records: one for the exact text, and, when this process waits for the children, one
    for the document without its prose (descriptions, summaries, titles), which cannot make
    it valid or invalid. An edit of prose alone reuses the second, with each warning's line
    looked up again."""
    document = load(spec)
    records = _records("validate")
    key = _validation_key(document, strict)
    if records is not None:
        cached = _read_record(_record_path(records, key), document, relocate=False)
        if cached is not None:
            return document, ValidationJob(cached)
    relaxed = not any(f.original_pointer for f in document.files.values())  # not for converted Swagger 2.0
    prose_free: list[str] = []  # the key of the document without its prose, once digested

    def finish(parts: list[Findings]) -> list[Problem]:
        warnings = verdict(parts, strict)
        if records is not None:
            for found_under in [key, *prose_free]:
                _record(_record_path(records, found_under), warnings)
        return warnings

    def while_waiting(job: ValidationJob) -> None:
        # Digesting the document without its prose (0.13 s on Stripe) pays only when this
        # process would wait for the children: then a verdict reached before an edit of
        # prose alone ends the wait. When the children are done first, it is not digested.
        if records is None or not relaxed:
            return
        prose_free.append(_validation_key(document, strict, prose=False))
        cached = _read_record(_record_path(records, prose_free[0]), document, relocate=True)
        if cached is not None:
            job.replace(cached)
            _record(_record_path(records, key), cached)  # the next run with this text needs no digest

    job = ValidationJob.start(
        document, [partial(findings, part=part) for part in PARTS], finish, prepare_for_parts, while_waiting
    )
    return document, job


def _records(kind: str) -> Optional[Path]:
    """Where the cache keeps records of `kind` (`validate`: verdicts; `uptodate`: what an
    output was made from): beside the format cache, and nowhere when that is off."""
    cache_dir = default_cache_dir()
    return cache_dir.parent / kind if cache_dir is not None else None


def _record_path(records: Path, key: str) -> Path:
    return records / key[:2] / key


def _read_record(record: Path, document: Document, relocate: bool) -> Optional[list[Problem]]:
    rows = read_record(record)
    if not isinstance(rows, list):
        return None  # missing, or not a record of ours
    try:
        sources = {display_path(path): source for path, source in document.files.items()} if relocate else {}
        found = []
        for file, pointer, line, message in rows:
            if relocate:
                source = sources.get(file)
                line = source.line_of(pointer) if source is not None else None
            found.append(Problem(Location(file, pointer, line), message, "warning"))
        return found
    except (ValueError, TypeError):
        return None  # not rows of four


def _record(record: Path, warnings: list[Problem]) -> None:
    write_record(record, [[w.location.file, w.location.pointer, w.location.line, w.message] for w in warnings])


@cache
def _validation_sources() -> list[bytes]:
    """The source of validator.py and of every generator module it imports, directly or not:
    what decides a verdict. Read, not imported (openapi-spec-validator costs 0.3 s to import)."""
    here = Path(validator_module.__file__).parent
    found: dict[str, bytes] = {}
    pending = ["validator"]
    while pending:
        name = pending.pop()
        if name not in found:
            found[name] = (here / f"{name}.py").read_bytes()
            for module, names in _RELATIVE_IMPORT.findall(found[name]):  # `from .x import`, `from . import x`
                pending += [module.decode()] if module else [n.strip().decode() for n in names.split(b",")]
    return [found[name] for name in sorted(found)]


_RELATIVE_IMPORT = re.compile(rb"^[ \t]*from \.(\w*) import ([\w, ]*)", re.M)


def _validation_key(document: Document, strict: bool, prose: bool = True) -> str:
    digest = hashlib.sha256(f"{__version__}\0{strict}\0{prose}\0".encode())
    for source_code in _validation_sources():
        digest.update(source_code)
    for path in sorted(document.files):
        source = document.files[path]
        text = source.text if prose else json.dumps(_without_prose(source.data), ensure_ascii=False, default=str)
        digest.update(str(path).encode() + b"\0" + text.encode() + b"\0")
    return digest.hexdigest()


_PROSE = frozenset({"description", "summary", "title"})
_VALUES = frozenset({"example", "examples", "default", "enum", "const"})


def _without_prose(node: Any) -> Any:
    """The document with the text of its descriptions, summaries and titles left out. Values
    (examples, defaults, enums) and extensions are kept whole: a schema may constrain them."""
    if isinstance(node, dict):
        return {
            key: (
                None
                if key in _PROSE and isinstance(value, str)
                else value
                if key in _VALUES or key.startswith("x-")
                else _without_prose(value)
            )
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [_without_prose(item) for item in node]
    return node


def build(spec: Path, config: Optional[Path], strict: bool = False) -> tuple[Api, list[Problem]]:
    """The IR of a document and the warnings about it: what `sdkgen diff` compares."""
    document, warnings = load_and_validate(spec, strict)
    api = build_api(document, load_settings(config))
    return api, [*warnings, *_generation_warnings(api, strict)]


def _generation_warnings(api: Api, strict: bool, overrides: Optional[Path] = None) -> tuple[Problem, ...]:
    """What modeling typed more loosely than the document asks, and the override templates
    nothing is made from; errors under --strict, as validation's warnings are."""
    warnings = (*api.warnings, *(unused_overrides(overrides) if overrides is not None else ()))
    if strict and warnings:
        raise SdkgenError(as_strict_error(w) for w in warnings)
    return warnings


def generate(
    spec: Path,
    config: Optional[Path],
    templates: Optional[Path] = None,
    strict: bool = False,
    out: Optional[Path] = None,
    progress: Callable[[str], None] = lambda stage: None,
    wait_for_validation: bool = True,
) -> Generated:
    """The complete SDK for a document, in memory; `out` holds the previous generation, if any.
    `progress` is told each stage as it starts. Without `wait_for_validation`, a validation
    still running is left in `pending` (the writer stages the files meanwhile): call
    `validated()` before the result counts."""
    with _no_cyclic_gc():
        progress(f"loading and validating {spec.name}")
        document, validation = _load_and_start_validation(spec, strict)
        try:
            generated = _generate(document, validation, config, templates, out, progress, strict)
        except Exception:
            validation.result()  # the document's own errors explain a failure better than its symptom
            raise
        if wait_for_validation:
            progress("validating")
            return generated.validated()
        return generated


@contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """Generation builds millions of long-lived objects (the document, the IR, the files) and
    little cyclic garbage; the cycle collector's passes over them cost a quarter of the CPU
    time of a big API. Reference counting still frees everything else."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _generate(
    document: Document,
    validation: ValidationJob,
    config: Optional[Path],
    templates: Optional[Path],
    out: Optional[Path],
    progress: Callable[[str], None],
    strict: bool,
) -> Generated:
    """The stages after loading, while validation runs beside them (see validation_job.py)."""
    settings = load_settings(config)
    overrides = templates if templates is not None else templates_override(config)  # a missing one fails early
    progress("modeling")
    api = build_api(document, settings)
    notes = _generation_warnings(api, strict, overrides)
    release = None
    if settings.versioning == "automatic":
        previous = read_release(out) if out is not None else None
        release = next_release(previous, surface_of(api), settings.version)
        api = replace(api, settings=replace(api.settings, version=release.version))
    planned = plan(api, __version__, release)
    progress(f"rendering {len(planned)} files")
    vouched: set[str] = set()  # long lines of black's own the templates wrote
    python = {p.path for p in planned if p.kind != "text"}
    sources: dict[str, str] = {}
    encoded: dict[str, bytes] = {}
    with _Digests() as digests:
        for path, text in rendered_files(planned, overrides, vouched):
            if path in python:
                sources[path] = text
            else:
                encoded[path] = text.encode("utf-8")  # see `_encoded`: docs pages are most of the bytes
                digests.add(path, encoded[path])
        # Built-in templates are written in black's style, so only their risky statements need
        # black; anything an override template makes goes through black whole.
        static = overridden(planned, overrides)
        progress(f"formatting {len(python)} Python files")
        formatted = format_files(sources, python, static, default_cache_dir(), vouched, templates=static)
        sources.clear()  # its texts are formatted's too: let `_encoded` hold the only references
        for path, data in _encoded(formatted).items():
            encoded[path] = data
            digests.add(path, data)
    files = {p.path: encoded[p.path] for p in planned}
    last = Manifest.read(out) if out is not None else None
    files, orphans = carry_over(files, out, last.files if last else ())
    spec_files = [(path, source.text.encode()) for path, source in document.files.items()]
    spec_hash = sha256(b"".join(data for _, data in spec_files))
    canonical = _canonical(config)
    manifest = Manifest(__version__, spec_hash, sha256(canonical), digests.of(files))
    inputs = inputs_of(document.root, spec_files, canonical, overrides, out)
    return Generated(files, manifest, notes, tuple(orphans), pending=validation, inputs=inputs, modeling=notes)


class _Digests:
    """The manifest's hash of each file, taken on a thread as the files come: hashlib lets go
    of the GIL over buffers past 2 KB, so the hashing runs on the other core while the next
    files are rendered and formatted (Kubernetes: 165 MB, 0.17 s of this thread's time)."""

    def __init__(self) -> None:
        self._queue: SimpleQueue[Optional[tuple[str, bytes]]] = SimpleQueue()
        self._taken: dict[str, tuple[bytes, str]] = {}
        self._thread = threading.Thread(target=self._take, name="sdkgen-digests", daemon=True)

    def __enter__(self) -> _Digests:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._finish()

    def add(self, path: str, data: bytes) -> None:
        self._queue.put((path, data))

    def of(self, files: dict[str, bytes]) -> dict[str, str]:
        """The hash of each of `files`; one whose bytes changed since `add` (custom code
        carried over) is hashed again here."""
        self._finish()
        found = {}
        for path, data in files.items():
            taken = self._taken.get(path)
            found[path] = taken[1] if taken is not None and taken[0] is data else digest(data, path)
        return found

    def _take(self) -> None:
        while (item := self._queue.get()) is not None:
            path, data = item
            self._taken[path] = (data, digest(data, path))

    def _finish(self) -> None:
        if self._thread.is_alive():
            self._queue.put(None)
            self._thread.join()


def up_to_date(
    spec: Path, config: Optional[Path], templates: Optional[Path], strict: bool, out: Path
) -> Optional[tuple[Manifest, list[Problem]]]:
    """The manifest of `out` and the document's warnings, when generating again would write
    nothing (see `uptodate`) and the document's validation is in the cache; otherwise None,
    and generating tells (bad input, hand edits, drift...)."""
    records, inputs = _records("validate"), _records("uptodate")
    if records is None or inputs is None:
        return None
    try:
        overrides = templates if templates is not None else templates_override(config)
        found = unchanged_output(inputs, spec, _canonical(config), overrides, out)
    except SdkgenError:
        return None  # a broken gen.yaml: generating reports it where it belongs
    if found is None:
        return None
    manifest, spec_files, digest = found
    document = Document(spec_files[0][0], {p: SourceFile(p, data.decode("utf-8"), None) for p, data in spec_files})
    warnings = _read_record(_record_path(records, _validation_key(document, strict)), document, relocate=False)
    modeling = _read_record(_record_path(inputs / "modeling", digest), document, relocate=False)
    if strict and modeling:
        return None  # generating makes them errors
    return (manifest, warnings + modeling) if warnings is not None and modeling is not None else None


def remember_inputs(result: Generated, out: Path, manifest: bytes) -> None:
    """Record what the output just written (with `manifest`) was made from, for `up_to_date`."""
    records = _records("uptodate")
    if records is not None and result.inputs is not None:
        remember(records, out, manifest, result.inputs)
        _record(_record_path(records / "modeling", result.inputs.digest), list(result.modeling))


def _encoded(texts: dict[str, str]) -> dict[str, bytes]:
    """The files as UTF-8, each text let go of (and `texts` emptied) once it is encoded: its
    memory then holds the next file's bytes, where keeping every text would have the kernel
    fault in fresh memory for all the bytes (Kubernetes: 130 MB, 33,000 faults, 0.3 s of
    system time)."""
    files = {}
    for path in list(texts):
        files[path] = texts.pop(path).encode("utf-8")
    return files


def _canonical(config: Optional[Path]) -> bytes:
    """gen.yaml as canonical JSON: reordering its keys or reformatting it changes nothing."""
    data = read_file(config).data if config is not None else {}
    return json.dumps(data, sort_keys=True, ensure_ascii=False, default=str).encode()
