"""Configuration from the environment (or a ``.env`` file).

Unset ``NEO4J_URI`` means the embedded default: kagraph starts its own
FalkorDB server with data under ``KAGRAPH_DATA_DIR``.
"""

from __future__ import annotations

import ipaddress
from pathlib import Path
from typing import Literal
from urllib.parse import SplitResult, urlsplit

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_core import ErrorDetails
from pydantic_settings import BaseSettings, SettingsConfigDict

from graph.domain.errors import ConfigError

__all__ = ["BOLT_SCHEMES", "Settings", "is_local_uri", "load_settings", "neo4j_uri_problem"]

BOLT_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")
"""URI schemes of Neo4j's Bolt protocol; the driver's ``http``/``https`` (its preview HTTP API) is not one."""
_DEFAULT_PASSWORDS = ("neo4j", "password")


def neo4j_uri_problem(uri: str) -> str | None:
    """Why ``uri`` is no Bolt address kagraph can use, with what to write instead; None when it is one.

    The reason follows the address in a sentence: ``f"{uri!r} {problem}"``.

    >>> neo4j_uri_problem("bolt://localhost:7687") is None
    True
    >>> neo4j_uri_problem("localhost:7687")
    'has no scheme; write bolt://localhost:7687 (Bolt schemes: bolt, bolt+s, bolt+ssc, neo4j, neo4j+s, neo4j+ssc)'
    """
    schemes = f"Bolt schemes: {', '.join(BOLT_SCHEMES)}"
    if "://" not in uri:
        return f"has no scheme; write bolt://{uri} ({schemes})"
    try:
        parts = urlsplit(uri)
        parts.port  # noqa: B018 - parsing the port is what raises for a bad one
    except ValueError as error:
        return f"is not a valid address ({error}); write e.g. bolt://localhost:7687"
    if parts.scheme in ("http", "https"):
        bolt = "bolt+s" if parts.scheme == "https" else "bolt"
        return (
            f"is Neo4j's HTTP address, but kagraph talks to Neo4j over Bolt; "
            f"write {bolt}://{_host(parts)}:7687 (the Bolt port, 7687 unless the server changed it; {schemes})"
        )
    if parts.scheme not in BOLT_SCHEMES:
        return f"has scheme {parts.scheme!r}, which is not Bolt; write bolt://{parts.netloc or 'HOST'} ({schemes})"
    if not parts.hostname:
        return f"names no host; write e.g. {parts.scheme}://localhost:{parts.port or 7687}"
    return None


def _host(parts: SplitResult) -> str:
    """The host as it is written in a URI: an IPv6 address in brackets."""
    host = parts.hostname or "localhost"
    return f"[{host}]" if ":" in host else host


def is_local_uri(uri: str) -> bool:
    """True when the URI's host is exactly this machine: ``localhost``, a 127.0.0.0/8 address or ``::1``.

    >>> [is_local_uri(u) for u in ("bolt://127.0.0.2:7687", "bolt://[::1]", "bolt://localhost.evil.com")]
    [True, True, False]
    """
    try:
        host = urlsplit(uri).hostname
    except ValueError:
        return False
    if host == "localhost":
        return True
    try:
        return host is not None and ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    kagraph_store: Literal["falkordb", "neo4j-local"] = "falkordb"
    """Which store kagraph starts itself when ``NEO4J_URI`` is unset: the embedded FalkorDB or a local Neo4j."""
    kagraph_neo4j_idle: int = 600
    """Seconds the local Neo4j keeps running after its last user process ended (a JVM takes seconds to start)."""
    kagraph_neo4j_java_opts: str = ""
    """Extra JVM options for the local Neo4j, space-separated (test.sh gives its short-lived servers a quick JIT)."""
    kagraph_import_batch_rows: int = Field(default=2000, ge=1)
    """Rows per import batch: one unit of work with its history entry, so a crash loses at most one batch."""
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
    kagraph_claim_policy: Path | None = None
    """The claim (报备) policy file sales ops maintain; unset: ``claim-policy.toml`` in the data folder."""

    kagraph_access: Path | None = None
    """Who signs in as what on a team deployment (roles, reps, teams); unset: ``access.toml`` in the data folder."""

    @property
    def claim_policy_path(self) -> Path:
        return self.kagraph_claim_policy or self.kagraph_data_dir / "claim-policy.toml"

    @property
    def access_path(self) -> Path:
        return self.kagraph_access or self.kagraph_data_dir / "access.toml"

    @property
    def embedded(self) -> bool:
        """True when kagraph runs the store itself (FalkorDB or the local Neo4j), not a server at ``NEO4J_URI``."""
        return not self.neo4j_uri

    @field_validator("neo4j_uri", mode="after")
    @classmethod
    def _bolt_uri(cls, uri: str | None) -> str | None:
        """A Bolt address, or None (blank means unset: the embedded store)."""
        uri = (uri or "").strip()
        if not uri:
            return None
        problem = neo4j_uri_problem(uri)
        if problem:
            raise ValueError(f"{uri!r} {problem}")
        return uri

    @model_validator(mode="after")
    def _no_default_password_remote(self) -> Settings:
        """Refuse the well-known default password on anything but this machine."""
        password = self.neo4j_password.get_secret_value() if self.neo4j_password is not None else None
        if self.neo4j_uri and password in _DEFAULT_PASSWORDS and not is_local_uri(self.neo4j_uri):
            raise ValueError("NEO4J_PASSWORD is a default password; set a real one for a remote server")
        return self


def load_settings() -> Settings:
    """Settings from the environment; a bad value is a ``ConfigError`` naming the variable."""
    try:
        return Settings()
    except ValidationError as error:
        problems = "; ".join(_problem(e) for e in error.errors())
        raise ConfigError(f"bad configuration: {problems}") from error


def _problem(error: ErrorDetails) -> str:
    """One validation error as ``VARIABLE: reason``; kagraph's own reasons without pydantic's "Value error, "."""
    reason = str(error["ctx"]["error"]) if error["type"] == "value_error" and "ctx" in error else error["msg"]
    variable = "_".join(str(part) for part in error["loc"]).upper()
    return f"{variable}: {reason}" if variable else reason
