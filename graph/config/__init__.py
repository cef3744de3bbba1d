"""Configuration: settings from the environment and the TOML files people edit by hand (claim policy, access file).

May import ``graph.domain`` only.
"""
