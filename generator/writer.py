"""Stage 7, write: the output is replaced in one step, by one writer at a time, and never loses
a file the user owns.

A write, all under the output lock (`outlock`: flock on the output's parent directory, so a
second `sdkgen generate` on the same output waits for the first):

1. `dirswap.recover` cleans up after a run that was killed: it restores the old tree if the
   run died between the two renames of the fallback swap, and deletes staging leftovers.
2. `.genignore` (`genignore`) takes paths away from the generator: they are not written,
   removed, checked for hand edits or listed in the manifest; the file on disk stays the user's.
3. The manifest of the previous run tells generated files from user files. A generated file
   whose bytes differ from its recorded hash was edited by hand; a file the generator never
   wrote belongs to the user. Writing over (or removing) either would lose work, so it is an
   error, unless `force`, and then the report names each such file.
4. The new tree (generated files, the user's files hard-linked from the old tree, the manifest)
   is built in a staging directory beside the output, synced (when it replaces an output), and
   `dirswap.replace` puts it in place of the output atomically. A kill at any point leaves the
   old tree or the new one.
"""

from __future__ import annotations

import ctypes
import hashlib
import json
import os
import shutil
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Optional

from . import dirswap
from .errors import Location, Problem, SdkgenError, join_pointer
from .genignore import GenIgnore, parent_directories
from .loader import display_path
from .outlock import output_lock
from .regions import digest
from .testhooks import step

MANIFEST = ".sdkgen-manifest.json"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class Manifest:
    generator_version: str
    spec_sha256: str
    config_sha256: str
    files: dict[str, str]

    def to_bytes(self) -> bytes:
        data = {
            "generator_version": self.generator_version,
            "spec_sha256": self.spec_sha256,
            "config_sha256": self.config_sha256,
            "files": dict(sorted(self.files.items())),
        }
        return (json.dumps(data, indent=2, sort_keys=False) + "\n").encode()

    @staticmethod
    def read(out_dir: Path) -> Optional[Manifest]:
        """The manifest of an earlier generation, or None if there is none (or it is unreadable).
        A manifest that lists a path outside the output is an error: trusting it would have
        sdkgen read, compare or delete files that are not the output's."""
        try:
            data = json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
            manifest = Manifest(
                str(data["generator_version"]),
                str(data["spec_sha256"]),
                str(data["config_sha256"]),
                {str(k): str(v) for k, v in data["files"].items()},
            )
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None
        outside = [path for path in manifest.files if not is_inside(path)]
        if outside:
            where = display_path(out_dir / MANIFEST)
            message = "lists a path outside the output; delete the manifest (or this entry) and generate again"
            raise SdkgenError(Problem(Location(where, join_pointer("/files", path)), message) for path in outside)
        return manifest


def is_inside(path: str) -> bool:
    """Whether a manifest's `/`-separated path names a file inside the output: relative, with
    no `..`, `.` or empty part (none of which the generator writes)."""
    parts = path.split("/")
    return (
        "\\" not in path
        and "\0" not in path
        and not os.path.isabs(path)
        and all(part not in ("", ".", "..") for part in parts)
    )


@dataclass(frozen=True)
class WriteReport:
    written: tuple[str, ...]
    unchanged: tuple[str, ...]
    removed: tuple[str, ...]
    forced: tuple[str, ...] = ()
    """Files edited by hand (or never generated) that `force` overwrote or removed."""
    manifest: bytes = b""
    """The manifest this write left in the output."""
    notes: tuple[Problem, ...] = ()
    """Warnings about the write: trees beside the output that could not be deleted."""


def owned(out_dir: Path, files: dict[str, bytes], manifest: Manifest) -> tuple[dict[str, bytes], Manifest, GenIgnore]:
    """The files (and manifest) the generator owns in `out_dir`: all but those `.genignore` lists."""
    ignore = GenIgnore.load(out_dir)
    kept = {p: data for p, data in files.items() if not ignore.ignores(p)}
    listed = {p: digest for p, digest in manifest.files.items() if p in kept}
    return kept, Manifest(manifest.generator_version, manifest.spec_sha256, manifest.config_sha256, listed), ignore


