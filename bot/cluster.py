"""`lotse cluster`: the production topology on one machine, for tests and demos (`make cluster`).

    nginx 127.0.0.1:8080 ──┬── Rasa 127.0.0.1:5005 ─┐            PostgreSQL lotse_cluster (tracker + offers)
      (REST round robin,   └── Rasa 127.0.0.1:5006 ─┴─ nginx 127.0.0.1:8081 ─┬─ actions 127.0.0.1:5055
       Socket.IO sticky)        Redis db 1: lock store + Socket.IO messages   └─ actions 127.0.0.1:5056

Debian's supervisord keeps the five processes running (a crashed one is started again); every setting
is an environment variable in the generated supervisord.conf, built with lotse.settings.environment().
The configuration files are generated into var/cluster/ from the templates in deploy/cluster/; the
locations nginx passes on are deploy/nginx/lotse-locations.conf, the same file the real server includes.
Every process is started as `lotse serve rasa|actions --port N`, as under systemd (deploy/systemd/).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from bot.model import PROJECT_ROOT, ensure_model
from lotse.settings import Database, Settings, environment

DEPLOY_DIR = PROJECT_ROOT / "deploy"
TEMPLATES = DEPLOY_DIR / "cluster"
LOCATIONS = DEPLOY_DIR / "nginx" / "lotse-locations.conf"
START_TIMEOUT_S = 300  # two Rasa servers loading their model at once on 2 cores: ~60–90 s
FAIL_TIMEOUT_S = 10  # nginx leaves a server that refused a connection out this long (max_fails=1)
STOP_TIMEOUT_S = 60
# marks every process supervisord starts (and supervisord itself), so `stop` finds exactly ours
MARKER = "LOTSE_CLUSTER"
# Rasa's lock store: a ticket of a killed instance blocks its conversation this long (Rasa's default: 60 s)
LOCK_LIFETIME_S = 20
PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")
SBIN_PATH = os.pathsep.join(("/usr/local/sbin", "/usr/sbin", "/sbin"))
# the local PostgreSQL server (trust authentication), logged in to its maintenance database
LOCAL_POSTGRES = Database("postgresql", "postgres", "127.0.0.1", 5432, "postgres")


@dataclass(frozen=True)
class Cluster:
    """Where the cluster lives and which ports, database and Redis database it uses."""

    var_dir: Path = PROJECT_ROOT / "var" / "cluster"
    nginx_port: int = 8080
    actions_proxy_port: int = 8081  # nginx in front of the action servers, for the Rasa instances only
    rasa_ports: tuple[int, ...] = (5005, 5006)
    action_ports: tuple[int, ...] = (5055, 5056)
    database: str = "lotse_cluster"
    # the PostgreSQL server, with the login that may create `database` (its own database: the one to log in to)
    postgres: Database = LOCAL_POSTGRES
    redis_url: str = "redis://127.0.0.1:6379/1"
    requests_per_s: int = 10  # nginx's limit per client address (deploy/nginx/lotse.conf: the same)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.nginx_port}"

    @property
    def supervisord_conf(self) -> Path:
        return self.var_dir / "supervisord.conf"

    @property
    def nginx_conf(self) -> Path:
        return self.var_dir / "nginx.conf"

    @property
    def logs(self) -> Path:
        return self.var_dir / "logs"

    @property
    def tracker_db(self) -> Database:
        return replace(self.postgres, database=self.database)

    @property
    def ports(self) -> tuple[int, ...]:
        return (self.nginx_port, self.actions_proxy_port, *self.rasa_ports, *self.action_ports)

    def rasa_program(self, port: int) -> str:
        return f"rasa-{port}"

    def actions_program(self, port: int) -> str:
        return f"actions-{port}"

    def settings(self) -> Settings:
        """What every process of the cluster runs with: PostgreSQL, Redis, the action servers behind nginx."""
        return Settings(
            host="127.0.0.1",
            port=self.rasa_ports[0],
            action_port=self.action_ports[0],
            action_url=f"http://127.0.0.1:{self.actions_proxy_port}/webhook",
            var_dir=self.var_dir,
            offers_db=self.tracker_db,
            tracker_db=self.tracker_db,
            redis_url=self.redis_url,
            webchat_origins=(self.url, f"http://localhost:{self.nginx_port}"),
            webchat_secret=webchat_secret(self.var_dir),
        )


def webchat_secret(var_dir: Path) -> str:
    """One widget session key for all instances, made once and kept in var_dir (the widget's own file name)."""
    path = var_dir / "webchat-secret"
    if not path.exists():
        var_dir.mkdir(parents=True, exist_ok=True)
        path.touch(mode=0o600)
        path.write_text(secrets.token_hex(32), encoding="utf-8")
    return path.read_text(encoding="utf-8").strip()


# ---------------------------------------------------------------- configuration files


def render(template: str, values: Mapping[str, str]) -> str:
    """Fill {{name}} placeholders; a placeholder without a value is an error, not an empty string."""
    missing = sorted(set(PLACEHOLDER.findall(template)) - values.keys())
    if missing:
        raise KeyError(f"no value for {', '.join(missing)}")
    return PLACEHOLDER.sub(lambda match: values[match.group(1)], template)


def _template(name: str) -> str:
    return (TEMPLATES / name).read_text(encoding="utf-8")


def _indent(text: str, spaces: int) -> str:
    return "\n".join(" " * spaces + line if line.strip() else "" for line in text.splitlines())


def _user_directive() -> str:
    """nginx's workers as the current user; the directive only counts (and is only allowed quietly) for root."""
    if os.geteuid() != 0:
        return ""
    import pwd  # not on Windows; the cluster is Linux-only anyway

    return f"user {pwd.getpwuid(os.geteuid()).pw_name};\n"


def nginx_config(cluster: Cluster) -> str:
    def servers(ports: Iterable[int]) -> str:
        return "\n".join(
            f"        server 127.0.0.1:{port} max_fails=1 fail_timeout={FAIL_TIMEOUT_S}s;" for port in ports
        )

    return render(
        _template("nginx.conf.template"),
        {
            "var_dir": str(cluster.var_dir),
            "user": _user_directive(),
            "requests_per_s": str(cluster.requests_per_s),
            "rasa_servers": servers(cluster.rasa_ports),
            "action_servers": servers(cluster.action_ports),
            "nginx_port": str(cluster.nginx_port),
            "actions_proxy_port": str(cluster.actions_proxy_port),
            "action_url": cluster.settings().action_url,
            "locations": _indent(LOCATIONS.read_text(encoding="utf-8"), 8),
        },
    )


def _supervisor_value(value: str) -> str:
    """One value of supervisor's environment= line: quoted (commas), % doubled (its interpolation)."""
    if "\n" in value or ('"' in value and "'" in value) or value.strip("\"'") != value:
        raise ValueError("a cluster setting must not contain a newline, both kinds of quotes or start/end with one")
    quote = "'" if '"' in value else '"'
    return quote + value.replace("%", "%%") + quote


def program_environment(cluster: Cluster) -> dict[str, str]:
    """The environment of every program: the cluster's settings, plus Rasa's lock lifetime."""
    return {
        **environment(cluster.settings()),
        "TICKET_LOCK_LIFETIME": str(LOCK_LIFETIME_S),
        "PYTHONUNBUFFERED": "1",
        "RASA_TELEMETRY_ENABLED": "false",
    }


def _lotse_command(*args: str) -> str:
    """`lotse …` as the venv runs it (the same entry point systemd uses)."""
    script = Path(sys.executable).with_name("lotse")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "bot.cli"]
    return shlex.join([*command, *args])


