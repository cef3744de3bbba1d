"""The local Neo4j: Neo4j Community started by kagraph itself, with no Docker (``KAGRAPH_STORE=neo4j-local``).

The launcher in ``neo4j-local/`` (a ``pom.xml`` and one class) is built once
by Maven; its jars stay in ``neo4j-local/target`` and a second start does not
rebuild. ``ensure_local_neo4j(data_dir)`` returns the server for that folder:
the one already running there (state file, live pid, open port) or a new JVM
with Bolt on ``127.0.0.1``, authentication on and a generated password kept
in the folder (mode 0600).

A JVM takes seconds to start, so the server outlives the process that started
it: every process using it leaves its pid in ``clients/``, and the launcher
stops itself once none of them is alive for ``KAGRAPH_NEO4J_IDLE`` seconds.
A CLI call therefore reuses a warm server, and nobody's server is stopped
under them. ``stop_local_neo4j`` stops it at once (SIGTERM, a clean shutdown).
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from graph.domain.errors import StoreUnavailable
from graph.servers.lifecycle import HOST, alive, await_start, free_port, locked, register_user, unregister_user

__all__ = ["LocalNeo4j", "ensure_local_neo4j", "running_local_neo4j", "stop_local_neo4j"]

USER = "neo4j"
LAUNCHER = Path(__file__).resolve().parents[2] / "neo4j-local"
JAR = LAUNCHER / "target" / "neo4j-local-1.jar"
HEAP = "-Xmx2g"
STATE_FILE = "server.json"
LOGIN_FILE = "login"
LOG_FILE = "neo4j-local.log"
READY = "kagraph-neo4j ready"
START_TIMEOUT_S = 180.0
BUILD_TIMEOUT_S = 900.0
STOP_TIMEOUT_S = 60.0
JAVA_HINT = "install one (Debian: apt-get install openjdk-17-jdk-headless) or set JAVA_HOME"
MAVEN_HINT = "install it (Debian: apt-get install maven); it fetches Neo4j from Maven Central once"


@dataclass(frozen=True)
class LocalNeo4j:
    home: Path
    port: int
    pid: int
    password: str

    @property
    def uri(self) -> str:
        return f"bolt://{HOST}:{self.port}"

    @property
    def user(self) -> str:
        return USER


def ensure_local_neo4j(data_dir: Path, idle_s: int = 600, port: int | None = None, java_opts: str = "") -> LocalNeo4j:
    """The local Neo4j for ``data_dir``, started (and its launcher built) if need be; this process counts as a user.

    Raises ``StoreUnavailable`` with one line saying what is missing (Java 17+,
    Maven) or why the server did not start.
    """
    home = _home(data_dir)
    with locked(home):
        server = running_local_neo4j(data_dir) or _start(home, port, idle_s, java_opts.split())
    _register(home)
    return server


def running_local_neo4j(data_dir: Path) -> LocalNeo4j | None:
    """The local Neo4j already serving ``data_dir``, or ``None``."""
    home = _home(data_dir)
    try:
        state = json.loads((home / STATE_FILE).read_text())
        port, pid = int(state["port"]), int(state["pid"])
        password = (home / LOGIN_FILE).read_text().strip()
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if alive(pid) and _listening(port):
        return LocalNeo4j(home=home, port=port, pid=pid, password=password)
    return None


def stop_local_neo4j(data_dir: Path) -> bool:
    """Stop the local Neo4j of ``data_dir`` now (clean shutdown); ``False`` when none was running."""
    server = running_local_neo4j(data_dir)
    if server is None:
        return False
    os.kill(server.pid, signal.SIGTERM)
    deadline = time.monotonic() + STOP_TIMEOUT_S
    while alive(server.pid) and time.monotonic() < deadline:
        time.sleep(0.2)
    with contextlib.suppress(FileNotFoundError):
        (server.home / STATE_FILE).unlink()
    return True


def _home(data_dir: Path) -> Path:
    home = data_dir.resolve() / "neo4j"
    try:
        (home / "clients").mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreUnavailable(f"cannot use data directory {home}: {error.strerror}") from error
    return home


def _register(home: Path) -> None:
    """Count this process among the server's users until it exits (the launcher reads ``clients/``)."""
    if not (home / "clients" / str(os.getpid())).exists():
        register_user(home)
        atexit.register(unregister_user, home)


def _password(home: Path) -> str:
    path = home / LOGIN_FILE
    if not path.exists():
        path.touch(mode=0o600)
        path.write_text(secrets.token_urlsafe(24))
    return path.read_text().strip()


