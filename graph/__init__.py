"""kagraph's graph side, one folder a layer: domain, analysis, config, store, servers, services, render, cli.

A layer may import only the layers below it, as listed top to bottom in ``[tool.importlinter]`` (pyproject.toml).
"""
