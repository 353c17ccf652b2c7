"""The task runner: database work on one thread that owns the store, results back on the GUI thread."""

from __future__ import annotations

import threading
from pathlib import Path

from consult_desktop.store import Profile
from consult_desktop.ui.shell.task_runner import TaskRunner


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


def test_query_answers_only_while_its_owner_still_wants_them(qtbot, runner: TaskRunner) -> None:
    from PySide6.QtWidgets import QWidget

    from consult_desktop.ui.shell.task_runner import drop

    owner = QWidget()
    qtbot.addWidget(owner)
    shown: list[str] = []
    release = threading.Event()
    # Two requests in the same slot: only the latest one chosen is shown, even when the older answers last.
    runner.query(owner, lambda: (release.wait(5), "first")[1], shown.append, slot="open", lane="net")
    runner.query(owner, lambda: "second", shown.append, slot="open", lane="net")
    qtbot.waitUntil(lambda: shown == ["second"], timeout=5000)
    release.set()
    qtbot.waitUntil(lambda: runner.in_flight == 0, timeout=5000)
    assert shown == ["second"]

    # The owner moved on (another patient): nothing under way reaches it, errors included.
    errors: list[BaseException] = []
    runner.query(owner, lambda: (release.wait(5), "late")[1], shown.append, errors.append, lane="net")
    runner.query(owner, lambda: 1 / 0, shown.append, errors.append, lane="net")
    drop(owner)
    qtbot.waitUntil(lambda: runner.in_flight == 0, timeout=5000)
    assert shown == ["second"] and errors == []
    runner.query(owner, lambda: "after", shown.append, lane="net")  # new work after the drop is delivered
    qtbot.waitUntil(lambda: shown[-1:] == ["after"], timeout=5000)


def test_query_answer_for_a_deleted_widget_is_dropped(qtbot, runner: TaskRunner) -> None:
    from PySide6.QtWidgets import QWidget

    owner = QWidget()
    release = threading.Event()
    shown: list[str] = []
    runner.query(owner, lambda: (release.wait(5), "late")[1], shown.append, lane="net")
    owner.deleteLater()
    qtbot.waitUntil(lambda: not __import__("shiboken6").isValid(owner), timeout=5000)
    release.set()
    qtbot.waitUntil(lambda: runner.in_flight == 0, timeout=5000)
    assert shown == []


def test_with_data_key_reads_the_key_on_the_database_lane_then_runs_on_the_network_lane(
        qtbot, runner: TaskRunner, tmp_path: Path) -> None:
    from PySide6.QtCore import QObject

    from consult_desktop.ui.shell.task_runner import ProfileLocked

    owner = QObject()
    errors: list[BaseException] = []
    runner.with_data_key(owner, lambda key: key, errors.append, errors.append)  # no store open yet
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], ProfileLocked)

    profile = Profile.resolve(tmp_path / "p")
    profile.create("correct horse battery").close()
    runner.open_store(lambda: profile.unlock("correct horse battery"))
    got: list = []
    runner.with_data_key(owner, lambda key: (len(key), threading.current_thread().name), got.append, errors.append)
    qtbot.waitUntil(lambda: bool(got), timeout=10000)
    assert got[0][0] == 32 and got[0][1].startswith("consult-net")


def test_later_steps_stop_when_their_owner_moves_on(qtbot) -> None:
    from PySide6.QtWidgets import QWidget

    from consult_desktop.ui.shell.task_runner import drop, later

    owner = QWidget()
    qtbot.addWidget(owner)
    steps: list[int] = []

    def step(n: int) -> None:
        steps.append(n)
        if n < 10_000_000:
            later(owner, "pages", lambda: step(n + 1))

    later(owner, "pages", lambda: step(0))
    qtbot.waitUntil(lambda: len(steps) >= 3, timeout=5000)
    drop(owner, "pages")
    count = len(steps)
    qtbot.wait(50)
    assert len(steps) == count < 10_000_000
