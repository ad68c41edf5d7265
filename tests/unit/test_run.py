"""`lotse run` keeps its servers alive: a stopped server is started again, but not forever."""

from __future__ import annotations

import pytest

from bot.run import MAX_RESTARTS, RESTART_WINDOW_S, Child, keep_alive


class FakeProcess:
    def __init__(self, code: int | None = None) -> None:
        self.code = code

    def poll(self) -> int | None:
        return self.code


def test_a_stopped_server_is_started_again_and_a_running_one_left_alone(capsys: pytest.CaptureFixture[str]) -> None:
    started: list[FakeProcess] = []

    def start() -> FakeProcess:
        started.append(FakeProcess())
        return started[-1]

    actions = Child("Aktionsserver", start, FakeProcess(code=-9))
    rasa = Child("Rasa-Server", start, running := FakeProcess())
    assert keep_alive([actions, rasa], now=100.0)
    assert actions.process is started[0] and rasa.process is running and len(started) == 1
    assert actions.restarts == [100.0]
    assert capsys.readouterr().err == "Aktionsserver wurde beendet (Code -9) und wird neu gestartet.\n"


def test_a_server_that_keeps_crashing_stops_lotse_run(capsys: pytest.CaptureFixture[str]) -> None:
    child = Child("Rasa-Server", lambda: FakeProcess(code=1), FakeProcess(code=1))
    for second in range(MAX_RESTARTS):
        assert keep_alive([child], now=float(second))
    assert not keep_alive([child], now=float(MAX_RESTARTS))
    assert capsys.readouterr().err.splitlines()[-1] == (
        "Rasa-Server ist 5-mal in 5 Minuten ausgefallen; Familien-Lotse wird beendet. Bitte die Ausgabe oben prüfen."
    )


def test_old_crashes_are_forgotten() -> None:
    child = Child("Aktionsserver", lambda: FakeProcess(code=1), FakeProcess(code=1))
    for second in range(MAX_RESTARTS):
        assert keep_alive([child], now=float(second))
    assert keep_alive([child], now=RESTART_WINDOW_S + 10)  # the early ones are out of the window
