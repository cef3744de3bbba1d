"""Configuration from the environment (or a ``.env`` file).

Unset ``NEO4J_URI`` means the embedded default: kagraph starts its own
FalkorDB server with data under ``KAGRAPH_DATA_DIR``.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import SecretStr, ValidationError, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from graph.errors import ConfigError

__all__ = ["Settings", "load_settings"]

_LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "[::1]")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    neo4j_uri: str | None = None
    neo4j_user: str = "neo4j"
    neo4j_password: SecretStr | None = None
    neo4j_database: str = "neo4j"
    kagraph_data_dir: Path = Path("data")
    kagraph_port: int | None = None
    """Fixed port for the embedded server; unset picks a free one."""
    kagraph_graph: str = "kagraph"
    """Graph (key) name inside the embedded server."""
    kagraph_user: str | None = None
    """Who changes are recorded as, overriding the local user name chosen in the app."""

    @property
    def embedded(self) -> bool:
        return not self.neo4j_uri

    @model_validator(mode="after")
    def _no_default_password_remote(self) -> Settings:
        """Refuse the well-known default password on anything but this machine."""
        if self.neo4j_uri and self.neo4j_password is not None:
            remote = not any(host in self.neo4j_uri for host in _LOOPBACK_HOSTS)
            if remote and self.neo4j_password.get_secret_value() in ("neo4j", "password"):
                raise ValueError("NEO4J_PASSWORD is a default password; set a real one for a remote server")
        return self


def load_settings() -> Settings:
    """Settings from the environment; a bad value is a ``ConfigError`` naming the variable."""
    try:
        return Settings()
    except ValidationError as error:
        problems = "; ".join(
            f"{'_'.join(str(p) for p in e['loc']).upper() or 'settings'}: {e['msg']}" for e in error.errors()
        )
        raise ConfigError(f"bad configuration: {problems}") from error
