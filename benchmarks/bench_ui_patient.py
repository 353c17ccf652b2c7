"""Patient view speed: first paint of a patient with 200 documents, and a 5 MB PDF to its first page.

Builds an encrypted profile in a temporary directory with synthetic records (two patients, each with 200
documents, 600 lab results, 20 stays), then measures, offscreen:

- show_patient() until the documents table has painted its rows (target < 100 ms), alternating between
  the two patients so every call loads from the database; the database-lane time alone is also shown;
- open_document() on a 5 MB scanned-style PDF until the viewer has rendered its first page (target
  < 300 ms).

Prints medians; asserts nothing. Usage: python benchmarks/bench_ui_patient.py [--runs 15]
"""

from __future__ import annotations

import argparse
import io
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from fpdf import FPDF  # noqa: E402
from PIL import Image  # noqa: E402
from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from consult_desktop.record.patient_snapshot import load_patient_snapshot  # noqa: E402
from consult_desktop.store import KdfParams, Profile, Store  # noqa: E402
from consult_desktop.ui.patients.patient_view import PatientView  # noqa: E402
from consult_desktop.ui.shell.task_runner import TaskRunner  # noqa: E402

SERVER = "bench"
LOINC = "http://loinc.org"
TESTS = [("2160-0", "Creatinine", "mg/dL", 0.6, 1.1, 1.0), ("2823-3", "Potassium", "mmol/L", 3.5, 5.1, 4.2),
         ("2951-2", "Sodium", "mmol/L", 136, 145, 140), ("718-7", "Hemoglobin", "g/dL", 12, 16, 13.5),
         ("6690-2", "Leukocytes", "10*3/uL", 4, 10, 7), ("1988-5", "CRP", "mg/L", 0, 5, 3)]


