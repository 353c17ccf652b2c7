"""Measures the medication-safety engine: knowledge-base load time and checking 30 + 30 medications.

Run: python benchmarks/bench_meds.py   (prints figures; no pass/fail)
     python benchmarks/bench_meds.py --eval [-v]   also the evaluation figures: the held-out pair set, the
     safety cases (allergies, coverage, doses, one flag per problem, resolution, content) and the reference
     polypharmacy patients (flags per patient); -v lists every failing check and every patient's flags.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

from consult_desktop.meds.checker import as_entries, check
from consult_desktop.meds.knowledge_base import load_knowledge_base

HOSPITAL = """warfarin sodium 5 MG Oral Tablet|Simvastatin 40 MG Oral Tablet|lisinopril 10 MG Oral Tablet
|24 HR Metformin hydrochloride 500 MG Extended Release Oral Tablet|amlodipine 5 MG Oral Tablet
|Clarithromycine Sandoz 500 mg|Sintrom 4 mg|Dafalgan Forte|omeprazole 20 MG Delayed Release Oral Capsule
|furosemide 40 MG Oral Tablet|spironolactone 25 MG Oral Tablet|digoxin 0.125 MG Oral Tablet
|amiodarone hydrochloride 200 MG Oral Tablet|sertraline 50 MG Oral Tablet|tramadol hydrochloride 50 MG Oral Tablet
|Diazepam 5 MG Oral Tablet|oxycodone hydrochloride 5 MG Oral Tablet|pregabalin 75 MG Oral Capsule
|levothyroxine sodium 0.1 MG Oral Tablet|calcium carbonate 500 MG Chewable Tablet|Alendronic acid 70 MG Oral Tablet
|prednisone 20 MG Oral Tablet|insulin glargine 100 UNT/ML Injectable Solution [Lantus]|Asaflow 80 mg
|clopidogrel 75 MG Oral Tablet|Pantomed 40 mg|Co-Diovan 160/12,5 mg|Amlodipine 5 MG / Hydrochlorothiazide 12.5 MG
 / Olmesartan medoxomil 20 MG Oral Tablet|albuterol 0.21 MG/ML Inhalation Solution|Mystery remedy 5 mg"""
GP = """Marevan 5 mg|Zocor 20 mg|Zestril 10 mg|Metformax 850 mg|Amlor 5 mg|Brufen 400 mg|Elthyrone 100 µg
|Steovit Forte|Losec 20 mg|Lasix 40 mg|Aldactone 25 mg|Lanoxin 0,125 mg|Cordarone 200 mg|Serlain 50 mg
|Contramal 100 mg|Temesta 1 mg|Oxynorm 5 mg|Lyrica 75 mg|kaliumchloride 600 mg|Fosamax 70 mg|Medrol 16 mg
|Lantus 100 E/ml|acide acétylsalicylique 80 mg|Plavix 75 mg|Nexiam 40 mg|Cozaar 50 mg|Sipralexa 10 mg
|Ventolin inhalator|Dafalgan Codeine|Tradonal Retard 100 mg"""


def resources(block: str, prefix: str) -> list[dict]:
    texts = [text.strip() for text in block.replace("\n", "").split("|")]
    return [{"resourceType": "MedicationStatement", "id": f"{prefix}{n}", "status": "active",
             "medicationCodeableConcept": {"text": text}} for n, text in enumerate(texts)]


def main() -> None:
    loads = []
    for _ in range(7):
        load_knowledge_base.cache_clear()
        start = time.perf_counter()
        kb = load_knowledge_base()
        loads.append((time.perf_counter() - start) * 1000)
    print(f"knowledge base: {len(kb.ingredients)} ingredients, {len(kb.phrases)} phrases, {len(kb.rules)} rules")
    print(f"knowledge base load: first {loads[0]:.1f} ms, median {statistics.median(loads):.1f} ms (target < 300 ms)")

    hospital, gp = resources(HOSPITAL, "h"), resources(GP, "g")
    assert len(hospital) == 30 and len(gp) == 30
    result = check(hospital, gp, kb=kb)
    raw, prepared = [], []
    hospital_entries, gp_entries = as_entries(hospital, kb=kb), as_entries(gp, kb=kb)
    for _ in range(50):
        start = time.perf_counter()
        check(hospital, gp, kb=kb)
        raw.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        check(hospital_entries, gp_entries, kb=kb)
        prepared.append((time.perf_counter() - start) * 1000)
    print(f"check 30 hospital + 30 GP medications: {len(result.flags)} flags, {len(result.not_checked)} not checked")
    print(f"  from FHIR resources (normalise + check): median {statistics.median(raw):.2f} ms (target < 20 ms)")
    print(f"  from normalised entries (check only):    median {statistics.median(prepared):.2f} ms")


def evaluation(verbose: bool) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "unit"))
    import meds_eval_harness as harness
    import test_meds_heldout_eval as heldout

    cases = yaml.safe_load(heldout.FIXTURE.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as directory:
        figures = heldout.compute([heldout.run_case(case, Path(directory)) for case in cases])
    print("\n".join(line for line in heldout.summary(figures).splitlines()[:8]))
    print(harness.summary(harness.evaluate_safety(), harness.evaluate_patients(), verbose))


if __name__ == "__main__":
    main()
    if "--eval" in sys.argv:
        evaluation("-v" in sys.argv)
