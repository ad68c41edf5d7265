"""The production topology on this machine (bot/cluster.py): nginx, two Rasa servers, two action servers under
supervisor, PostgreSQL and Redis — on spare ports, in a throw-away folder and database, so a developer's
`make cluster` keeps running. The tests run in file order: a Rasa server is killed in the first and must be
back by the third; the last one stops everything.
"""

from __future__ import annotations

import json
import os
import signal
import threading
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
import socketio
from playwright.sync_api import Browser, expect, sync_playwright

from bot.channels.webchat import client_manager
from bot.cluster import (
    FAIL_TIMEOUT_S,
    Cluster,
    drop_database,
    our_processes,
    port_in_use,
    program_pid,
    program_states,
    start,
    stop,
    user_events,
    wait_until_healthy,
)
from tests.e2e.conftest import free_port
from tests.e2e.test_widget_browser import CHROMIUM, SCREENSHOTS, TIMEOUT_MS, open_chat

pytestmark = [pytest.mark.slow, pytest.mark.postgres]

AGE = 4.0
RESTART_TIMEOUT_S = 150


def spare_ports(count: int) -> list[int]:
    ports: set[int] = set()
    while len(ports) < count:
        ports.add(free_port())
    return sorted(ports)


@pytest.fixture(scope="module")
def cluster(trained_model: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    ports = spare_ports(6)
    running = Cluster(
        var_dir=tmp_path_factory.mktemp("cluster"),
        nginx_port=ports[0],
        actions_proxy_port=ports[1],
        rasa_ports=(ports[2], ports[3]),
        action_ports=(ports[4], ports[5]),
        database=f"lotse_cluster_test_{uuid.uuid4().hex[:8]}",
        redis_url="redis://127.0.0.1:6379/2",
    )
    try:
        start(running, model=trained_model)
        yield running
    finally:
        stop(running)
        drop_database(running)


@pytest.fixture(scope="module")
def killed() -> dict[str, Any]:
    """What the first test killed, for the test that waits for supervisor to bring it back."""
    return {}


def say(cluster: Cluster, sender: str, message: str, port: int | None = None) -> list[dict[str, Any]]:
    """One REST message through nginx (or straight to one Rasa server); fails on any HTTP error."""
    base = f"http://127.0.0.1:{port}" if port else cluster.url
    request = urllib.request.Request(
        f"{base}/webhooks/rest/webhook",
        data=json.dumps({"sender": sender, "message": message}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        return list(json.load(response))


def offers(replies: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [offer for reply in replies for offer in (reply.get("custom") or {}).get("offers", [])]


def texts(replies: list[dict[str, Any]]) -> str:
    return " ".join(reply.get("text") or "" for reply in replies)


def fits_age(offer: dict[str, Any], age: float) -> bool:
    low, high = offer.get("min_age"), offer.get("max_age")
    return (low is None or low <= age) and (high is None or age <= high)


def access_log(cluster: Cluster) -> list[str]:
    return (cluster.logs / "nginx-access.log").read_text(encoding="utf-8").splitlines()


def wait_for(condition: Any, timeout_s: float, what: str) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(what)
        time.sleep(0.5)


def both_servers_in_nginx(cluster: Cluster) -> None:
    """Both Rasa servers answer, and nginx has forgotten that one was down.

    Until then the widget's sticky Socket.IO session may start on one server and move to the other one
    mid-test (a reconnect the widget survives, but a message sent in that moment is lost).
    """
    wait_until_healthy(cluster, RESTART_TIMEOUT_S)
    time.sleep(FAIL_TIMEOUT_S + 1)


def test_conversation_keeps_its_context_when_a_rasa_server_is_killed(cluster: Cluster, killed: dict[str, Any]) -> None:
    sender = uuid.uuid4().hex
    sent = ["Hallo", "Wir suchen einen Kitaplatz für unseren Sohn, er ist 4"]
    assert "Familien-Lotse" in texts(say(cluster, sender, sent[0]))
    first = offers(say(cluster, sender, sent[1]))
    assert first and all("kinderbetreuung" in o["categories"] and fits_age(o, AGE) for o in first)

    victim, survivor = cluster.rasa_ports
    pid = program_pid(cluster, cluster.rasa_program(victim))
    assert pid
    os.kill(pid, signal.SIGKILL)
    wait_for(lambda: not Path(f"/proc/{pid}").exists() and not port_in_use(victim), 10, "killed server still there")
    killed.update(port=victim, pid=pid, sender=sender)
    log_before = len(access_log(cluster))

    # the age said before the kill is remembered: a new topic gets offers for a 4-year-old at once
    sent.append("Und gibt es auch Sportangebote?")
    sports = say(cluster, sender, sent[-1])
    assert "Wie alt" not in texts(sports)
    found = offers(sports)
    assert found and all("freizeit_kultur" in o["categories"] and fits_age(o, AGE) for o in found), found
    for message in ("/more", "/other_topic"):
        sent.append(message)
        replies = say(cluster, sender, message)
        assert replies and all(fits_age(o, AGE) for o in offers(replies))

    # nginx tried the dead server for one of these, then the other one: the family saw no error
    def rest_lines() -> list[str]:
        return [line for line in access_log(cluster)[log_before:] if "POST /webhooks/rest/webhook" in line]

    wait_for(lambda: len(rest_lines()) >= 3, 5, "nginx writes a log line just after the answer")
    after = rest_lines()
    assert len(after) == 3 and all(" 200 " in line for line in after), after
    assert any(f"127.0.0.1:{victim}, 127.0.0.1:{survivor}" in line for line in after), after

    # every message is in the tracker store exactly once, in order (nothing lost, nothing doubled)
    assert user_events(cluster, [sender])[sender] == sent


def test_supervisor_restarts_the_killed_server(cluster: Cluster, killed: dict[str, Any]) -> None:
    assert killed, "the first test did not kill a server"
    port, program = killed["port"], cluster.rasa_program(killed["port"])
    wait_for(
        lambda: program_states(cluster).get(program) == "RUNNING" and port_in_use(port),
        RESTART_TIMEOUT_S,
        f"{program} did not come back",
    )
    assert program_pid(cluster, program) not in (0, killed["pid"])
    # the new process serves the same conversation straight away, from the shared tracker store
    sender = killed["sender"]
    replies = say(cluster, sender, "danke", port=port)
    assert replies
    stored = user_events(cluster, [sender])[sender]
    assert stored[-1] == "danke" and len(stored) == len(set(stored)) == 6


def test_widget_through_nginx(cluster: Cluster) -> None:
    both_servers_in_nginx(cluster)
    assert CHROMIUM.exists(), "Debian chromium is needed: apt-get install chromium (make test does it as root)"
    with sync_playwright() as playwright:
        browser: Browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=["--headless", "--no-sandbox", "--disable-gpu"]
        )
        try:
            page = open_chat(browser, f"{cluster.url}/webchat/")
            page.set_default_timeout(TIMEOUT_MS)
            page.get_by_label("Ihre Nachricht").fill("Kitaplatz für meinen 4-jährigen")
            page.keyboard.press("Enter")
            expect(page.locator(".lotse-card").first).to_be_visible()
            cards = page.locator(".lotse-card").count()
            page.reload()  # the conversation comes back from PostgreSQL, whichever instance answers
            expect(page.locator(".lotse-card")).to_have_count(cards)
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SCREENSHOTS / "cluster-375x667.png"))
            page.close()
        finally:
            browser.close()
    # Socket.IO went through nginx, and no request of it failed there (499: the browser closed a long-poll)
    statuses = [line.split()[3] for line in access_log(cluster) if " /socket.io/ " in line]
    assert "200" in statuses and not [s for s in statuses if s.startswith("5")], statuses


def test_a_reply_from_another_instance_reaches_the_widget_through_redis(cluster: Cluster) -> None:
    """A widget connected to one instance gets what another instance sends to its session (AsyncRedisManager)."""
    connected, received = threading.Event(), threading.Event()
    session: dict[str, Any] = {}
    widget = socketio.Client(reconnection=False)
    widget.on("session_confirm", lambda data: (session.update(data), connected.set()))
    widget.on("bot_uttered", lambda data: (session.update(reply=data), received.set()))
    widget.connect(f"http://127.0.0.1:{cluster.rasa_ports[0]}", transports=["polling"], headers={"Origin": cluster.url})
    try:
        widget.emit("session_request", {})
        assert connected.wait(10)
        manager = client_manager(cluster.redis_url)
        assert manager is not None
        # what the other instance does with a reply for this session: publish it on the cluster's channel
        other = socketio.RedisManager(cluster.redis_url, channel=manager.channel, write_only=True)
        other.emit("bot_uttered", {"text": "Antwort der anderen Instanz"}, namespace="/", room=session["session_id"])
        assert received.wait(10)
        assert session["reply"] == {"text": "Antwort der anderen Instanz"}
    finally:
        widget.disconnect()


def test_widget_conversation_goes_on_when_its_rasa_server_is_killed(cluster: Cluster) -> None:
    """The family in the widget keeps talking: reconnect to the other server, signed session, same context."""
    both_servers_in_nginx(cluster)  # the first test's victim is back
    with sync_playwright() as playwright:
        browser: Browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=["--headless", "--no-sandbox", "--disable-gpu"]
        )
        try:
            log_before = len(access_log(cluster))
            page = open_chat(browser, f"{cluster.url}/webchat/")
            page.set_default_timeout(TIMEOUT_MS)
            page.get_by_label("Ihre Nachricht").fill("Wir suchen eine Kita für unseren Sohn, er ist 4")
            page.keyboard.press("Enter")
            expect(page.locator(".lotse-card").first).to_be_visible()
            cards = page.locator(".lotse-card").count()
            # the server that holds this widget's Socket.IO session (sticky by address)
            served = [line for line in access_log(cluster)[log_before:] if " /socket.io/ " in line and " 200 " in line]
            upstream = served[-1].split("upstream=")[1].split()[0].split(",")[-1].strip()
            victim = int(upstream.rsplit(":", 1)[1])
            pid = program_pid(cluster, cluster.rasa_program(victim))
            os.kill(pid, signal.SIGKILL)
            wait_for(lambda: not port_in_use(victim), 10, "killed server still there")
            # the widget notices, says so, reconnects through nginx to the other server and says that too
            expect(page.get_by_role("alert")).to_contain_text("nicht erreichbar", timeout=30_000)
            expect(page.get_by_role("alert")).to_contain_text("wieder da", timeout=60_000)

            page.get_by_label("Ihre Nachricht").fill("Und gibt es auch Sportangebote für ihn?")
            page.keyboard.press("Enter")
            # new cards after the widget reconnected to the other server (and the dead one's lock expired)
            expect(page.locator(".lotse-card").nth(cards)).to_be_visible(timeout=60_000)
            page.screenshot(path=str(SCREENSHOTS / "cluster-after-kill-375x667.png"))
            texts_shown = page.locator(".lotse-bot").all_inner_texts()
            assert not any("Wie alt" in t for t in texts_shown[-3:]), texts_shown[-3:]  # the age is remembered
            page.close()
        finally:
            browser.close()
    wait_for(lambda: port_in_use(victim), RESTART_TIMEOUT_S, "supervisor did not bring the server back")


def test_a_flood_from_one_address_gets_429(cluster: Cluster) -> None:
    def status(_: int) -> int:
        try:
            with urllib.request.urlopen(f"{cluster.url}/", timeout=10) as response:
                return int(response.status)
        except urllib.error.HTTPError as error:
            return error.code

    time.sleep(6)  # the burst allowance of the earlier tests drains (10 requests/s)
    with ThreadPoolExecutor(max_workers=20) as pool:
        statuses = list(pool.map(status, range(150)))
    assert statuses.count(429) > 0 and statuses.count(200) >= 50, statuses
    assert set(statuses) <= {200, 429}


def test_stop_leaves_nothing_running(cluster: Cluster) -> None:
    assert our_processes(cluster)
    assert stop(cluster) == []  # nothing had to be killed
    assert our_processes(cluster) == []
    assert [port for port in cluster.ports if port_in_use(port)] == []
    assert not (cluster.var_dir / "supervisor.sock").exists()
