"""The task runner: database work on one thread that owns the store, results back on the GUI thread."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from consult_desktop.store import Profile
from consult_desktop.ui.task_runner import TaskRunner


@pytest.fixture
def runner(qtbot):
    r = TaskRunner()
    yield r
    r.shutdown()


def test_db_work_runs_on_one_thread_and_results_arrive_on_gui_thread(qtbot, runner: TaskRunner,
                                                                     tmp_path: Path) -> None:
    profile = Profile.resolve(tmp_path / "p")
    profile.create("correct horse battery").close()
    results: list = []
    gui = threading.get_ident()
    runner.open_store(lambda: profile.unlock("correct horse battery"))
    for _ in range(3):
        runner.db(lambda store: (threading.get_ident(), store.stats()["patients"]),
                  lambda value: results.append((value, threading.get_ident())))
    qtbot.waitUntil(lambda: len(results) == 3, timeout=10000)
    db_threads = {value[0] for value, _ in results}
    assert len(db_threads) == 1 and gui not in db_threads
    assert all(caller == gui for _, caller in results)
    assert all(value[1] == 0 for value, _ in results)


def test_errors_reach_on_error_or_the_unhandled_signal(qtbot, runner: TaskRunner) -> None:
    errors: list[BaseException] = []
    runner.db(lambda store: store, on_error=errors.append)  # locked: no store yet
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert "locked" in str(errors[0])
    with qtbot.waitSignal(runner.error_unhandled, timeout=5000) as blocker:
        runner.net(lambda: 1 / 0)
    assert isinstance(blocker.args[0], ZeroDivisionError)
