"""Every setting of Familien-Lotse, read from the environment once and typed (cosmicpython's config.py).

Nothing else in the project reads os.environ for its own settings: the servers, the actions, the CLI
and the deployment files (deploy/lotse.env.example) all go through `settings()`.

Databases are given as parts (LOTSE_DB_HOST, LOTSE_DB_PASSWORD, …) and joined with SQLAlchemy's
`URL.create`, so a password with "@" or "/" and a non-standard port survive; DATABASE_URL is still
accepted as one string for the offers database.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from sqlalchemy.engine import URL, make_url

PROJECT_ROOT = Path(__file__).resolve().parents[1]


class SettingsError(SystemExit):
    """A setting that cannot be used; the message names the variable (German, for operators)."""


@dataclass(frozen=True)
class Database:
    """One SQL database, as parts; `url` joins them safely."""

    dialect: str = "sqlite"
    database: str = ""
    host: str | None = None
    port: int | None = None
    username: str | None = None
    password: str | None = field(default=None, repr=False)

    @property
    def url(self) -> URL:
        drivername = "postgresql+psycopg2" if self.dialect in ("postgresql", "postgres") else self.dialect
        return URL.create(
            drivername,
            username=self.username,
            password=self.password,
            host=self.host,
            port=self.port,
            database=self.database or None,
        )

    @property
    def is_sqlite(self) -> bool:
        return self.dialect.startswith("sqlite")

    @classmethod
    def from_url(cls, url: str | URL) -> Database:
        parsed = make_url(url.replace("postgres://", "postgresql://", 1) if isinstance(url, str) else url)
        return cls(
            dialect=parsed.get_backend_name(),
            database=parsed.database or "",
            host=parsed.host,
            port=parsed.port,
            username=parsed.username,
            password=parsed.password,
        )


@dataclass(frozen=True)
class Telegram:
    """The staff channel; all of token, webhook URL, secret and staff file are needed together."""

    token: str = field(repr=False)
    webhook_url: str
    secret: str = field(repr=False)
    staff_file: str
    api_server: str | None = None
    staff_chat_id: str | None = None


@dataclass(frozen=True)
class Settings:
    host: str = "127.0.0.1"
    port: int = 5005
    action_port: int = 5055
    # where Rasa finds the action server(s): one local server, or nginx's upstream in the cluster
    action_url: str = "http://127.0.0.1:5055/webhook"
    # a family waits at most this long for an action before it gets the apology (issue 10: 3 s)
    action_timeout_s: float = 2.5
    var_dir: Path = PROJECT_ROOT / "var"
    offers_db: Database = Database("sqlite", str(PROJECT_ROOT / "var" / "lotse.sqlite3"))
    tracker_db: Database = Database("sqlite", str(PROJECT_ROOT / "var" / "tracker.sqlite3"))
    # Redis for the lock store and the widget's Socket.IO messages between instances; None = one process
    redis_url: str | None = None
    api_token: str | None = field(default=None, repr=False)
    webchat_origins: tuple[str, ...] = ()
    webchat_secret: str | None = field(default=None, repr=False)
    telegram: Telegram | None = None
    familienzentrum_id: str = "familienzentrum-alfeld-lotse"
    metrics: bool = True
    # `lotse offers remind` posts the offers due for review to this Telegram chat (weekly timer); None = off
    review_reminder_chat: str | None = None

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def with_changes(self, **changes: object) -> Settings:
        return replace(self, **changes)  # type: ignore[arg-type]


def _int(env: Mapping[str, str], name: str, default: int | None) -> int | None:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError:
        raise SettingsError(f"{name}={raw!r}: bitte eine ganze Zahl angeben.") from None


def _float(env: Mapping[str, str], name: str, default: float) -> float:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        return float(raw)
    except ValueError:
        raise SettingsError(f"{name}={raw!r}: bitte eine Zahl angeben (Sekunden, z. B. 2.5).") from None


def _database(env: Mapping[str, str], prefix: str, default: Database) -> Database:
    """LOTSE_<prefix>_DIALECT/HOST/PORT/NAME/USER/PASSWORD; unset parts keep the default."""
    dialect = env.get(f"LOTSE_{prefix}_DIALECT", "").strip() or default.dialect
    name = env.get(f"LOTSE_{prefix}_NAME", "").strip()
    if dialect == default.dialect and not name:
        name = default.database
    return Database(
        dialect=dialect,
        database=name or ("lotse" if dialect.startswith("postgres") else ""),
        host=env.get(f"LOTSE_{prefix}_HOST", "").strip() or None,
        port=_int(env, f"LOTSE_{prefix}_PORT", None),
        username=env.get(f"LOTSE_{prefix}_USER", "").strip() or None,
        password=env.get(f"LOTSE_{prefix}_PASSWORD") or None,
    )


TELEGRAM_VARIABLES = {
    "token": "TELEGRAM_TOKEN",
    "webhook_url": "TELEGRAM_WEBHOOK_URL",
    "secret": "TELEGRAM_SECRET",
    "staff_file": "LOTSE_STAFF_FILE",
    "api_server": "TELEGRAM_API_SERVER",
    "staff_chat_id": "LOTSE_STAFF_CHAT_ID",
}
TELEGRAM_OPTIONAL = ("api_server", "staff_chat_id")


def _telegram(env: Mapping[str, str]) -> Telegram | None:
    if not env.get("TELEGRAM_TOKEN"):
        return None
    values = {key: env.get(name, "").strip() for key, name in TELEGRAM_VARIABLES.items()}
    missing = [TELEGRAM_VARIABLES[k] for k, v in values.items() if not v and k not in TELEGRAM_OPTIONAL]
    if missing:
        raise SettingsError(f"Telegram ist eingerichtet, aber es fehlt: {', '.join(missing)} (siehe README).")
    return Telegram(**{k: (v or None) if k in TELEGRAM_OPTIONAL else v for k, v in values.items()})  # type: ignore[arg-type]


def from_environment(env: Mapping[str, str] | None = None) -> Settings:
    """Typed settings from `env` (default: os.environ); a bad value stops with a German message."""
    env = os.environ if env is None else env
    defaults = Settings()
    var_dir = Path(env.get("LOTSE_VAR_DIR", "").strip() or defaults.var_dir)
    offers_default = Database("sqlite", str(var_dir / "lotse.sqlite3"))
    tracker_default = Database("sqlite", str(var_dir / "tracker.sqlite3"))
    database_url = env.get("DATABASE_URL", "").strip()
    offers = Database.from_url(database_url) if database_url else _database(env, "DB", offers_default)
    tracker = _database(env, "TRACKER", tracker_default)
    if tracker.is_sqlite and env.get("LOTSE_TRACKER_DB", "").strip():  # the older name of the tracker file
        tracker = replace(tracker, database=env["LOTSE_TRACKER_DB"].strip())
    host = env.get("LOTSE_HOST", "").strip() or defaults.host
    port = _int(env, "LOTSE_PORT", defaults.port) or defaults.port
    action_port = _int(env, "LOTSE_ACTION_PORT", defaults.action_port) or defaults.action_port
    origins = env.get("LOTSE_WEBCHAT_ORIGINS", "").strip()
    return Settings(
        host=host,
        port=port,
        action_port=action_port,
        action_url=env.get("LOTSE_ACTION_URL", "").strip() or f"http://127.0.0.1:{action_port}/webhook",
        action_timeout_s=_float(env, "LOTSE_ACTION_TIMEOUT", defaults.action_timeout_s),
        var_dir=var_dir,
        offers_db=offers,
        tracker_db=tracker,
        redis_url=env.get("LOTSE_REDIS_URL", "").strip() or None,
        api_token=env.get("LOTSE_API_TOKEN") or None,
        webchat_origins=tuple(o.strip() for o in origins.split(",") if o.strip())
        or (f"http://{host}:{port}", f"http://localhost:{port}"),
        webchat_secret=env.get("LOTSE_WEBCHAT_SECRET") or None,
        telegram=_telegram(env),
        familienzentrum_id=env.get("LOTSE_FAMILIENZENTRUM_ID", "").strip() or defaults.familienzentrum_id,
        metrics=env.get("LOTSE_METRICS", "on").strip().lower() not in ("0", "off", "false", "no"),
        review_reminder_chat=env.get("LOTSE_REVIEW_REMINDER_CHAT", "").strip() or None,
    )


@cache
def settings() -> Settings:
    """The process's settings, read once."""
    return from_environment()


