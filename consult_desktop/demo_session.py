"""`DemoSession`: the demo hospital served on this computer plus a throw-away demo profile, for `--demo` and
for `consult-desktop screenshots`.

`DemoSession.start()` generates the synthetic hospital and starts its FHIR server on 127.0.0.1 (a free port,
no authentication: the server only listens on the loopback interface); it is slow for many patients, so call
it on the network lane. `create_profile()` creates the encrypted demo profile in a temporary directory and
saves the server settings; it returns the open Store, so call it through `TaskRunner.open_store`. `close()`
stops the server and deletes the directory (after the runner closed the store). No Qt here; any thread.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from pathlib import Path
from typing import Any

from consult_desktop.store import KdfParams, Profile, Store

log = logging.getLogger(__name__)
DEMO_PASSPHRASE = "demo demo demo"
# The data are invented; a lighter key derivation keeps the demo quick to unlock.
DEMO_KDF = KdfParams(iterations=1, lanes=1, memory_kib=16 * 1024)


class DemoSession:
    def __init__(self, server: Any, directory: Path) -> None:
        self.server = server
        self.directory = directory
        self.profile = Profile.resolve(directory / "profile")

    @classmethod
    def start(cls, patients: int = 40, seed: int = 1, *, auth: str = "none") -> DemoSession:
        from consult_desktop.demo.hospital import DemoHospital
        from consult_desktop.demo.server import DemoServer

        server = DemoServer(DemoHospital(patients=patients, seed=seed), auth=auth).start()
        directory = Path(tempfile.mkdtemp(prefix="consult-demo-"))
        log.info("demo hospital with %d patients at port %d", patients, server.port)
        return cls(server, directory)

    @property
    def base_url(self) -> str:
        return str(self.server.base_url)

    def create_profile(self) -> Store:
        """Create the demo profile and point it at the demo server (database thread)."""
        from consult_desktop.fhir.server_config import ServerConfig
        from consult_desktop.sync.setup import save_server

        store = self.profile.create(DEMO_PASSPHRASE, kdf=DEMO_KDF)
        try:
            store.audit.write("profile-created", detail="demo")
            server_id = save_server(store, ServerConfig(base_url=self.base_url, auth_kind="none", role="gp"))
            self._add_gp_prescriptions(store, server_id)
        except BaseException:
            store.close()
            raise
        return store

    def _add_gp_prescriptions(self, store: Store, server_id: str) -> None:
        """The demo GP's own list for about half of their patients, so the medication comparison has every kind
        of line (see `demo/gp_list.py`); only for patients the hospital shares with the demo GP."""
        from consult_desktop.demo.gp_list import gp_prescriptions

        hospital = self.server.hospital
        shared = hospital.authorised_patient_ids(hospital.default_practitioner_id)
        for patient_id, statements in gp_prescriptions(hospital, shared).items():
            for statement in statements:
                resource = {**statement, "subject": {"reference": f"Patient/{patient_id}"}}
                store.prescriptions.save(server_id, patient_id, resource)
        store.audit.write("prescriptions-imported", server_id=server_id, detail="demo")

    def close(self) -> None:
        try:
            self.server.stop()
        finally:
            shutil.rmtree(self.directory, ignore_errors=True)
