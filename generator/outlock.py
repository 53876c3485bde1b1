"""One writer at a time per output directory: an advisory lock held for the whole write.

The lock is `flock` on the directory that contains the output, not on a lock file: it leaves
nothing behind in the user's repository, it cannot go stale (the kernel drops it when the
process dies, even by SIGKILL), and unlike the output directory itself the parent keeps its
identity while the output is swapped. Writers take it exclusive; `check` takes it shared, so it
never reads a tree halfway through a swap. The cost: two outputs in the same parent directory
are written one after the other. Where `flock` does not exist (Windows) there is no lock.
"""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator, Optional

if sys.platform != "win32":
    import fcntl


@contextmanager
def output_lock(target: Path, *, shared: bool = False, on_wait: Optional[Callable[[], None]] = None) -> Iterator[None]:
    """Hold the lock of `target` (whose parent must exist); `on_wait` is called once if another
    process holds it, before waiting for it."""
    if sys.platform == "win32":
        yield
        return
    fd = os.open(target.parent, os.O_RDONLY)
    try:
        mode = fcntl.LOCK_SH if shared else fcntl.LOCK_EX
        try:
            fcntl.flock(fd, mode | fcntl.LOCK_NB)
        except BlockingIOError:
            if on_wait is not None:
                on_wait()
            fcntl.flock(fd, mode)
        yield
    finally:
        os.close(fd)
