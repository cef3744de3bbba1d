"""``python -m graph.servers.embedded_watch DATA_DIR PORT PID IDLE_S``: stop an embedded server nobody alive uses.

Started by ``graph.servers.embedded`` next to each server it starts. Processes that
use the server leave and stop it themselves; this watchdog covers the ones
that cannot (killed with ``kill -9``, or a machine's OOM killer): once no
user has been alive for ``IDLE_S`` seconds it stops the server cleanly, as
the last user would have. It ends when the server does.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from graph.servers.embedded import shut_down
from graph.servers.lifecycle import alive, live_users, locked

__all__ = ["watch"]

POLL_S = 1.0


def watch(data_dir: Path, port: int, pid: int, idle_s: float) -> None:
    """Wait while the server runs; stop it once it has had no live user for ``idle_s`` seconds."""
    last_used = time.monotonic()
    while alive(pid):
        time.sleep(POLL_S)
        if live_users(data_dir):
            last_used = time.monotonic()
        elif time.monotonic() - last_used > idle_s:
            with locked(data_dir):
                if not live_users(data_dir):
                    shut_down(data_dir, port, pid)
                    return
            last_used = time.monotonic()


if __name__ == "__main__":
    folder, server_port, server_pid, idle = sys.argv[1:5]
    watch(Path(folder), int(server_port), int(server_pid), float(idle))
