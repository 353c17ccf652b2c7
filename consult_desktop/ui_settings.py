"""Preferences of the desktop program that are needed before the profile is unlocked.

The language (the unlock dialog is already translated), the idle-lock delay, the automatic sync interval and
the "recently discharged" window. None of it is patient data, so it lives in a small JSON file in the per-user
configuration directory (`CONSULT_CONFIG_DIR` overrides it, for tests and portable installs), not in the
encrypted database. Plain Python; callable from any thread, but the program reads and writes it on the GUI
thread.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

CONFIG_ENV = "CONSULT_CONFIG_DIR"
FILE_NAME = "desktop.json"
LANGUAGES = ("", "en", "fr", "nl")  # "" follows the operating system


def config_dir() -> Path:
    chosen = os.environ.get(CONFIG_ENV)
    if chosen:
        return Path(chosen).expanduser()
    import platformdirs

    return Path(platformdirs.user_config_dir("ConsultDesktop", appauthor=False, roaming=True))


@dataclass
class UiSettings:
    language: str = ""  # "", "en", "fr" or "nl"
    idle_lock_minutes: int = 10  # 0 disables the automatic lock
    auto_sync_minutes: int = 0  # 0: sync only on request
    discharge_days: int = 14  # the "recently discharged" filter

    def __post_init__(self) -> None:
        if self.language not in LANGUAGES:
            self.language = ""
        self.idle_lock_minutes = _clamp(self.idle_lock_minutes, 0, 240, 10)
        self.auto_sync_minutes = _clamp(self.auto_sync_minutes, 0, 1440, 0)
        self.discharge_days = _clamp(self.discharge_days, 1, 365, 14)

    @classmethod
    def load(cls, path: Path | None = None) -> UiSettings:
        path = path or config_dir() / FILE_NAME
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls()
        except (OSError, ValueError) as exc:
            log.warning("desktop preferences unreadable (%s); using defaults", type(exc).__name__)
            return cls()
        if not isinstance(data, dict):
            return cls()
        known = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})

    def save(self, path: Path | None = None) -> None:
        path = path or config_dir() / FILE_NAME
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".tmp")
            tmp.write_text(json.dumps(dataclasses.asdict(self), indent=2), encoding="utf-8")
            tmp.replace(path)
        except OSError as exc:
            log.warning("desktop preferences not saved (%s)", type(exc).__name__)


def _clamp(value: object, low: int, high: int, default: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        return default
    return max(low, min(high, value))