def write_tree(
    out_dir: Path,
    files: dict[str, bytes],
    manifest: Manifest,
    *,
    force: bool = False,
    on_wait: Optional[Callable[[], None]] = None,
    before_swap: Callable[[], None] = lambda: None,
) -> WriteReport:
    """Replace the generated files of `out_dir` by `files` in one step; `on_wait` is called if
    another process is writing `out_dir` and this one has to wait for it. `before_swap` runs
    once the new tree is staged and synced, before it replaces the old one (or when nothing
    needs writing): if it raises, nothing is written (the CLI waits for validation there)."""
    target = out_dir.resolve()
    if _holds_working_directory(target):
        message = (
            "the output holds the working directory: replacing it would leave this shell in the old, "
            "deleted tree; run sdkgen from outside the output"
        )
        raise SdkgenError([Problem(Location(display_path(out_dir)), message)])
    if target.exists() and not target.is_dir():
        raise SdkgenError([Problem(Location(display_path(out_dir)), "the output exists and is not a directory")])
    blocker = next((above for above in target.parents if above.exists()), None)
    if blocker is not None and not blocker.is_dir():
        message = f"cannot make the output under {display_path(blocker)}: it is a file, not a directory"
        raise SdkgenError([Problem(Location(display_path(out_dir)), message)])
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with output_lock(target, on_wait=on_wait):
            step("locked")
            left = dirswap.recover(target)
            step("recovered")
            report = _write_locked(out_dir, target, files, manifest, force, before_swap)
            return replace(report, notes=(*left, *report.notes))
    except OSError as error:  # a read-only or full disk, no permission: the old output is as it was
        where = f" ({display_path(Path(error.filename))})" if error.filename else ""
        message = f"cannot write the output: {error.strerror or error}{where}"
        raise SdkgenError([Problem(Location(display_path(out_dir)), message)]) from None


def _holds_working_directory(target: Path) -> bool:
    try:
        here = Path.cwd()
    except OSError:  # the working directory was deleted: nothing of it to protect
        return False
    return here == target or target in here.parents


def _write_locked(
    out_dir: Path,
    target: Path,
    files: dict[str, bytes],
    manifest: Manifest,
    force: bool,
    before_swap: Callable[[], None],
) -> WriteReport:
    strays = [path for path in files if not is_inside(path)]
    if strays:  # a name that escaped the model's checks: never write outside the output
        message = "sdkgen would write this file outside the output; nothing was written"
        raise SdkgenError(Problem(Location(display_path(out_dir), join_pointer("/files", p)), message) for p in strays)
    files, manifest, ignore = owned(target, files, manifest)
    old = Manifest.read(target)
    old_files = {p: d for p, d in (old.files if old else {}).items() if not ignore.ignores(p)}
    root = str(target)  # string paths: pathlib's joins cost more than the reads on a big SDK
    exists = os.path.isdir(root)
    current = {p: read_bytes(os.path.join(root, p)) if exists else None for p in {*files, *old_files}}
    same = {p for p, data in files.items() if current[p] == data}
    unchanged = tuple(p for p in files if p in same)
    written = tuple(p for p in files if p not in same)
    removed = tuple(sorted(p for p in old_files if p not in files and current[p] is not None))
    conflicts = _conflicts(files, old_files, current)
    in_the_way = _in_the_way(root, files, current) if exists else {}
    conflicts.update(in_the_way)
    if conflicts and not force:
        raise SdkgenError(Problem(Location(display_path(out_dir / p)), message) for p, message in conflicts.items())
    manifest_bytes = manifest.to_bytes()
    left: list[Problem] = []
    if written or removed or read_bytes(target / MANIFEST) != manifest_bytes:
        left = _build_and_swap(target, files, manifest_bytes, set(removed) | set(in_the_way), same, before_swap)
    else:
        before_swap()
    return WriteReport(written, unchanged, removed, tuple(conflicts), manifest_bytes, tuple(left))


