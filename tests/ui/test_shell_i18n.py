"""Languages: translations compiled on first use into the cache, French and Dutch texts, English plurals."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from consult_desktop.ui.shell import i18n

pytestmark = pytest.mark.skipif(i18n.lrelease_executable() is None, reason="lrelease (PySide6 tools) not found")


@pytest.fixture
def language(qapp):
    """Install a language for one test; English again afterwards."""
    yield lambda code: i18n.install(qapp, code)
    i18n.install(qapp, "en")


def test_translations_compile_once_into_the_cache(tmp_path: Path) -> None:
    qm = i18n.compiled_translation("nl")
    assert qm is not None and qm.is_file()
    assert qm.parent == tmp_path / "cache" / "translations"  # not next to the sources
    stamp = qm.stat().st_mtime_ns
    assert i18n.compiled_translation("nl") == qm
    assert qm.stat().st_mtime_ns == stamp  # fresh: not compiled again


def test_french_and_dutch_interfaces(qtbot, runner, filled_profile, language) -> None:
    from consult_desktop.ui.dialogs.unlock_dialog import UnlockDialog
    from consult_desktop.ui.sync.sync_controller import SyncController
    from consult_desktop.ui.sync.sync_status_bar import SyncStatusBar

    seven_minutes_ago = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=7)
    assert language("fr") == "fr"
    dialog = UnlockDialog(runner, filled_profile)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Déverrouiller Consult Desktop"
    assert dialog.unlock_button.text() == "Déverrouiller"
    bar = SyncStatusBar(SyncController(runner, filled_profile))
    qtbot.addWidget(bar)
    assert bar.last_sync_text(seven_minutes_ago) == "Synchronisé il y a 7 minutes"

    language("nl")
    bar = SyncStatusBar(SyncController(runner, filled_profile))
    qtbot.addWidget(bar)
    assert bar.last_sync_text(seven_minutes_ago) == "7 minuten geleden gesynchroniseerd"
    assert bar.last_sync_text(dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1)) == "1 minuut geleden gesynchroniseerd"


@pytest.mark.parametrize(("code", "backfill", "export"), [
    ("fr", "Nouveaux patients", "En attente de l'hôpital"),
    ("nl", "Nieuwe patiënten", "Wachten op het ziekenhuis"),
])
def test_sync_stages_are_shown_in_the_users_language(qtbot, runner, filled_profile, language, code: str,
                                                     backfill: str, export: str) -> None:
    from consult_desktop.sync.progress import SyncStage
    from consult_desktop.ui.sync.sync_controller import SyncController
    from consult_desktop.ui.sync.sync_status_bar import SyncStatusBar

    language(code)
    bar = SyncStatusBar(SyncController(runner, filled_profile))
    qtbot.addWidget(bar)
    assert bar.stage_name(SyncStage.BACKFILL) == backfill
    assert bar.stage_name(SyncStage.EXPORT) == export
    names = {stage: bar.stage_name(stage) for stage in SyncStage}
    assert all(name and name != stage.value for stage, name in names.items()), names  # never the code
    assert len(set(names.values())) == len(names)


def test_english_plural_forms(qtbot, language) -> None:
    from consult_desktop.ui.patients.patient_list_panel import PatientListPanel

    language("en")
    panel = PatientListPanel()
    qtbot.addWidget(panel)
    assert panel.count_label.text() == "0 patients"
    assert panel.discharged.text() == "Discharged in the last 14 days"


def test_language_follows_the_preference_else_the_system(monkeypatch: pytest.MonkeyPatch) -> None:
    assert i18n.choose_language("nl") == "nl"
    monkeypatch.setattr(i18n, "system_language", lambda: "fr")
    assert i18n.choose_language("") == "fr"


@pytest.mark.parametrize("code", ["fr", "nl"])
def test_every_text_is_translated(code: str) -> None:
    root = ET.parse(i18n.ts_file(code)).getroot()
    assert root.get("language") == code
    untranslated = [m.findtext("source") for m in root.iter("message")
                    if m.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
                    or not "".join(m.find("translation").itertext()).strip()]
    assert untranslated == []


def test_every_interface_text_has_a_french_and_dutch_translation(tmp_path: Path) -> None:
    lupdate = Path(i18n.lrelease_executable() or "").with_name("lupdate")
    if not lupdate.is_file():
        pytest.skip("lupdate (PySide6 tools) not found")
    package = Path(i18n.__file__).resolve().parents[2]
    sources = [str(package / "app.py"), *sorted(str(p) for p in (package / "ui").rglob("*.py"))]
    import subprocess

    fresh = tmp_path / "current.ts"
    subprocess.run([str(lupdate), "-silent", *sources, "-ts", str(fresh)], check=True, timeout=120)

    def texts(path: Path, translated_only: bool) -> set[tuple[str, str]]:
        out = set()
        for context in ET.parse(path).getroot().iter("context"):
            for message in context.iter("message"):
                translation = message.find("translation")
                if translated_only and (translation.get("type") or not "".join(translation.itertext()).strip()):
                    continue
                out.add((context.findtext("name"), message.findtext("source")))
        return out

    needed = texts(fresh, translated_only=False)
    assert len(needed) > 100
    for code in ("fr", "nl"):
        missing = sorted(needed - texts(i18n.ts_file(code), translated_only=True))
        assert missing == [], f"run pyside6-lupdate and translate these into {code}: {missing[:10]}"