def scanned_pdf(target_bytes: int) -> bytes:
    """A PDF made of scanned-looking pages (grey noise JPEGs with text on top) of about `target_bytes`."""
    scans: list[bytes] = []
    while sum(len(s) for s in scans) < target_bytes:
        image = Image.effect_noise((1240, 1754), 24).point(lambda v: 150 + v // 3)
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=75)
        scans.append(buffer.getvalue())
    pdf = FPDF()
    pdf.set_font("helvetica", size=11)
    for page, scan in enumerate(scans, start=1):
        pdf.add_page()
        pdf.image(io.BytesIO(scan), x=0, y=0, w=210, h=297)
        pdf.multi_cell(0, 6, f"Protocole scanne - page {page}", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def small_pdf() -> bytes:
    pdf = FPDF()
    pdf.set_font("helvetica", size=11)
    pdf.add_page()
    pdf.multi_cell(0, 6, "Lettre de sortie. Evolution favorable.", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def patient_resources(pid: str, rng: random.Random) -> list[dict]:
    out: list[dict] = [{
        "resourceType": "Patient", "id": pid, "meta": {"versionId": "1", "lastUpdated": "2025-01-01T00:00:00Z"},
        "identifier": [{"system": "https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/ssin",
                        "value": "55110771219"}],
        "name": [{"use": "official", "family": "Bench", "given": ["Patient"]}], "gender": "male",
        "birthDate": "1955-11-07"}]
    subject = {"reference": f"Patient/{pid}"}
    for e in range(20):
        day = f"20{10 + e // 2:02d}-{1 + e % 12:02d}-10"
        out.append({"resourceType": "Encounter", "id": f"{pid}-enc-{e}", "status": "finished",
                    "class": {"code": "IMP"}, "subject": subject, "serviceType": {"text": "Cardiologie"},
                    "period": {"start": f"{day}T08:00:00+01:00", "end": f"{day}T18:00:00+01:00"},
                    "hospitalization": {"dischargeDisposition": {"text": "Domicile"}}})
    for d in range(200):
        e = d % 20
        day = f"20{10 + e // 2:02d}-{1 + e % 12:02d}-{1 + d % 28:02d}"
        out.append({"resourceType": "DocumentReference", "id": f"{pid}-doc-{d}", "status": "current",
                    "type": {"coding": [{"system": LOINC, "code": "18842-5"}], "text": "Lettre de sortie"},
                    "subject": subject, "date": f"{day}T10:00:00+01:00", "author": [{"display": "Dr Bench"}],
                    "description": f"Lettre {d}", "context": {"encounter": [{"reference": f"Encounter/{pid}-enc-{e}"}]},
                    "content": [{"attachment": {"contentType": "application/pdf", "url": f"Binary/{pid}-{d}"}}]})
    for r in range(100):
        e = r % 20
        when = f"20{10 + e // 2:02d}-{1 + e % 12:02d}-{1 + r % 28:02d}T07:00:00+01:00"
        ids = []
        for code, name, unit, low, high, mid in TESTS:
            oid = f"{pid}-obs-{r}-{code}"
            ids.append({"reference": f"Observation/{oid}"})
            out.append({"resourceType": "Observation", "id": oid, "status": "final", "subject": subject,
                        "category": [{"coding": [{"code": "laboratory"}]}],
                        "code": {"coding": [{"system": LOINC, "code": code}], "text": name},
                        "effectiveDateTime": when,
                        "valueQuantity": {"value": round(mid * rng.uniform(0.6, 1.5), 2), "unit": unit},
                        "referenceRange": [{"low": {"value": low}, "high": {"value": high}}]})
        out.append({"resourceType": "DiagnosticReport", "id": f"{pid}-rep-{r}", "status": "final",
                    "category": [{"coding": [{"code": "LAB"}]}], "code": {"text": "Biochimie"}, "subject": subject,
                    "effectiveDateTime": when, "result": ids})
    for c in range(15):
        out.append({"resourceType": "Condition", "id": f"{pid}-cond-{c}", "subject": subject,
                    "clinicalStatus": {"coding": [{"code": "active" if c % 3 else "resolved"}]},
                    "code": {"text": f"Probleme {c}"}, "onsetDateTime": f"20{10 + c:02d}-01-01"})
    out.append({"resourceType": "AllergyIntolerance", "id": f"{pid}-all-1", "patient": subject,
                "criticality": "high", "code": {"text": "Penicilline"},
                "reaction": [{"manifestation": [{"text": "Anaphylaxie"}]}]})
    return out


def build_profile(directory: Path, big_pdf: bytes) -> Profile:
    profile = Profile.resolve(directory)
    store = profile.create("benchmark pass phrase", kdf=KdfParams(iterations=1, lanes=1, memory_kib=8))
    rng = random.Random(1)
    letter = small_pdf()
    for pid in ("bench-a", "bench-b"):
        store.resources.put_many(SERVER, patient_resources(pid, rng))
        for d in range(200):
            store.resources.put_attachment(SERVER, "DocumentReference", f"{pid}-doc-{d}", 0,
                                           content_type="application/pdf", url=f"Binary/{pid}-{d}",
                                           data=big_pdf if d == 0 else letter)
    store.close()
    return profile


class PaintWatch(QObject):
    """Quits `loop` on the first paint of a widget once `ready()` says the data is there."""

    def __init__(self, loop: QEventLoop, ready) -> None:
        super().__init__()
        self.loop, self.ready, self.at = loop, ready, 0.0

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.Paint and not self.at and self.ready():
            self.at = time.perf_counter()
            QTimer.singleShot(0, self.loop.quit)
        return False


def measure_first_paint(view: PatientView, pid: str) -> float:
    table = view.documents_tab().table()
    loop = QEventLoop()
    watch = PaintWatch(loop, lambda: view.documents_tab().model().rowCount() == 200
                       and view.current_patient() == (SERVER, pid))
    table.viewport().installEventFilter(watch)
    QTimer.singleShot(10000, loop.quit)
    start = time.perf_counter()
    view.show_patient(SERVER, pid)
    loop.exec()
    table.viewport().removeEventFilter(watch)
    return (watch.at - start) * 1000 if watch.at else float("nan")


def measure_pdf(view: PatientView, app: QApplication) -> float:
    viewer = view.documents_tab().viewer()
    viewer.clear()
    app.processEvents()
    loop = QEventLoop()
    done: list[float] = []

    def rendered() -> None:
        done.append(time.perf_counter())
        QTimer.singleShot(0, loop.quit)

    viewer.first_page_rendered.connect(rendered)
    QTimer.singleShot(10000, loop.quit)
    start = time.perf_counter()
    view.open_document("DocumentReference", "bench-a-doc-0")
    loop.exec()
    viewer.first_page_rendered.disconnect(rendered)
    return (done[0] - start) * 1000 if done else float("nan")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv)
    big_pdf = scanned_pdf(5 * 1024 * 1024)
    with tempfile.TemporaryDirectory(prefix="consult-bench-") as tmp:
        profile = build_profile(Path(tmp) / "profile", big_pdf)
        runner = TaskRunner()
        opened: list = []
        runner.open_store(lambda: profile.unlock("benchmark pass phrase"), opened.append, opened.append)
        while not opened:
            app.processEvents()
            time.sleep(0.01)
        view = PatientView(runner)
        view.resize(1400, 900)
        view.show()
        for _ in range(20):
            app.processEvents()

        lane: list[float] = []

        def timed_snapshot(store: Store) -> float:
            start = time.perf_counter()
            load_patient_snapshot(store, SERVER, "bench-a")
            return (time.perf_counter() - start) * 1000

        for _ in range(args.runs + 2):
            got: list = []
            runner.db(timed_snapshot, got.append)
            while not got:
                app.processEvents()
                time.sleep(0.001)
            lane.append(got[0])
        lane = lane[2:]

        paints = []
        for i in range(args.runs + 2):
            paints.append(measure_first_paint(view, "bench-a" if i % 2 == 0 else "bench-b"))
            settle = QEventLoop()
            QTimer.singleShot(100, settle.quit)  # let the other tabs fill before the next patient
            settle.exec()
        paints = paints[2:]  # the first runs warm caches and imports

        pdfs = []
        view.show_patient(SERVER, "bench-a")
        measure_first_paint(view, "bench-a")
        for _ in range(args.runs):
            pdfs.append(measure_pdf(view, app))
        runner.shutdown()

    print(f"patient with 200 documents, 600 lab results, 20 stays ({args.runs} runs)")
    print(f"  show_patient -> documents table painted: median {statistics.median(paints):.1f} ms "
          f"(min {min(paints):.1f}, max {max(paints):.1f}); target < 100 ms")
    print(f"  the database lane alone (query + mapping, measured apart): median {statistics.median(lane):.1f} ms")
    print(f"PDF of {len(big_pdf) / 1024 / 1024:.1f} MB ({len(big_pdf) // 1024} KiB), stored in the encrypted "
          f"profile ({args.runs} runs)")
    print(f"  open_document -> first page rendered: median {statistics.median(pdfs):.1f} ms "
          f"(min {min(pdfs):.1f}, max {max(pdfs):.1f}); target < 300 ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
