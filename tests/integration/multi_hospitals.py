"""Two demo hospitals on loopback that share patients by SSIN, and a profile configured for both (the
`two` and `make_multi` fixtures of conftest use them)."""

from __future__ import annotations

from pathlib import Path

from consult_desktop.demo.hospital import DemoHospital
from consult_desktop.demo.server import DemoServer
from consult_desktop.demo.ssin import SSIN_SYSTEM
from consult_desktop.fhir.server_config import ServerConfig
from consult_desktop.store import Profile, Store
from consult_desktop.sync.setup import add_server, run_sync

MULTI_PASS = "multi passphrase 123"
SHARED = 3


class TwoHospitals:
    def __init__(self) -> None:
        self.a = DemoServer(DemoHospital(patients=10, seed=1, hospital_name="Hôpital A", shared_patients=SHARED),
                            auth="none", page_size=25)
        self.b = DemoServer(DemoHospital(patients=8, seed=2, hospital_name="Ziekenhuis B", shared_patients=SHARED),
                            auth="none", page_size=25)

    def shared_in_both(self) -> list[tuple[str, str, str]]:
        """(ssin, patient id at A, patient id at B) of the persons both hospitals authorise for the demo GP."""
        a, b = _ssins(self.a.hospital), _ssins(self.b.hospital)
        return sorted((ssin, a[ssin], b[ssin]) for ssin in set(a) & set(b))


def _ssins(hospital: DemoHospital) -> dict[str, str]:
    out = {}
    for pid in hospital.authorised_patient_ids(hospital.default_practitioner_id):
        patient = hospital.resource("Patient", pid) or {}
        for ident in patient.get("identifier") or []:
            if ident.get("system") == SSIN_SYSTEM:
                out[ident["value"]] = pid
    return out


class MultiProfile:
    def __init__(self, directory: Path, two: TwoHospitals) -> None:
        self.profile = Profile.resolve(directory)
        store = self.profile.create(MULTI_PASS)
        self.data_key = store.data_key
        assert self.data_key is not None
        self.id_a = add_server(store, ServerConfig(base_url=two.a.base_url, auth_kind="none"), name="Hôpital A")
        self.id_b = add_server(store, ServerConfig(base_url=two.b.base_url, auth_kind="none"), name="Ziekenhuis B")
        store.close()

    def sync(self, **kwargs: object):
        return run_sync(self.profile, self.data_key, **kwargs)  # type: ignore[arg-type]

    def open(self) -> Store:
        return self.profile.open(self.data_key)  # type: ignore[arg-type]

    def snapshot(self) -> dict:
        with self.open() as store:
            rows = store.conn.execute("SELECT server_id, type, id, version_id, hidden, patient_id FROM resources "
                                      "ORDER BY 1, 2, 3").fetchall()
            atts = store.conn.execute("SELECT server_id, resource_type, resource_id, idx, sha256 FROM attachments "
                                      "ORDER BY 1, 2, 3, 4").fetchall()
        return {"resources": rows, "attachments": atts}
