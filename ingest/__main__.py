"""Entry point of ``python -m ingest``."""

import sys

from graph.cli.output import run_cli
from ingest.ingest_cli import main

sys.exit(run_cli(main))
