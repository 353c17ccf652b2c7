"""`DemoSession`: the demo hospital served on this computer plus a throw-away demo profile, for `--demo` and
for `consult-desktop screenshots`.

`DemoSession.start()` generates two synthetic hospitals that share some patients (by SSIN) and starts their
FHIR servers on 127.0.0.1 (free ports, no authentication: the servers only listen on the loopback
interface); it is slow for many patients, so call it on the network lane.
`create_profile()` creates the encrypted demo profile in a temporary directory and
saves the server settings; it returns the open Store, so call it through `TaskRunner.open_store`. `close()`
stops the server and deletes the directory (after the runner closed the store). No Qt here; any thread.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from consult_desktop.store import KdfParams, Profile, Store

if TYPE_CHECKING:
    from consult_desktop.demo.hospital import DemoHospital

log = logging.getLogger(__name__)
DEMO_PASSPHRASE = "demo demo demo"
# The data are invented; a lighter key derivation keeps the demo quick to unlock.
DEMO_KDF = KdfParams(iterations=1, lanes=1, memory_kib=16 * 1024)


SECOND_HOSPITAL = "AZ Demo Gent"


class DemoSession:
    def __init__(self, server: Any, directory: Path, others: list[Any] | None = None) -> None:
        self.server = server
        self.servers = [server, *(others or [])]
        self.directory = directory
        self.profile = Profile.resolve(directory / "profile")

    @classmethod
    def start(cls, patients: int = 40, seed: int = 1, *, auth: str = "none", hospitals: int = 2) -> DemoSession:
        """`hospitals=2`: a second, smaller hospital shares about a fifth of the first one's patients by SSIN
        (other patient ids, stays and documents)."""
        from consult_desktop.demo.hospital import DemoHospital
        from consult_desktop.demo.server import DemoServer

        shared = max(1, patients // 5) if hospitals > 1 else 0
        first = DemoServer(DemoHospital(patients=patients, seed=seed, shared_patients=shared), auth=auth).start()
        others = []
        try:
            for n in range(1, hospitals):
                hospital = DemoHospital(patients=max(shared, patients // 2), seed=seed + n, shared_patients=shared,
                                        hospital_name=SECOND_HOSPITAL if n == 1 else f"{SECOND_HOSPITAL} {n}")
                others.append(DemoServer(hospital, auth=auth).start())
        except BaseException:
            for server in (first, *others):
                server.stop()
            raise
        directory = Path(tempfile.mkdtemp(prefix="consult-demo-"))
        log.info("%d demo hospitals, the first with %d patients at port %d", hospitals, patients, first.port)
        return cls(first, directory, others)

    @property
    def base_url(self) -> str:
        return str(self.server.base_url)

    def create_profile(self) -> Store:
        """Create the demo profile and add every demo hospital to it (database thread)."""
        from consult_desktop.fhir.server_config import ServerConfig
        from consult_desktop.sync.setup import add_server

        store = self.profile.create(DEMO_PASSPHRASE, kdf=DEMO_KDF)
        try:
            store.audit.write("profile-created", detail="demo")
            for number, server in enumerate(self.servers):
                server_id = add_server(store, ServerConfig(base_url=str(server.base_url), auth_kind="none",
                                                           role="gp"), name=server.hospital.name)
                if number == 0:  # the GP's own list, once, at the first hospital
                    self._add_gp_prescriptions(store, server_id, server.hospital)
        except BaseException:
            store.close()
            raise
        return store

    def _add_gp_prescriptions(self, store: Store, server_id: str, hospital: DemoHospital) -> None:
        """The demo GP's own list for about half of their patients, so the medication comparison has every kind
        of line (see `demo/gp_list.py`); only for patients the hospital shares with the demo GP."""
        from consult_desktop.demo.gp_list import gp_prescriptions

        shared = hospital.authorised_patient_ids(hospital.default_practitioner_id)
        for patient_id, statements in gp_prescriptions(hospital, shared).items():
            for statement in statements:
                resource = {**statement, "subject": {"reference": f"Patient/{patient_id}"}}
                store.prescriptions.save(server_id, patient_id, resource)
        store.audit.write("prescriptions-imported", server_id=server_id, detail="demo")

    def close(self) -> None:
        try:
            for server in self.servers:
                server.stop()
        finally:
            shutil.rmtree(self.directory, ignore_errors=True)