def _conflicts(
    files: dict[str, bytes], old_files: dict[str, str], current: dict[str, Optional[bytes]]
) -> dict[str, str]:
    """Files whose content the user made and this write would lose, with what is wrong."""
    found = {}
    for path, data in sorted(current.items()):
        if data is None or data == files.get(path):
            continue
        if path not in old_files:
            found[path] = "file exists but was not generated by sdkgen; regenerate with --force to overwrite it"
        elif digest(data, path) != old_files[path]:
            action = "overwrite" if path in files else "delete (it is no longer generated)"
            found[path] = f"generated file was edited by hand; regenerate with --force to {action} it"
        else:
            continue
        found[path] += " (or list it in .genignore)"
    return found


def _in_the_way(root: str, files: dict[str, bytes], current: dict[str, Optional[bytes]]) -> dict[str, str]:
    """The user's files and directories where the new tree needs something else: a file or a
    link where a generated file's directory goes, a directory or a link where a generated file
    goes. Carried over, they would land inside the new tree or fail the write. Only a path
    that could not be read as a file (`current`) can hold a directory or a dangling link."""
    found = {}
    directories = {parent for path in files for parent in parent_directories(path)}
    for directory in sorted(directories):
        where = os.path.join(root, directory)
        if os.path.islink(where) or (os.path.lexists(where) and not os.path.isdir(where)):
            found[directory] = "a file or link of yours stands where sdkgen generates a directory"
    for path in (p for p in files if current[p] is None):
        where = os.path.join(root, path)
        if os.path.isdir(where) or (os.path.islink(where) and not os.path.exists(where)):
            found[path] = "a directory or link of yours stands where sdkgen generates a file"
    shadowed = {p for p in found if any(parent in found for parent in parent_directories(p))}  # one is enough
    for path in shadowed:
        del found[path]
    return {p: f"{message}; move it, or regenerate with --force to replace it" for p, message in found.items()}


def read_bytes(path: str | Path) -> Optional[bytes]:
    """The file's bytes, or None if it cannot be read."""
    try:
        with open(path, "rb", buffering=0) as file:  # unbuffered: no isatty or seek per file
            return file.readall()
    except OSError:
        return None


_CREATE_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)


def _create(path: str, data: bytes) -> None:
    """Write a new file in three system calls (a buffered `open` adds an isatty and a seek)."""
    fd = os.open(path, _CREATE_FLAGS, 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)


WRITER_THREADS = 2
"""Threads that create the staged files. Most of a big write is the kernel copying the bytes
into the page cache, which runs outside the GIL (Kubernetes: 135 MB, 0.59 s alone, 0.39 s
on two threads when the other core is free)."""


def _create_all(pool: ThreadPoolExecutor, files: list[tuple[str, bytes]]) -> None:
    """Create every (path, data) of `files`, a share on each thread (a task per file would cost
    more than many of the files: Stripe writes 6,000 small ones); an error raised is raised here."""

    def create(share: list[tuple[str, bytes]]) -> None:
        for path, data in share:
            _create(path, data)

    for _ in pool.map(create, [files[start::WRITER_THREADS] for start in range(WRITER_THREADS)]):
        pass