def _tell(what: str) -> None:
    """One line on stderr while the local Neo4j is built or starts: otherwise a first start is a silent minute."""
    print(f"kagraph: {what}", file=sys.stderr, flush=True)


def _start(home: Path, port: int | None, idle_s: int, java_opts: list[str]) -> LocalNeo4j:
    java = _java()
    classpath = _classpath()
    _tell(f"starting the local Neo4j in {home} (a Java server: a few seconds, longer on a first start)")
    port = port or free_port()
    password = _password(home)
    log = home / LOG_FILE
    command = [java, HEAP, *java_opts, "-cp", classpath, "kagraph.LocalNeo4j", str(home), str(port), str(idle_s)]
    with open(log, "w") as output:
        try:
            process = subprocess.Popen(
                command,
                cwd=home,
                stdout=output,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                env={**os.environ, "KAGRAPH_NEO4J_PASSWORD": password},
                start_new_session=True,
            )
        except OSError as error:
            raise StoreUnavailable(f"cannot start the local Neo4j: {error.strerror}") from error
    await_start(
        process,
        lambda: READY in log.read_text(errors="replace") and _listening(port),
        lambda: _last_line(log),
        "local Neo4j",
        port,
        START_TIMEOUT_S,
        0.2,
    )
    (home / STATE_FILE).write_text(json.dumps({"port": port, "pid": process.pid}))
    return LocalNeo4j(home=home, port=port, pid=process.pid, password=password)


def _java() -> str:
    """A Java 17+ runtime: ``$JAVA_HOME/bin/java``, else ``java`` on PATH."""
    home = os.environ.get("JAVA_HOME")
    java = str(Path(home) / "bin" / "java") if home else shutil.which("java")
    if not java or not Path(java).exists():
        raise StoreUnavailable(f"the local Neo4j needs Java 17 or newer and none was found: {JAVA_HINT}")
    try:
        answer = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise StoreUnavailable(f"the local Neo4j needs Java 17 or newer; {java} does not run: {error}") from error
    found = re.search(r'version "(\d+)(?:\.(\d+))?', answer.stderr + answer.stdout)
    major = int(found.group(1)) if found else 0
    if major == 1 and found and found.group(2):
        major = int(found.group(2))  # "1.8.0" is Java 8
    if major < 17:
        raise StoreUnavailable(f"the local Neo4j needs Java 17 or newer, {java} is Java {major}: {JAVA_HINT}")
    return java


def _classpath() -> str:
    """The launcher's class path, building it with Maven first when it is missing or older than its sources."""
    with locked(LAUNCHER):
        sources = [LAUNCHER / "pom.xml", *LAUNCHER.glob("src/**/*.java")]
        if not JAR.exists() or JAR.stat().st_mtime < max(path.stat().st_mtime for path in sources):
            _tell("building the local Neo4j launcher with Maven, once (a few minutes the first time)")
            _build()
    return f"{JAR}{os.pathsep}{JAR.parent / 'lib' / '*'}"


def _build() -> None:
    maven = shutil.which("mvn")
    if maven is None:
        raise StoreUnavailable(f"the local Neo4j is built once with Maven, which was not found: {MAVEN_HINT}")
    log = LAUNCHER / "target" / "build.log"
    log.parent.mkdir(exist_ok=True)
    with open(log, "w") as output:
        try:
            result = subprocess.run(
                [maven, "-q", "-B", "-f", str(LAUNCHER / "pom.xml"), "package", "-DskipTests"],
                stdout=output,
                stderr=subprocess.STDOUT,
                timeout=BUILD_TIMEOUT_S,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired) as error:
            raise StoreUnavailable(f"building the local Neo4j failed: {error}") from error
    if result.returncode != 0 or not JAR.exists():
        raise StoreUnavailable(f"building the local Neo4j failed (see {log}): {_last_line(log)}")


def _listening(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.settimeout(1.0)
        return probe.connect_ex((HOST, port)) == 0


def _last_line(log: Path) -> str:
    """The most telling line of a log: the last error, else the last line."""
    try:
        lines = [line.strip() for line in log.read_text(errors="replace").splitlines() if line.strip()]
    except OSError:
        return "no log written"
    for line in reversed(lines):
        if "ERROR" in line or "Exception" in line or "error" in line.lower():
            return line[:300]
    return lines[-1][:300] if lines else "no log written"
