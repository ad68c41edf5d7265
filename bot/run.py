"""`lotse run`: sync offers, train if needed, start action server and Rasa server, print how to chat."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import yaml

from bot.model import PROJECT_ROOT, ensure_model, rasa_environment
from offers_db.loader import load_offers
from offers_db.repository import OfferRepository

STARTUP_TIMEOUT_S = 180


@dataclass(frozen=True)
class ServerConfig:
    """Where the servers listen and what they use; every value can come from the environment."""

    host: str = "127.0.0.1"
    port: int = 5005
    action_port: int = 5055
    tracker_db: Path = PROJECT_ROOT / "var" / "tracker.sqlite3"
    api_token: str | None = None
    telegram: dict[str, str] | None = None  # access_token, webhook_url, secret, staff_file[, api_server]

    @classmethod
    def from_environment(cls) -> ServerConfig:
        return cls(
            host=os.environ.get("LOTSE_HOST", "127.0.0.1"),
            port=int(os.environ.get("LOTSE_PORT", "5005")),
            action_port=int(os.environ.get("LOTSE_ACTION_PORT", "5055")),
            tracker_db=Path(os.environ.get("LOTSE_TRACKER_DB", str(cls.tracker_db))),
            api_token=os.environ.get("LOTSE_API_TOKEN") or None,
            telegram=telegram_from_environment(),
        )

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def action_url(self) -> str:
        return f"http://127.0.0.1:{self.action_port}"


TELEGRAM_VARIABLES = {
    "access_token": "TELEGRAM_TOKEN",
    "webhook_url": "TELEGRAM_WEBHOOK_URL",
    "secret": "TELEGRAM_SECRET",
    "staff_file": "LOTSE_STAFF_FILE",
    "api_server": "TELEGRAM_API_SERVER",
    "staff_chat_id": "LOTSE_STAFF_CHAT_ID",
}


def telegram_from_environment() -> dict[str, str] | None:
    """The staff channel's settings when TELEGRAM_TOKEN is set; all of them are then required."""
    if not os.environ.get("TELEGRAM_TOKEN"):
        return None
    settings = {key: os.environ.get(name, "") for key, name in TELEGRAM_VARIABLES.items()}
    missing = [TELEGRAM_VARIABLES[k] for k, v in settings.items() if not v and k not in ("api_server", "staff_chat_id")]
    if missing:
        raise SystemExit(f"Telegram is configured but {', '.join(missing)} missing (see README).")
    return settings


def credentials_file(config: ServerConfig) -> Path:
    """credentials.yml, plus the staff Telegram channel when it is configured (written next to the tracker)."""
    base = PROJECT_ROOT / "credentials.yml"
    if not config.telegram:
        return base
    channels = yaml.safe_load(base.read_text(encoding="utf-8")) or {}
    channels["bot.channels.telegram.StaffTelegramInput"] = {
        k: v for k, v in config.telegram.items() if k != "staff_chat_id"
    }
    runtime = config.tracker_db.parent / "credentials.runtime.yml"
    runtime.touch(mode=0o600)
    runtime.write_text(yaml.safe_dump(channels), encoding="utf-8")
    return runtime


def server_environment(config: ServerConfig) -> dict[str, str]:
    """Environment for both servers: endpoints.yml reads the LOTSE_* variables."""
    config.tracker_db.parent.mkdir(parents=True, exist_ok=True)
    telegram = {TELEGRAM_VARIABLES[k]: v for k, v in (config.telegram or {}).items() if v}
    return {
        **rasa_environment(),
        # one TensorFlow thread per op: +7 % messages/s under 20 concurrent conversations (bench/)
        "TF_INTRA_OP_PARALLELISM_THREADS": os.environ.get("TF_INTRA_OP_PARALLELISM_THREADS", "1"),
        "TF_INTER_OP_PARALLELISM_THREADS": os.environ.get("TF_INTER_OP_PARALLELISM_THREADS", "1"),
        **telegram,  # the action server notifies the staff chat of new call-back requests
        "SANIC_HOST": "127.0.0.1",  # the action server is never reachable from outside
        "LOTSE_ACTION_URL": f"{config.action_url}/webhook",
        "LOTSE_TRACKER_DIALECT": os.environ.get("LOTSE_TRACKER_DIALECT", "sqlite"),
        "LOTSE_TRACKER_HOST": os.environ.get("LOTSE_TRACKER_HOST", ""),
        "LOTSE_TRACKER_DB": str(config.tracker_db),
        "LOTSE_WEBCHAT_ORIGINS": os.environ.get(
            "LOTSE_WEBCHAT_ORIGINS", f"http://{config.host}:{config.port},http://localhost:{config.port}"
        ),
    }