def _build_and_swap(
    target: Path,
    files: dict[str, bytes],
    manifest_bytes: bytes,
    removed: set[str],
    unchanged: set[str],
    before_swap: Callable[[], None],
) -> list[Problem]:
    """Stage the new tree beside the output and swap it in. Unchanged files are hard links to
    the old tree's, so a regeneration that changes two files of thousands writes two files.
    Returns the warnings of the swap (an old tree that could not be deleted)."""
    staging = dirswap.staging_dir(target)
    step("staging")
    stage, old = str(staging), str(target)
    made: set[str] = set()
    written = [os.path.join(stage, MANIFEST)]
    try:
        new: list[tuple[str, bytes]] = []
        for path, data in files.items():
            destination = os.path.join(stage, path)
            parent = os.path.dirname(destination)
            if parent not in made:
                os.makedirs(parent, exist_ok=True)
                made.add(parent)
            if path not in unchanged or not _link(os.path.join(old, path), destination):
                new.append((destination, data))
                written.append(destination)
        with ThreadPoolExecutor(WRITER_THREADS) as pool:
            half = len(new) // 2
            _create_all(pool, new[:half])
            step("half-staged")
            _create_all(pool, new[half:])
        step("staged")
        previous = target.exists()
        copied = previous and _carry_user_files(target, staging, set(files) | removed | {MANIFEST})
        step("carried")
        (staging / MANIFEST).write_bytes(manifest_bytes)
        step("manifest")
        if previous:
            # The new tree must be on the disk before it replaces the old one, or a power cut
            # could leave neither. A first generation replaces nothing: a kill or a crash leaves
            # no output or the new one, and waiting for the disk (a syncfs also waits for every
            # other process's writes) would protect nothing.
            _fsync_tree(staging, written if not copied else None)  # a copied user file: sync everything
        step("synced")
        before_swap()
        step("approved")
        left = dirswap.replace(target, staging)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    step("replaced")
    return left


def _carry_user_files(out_dir: Path, staging: Path, skip: set[str]) -> bool:
    """Everything in the output the generator does not (re)write belongs to the user, or to
    `.genignore`: keep it. Hard links, so that carrying costs no copy; empty directories too.
    True when a file had to be copied after all."""
    copied = False
    top = str(out_dir)
    for root, dirs, names in os.walk(top):
        rel_root = os.path.relpath(root, top).replace(os.sep, "/")
        prefix = "" if rel_root == "." else rel_root + "/"
        if not dirs and not names and root != top:
            (staging / rel_root).mkdir(parents=True, exist_ok=True)
        dirs[:] = [d for d in dirs if d != "__pycache__" and prefix + d not in skip]  # skipped: replaced
        for name in [*names, *(d for d in dirs if os.path.islink(os.path.join(root, d)))]:
            rel = prefix + name
            if rel not in skip:
                copied = _carry(Path(root) / name, staging / rel) or copied
    return copied


def _carry(source: Path, destination: Path) -> bool:
    """Link (or copy) one user file into the staged tree; True when it was copied."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    if source.is_symlink():
        os.symlink(os.readlink(source), destination)
        return False
    try:
        os.link(source, destination)
        return False
    except OSError:
        shutil.copy2(source, destination)
        return True


def _link(source: str, destination: str) -> bool:
    try:
        os.link(source, destination)
        return True
    except OSError:
        return False


FSYNC_FILES_UP_TO = 200
"""Up to this many written files are synced one by one; more, with one syncfs."""


def _fsync_tree(root: Path, written: Optional[list[str]]) -> None:
    """Get the new tree onto the disk before it replaces the old one. After a small change
    (`written` lists the files written; the rest are hard links to files already on disk)
    those files and the tree's directories are synced one by one: a `syncfs` would also wait
    for every other process's writes to that file system. Otherwise one `syncfs` (an fsync per
    file costs seconds on a large SDK), or a global `sync` where there is none."""
    if written is not None and len(written) <= FSYNC_FILES_UP_TO:
        for path in written:
            _fsync(path)
        for directory, _, _ in os.walk(root):
            _fsync(directory)
        return
    if not _syncfs(root):
        os.sync()


def _fsync(path: str | Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _syncfs(path: Path) -> bool:
    """Linux's syncfs(2) through libc; False where it is not available."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        syncfs = libc.syncfs
    except (OSError, AttributeError):
        return False
    fd = os.open(path, os.O_RDONLY)
    try:
        return bool(syncfs(fd) == 0)
    finally:
        os.close(fd)
