"""The local cluster's generated configuration and the deployment files in deploy/ (no servers started)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

import bot.model
from bot.channels.webchat import client_manager
from bot.cli import build_parser, serving_model
from bot.cluster import (
    DEPLOY_DIR,
    LOCATIONS,
    Cluster,
    _supervisor_value,
    check_nginx_config,
    nginx_binary,
    nginx_health_urls,
    render,
    server_health_urls,
    wait_until_healthy,
    write_configs,
)
from lotse.settings import Database, Settings, Telegram, environment, from_environment

SUPERVISOR_PYTHON = Path("/usr/bin/python3")  # Debian's supervisor lives in the system Python
READ_SUPERVISOR_CONFIG = """
import json, sys
from supervisor.options import ServerOptions
options = ServerOptions()
options.realize(["-c", sys.argv[1]])
print(json.dumps({
    p.name: {"command": p.command, "autorestart": p.autorestart.__name__, "environment": p.environment,
             "startsecs": p.startsecs, "stopasgroup": p.stopasgroup}
    for group in options.process_group_configs for p in group.process_configs
}))
"""


def has_nginx() -> bool:
    try:
        nginx_binary()
        return True
    except SystemExit:
        return False


@pytest.fixture
def cluster(tmp_path: Path) -> Cluster:
    return Cluster(
        var_dir=tmp_path / "cluster",
        nginx_port=18080,
        actions_proxy_port=18081,
        rasa_ports=(15005, 15006),
        action_ports=(15055, 15056),
        database="lotse_cluster_unit",
        redis_url="redis://127.0.0.1:6379/7",
    )


@pytest.fixture
def configs(cluster: Cluster, tmp_path: Path) -> tuple[str, str]:
    if not has_nginx():
        pytest.skip("Debian's nginx is not installed (make cluster-deps)")
    model = tmp_path / "lotse-test.tar.gz"
    model.write_bytes(b"")
    supervisord, nginx = write_configs(cluster, model)
    return supervisord.read_text(encoding="utf-8"), nginx.read_text(encoding="utf-8")


def block(config: str, opening: str) -> str:
    """The text of the block that starts with `opening` up to its closing brace (no nested blocks)."""
    start = config.index(opening)
    return config[start : config.index("}", start) + 1]


def test_nginx_upstreams_sticky_socketio_and_limits(configs: tuple[str, str]) -> None:
    _, nginx = configs
    for name in ("upstream lotse_rasa {", "upstream lotse_rasa_sticky {"):
        upstream = block(nginx, name)
        assert "server 127.0.0.1:15005 " in upstream and "server 127.0.0.1:15006 " in upstream
    assert "hash $binary_remote_addr consistent;" in block(nginx, "upstream lotse_rasa_sticky {")
    assert "hash" not in block(nginx, "upstream lotse_rasa {")  # REST: round robin
    actions = block(nginx, "upstream lotse_actions {")
    assert "127.0.0.1:15055" in actions and "127.0.0.1:15056" in actions
    socketio = block(nginx, "location /socket.io/ {")
    assert "proxy_pass http://lotse_rasa_sticky;" in socketio
    assert "proxy_set_header Upgrade $http_upgrade;" in socketio
    assert "proxy_set_header Connection $connection_upgrade;" in socketio
    assert "proxy_pass http://lotse_rasa;" in block(nginx, "location /webhooks/ {")
    assert "limit_req_zone $binary_remote_addr zone=lotse_chat:10m rate=10r/s;" in nginx
    assert re.search(r"limit_req zone=lotse_chat burst=\d+ nodelay;", nginx)
    assert "limit_req_status 429;" in nginx
    assert "proxy_next_upstream error timeout;" in nginx
    assert "non_idempotent" not in nginx  # a message that reached an instance is never sent to a second one
    assert "server_tokens off;" in nginx
    assert re.search(r"client_max_body_size \d+k;", nginx)
    assert "listen 127.0.0.1:18080;" in nginx and "listen 127.0.0.1:18081;" in nginx
    assert "daemon off;" in nginx
    # nothing outside the project's var dir: pid, logs and temp files
    var_dir = str(Path(block(nginx, "http {").split("client_body_temp_path ")[1].split()[0]).parents[1])
    for directive in ("pid", "error_log", "access_log", "client_body_temp_path", "proxy_temp_path"):
        paths = re.findall(rf"^\s*{directive} (\S+)", nginx, flags=re.MULTILINE)
        assert paths and all(path.rstrip(";").startswith(var_dir) for path in paths), directive


def test_rasa_http_api_and_metrics_are_not_passed_outside(configs: tuple[str, str]) -> None:
    _, nginx = configs
    public = nginx[nginx.index("listen 127.0.0.1:18080;") : nginx.index("listen 127.0.0.1:18081;")]
    prefixes = re.findall(r"location (=\s)?(\S+) \{", public)
    assert {path for _, path in prefixes} == {"/socket.io/", "/webhooks/", "/webchat/", "/", "/ops/health"}
    assert "return 404;" in block(public, "location / {")


def test_nginx_accepts_the_generated_file(cluster: Cluster, configs: tuple[str, str]) -> None:
    checked = check_nginx_config(cluster)
    assert checked.returncode == 0, checked.stderr


def test_supervisord_config_restarts_and_carries_the_cluster_settings(
    cluster: Cluster, configs: tuple[str, str]
) -> None:
    if not SUPERVISOR_PYTHON.exists() or not shutil.which("supervisord", path="/usr/bin:/usr/local/bin"):
        pytest.skip("Debian's supervisor is not installed (make cluster-deps)")
    supervisord, _ = configs
    assert cluster.supervisord_conf.stat().st_mode & 0o077 == 0  # it holds the widget secret
    assert supervisord.count("autorestart=true") == 5
    read = subprocess.run(
        [str(SUPERVISOR_PYTHON), "-c", READ_SUPERVISOR_CONFIG, str(cluster.supervisord_conf)],
        capture_output=True,
        text=True,
        check=True,
    )
    programs = json.loads(read.stdout)
    assert set(programs) == {"rasa-15005", "rasa-15006", "actions-15055", "actions-15056", "nginx"}
    assert {p["autorestart"] for p in programs.values()} == {"RestartUnconditionally"}
    assert all(p["stopasgroup"] for p in programs.values())
    assert programs["rasa-15005"]["command"].endswith("serve rasa --port 15005 --model " + str(
        cluster.var_dir.parent / "lotse-test.tar.gz"
    ))  # fmt: skip
    assert programs["actions-15056"]["command"].endswith("serve actions --port 15056")
    assert programs["nginx"]["command"].endswith(f"-c {cluster.nginx_conf}")
    # what supervisor hands to each program reads back as exactly the cluster's settings
    env = programs["rasa-15006"]["environment"]
    assert from_environment(env) == cluster.settings()
    assert env["TICKET_LOCK_LIFETIME"] == "20"
    settings = cluster.settings()
    assert (
        settings.tracker_db
        == settings.offers_db
        == Database("postgresql", "lotse_cluster_unit", "127.0.0.1", 5432, "postgres")
    )
    assert settings.redis_url == "redis://127.0.0.1:6379/7"
    assert settings.action_url == "http://127.0.0.1:18081/webhook"  # the action servers through nginx
    assert set(settings.webchat_origins) == {"http://127.0.0.1:18080", "http://localhost:18080"}
    assert settings.webchat_secret and len(settings.webchat_secret) == 64


def test_the_widget_secret_is_made_once(cluster: Cluster) -> None:
    first = cluster.settings().webchat_secret
    assert Cluster(var_dir=cluster.var_dir).settings().webchat_secret == first
    assert (cluster.var_dir / "webchat-secret").stat().st_mode & 0o077 == 0


def test_supervisor_values_are_quoted_and_escaped() -> None:
    assert _supervisor_value("") == '""'
    assert _supervisor_value("a,b") == '"a,b"'
    assert _supervisor_value("50%") == '"50%%"'  # supervisor interpolates %(…)s
    assert _supervisor_value('say "hi" now') == "'say \"hi\" now'"
    for bad in ("line\nbreak", "both ' and \"", '"quoted"'):
        with pytest.raises(ValueError):
            _supervisor_value(bad)


def test_a_template_placeholder_without_value_is_an_error() -> None:
    assert render("a {{x}} b", {"x": "1"}) == "a 1 b"
    with pytest.raises(KeyError, match="y"):
        render("{{x}} {{y}}", {"x": "1"})


def test_widget_uses_redis_between_instances_only_when_configured() -> None:
    assert client_manager(None) is None
    manager = client_manager("redis://127.0.0.1:6379/3")
    assert manager is not None and manager.channel == "lotse-webchat-3"


def test_cli_has_cluster_and_serve_commands() -> None:
    parser = build_parser()
    for command in ("start", "stop", "status"):
        assert parser.parse_args(["cluster", command]).handler.__name__ == f"cluster_{command}"
    args = parser.parse_args(["serve", "rasa", "--port", "5006"])
    assert (args.server, args.port, args.handler.__name__) == ("rasa", 5006, "serve_server")
    assert parser.parse_args(["serve", "actions"]).port is None  # then LOTSE_ACTION_PORT


# ---------------------------------------------------------------- deploy/ for the real server


def env_file(path: Path) -> dict[str, str]:
    pairs = (line.split("=", 1) for line in path.read_text(encoding="utf-8").splitlines() if re.match(r"^\w+=", line))
    return dict(pairs)


def test_env_example_names_every_setting_and_reads_as_a_cluster() -> None:
    example = env_file(DEPLOY_DIR / "lotse.env.example")
    telegram = Telegram(
        token="t", webhook_url="https://x", secret="s", staff_file="f", api_server="a", staff_chat_id="1"
    )
    every = environment(Settings(telegram=telegram))
    missing = sorted(set(every) - set(example))
    assert missing == [], f"deploy/lotse.env.example lacks {missing}"
    text = (DEPLOY_DIR / "lotse.env.example").read_text(encoding="utf-8")
    for name in example:  # each variable has its German comment right above it (or above its group)
        assert re.search(rf"#[^\n]*\n(?:\w+=[^\n]*\n)*{name}=", text), name
    settings = from_environment(example)
    assert settings.tracker_db.dialect == "postgresql" and settings.offers_db.dialect == "postgresql"
    assert settings.redis_url and settings.action_url == "http://127.0.0.1:8081/webhook"
    assert settings.telegram is None


def test_the_real_server_and_the_cluster_share_locations_and_limits(cluster: Cluster) -> None:
    site = (DEPLOY_DIR / "nginx" / "lotse.conf").read_text(encoding="utf-8")
    assert "include /etc/nginx/snippets/lotse-locations.conf;" in block(site, "listen 443 ssl")
    assert f"rate={Cluster().requests_per_s}r/s;" in site
    assert "hash $binary_remote_addr consistent;" in block(site, "upstream lotse_rasa_sticky {")
    assert "return 301 https://$host$request_uri;" in site
    assert "LOTSE_ACTION_URL=http://127.0.0.1:8081/webhook" in site
    assert "limit_req zone=lotse_chat" in LOCATIONS.read_text(encoding="utf-8")


def test_nginx_accepts_the_real_server_site(tmp_path: Path) -> None:
    """deploy/nginx/lotse.conf inside an http block, with a throw-away certificate and the snippet path rewritten."""
    if not has_nginx() or not shutil.which("openssl"):
        pytest.skip("needs nginx and openssl")
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=lotse.example.de",
         "-keyout", str(key), "-out", str(cert)],
        capture_output=True, check=True,
    )  # fmt: skip
    site = (DEPLOY_DIR / "nginx" / "lotse.conf").read_text(encoding="utf-8")
    site = site.replace("/etc/letsencrypt/live/lotse.example.de/fullchain.pem", str(cert))
    site = site.replace("/etc/letsencrypt/live/lotse.example.de/privkey.pem", str(key))
    site = site.replace("/etc/nginx/snippets/lotse-locations.conf", str(LOCATIONS))
    site = site.replace("/var/log/nginx/", f"{tmp_path}/")
    (tmp_path / "site.conf").write_text(site, encoding="utf-8")
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\nevents {{}}\n"
        f"http {{\n  client_body_temp_path {tmp_path}/body;\n  proxy_temp_path {tmp_path}/proxy;\n"
        f"  access_log off;\n  include {tmp_path}/site.conf;\n}}\n",
        encoding="utf-8",
    )
    checked = subprocess.run(
        [nginx_binary(), "-t", "-q", "-p", f"{tmp_path}/", "-c", str(tmp_path / "nginx.conf")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 0, checked.stderr


def test_systemd_units_verify(tmp_path: Path) -> None:
    """systemd-analyze accepts the units (the venv path and the user swapped for ones this machine has)."""
    analyze = shutil.which("systemd-analyze")
    if not analyze:
        pytest.skip("systemd-analyze is not installed")
    units = DEPLOY_DIR / "systemd"
    for unit in units.iterdir():
        text = unit.read_text(encoding="utf-8")
        if unit.suffix == ".service":
            assert "EnvironmentFile=/etc/familien-lotse/lotse.env" in text and "User=lotse" in text
            for hardening in ("NoNewPrivileges=yes", "ProtectSystem=strict", "ReadWritePaths=/srv/familien-lotse/var"):
                assert hardening in text, (unit.name, hardening)
        text = text.replace("/srv/familien-lotse/.venv/bin/lotse", "/bin/echo")
        text = text.replace("User=lotse", "User=root").replace("Group=lotse", "Group=root")
        name = unit.name.replace("@.service", "@5005.service")
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert "Restart=on-failure" in (units / "lotse-rasa@.service").read_text(encoding="utf-8")
    assert "ExecStart=/srv/familien-lotse/.venv/bin/lotse privacy purge" in (units / "lotse-purge.service").read_text()
    assert "OnCalendar=" in (units / "lotse-purge.timer").read_text(encoding="utf-8")
    assert (
        "ExecStart=/srv/familien-lotse/.venv/bin/lotse requests notify" in (units / "lotse-notify.service").read_text()
    )
    assert "OnUnitActiveSec=5min" in (units / "lotse-notify.timer").read_text(encoding="utf-8")
    verified = subprocess.run(
        [analyze, "verify", "--man=no", *sorted(str(p) for p in tmp_path.iterdir())],
        capture_output=True,
        text=True,
        check=False,
    )
    assert verified.returncode == 0, verified.stderr


def test_serve_takes_the_current_model_or_else_the_newest_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(bot.model, "MODELS_DIR", tmp_path)
    current = tmp_path / "lotse-current.tar.gz"
    monkeypatch.setattr(bot.model, "model_path", lambda: current)
    with pytest.raises(SystemExit, match="lotse train"):
        serving_model(None)
    older, newer = tmp_path / "lotse-older.tar.gz", tmp_path / "lotse-newer.tar.gz"
    older.write_bytes(b"")
    newer.write_bytes(b"")
    os.utime(older, (1, 1))
    assert serving_model(None) == newer  # e.g. after `git pull`, before `lotse train`
    assert "lotse train" in capsys.readouterr().err
    current.write_bytes(b"")
    assert serving_model(None) == current
    assert serving_model(older) == older
    with pytest.raises(SystemExit):
        serving_model(tmp_path / "missing.tar.gz")


def test_nginx_is_asked_only_once_every_server_answers(cluster: Cluster, monkeypatch: pytest.MonkeyPatch) -> None:
    """A probe through nginx while a server still loads marks it failed for 10 s (502 if the other one dies then)."""
    asked: list[str] = []
    rounds = {"n": 0}

    def answers(url: str) -> bool:
        asked.append(url)
        return rounds["n"] >= 3 or url.endswith("/health")  # the Rasa servers load for three rounds

    def next_round(_seconds: float) -> None:
        rounds["n"] += 1

    monkeypatch.setattr("bot.cluster.answers", answers)
    monkeypatch.setattr("bot.cluster.program_states", lambda _cluster: {})
    monkeypatch.setattr("bot.cluster.time.sleep", next_round)
    wait_until_healthy(cluster, timeout_s=60)
    first_through_nginx = min(asked.index(url) for url in nginx_health_urls(cluster))
    last_direct = max(i for i, url in enumerate(asked) if url in server_health_urls(cluster))
    assert rounds["n"] == 3 and last_direct < first_through_nginx
    assert set(asked) == set(server_health_urls(cluster)) | set(nginx_health_urls(cluster))