def nginx_binary() -> str:
    found = shutil.which("nginx", path=os.pathsep.join((os.environ.get("PATH", ""), SBIN_PATH)))
    if not found:
        raise SystemExit("nginx fehlt: `make cluster-deps` (oder: sudo apt-get install nginx-light supervisor).")
    return found


def _supervisor_binary(name: str) -> str:
    found = shutil.which(name, path=os.pathsep.join((os.environ.get("PATH", ""), SBIN_PATH)))
    if not found:
        raise SystemExit(f"{name} fehlt: `make cluster-deps` (oder: sudo apt-get install nginx-light supervisor).")
    return found


def supervisord_config(cluster: Cluster, model: Path) -> str:
    env = ",".join(f"{key}={_supervisor_value(value)}" for key, value in program_environment(cluster).items())
    nginx = shlex.join([nginx_binary(), "-p", f"{cluster.var_dir}/nginx/", "-c", str(cluster.nginx_conf)])
    programs = [
        *(
            (cluster.actions_program(port), _lotse_command("serve", "actions", "--port", str(port)), 100, 5, "TERM")
            for port in cluster.action_ports
        ),
        *(
            (
                cluster.rasa_program(port),
                _lotse_command("serve", "rasa", "--port", str(port), "--model", str(model)),
                200,
                10,
                "TERM",
            )
            for port in cluster.rasa_ports
        ),
        ("nginx", nginx, 300, 2, "QUIT"),  # QUIT: finish the requests in flight, then stop
    ]
    template = _template("program.conf.template")
    sections = [
        render(
            template,
            {
                "name": name,
                "command": command.replace("%", "%%"),
                "project_root": str(PROJECT_ROOT),
                "environment": env,
                "priority": str(priority),
                "startsecs": str(startsecs),
                "stopsignal": stopsignal,
                "var_dir": str(cluster.var_dir),
            },
        )
        for name, command, priority, startsecs, stopsignal in programs
    ]
    return render(
        _template("supervisord.conf.template"),
        {"var_dir": str(cluster.var_dir), "project_root": str(PROJECT_ROOT), "programs": "\n".join(sections)},
    )


