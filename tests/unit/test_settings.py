"""Settings: only Bolt addresses for ``NEO4J_URI``, and "this machine" means exactly this machine."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from pydantic import SecretStr, ValidationError

from graph.config.settings import BOLT_SCHEMES, Settings, is_local_uri, load_settings, neo4j_uri_problem
from graph.domain.errors import ConfigError, StoreUnavailable
from graph.store.neo4j_runner import Neo4jRunner


def settings(uri: str | None, password: str | None = None) -> Settings:
    """Settings from these values only: no environment variable or ``.env`` file of the machine running the tests."""
    return Settings(
        neo4j_uri=uri,
        neo4j_password=SecretStr(password) if password is not None else None,
        _env_file=None,
    )


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> pytest.MonkeyPatch:
    """An environment without NEO4J_*/KAGRAPH_* and a working directory without ``.env``, for ``load_settings``."""
    for name in os.environ:
        if name.startswith(("NEO4J_", "KAGRAPH_")):
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)
    return monkeypatch


@pytest.mark.parametrize(
    "uri",
    [
        "bolt://localhost:7687",
        "bolt://LOCALHOST:7687",
        "neo4j://localhost",
        "bolt://127.0.0.1:7687",
        "bolt://127.0.0.2:7687",
        "bolt+s://127.255.255.254",
        "bolt://[::1]:7687",
        "neo4j+ssc://[::1]",
    ],
)
def test_this_machine_is_localhost_a_127_address_or_ipv6_loopback(uri: str) -> None:
    assert is_local_uri(uri)


@pytest.mark.parametrize(
    "uri",
    [
        "bolt://localhost.evil.com:7687",
        "bolt://localhost.evil.com",
        "bolt://127.0.0.1.evil.com:7687",
        "bolt://evil-localhost:7687",
        "bolt://evil.com:7687/localhost",
        "neo4j://evil.com:7687?host=127.0.0.1",
        "bolt://128.0.0.1:7687",
        "bolt://10.0.0.5:7687",
        "bolt://[::2]:7687",
        "bolt://[::1",
        "notauri",
    ],
)
def test_a_host_that_only_contains_a_local_name_is_not_this_machine(uri: str) -> None:
    assert not is_local_uri(uri)


@pytest.mark.parametrize("host", ["localhost.evil.com", "127.0.0.1.evil.com", "db.example.com", "[::2]"])
@pytest.mark.parametrize("password", ["neo4j", "password"])
def test_a_default_password_is_refused_for_any_other_host(host: str, password: str) -> None:
    with pytest.raises(ValidationError, match="NEO4J_PASSWORD is a default password"):
        settings(f"bolt://{host}:7687", password)


@pytest.mark.parametrize("host", ["localhost", "127.0.0.1", "127.0.0.2", "[::1]"])
def test_a_default_password_is_fine_on_this_machine(host: str) -> None:
    assert settings(f"bolt://{host}:7687", "neo4j").neo4j_password == SecretStr("neo4j")


def test_a_real_password_is_fine_anywhere() -> None:
    assert settings("neo4j+s://localhost.evil.com", "a-real-one").neo4j_uri == "neo4j+s://localhost.evil.com"


@pytest.mark.parametrize("scheme", [*BOLT_SCHEMES, "BOLT", "Neo4j+S"])
def test_every_bolt_scheme_is_accepted(scheme: str) -> None:
    uri = f"{scheme}://db.example.com:7687"
    assert neo4j_uri_problem(uri) is None
    assert settings(uri).neo4j_uri == uri


def test_the_bolt_schemes_are_the_six_of_the_bolt_protocol() -> None:
    assert set(BOLT_SCHEMES) == {"bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc"}


@pytest.mark.parametrize(
    ("uri", "instead"),
    [
        ("notauri", "bolt://notauri"),
        ("localhost:7687", "bolt://localhost:7687"),
        ("http://127.0.0.1:7474", "bolt://127.0.0.1:7687"),
        ("https://db.example.com:7473", "bolt+s://db.example.com:7687"),
        ("http://[::1]:7474", "bolt://[::1]:7687"),
        ("ftp://db.example.com", "bolt://db.example.com"),
        ("bolt://:7687", "bolt://localhost:7687"),
        ("bolt:///neo4j", "bolt://localhost:7687"),
        ("bolt://db.example.com:port", "bolt://localhost:7687"),
        ("bolt://db.example.com:99999", "bolt://localhost:7687"),
        ("bolt://[::1", "bolt://localhost:7687"),
    ],
)
def test_anything_but_a_bolt_address_is_refused_with_what_to_write(uri: str, instead: str) -> None:
    problem = neo4j_uri_problem(uri)
    assert problem is not None and instead in problem
    with pytest.raises(ValidationError, match="neo4j_uri"):
        settings(uri)


@pytest.mark.parametrize("uri", ["notauri", "http://127.0.0.1:7474", "https://db.example.com", "bolt://:7687"])
def test_load_settings_names_neo4j_uri_in_one_line(clean_env: pytest.MonkeyPatch, uri: str) -> None:
    clean_env.setenv("NEO4J_URI", uri)
    with pytest.raises(ConfigError) as raised:
        load_settings()
    message = str(raised.value)
    assert message.startswith(f"bad configuration: NEO4J_URI: {uri!r} ")
    assert re.search(r"; write (e\.g\. )?bolt(\+s)?://", message)
    assert "Value error" not in message and "\n" not in message


def test_load_settings_names_the_password_of_a_remote_server(clean_env: pytest.MonkeyPatch) -> None:
    clean_env.setenv("NEO4J_URI", "bolt://localhost.evil.com:7687")
    clean_env.setenv("NEO4J_PASSWORD", "neo4j")
    with pytest.raises(ConfigError, match=r"^bad configuration: NEO4J_PASSWORD is a default password"):
        load_settings()


def test_load_settings_names_any_other_bad_variable(clean_env: pytest.MonkeyPatch) -> None:
    clean_env.setenv("KAGRAPH_PORT", "many")
    with pytest.raises(ConfigError, match=r"^bad configuration: KAGRAPH_PORT: "):
        load_settings()


@pytest.mark.parametrize("blank", ["", "  "])
def test_a_blank_uri_means_the_embedded_store(blank: str) -> None:
    configured = settings(blank)
    assert configured.neo4j_uri is None and configured.embedded


def test_surrounding_spaces_are_dropped() -> None:
    assert settings(" bolt://localhost:7687\n").neo4j_uri == "bolt://localhost:7687"


@pytest.mark.parametrize("uri", ["http://127.0.0.1:7474", "notauri"])
def test_the_runner_refuses_a_non_bolt_uri_before_the_driver_sees_it(uri: str) -> None:
    """The neo4j driver would open its preview HTTP API for http:// (and fail on a missing aiohttp)."""
    with pytest.raises(StoreUnavailable, match=r"^store address .* write bolt://"):
        Neo4jRunner(uri, "neo4j", "whatever", "neo4j")