def start_servers(model: Path, config: ServerConfig, log: IO[bytes] | None = None) -> list[subprocess.Popen[bytes]]:
    """Start the action server and the Rasa server (REST channel; HTTP API only with a token)."""
    env = server_environment(config)
    actions = subprocess.Popen(
        [sys.executable, "-m", "rasa_sdk", "--actions", "actions", "--port", str(config.action_port)],
        cwd=PROJECT_ROOT,
        env=env,
        stdout=log,
        stderr=log,
    )
    command = [
        sys.executable, "-m", "bot.rasa_server", "run", "--model", str(model), "--endpoints", "endpoints.yml",
        "--credentials", str(credentials_file(config)), "--interface", config.host, "--port", str(config.port),
    ]  # fmt: skip
    if config.api_token:
        command += ["--enable-api", "--auth-token", config.api_token]
    rasa = subprocess.Popen(command, cwd=PROJECT_ROOT, env=env, stdout=log, stderr=log)
    return [actions, rasa]


def wait_for_servers(config: ServerConfig, processes: list[subprocess.Popen[bytes]]) -> None:
    """Return once the action server and the Rasa server both answer."""
    wait_until_up(f"{config.action_url}/health", processes)
    wait_until_up(f"{config.base_url}/", processes)


def wait_until_up(url: str, processes: list[subprocess.Popen[bytes]], timeout_s: float = STARTUP_TIMEOUT_S) -> None:
    """Poll `url` until it answers; fail early when a server process died."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if any(p.poll() is not None for p in processes):
            raise RuntimeError("a server process stopped during start-up; see its output above")
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310 - our own localhost URL
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.5)
    raise TimeoutError(f"{url} did not answer within {timeout_s:.0f} s")


def stop(processes: list[subprocess.Popen[bytes]]) -> None:
    """Stop all servers, politely first."""
    for process in processes:
        if process.poll() is None:
            process.terminate()
    for process in processes:
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def sync_sample_offers() -> None:
    """Load the offers YAML into the database; refuse to start on invalid data."""
    result = load_offers()
    if result.issues:
        for issue in result.issues:
            print(issue, file=sys.stderr)
        raise SystemExit("Die Angebote enthalten Fehler; bitte zuerst `lotse offers validate` beheben.")
    report = OfferRepository().sync(result.offers)
    print(
        f"Angebote: {len(result.offers)} ({len(report.added)} neu, {len(report.changed)} geändert, "
        f"{len(report.removed)} entfernt)",
        flush=True,
    )


def run() -> int:
    """Run everything in the foreground until Ctrl-C."""
    config = ServerConfig.from_environment()
    sync_sample_offers()
    model = ensure_model()
    processes = start_servers(model, config)
    signal.signal(signal.SIGTERM, lambda *_: stop(processes))
    try:
        wait_for_servers(config, processes)
        print(
            "\nFamilien-Lotse läuft.\n"
            f"  Widget-Demo im Browser:  {config.base_url}/webchat/\n"
            f"  Chat über REST:  curl -s {config.base_url}/webhooks/rest/webhook "
            "-H 'Content-Type: application/json' "
            '-d \'{"sender": "test", "message": "Mein Sohn ist 4 und wir suchen einen Kitaplatz"}\'\n'
            "  Beenden: Strg-C\n",
            flush=True,
        )
        while all(p.poll() is None for p in processes):
            time.sleep(1)
        return 1
    except KeyboardInterrupt:
        return 0
    finally:
        stop(processes)