def write_configs(cluster: Cluster, model: Path) -> tuple[Path, Path]:
    """var_dir/supervisord.conf (mode 600: it holds the settings) and var_dir/nginx.conf."""
    for folder in (cluster.var_dir, cluster.logs, cluster.var_dir / "nginx"):
        folder.mkdir(parents=True, exist_ok=True)
    cluster.nginx_conf.write_text(nginx_config(cluster), encoding="utf-8")
    cluster.supervisord_conf.touch(mode=0o600)
    cluster.supervisord_conf.chmod(0o600)
    cluster.supervisord_conf.write_text(supervisord_config(cluster, model), encoding="utf-8")
    return cluster.supervisord_conf, cluster.nginx_conf


def check_nginx_config(cluster: Cluster) -> subprocess.CompletedProcess[str]:
    """`nginx -t` on the generated file (returncode 0 when nginx accepts it)."""
    command = [nginx_binary(), "-t", "-q", "-p", f"{cluster.var_dir}/nginx/", "-c", str(cluster.nginx_conf)]
    return subprocess.run(command, capture_output=True, text=True, check=False)


# ---------------------------------------------------------------- database


def _connect(db: Database) -> Any:
    import psycopg2

    return psycopg2.connect(
        host=db.host, port=db.port, user=db.username, password=db.password, dbname=db.database, connect_timeout=5
    )


def ensure_database(cluster: Cluster) -> bool:
    """Create the cluster's database when it is missing; True when it was created."""
    from psycopg2 import sql

    connection = _connect(cluster.postgres)
    connection.autocommit = True
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", (cluster.database,))
            if cursor.fetchone():
                return False
            cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(cluster.database)))
            return True
    finally:
        connection.close()


def drop_database(cluster: Cluster) -> None:
    """Remove the cluster's database (tests and benchmarks clean up with it); the cluster must be stopped."""
    from psycopg2 import sql

    connection = _connect(cluster.postgres)
    connection.autocommit = True
    try:
        with connection.cursor() as cursor:
            cursor.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(cluster.database)))
    finally:
        connection.close()


def sync_offers(cluster: Cluster) -> int:
    """The sample offers into the cluster's database (as `lotse offers sync`); the number of offers."""
    from offers_db.db import make_engine
    from offers_db.loader import load_offers
    from offers_db.repository import OfferRepository

    result = load_offers()
    if result.issues:
        for issue in result.issues:
            print(issue, file=sys.stderr)
        raise SystemExit("Die Angebote enthalten Fehler; bitte zuerst `lotse offers validate` beheben.")
    engine = make_engine(cluster.tracker_db.url)
    try:
        OfferRepository(engine).sync(result.offers)
    finally:
        engine.dispose()
    return len(result.offers)


def user_events(cluster: Cluster, sender_ids: Iterable[str]) -> dict[str, list[str]]:
    """The texts of the `user` events in the tracker store, per conversation, in stored order."""
    wanted = list(sender_ids)
    found: dict[str, list[str]] = {sender: [] for sender in wanted}
    if not wanted:
        return found
    connection = _connect(cluster.tracker_db)
    try:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT sender_id, data FROM events WHERE type_name = 'user' AND sender_id = ANY(%s) ORDER BY id",
                (wanted,),
            )
            for sender, data in cursor.fetchall():
                found[sender].append(json.loads(data).get("text") or "")
    finally:
        connection.close()
    return found


# ---------------------------------------------------------------- processes


def supervisorctl(cluster: Cluster, *args: str, timeout_s: float = 60) -> subprocess.CompletedProcess[str]:
    command = [_supervisor_binary("supervisorctl"), "-c", str(cluster.supervisord_conf), *args]
    return subprocess.run(command, capture_output=True, text=True, check=False, timeout=timeout_s)


