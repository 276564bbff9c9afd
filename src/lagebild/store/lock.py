"""One build at a time per dossier: an exclusive lock on `<dossier>.lock` held for the whole build.

    with build_lock("d.db"):      # raises StoreError naming the holder if another build runs
        ...

The lock is the operating system's (flock): it goes with the process that holds it,
so a killed build never leaves a stale lock behind; the file only says who held it last.
Readers (search, report, the web pages) take no lock: SQLite's WAL lets them read while
a build writes, and they see each article, and the cross-article step, whole or not at all.
"""
from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from .sqlite import StoreError

try:
    import fcntl
except ImportError:  # Windows: no flock; SQLite's own locking still keeps each write whole
    fcntl = None  # type: ignore[assignment]


def lock_path(db_path: str | Path) -> Path:
    p = Path(db_path)
    return p.with_name(p.name + ".lock")


@contextmanager
def build_lock(db_path: str | Path, wait: float = 0.0) -> Iterator[None]:
    """Hold the dossier's build lock; if another process holds it (after `wait` seconds), StoreError."""
    path = lock_path(db_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as e:
        raise StoreError(f"cannot take the build lock {path.name} next to {Path(db_path).name}: "
                         f"{e.strerror or e} (a dossier in a read-only place can only be read)") from None
    try:
        if fcntl is not None:
            deadline = time.monotonic() + wait
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() >= deadline:
                        holder = os.pread(fd, 200, 0).decode("utf-8", "replace").strip() or "another process"
                        raise StoreError(f"another build is writing to {Path(db_path).name} ({holder}); "
                                         "wait for it to finish, then run this one again") from None
                    time.sleep(0.1)
        os.ftruncate(fd, 0)
        stamp = datetime.now(timezone.utc).isoformat(timespec="seconds")
        os.pwrite(fd, f"pid {os.getpid()}, since {stamp}\n".encode(), 0)
        yield
    finally:
        os.close(fd)   # releases the flock
