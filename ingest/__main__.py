"""Entry point of ``python -m ingest``."""

import sys

from graph.cli_support import run_cli
from ingest.cli import main

sys.exit(run_cli(main))
