"""Entry point of ``python -m graph``."""

import sys

from graph.cli.commands import main
from graph.cli.output import run_cli

sys.exit(run_cli(main))
