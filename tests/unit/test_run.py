"""`lotse run` keeps its servers alive: a stopped server is started again, but not forever; their environment."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.run import MAX_RESTARTS, RESTART_WINDOW_S, Child, keep_alive, server_environment
from lotse.settings import local


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


def test_servers_use_one_thread_for_numpy_and_tensorflow_unless_the_operator_says_otherwise(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("OPENBLAS_NUM_THREADS", "GOMP_SPINCOUNT", "TF_INTRA_OP_PARALLELISM_THREADS"):
        monkeypatch.delenv(name, raising=False)
    env = server_environment(local(tmp_path, port=5199, action_port=5198))
    assert (env["OPENBLAS_NUM_THREADS"], env["GOMP_SPINCOUNT"], env["TF_INTRA_OP_PARALLELISM_THREADS"]) == (
        "1",
        "1000",
        "1",
    )
    monkeypatch.setenv("OPENBLAS_NUM_THREADS", "2")
    assert server_environment(local(tmp_path, port=5199, action_port=5198))["OPENBLAS_NUM_THREADS"] == "2"
    assert env["SANIC_HOST"] == "127.0.0.1" and env["RASA_TELEMETRY_ENABLED"] == "false"
