"""Put a fully built directory in the place of another in one step, and clean up after a crash.

The new tree is built in a staging directory beside the target (same file system), named
`.<target>.new-<hex>`. Then:

- On Linux, `renameat2(RENAME_EXCHANGE)` swaps the two names atomically: at every instant the
  target path is either the complete old tree or the complete new one. The staging name then
  holds the old tree, which is deleted.
- Elsewhere (or on a file system that refuses the exchange) two renames: target ->
  `.<target>.old-<hex>`, staging -> target. A kill between them leaves no target but a complete
  backup, which `recover` (called by the next run, under the lock) renames back. A backup is
  renamed to `.<target>.del-<hex>` before it is deleted, so a half-deleted tree is never restored.

Any other leftover (`.new-`: a staging tree or an exchanged old one; `.del-`) is garbage, and
`recover` deletes it. Callers hold the output lock (`outlock`) around all of this: otherwise a
run could delete the staging directory of another.
"""

from __future__ import annotations

import ctypes
import errno
import os
import re
import secrets
import shutil
import sys
from pathlib import Path

from .errors import Location, Problem
from .loader import display_path
from .testhooks import step

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
_UNSUPPORTED = {errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP}


def staging_dir(target: Path) -> Path:
    """A new empty directory beside `target`, with the target's permissions (or the umask's)."""
    while True:
        path = _sibling(target, "new")
        try:
            os.mkdir(path)
        except FileExistsError:
            continue
        if target.is_dir():
            os.chmod(path, target.stat().st_mode & 0o7777)
        return path


def replace(target: Path, staging: Path) -> list[Problem]:
    """Make `staging` the new `target`; the old target is deleted. Once the new tree is in
    place the write has happened: an old tree that cannot be deleted (a directory made
    read-only, say) is a warning, returned, and the next run's `recover` tries again."""
    left: list[Problem] = []
    if not target.exists():
        os.rename(staging, target)
        step("renamed")
    elif _exchange(staging, target):
        step("exchanged")
        left = _discarded(target, staging, "the previous output")
    else:
        backup = _sibling(target, "old")
        os.rename(target, backup)
        step("backed-up")
        try:
            os.rename(staging, target)
        except BaseException:
            os.rename(backup, target)
            raise
        step("renamed")
        left = _discarded(target, backup, "the previous output")
    _fsync_directory(target.parent)
    return left


def recover(target: Path) -> list[Problem]:
    """Undo what a killed run left beside `target`: restore the old tree if a run died between
    its two renames, and delete every other leftover (one that cannot be deleted is a warning,
    returned: it is garbage, in nobody's way)."""
    leftovers = leftovers_of(target)
    if not target.exists():
        backups = [p for p in leftovers if _kind(target, p) == "old"]
        if backups:
            os.rename(backups[0], target)
            step("restored")
    return [left for path in leftovers_of(target) for left in _discarded(target, path, "a leftover of an earlier run")]


def _discarded(target: Path, path: Path, what: str) -> list[Problem]:
    """Delete a tree beside `target` (a backup renamed to trash first: a half-deleted backup
    must never be restored); a failure is a warning about the directory left behind."""
    try:
        if _kind(target, path) == "old":
            trash = _sibling(target, "del")
            os.rename(path, trash)
            step("trashed")
            path = trash
        shutil.rmtree(path)
        return []
    except OSError as error:
        message = f"cannot delete {what}: {error.strerror or error}; delete it by hand"
        return [Problem(Location(display_path(path)), message, "warning")]


def leftovers_of(target: Path) -> list[Path]:
    """The staging, backup and trash directories of `target` left by runs that were killed."""
    try:
        entries = sorted(os.listdir(target.parent))
    except FileNotFoundError:
        return []
    paths = [target.parent / name for name in entries]
    return [p for p in paths if _kind(target, p) and p.is_dir() and not p.is_symlink()]


def _sibling(target: Path, kind: str) -> Path:
    return target.parent / f".{target.name}.{kind}-{secrets.token_hex(4)}"


def _kind(target: Path, path: Path) -> str:
    match = re.fullmatch(rf"\.{re.escape(target.name)}\.(new|old|del)-[0-9a-f]{{8}}", path.name)
    return match.group(1) if match else ""


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically; False where the platform or file system cannot."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except AttributeError:  # a C library older than glibc 2.28
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in _UNSUPPORTED:
        return False
    raise OSError(code, os.strerror(code), str(a), None, str(b))


def _fsync_directory(directory: Path) -> None:
    """Make the renames themselves durable (the trees were synced before)."""
    if sys.platform == "win32":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
