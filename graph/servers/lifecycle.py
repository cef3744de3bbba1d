"""What both servers kagraph starts itself share: a lock per data folder, a free port, waiting for the start.

The embedded FalkorDB (``embedded``) and the local Neo4j (``neo4j_local``)
are started on demand by whichever process needs them first; these pieces
keep that start single and its failure one readable line.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import socket
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from graph.domain.errors import StoreUnavailable

__all__ = ["HOST", "alive", "await_start", "free_port", "live_users", "locked", "register_user", "unregister_user"]

HOST = "127.0.0.1"


@contextlib.contextmanager
def locked(folder: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``folder`` (through its ``.lock`` file) while the block runs."""
    with os.fdopen(os.open(folder / ".lock", os.O_WRONLY | os.O_CREAT, 0o600), "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


USERS = "clients"
"""The folder, inside a server's data folder, where each process using that server leaves a file named by its pid."""


def register_user(folder: Path) -> None:
    """Count this process among the server's users (until ``unregister_user`` or its death)."""
    (folder / USERS).mkdir(mode=0o700, exist_ok=True)
    (folder / USERS / str(os.getpid())).touch(mode=0o600)


def unregister_user(folder: Path) -> None:
    (folder / USERS / str(os.getpid())).unlink(missing_ok=True)


def live_users(folder: Path) -> list[int]:
    """The pids of the processes using the server that are still alive; the files of dead ones are removed."""
    users = []
    for mark in (folder / USERS).glob("*") if (folder / USERS).is_dir() else ():
        if not mark.name.isdigit():
            continue
        if alive(int(mark.name)):
            users.append(int(mark.name))
        else:
            mark.unlink(missing_ok=True)
    return sorted(users)


def alive(pid: int) -> bool:
    """Whether a process with this pid exists (a zombie counts as gone)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        return " Z " not in Path(f"/proc/{pid}/stat").read_text().split(")", 1)[1][:3]
    except (OSError, IndexError):
        return True


def free_port() -> int:
    """A loopback port nobody listens on now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def await_start(
    process: subprocess.Popen[bytes],
    ready: Callable[[], bool],
    why_not: Callable[[], str],
    what: str,
    port: int,
    timeout_s: float,
    poll_s: float,
) -> None:
    """Wait until ``ready()``; a process that exits first, or a timeout, is ``StoreUnavailable`` with ``why_not()``."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise StoreUnavailable(f"{what} could not start on {HOST}:{port}: {why_not()}")
        if ready():
            return
        time.sleep(poll_s)
    process.kill()
    raise StoreUnavailable(f"{what} did not start on {HOST}:{port} within {timeout_s:.0f} s: {why_not()}")
