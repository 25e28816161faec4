"""A pool of worker processes that survives a file crashing its worker: the file is reported, the scan goes on.

libcst's native parser can take a process down (a segmentation fault on input past the shape limits, or the
kernel's out-of-memory killer). The pool then restarts, finishes the files still pending and, where a round
completes nothing, runs the first pending file alone to tell which file crashed. Workers end themselves when
the process that started them is gone.
"""

from __future__ import annotations

import gc
import os
import threading
import time
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from privlint.code.scanner import FileFacts
from privlint.config import Config
from privlint.findings import Notification

if TYPE_CHECKING:
    from privlint.engine import Engine

CHUNK = 8
PARENT_POLL_SECONDS = 1.0


class WorkerPool:
    """Scans files in worker processes, in order; a file that kills its worker becomes a notification."""

    def __init__(self, engine: "Engine", workers: int) -> None:
        self._engine = engine
        self._workers = workers
        self._pool = self._start(workers)

    def scan(self, paths: Sequence[Path], force: bool) -> list[FileFacts]:
        results: dict[Path, FileFacts] = {}
        # Largest files first, in chunks small enough to share out: the last tasks are short, the workers end together.
        order = sorted(paths, key=_size, reverse=True)
        chunk = max(1, min(CHUNK, len(order) // (4 * self._workers)))
        try:
            for path, facts in zip(order, self._pool.map(_scan_in_worker, order, [force] * len(order),
                                                         chunksize=chunk)):
                results[path] = facts
        except BrokenProcessPool:
            self._recover([path for path in paths if path not in results], force, results)
        return [results[path] for path in paths]

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def _recover(self, pending: list[Path], force: bool, results: dict[Path, FileFacts]) -> None:
        """Rescan ``pending`` one file a task; when a round finishes none, isolate the first pending file."""
        while pending:
            self._restart()
            futures: dict[Future[FileFacts], Path] = {
                self._pool.submit(_scan_in_worker, path, force): path for path in pending}
            for future in as_completed(futures):
                try:
                    results[futures[future]] = future.result()
                except BrokenProcessPool:
                    continue
            still = [path for path in pending if path not in results]
            if len(still) == len(pending):
                results[still[0]] = self._alone(still[0], force)
                still = still[1:]
            pending = still

    def _alone(self, path: Path, force: bool) -> FileFacts:
        self._restart()
        try:
            return self._pool.submit(_scan_in_worker, path, force).result()
        except BrokenProcessPool:
            self._restart()
            display = self._engine.display(path)
            return FileFacts(display, notifications=(Notification(
                message="file not analysed: the parser crashed on it (its worker process died)", path=display),))

    def _restart(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
        self._pool = self._start(self._workers)

    def _start(self, workers: int) -> ProcessPoolExecutor:
        salt = self._engine.cache.salt if self._engine.cache is not None else None
        initargs = (self._engine.config, self._engine.context.project_roots, salt, os.getpid())
        return ProcessPoolExecutor(max_workers=workers, initializer=_start_worker, initargs=initargs)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


_WORKER_ENGINE: "Engine | None" = None


def _start_worker(config: Config, roots: frozenset[str], salt: str | None, parent: int) -> None:
    from privlint.engine import build_engine

    gc.enable()  # a forked worker inherits the scanning process's paused collector; it pauses it per file itself
    global _WORKER_ENGINE
    _WORKER_ENGINE = build_engine(config, roots, salt=salt)
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()


def _exit_with_parent(parent: int) -> None:
    """End this worker once the scanning process is gone (killed, say), instead of waiting forever."""
    while os.getppid() == parent:
        time.sleep(PARENT_POLL_SECONDS)
    os._exit(1)


def _scan_in_worker(path: Path, force: bool) -> FileFacts:
    assert _WORKER_ENGINE is not None, "worker started without an engine"
    return _WORKER_ENGINE.scan(path, force)
