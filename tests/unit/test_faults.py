"""A hung or dead action server gets the family an apology with the Familienzentrum's contact, never silence."""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
from rasa.core.actions.action import ActionExecutionRejection, RemoteAction
from rasa.core.channels.channel import CollectingOutputChannel
from rasa.core.nlg import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, FollowupAction, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig

from bot import faults, metrics
from lotse.settings import PROJECT_ROOT, Settings

CONTACT = "Familienzentrum Alfeld\nMarktplatz 5, 31061 Alfeld (Leine)\n05181 000000"


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(str(PROJECT_ROOT / "domain.yml"))


@pytest.fixture(autouse=True)
def short_deadline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(faults, "settings", lambda: Settings(action_timeout_s=0.3))
    monkeypatch.setattr(faults, "_contact", None)
    monkeypatch.setattr(faults, "_read_contact", lambda: CONTACT)


@pytest.fixture
def hung_server() -> Iterator[str]:
    """Accepts connections and never answers (a hung action server)."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    accepted: list[socket.socket] = []
    threading.Thread(target=lambda: accepted.append(server.accept()[0]), daemon=True).start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}/webhook"
    for connection in accepted:
        connection.close()
    server.close()


def closed_port_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{sock.getsockname()[1]}/webhook"


def run_action(url: str, domain: Domain) -> list[Any]:
    tracker = DialogueStateTracker.from_events(
        "familie-1",
        [
            ActionExecuted("action_listen"),
            UserUttered("Kitaplatz für meinen Sohn (4)", {"name": "need_kinderbetreuung"}),
        ],
        slots=domain.slots,
    )
    action = RemoteAction("action_show_offers", EndpointConfig(url))
    nlg = TemplatedNaturalLanguageGenerator(domain.responses)
    return asyncio.run(faults.run_with_deadline(action, CollectingOutputChannel(), nlg, tracker, domain))


def errors(reason: str) -> float:
    return float(metrics.ACTION_ERRORS.labels(reason=reason)._value.get())


def test_hung_action_server_gets_the_apology_after_the_deadline(hung_server: str, domain: Domain) -> None:
    before = errors("timeout")
    start = time.perf_counter()
    events = run_action(hung_server, domain)
    elapsed = time.perf_counter() - start
    [apology, listen] = events
    assert isinstance(apology, BotUttered) and apology.text is not None
    assert apology.text.startswith("Entschuldigung, bei mir klappt gerade technisch etwas nicht.")
    assert CONTACT in apology.text and "110" in apology.text and "112" in apology.text
    assert listen == FollowupAction("action_listen")
    assert errors("timeout") == before + 1
    assert elapsed < 5, f"waited {elapsed:.1f} s for a 0.3 s deadline"  # Rasa's own limit would be 300 s


def test_dead_action_server_gets_the_apology(domain: Domain) -> None:
    before = errors("unreachable")
    [apology, _] = run_action(closed_port_url(), domain)
    assert isinstance(apology, BotUttered) and apology.text and CONTACT in apology.text
    assert errors("unreachable") == before + 1


def test_without_the_offers_database_the_address_from_the_domain_is_given(
    domain: Domain, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(faults, "_read_contact", lambda: None)
    [apology, _] = run_action(closed_port_url(), domain)
    assert isinstance(apology, BotUttered) and apology.text
    assert "Familienzentrum Alfeld, Marktplatz 5, 31061 Alfeld (Leine)" in apology.text


def test_a_form_validation_rejection_is_dialogue_not_a_fault(domain: Domain, monkeypatch: pytest.MonkeyPatch) -> None:
    async def reject(*_args: Any) -> list[Any]:
        raise ActionExecutionRejection("validate_contact_form")

    monkeypatch.setattr(faults, "_original_run", reject)
    with pytest.raises(ActionExecutionRejection):
        run_action(closed_port_url(), domain)


def test_a_working_action_server_is_not_touched(domain: Domain, monkeypatch: pytest.MonkeyPatch) -> None:
    async def answer(*_args: Any) -> list[Any]:
        return [BotUttered("Hier sind Angebote")]

    monkeypatch.setattr(faults, "_original_run", answer)
    assert run_action(closed_port_url(), domain) == [BotUttered("Hier sind Angebote")]