def supervisord_running(cluster: Cluster) -> bool:
    if not cluster.supervisord_conf.exists():
        return False
    result = supervisorctl(cluster, "pid")
    return result.returncode == 0 and result.stdout.strip().isdigit()


def program_pid(cluster: Cluster, program: str) -> int:
    """The pid of one running program (0 when it is not running)."""
    output = supervisorctl(cluster, "pid", program).stdout.strip()
    return int(output) if output.isdigit() else 0


def program_states(cluster: Cluster) -> dict[str, str]:
    """supervisor's state per program: RUNNING, STARTING, BACKOFF, FATAL, …"""
    states = {}
    for line in supervisorctl(cluster, "status").stdout.splitlines():
        parts = line.split()
        if len(parts) >= 2:
            states[parts[0]] = parts[1]
    return states


def _processes() -> dict[int, tuple[int, str, bytes]]:
    """pid → (parent pid, command line, raw environment) of every process we may read."""
    table = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace").strip()
            try:
                environ = (entry / "environ").read_bytes()
            except PermissionError:
                environ = b""
        except (FileNotFoundError, ProcessLookupError, PermissionError, IndexError, ValueError):
            continue
        table[int(entry.name)] = (ppid, cmdline, environ)
    return table


def our_processes(cluster: Cluster) -> list[int]:
    """supervisord, nginx and the servers of this cluster: marked in their environment, or nginx started with
    our config (nginx rewrites its environment for its process title), and all their children."""
    marker = f"{MARKER}={cluster.var_dir}".encode()
    table = _processes()
    nginx = str(cluster.nginx_conf)
    ours = {
        pid
        for pid, (_, cmdline, environ) in table.items()
        if marker in environ.split(b"\0") or (cmdline.startswith("nginx: master") and nginx in cmdline)
    }
    grew = True
    while grew:
        children = {pid for pid, (ppid, _, _) in table.items() if ppid in ours} - ours
        ours |= children
        grew = bool(children)
    ours.discard(os.getpid())
    return sorted(ours)


def port_in_use(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def answers(url: str) -> bool:
    """GET `url` gives 2xx."""
    try:
        with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - our own localhost URL
            return 200 <= response.status < 300
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return False


def server_health_urls(cluster: Cluster) -> list[str]:
    """Each action server and Rasa server asked directly."""
    return [
        *(f"http://127.0.0.1:{port}/health" for port in cluster.action_ports),
        *(f"http://127.0.0.1:{port}/" for port in cluster.rasa_ports),
    ]


def nginx_health_urls(cluster: Cluster) -> list[str]:
    """The same servers through nginx (the families' and the Rasa servers' way in)."""
    return [f"{cluster.url}/", f"http://127.0.0.1:{cluster.actions_proxy_port}/health"]


def health_urls(cluster: Cluster) -> list[str]:
    return server_health_urls(cluster) + nginx_health_urls(cluster)


def _log_tail(cluster: Cluster, program: str, lines: int = 30) -> str:
    path = cluster.logs / f"{program}.log"
    if not path.exists():
        return ""
    return "\n".join(path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])


def wait_until_healthy(cluster: Cluster, timeout_s: float = START_TIMEOUT_S) -> None:
    """Return once nginx and every server answer; stop early when supervisor gave a program up.

    nginx is asked only once every server answers directly: a request through nginx to a server still loading
    its model marks that server failed for `fail_timeout` (10 s), and a family whose own server died in that
    window got "no live upstreams" (502) although the other one was up (seen once the servers started faster).
    """
    deadline = time.monotonic() + timeout_s
    pending = server_health_urls(cluster)
    through_nginx = nginx_health_urls(cluster)
    while time.monotonic() < deadline:
        pending = [url for url in pending if not answers(url)]
        if not pending and through_nginx:
            pending, through_nginx = [url for url in through_nginx if not answers(url)], []
        if not pending and not through_nginx:
            return
        failed = [name for name, state in program_states(cluster).items() if state in ("FATAL", "EXITED", "STOPPED")]
        if failed:
            tails = "\n".join(f"--- {name} ---\n{_log_tail(cluster, name)}" for name in failed)
            raise RuntimeError(f"supervisor hat aufgegeben: {', '.join(failed)}\n{tails}")
        time.sleep(1)
    raise TimeoutError(f"nach {timeout_s:.0f} s antworten noch nicht: {', '.join(pending)} (Logs: {cluster.logs})")


