"""Entry point of ``python -m graph``."""

import sys

from graph.cli import main
from graph.cli_support import run_cli

sys.exit(run_cli(main))