def reload() -> Settings:
    """Read the environment again (tests and `lotse` commands that change it)."""
    settings.cache_clear()
    return settings()


def _database_environment(prefix: str, db: Database) -> dict[str, str]:
    values = {
        "DIALECT": db.dialect,
        "NAME": db.database,
        "HOST": db.host or "",
        "PORT": "" if db.port is None else str(db.port),
        "USER": db.username or "",
        "PASSWORD": db.password or "",
    }
    return {f"LOTSE_{prefix}_{key}": value for key, value in values.items()}


def environment(current: Settings) -> dict[str, str]:
    """`current` as environment variables, for the processes `lotse` starts (the inverse of from_environment)."""
    env = {
        "LOTSE_HOST": current.host,
        "LOTSE_PORT": str(current.port),
        "LOTSE_ACTION_PORT": str(current.action_port),
        "LOTSE_ACTION_URL": current.action_url,
        "LOTSE_ACTION_TIMEOUT": str(current.action_timeout_s),
        "LOTSE_VAR_DIR": str(current.var_dir),
        **_database_environment("DB", current.offers_db),
        **_database_environment("TRACKER", current.tracker_db),
        "LOTSE_TRACKER_DB": "",
        "LOTSE_REDIS_URL": current.redis_url or "",
        "LOTSE_REDIS_PASSWORD": urlsplit(current.redis_url or "").password or "",
        "LOTSE_API_TOKEN": current.api_token or "",
        "LOTSE_WEBCHAT_ORIGINS": ",".join(current.webchat_origins),
        "LOTSE_WEBCHAT_SECRET": current.webchat_secret or "",
        "LOTSE_FAMILIENZENTRUM_ID": current.familienzentrum_id,
        "LOTSE_METRICS": "on" if current.metrics else "off",
        "LOTSE_REVIEW_REMINDER_CHAT": current.review_reminder_chat or "",
        "DATABASE_URL": "",
    }
    if current.telegram:
        for key, name in TELEGRAM_VARIABLES.items():
            env[name] = getattr(current.telegram, key) or ""
    return env


def local(var_dir: Path, port: int, action_port: int, **changes: object) -> Settings:
    """The embedded default with every file in `var_dir` and the given ports (tests, benchmarks, demos)."""
    base = Settings(
        port=port,
        action_port=action_port,
        action_url=f"http://127.0.0.1:{action_port}/webhook",
        var_dir=var_dir,
        offers_db=Database("sqlite", str(var_dir / "lotse.sqlite3")),
        tracker_db=Database("sqlite", str(var_dir / "tracker.sqlite3")),
        webchat_origins=(f"http://127.0.0.1:{port}", f"http://localhost:{port}"),
    )
    return base.with_changes(**changes)
