"""Fixtures for integration tests: the demo hospital on 127.0.0.1 (free port) and an encrypted profile."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from multi_hospitals import MultiProfile, TwoHospitals  # beside this file

from consult_desktop.demo.hospital import DemoHospital
from consult_desktop.demo.server import DemoServer
from consult_desktop.fhir.server_config import ServerConfig
from consult_desktop.store import Profile, Store
from consult_desktop.sync.engine import SyncOptions
from consult_desktop.sync.progress import SyncReport
from consult_desktop.sync.setup import run_sync, save_server

PASS = "integration passphrase"


@pytest.fixture
def hospital() -> DemoHospital:
    return DemoHospital(patients=10, seed=7)


@pytest.fixture
def server(hospital: DemoHospital) -> Iterator[DemoServer]:
    srv = DemoServer(hospital, auth="none", page_size=25, export_delay=0.2)
    srv.start()
    yield srv
    srv.stop()


class SyncedProfile:
    """A profile configured for a demo server; `sync()` runs a real sync over HTTP."""

    def __init__(self, directory: Path, server: DemoServer, options: SyncOptions | None = None,
                 config: ServerConfig | None = None, **secrets: str) -> None:
        self.profile = Profile.resolve(directory)
        self.server = server
        store = self.profile.create(PASS)
        self.data_key = store.data_key
        assert self.data_key is not None
        self.server_id = save_server(store, config or ServerConfig(base_url=server.base_url, auth_kind="none"),
                                     options=options or SyncOptions(), **secrets)
        store.close()

    def sync(self, **kwargs: object) -> SyncReport:
        return run_sync(self.profile, self.data_key, **kwargs)  # type: ignore[arg-type]

    def open(self) -> Store:
        return self.profile.open(self.data_key)

    def snapshot(self) -> dict:
        """What a GP could see: every stored resource version and attachment, hidden flags included."""
        with self.open() as store:
            rows = store.conn.execute(
                "SELECT type, id, version_id, hidden, patient_id FROM resources WHERE server_id=? ORDER BY 1, 2",
                (self.server_id,)).fetchall()
            atts = store.conn.execute(
                "SELECT resource_type, resource_id, idx, sha256, error IS NOT NULL FROM attachments "
                "WHERE server_id=? ORDER BY 1, 2, 3", (self.server_id,)).fetchall()
            quarantine = store.conn.execute("SELECT type, id FROM quarantine ORDER BY 1, 2").fetchall()
        return {"resources": rows, "attachments": atts, "quarantine": quarantine}


@pytest.fixture
def make_profile(tmp_path: Path):
    counter = iter(range(1000))

    def make(server: DemoServer, options: SyncOptions | None = None, **kwargs: object) -> SyncedProfile:
        return SyncedProfile(tmp_path / f"profile-{next(counter)}", server, options, **kwargs)  # type: ignore[arg-type]

    return make


# -- two demo hospitals that share patients by SSIN, and a profile configured for both ----------------------------
@pytest.fixture
def two() -> Iterator[TwoHospitals]:
    pair = TwoHospitals()
    pair.a.start()
    pair.b.start()
    yield pair
    pair.a.stop()
    pair.b.stop()


@pytest.fixture
def make_multi(tmp_path: Path):
    counter = iter(range(100))
    return lambda two: MultiProfile(tmp_path / f"multi-{next(counter)}", two)
