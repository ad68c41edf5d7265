"""`lotse run`: sync offers, train if needed, start action server and Rasa server (restarted when they stop)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import yaml

from bot.endpoints import endpoints_file, write_private
from bot.model import PROJECT_ROOT, ensure_model, rasa_environment
from lotse.settings import Settings, environment, settings
from offers_db.loader import load_offers
from offers_db.repository import OfferRepository

STARTUP_TIMEOUT_S = 180


def credentials_file(config: Settings) -> Path:
    """credentials.yml, plus the staff Telegram channel when it is configured (written to var/)."""
    base = PROJECT_ROOT / "credentials.yml"
    if not config.telegram:
        return base
    channels = yaml.safe_load(base.read_text(encoding="utf-8")) or {}
    telegram = config.telegram
    channels["bot.channels.telegram.StaffTelegramInput"] = {
        "access_token": "${TELEGRAM_TOKEN}",  # secrets stay in the environment, not in the file
        "webhook_url": telegram.webhook_url,
        "secret": "${TELEGRAM_SECRET}",
        "staff_file": telegram.staff_file,
        **({"api_server": telegram.api_server} if telegram.api_server else {}),
    }
    return write_private(config.var_dir / "credentials.runtime.yml", channels)


def server_environment(config: Settings) -> dict[str, str]:
    """Environment for both servers: the settings themselves, plus Rasa's and TensorFlow's own."""
    config.var_dir.mkdir(parents=True, exist_ok=True)
    return {
        **rasa_environment(),
        # one TensorFlow thread per op: +7 % messages/s under 20 concurrent conversations (bench/)
        "TF_INTRA_OP_PARALLELISM_THREADS": os.environ.get("TF_INTRA_OP_PARALLELISM_THREADS", "1"),
        "TF_INTER_OP_PARALLELISM_THREADS": os.environ.get("TF_INTER_OP_PARALLELISM_THREADS", "1"),
        # a server handles one message at a time: numpy's OpenBLAS threads only spun on the other core
        # (Rasa server CPU per message 112 -> 78 ms, README "Benchmarks")
        "OPENBLAS_NUM_THREADS": os.environ.get("OPENBLAS_NUM_THREADS", "1"),
        # the sentence encoder's two OpenMP threads spin 1,000 times (microseconds) at each of the model's many
        # barriers before they sleep: the next step nearly always comes sooner, so a message no longer pays a
        # wake-up per step (short message 16 -> 4 ms), and between messages they sleep, so a busy other core
        # never stalls them (OpenMP's default spins 300,000 times; passive waiting = 0; README "Benchmarks")
        "GOMP_SPINCOUNT": os.environ.get("GOMP_SPINCOUNT", "1000"),
        **environment(config),
        "SANIC_HOST": "127.0.0.1",  # the action server is never reachable from outside
    }


def action_server_command(port: int) -> list[str]:
    return [sys.executable, "-m", "rasa_sdk", "--actions", "actions", "--port", str(port)]


def rasa_server_command(model: Path, config: Settings, port: int | None = None) -> list[str]:
    """`rasa run` with our endpoints and channels (HTTP API only with a token)."""
    command = [
        sys.executable, "-m", "bot.rasa_server", "run", "--model", str(model),
        "--endpoints", str(endpoints_file(config)), "--credentials", str(credentials_file(config)),
        "--interface", config.host, "--port", str(port or config.port),
    ]  # fmt: skip
    if config.api_token:
        command += ["--enable-api", "--auth-token", config.api_token]
    return command


def server_starters(
    model: Path, config: Settings, log: IO[bytes] | None = None
) -> list[tuple[str, Callable[[], subprocess.Popen[bytes]]]]:
    """How to start the action server and the Rasa server (REST channel; HTTP API only with a token)."""
    env = server_environment(config)

    def actions() -> subprocess.Popen[bytes]:
        command = action_server_command(config.action_port)
        return subprocess.Popen(command, cwd=PROJECT_ROOT, env=env, stdout=log, stderr=log)

    def rasa() -> subprocess.Popen[bytes]:
        command = rasa_server_command(model, config)
        return subprocess.Popen(command, cwd=PROJECT_ROOT, env=env, stdout=log, stderr=log)

    return [("Aktionsserver", actions), ("Rasa-Server", rasa)]


def start_servers(model: Path, config: Settings, log: IO[bytes] | None = None) -> list[subprocess.Popen[bytes]]:
    """Start the action server and the Rasa server."""
    return [start() for _, start in server_starters(model, config, log)]


MAX_RESTARTS = 5
RESTART_WINDOW_S = 300.0


@dataclass
class Child:
    """One server `lotse run` keeps alive."""

    name: str
    start: Callable[[], Any]
    process: Any
    restarts: list[float] = field(default_factory=list)


def keep_alive(children: list[Child], now: float) -> bool:
    """Restart every child that stopped; False when one stopped MAX_RESTARTS times within RESTART_WINDOW_S.

    While the action server restarts, the Rasa server answers families with the apology (bot/faults.py);
    while the Rasa server restarts, the widget shows that the chat is not reachable and reconnects.
    """
    for child in children:
        code = child.process.poll()
        if code is None:
            continue
        child.restarts = [t for t in child.restarts if now - t < RESTART_WINDOW_S]
        if len(child.restarts) >= MAX_RESTARTS:
            print(
                f"{child.name} ist {MAX_RESTARTS}-mal in {RESTART_WINDOW_S / 60:.0f} Minuten ausgefallen; "
                "Familien-Lotse wird beendet. Bitte die Ausgabe oben prüfen.",
                file=sys.stderr,
                flush=True,
            )
            return False
        print(f"{child.name} wurde beendet (Code {code}) und wird neu gestartet.", file=sys.stderr, flush=True)
        child.process = child.start()
        child.restarts.append(now)
    return True


def wait_for_servers(config: Settings, processes: list[subprocess.Popen[bytes]]) -> None:
    """Return once the action server and the Rasa server both answer."""
    wait_until_up(f"http://127.0.0.1:{config.action_port}/health", processes)
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


def _exit_on_sigterm(*_: object) -> None:
    raise SystemExit(0)


def run() -> int:
    """Run everything in the foreground until Ctrl-C."""
    config = settings()
    sync_sample_offers()
    model = ensure_model()
    children = [Child(name, start, start()) for name, start in server_starters(model, config)]
    signal.signal(signal.SIGTERM, _exit_on_sigterm)  # leave the loop; `finally` stops the servers
    try:
        wait_for_servers(config, [c.process for c in children])
        print(
            "\nFamilien-Lotse läuft.\n"
            f"  Widget-Demo im Browser:  {config.base_url}/webchat/\n"
            f"  Chat über REST:  curl -s {config.base_url}/webhooks/rest/webhook "
            "-H 'Content-Type: application/json' "
            '-d \'{"sender": "test", "message": "Mein Sohn ist 4 und wir suchen einen Kitaplatz"}\'\n'
            "  Beenden: Strg-C\n",
            flush=True,
        )
        while keep_alive(children, time.monotonic()):
            time.sleep(1)
        return 1
    except KeyboardInterrupt:
        return 0
    finally:
        stop([c.process for c in children])
