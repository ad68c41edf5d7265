"""The settings module: typed values from the environment, safe database URLs, German errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from lotse.settings import Database, SettingsError, environment, from_environment, local


def test_embedded_default_uses_sqlite_files_in_var() -> None:
    config = from_environment({})
    assert config.offers_db.url.render_as_string() == f"sqlite:///{config.var_dir / 'lotse.sqlite3'}"
    assert config.tracker_db.database.endswith("var/tracker.sqlite3")
    assert config.redis_url is None
    assert config.action_url == "http://127.0.0.1:5055/webhook"
    assert config.webchat_origins == ("http://127.0.0.1:5005", "http://localhost:5005")


def test_password_with_special_characters_and_port_survive() -> None:
    config = from_environment(
        {
            "LOTSE_DB_DIALECT": "postgresql",
            "LOTSE_DB_HOST": "db.intern",
            "LOTSE_DB_PORT": "6543",
            "LOTSE_DB_USER": "lotse",
            "LOTSE_DB_PASSWORD": "p@ss/w:rd#1",
        }
    )
    url = config.offers_db.url
    assert (url.host, url.port, url.username, url.password, url.database) == (
        "db.intern",
        6543,
        "lotse",
        "p@ss/w:rd#1",
        "lotse",
    )
    assert "p@ss" not in repr(config)  # passwords never in a log line that prints the settings


def test_database_url_is_still_accepted_and_postgres_scheme_fixed() -> None:
    config = from_environment({"DATABASE_URL": "postgres://u:pw@127.0.0.1:5432/lotse"})
    assert config.offers_db == Database("postgresql", "lotse", "127.0.0.1", 5432, "u", "pw")


def test_environment_round_trip_gives_the_same_settings(tmp_path: Path) -> None:
    config = local(tmp_path, 5105, 5155, redis_url="redis://:geheim@127.0.0.1:6379/2", api_token="t")
    env = environment(config)
    assert from_environment(env) == config
    assert env["LOTSE_REDIS_PASSWORD"] == "geheim"


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("LOTSE_PORT", "fünf", "LOTSE_PORT='fünf': bitte eine ganze Zahl angeben."),
        ("LOTSE_ACTION_TIMEOUT", "3s", "LOTSE_ACTION_TIMEOUT='3s': bitte eine Zahl angeben (Sekunden, z. B. 2.5)."),
        ("TELEGRAM_TOKEN", "x", "Telegram ist eingerichtet, aber es fehlt: TELEGRAM_WEBHOOK_URL, TELEGRAM_SECRET, "
         "LOTSE_STAFF_FILE (siehe README)."),
    ],
)  # fmt: skip
def test_bad_values_stop_with_a_german_message_naming_the_variable(variable: str, value: str, message: str) -> None:
    with pytest.raises(SettingsError) as error:
        from_environment({variable: value})
    assert str(error.value) == message
