"""kagraph's graph side, one folder a layer: domain, analysis, config, store, servers, services, render, cli.

Imports go one way, top to bottom of ``[tool.importlinter]`` in pyproject.toml; the suite checks it.
"""