def _supervisord_environment(cluster: Cluster) -> dict[str, str]:
    """Our environment without the developer's own bot settings (the programs get the cluster's), plus the marker."""
    kept = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("LOTSE_", "TELEGRAM_")) and key != "DATABASE_URL"
    }
    return {**kept, MARKER: str(cluster.var_dir)}


def start(cluster: Cluster | None = None, model: Path | None = None, timeout_s: float = START_TIMEOUT_S) -> Cluster:
    """Database, offers, model, configuration; then supervisord, and wait until everything answers."""
    cluster = cluster or Cluster()
    if supervisord_running(cluster):
        print(f"Der Cluster läuft schon ({cluster.var_dir}).", flush=True)
        wait_until_healthy(cluster, timeout_s)
        return cluster
    busy = [port for port in cluster.ports if port_in_use(port)]
    if busy:
        raise SystemExit(
            f"Port {', '.join(map(str, busy))} ist schon belegt (`make run` oder ein anderer Cluster?); "
            "bitte zuerst beenden."
        )
    if ensure_database(cluster):
        print(f"Datenbank {cluster.database} angelegt.", flush=True)
    print(f"Angebote: {sync_offers(cluster)} in {cluster.database}.", flush=True)
    model = model or ensure_model()
    write_configs(cluster, model)
    checked = check_nginx_config(cluster)
    if checked.returncode != 0:
        raise SystemExit(f"nginx lehnt {cluster.nginx_conf} ab:\n{checked.stderr}")
    subprocess.run(
        [_supervisor_binary("supervisord"), "-c", str(cluster.supervisord_conf)],
        env=_supervisord_environment(cluster),
        cwd=PROJECT_ROOT,
        check=True,
    )
    print("Starte nginx, 2 Rasa-Server und 2 Action-Server (etwa eine Minute) …", flush=True)
    try:
        wait_until_healthy(cluster, timeout_s)
    except (RuntimeError, TimeoutError):
        stop(cluster)
        raise
    return cluster


def how_to_chat(cluster: Cluster) -> str:
    relative = cluster.var_dir.relative_to(PROJECT_ROOT) if cluster.var_dir.is_relative_to(PROJECT_ROOT) else None
    logs = f"{relative}/logs/" if relative else str(cluster.logs)
    return (
        f"\nFamilien-Lotse läuft als Cluster: nginx → {len(cluster.rasa_ports)} Rasa-Server, "
        f"{len(cluster.action_ports)} Action-Server; PostgreSQL {cluster.database}, Redis {cluster.redis_url}.\n"
        f"  Widget-Demo im Browser:  {cluster.url}/webchat/\n"
        f"  Chat über REST:  curl -s {cluster.url}/webhooks/rest/webhook -H 'Content-Type: application/json' "
        '-d \'{"sender": "test", "message": "Mein Sohn ist 4 und wir suchen einen Kitaplatz"}\'\n'
        f"  Prozesse:  .venv/bin/lotse cluster status    Logs: {logs}\n"
        "  Beenden:   make cluster-stop\n"
    )


def status(cluster: Cluster | None = None) -> tuple[bool, str]:
    """(everything answers, a readable report)."""
    cluster = cluster or Cluster()
    if not supervisord_running(cluster):
        return False, f"Der Cluster läuft nicht ({cluster.var_dir})."
    lines = [supervisorctl(cluster, "status").stdout.rstrip()]
    reachable = {url: answers(url) for url in health_urls(cluster)}
    lines += [f"{'ok    ' if ok else 'FEHLER'} {url}" for url, ok in reachable.items()]
    return all(reachable.values()), "\n".join(lines)


def stop(cluster: Cluster | None = None, timeout_s: float = STOP_TIMEOUT_S) -> list[int]:
    """`supervisorctl shutdown`, then wait until no process of ours is left (killing stragglers by pid).

    Returns the pids that had to be killed (normally none).
    """
    cluster = cluster or Cluster()
    if supervisord_running(cluster):
        supervisorctl(cluster, "shutdown", timeout_s=timeout_s)
    deadline = time.monotonic() + timeout_s
    while our_processes(cluster) and time.monotonic() < deadline:
        time.sleep(0.5)
    stragglers = our_processes(cluster)
    for pid in stragglers:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + 10
    while our_processes(cluster) and time.monotonic() < deadline:
        time.sleep(0.2)
    return stragglers
