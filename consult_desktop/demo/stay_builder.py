"""Hospital stays of one demo patient: encounter, diagnoses, labs, medication changes, documents.

Called by `generator.PatientGenerator` only, through the `StayPatient` protocol; pure computation, any
thread. Medication is planned first for all stays (what the patient takes on admission, what is stopped,
what goes home), so that the status of each MedicationRequest tells the same story as the discharge letters.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Protocol

from consult_desktop.demo import labs
from consult_desktop.demo import medication_builder as mb
from consult_desktop.demo import record_builders as rb
from consult_desktop.demo.clinical import CHRONIC, IMAGING, AdmissionReason, AllergyKind
from consult_desktop.demo.directory import HOSPITAL_ID, LABORATORY_ID, Directory
from consult_desktop.demo.documents import AttachmentSource
from consult_desktop.demo.drugs import DRUGS
from consult_desktop.demo.fhir_elements import ABSOLUTE_BASE_PLACEHOLDER, DAY_MS, HOUR_MS, JSON, fhir_datetime, period
from consult_desktop.demo.generated import GeneratedPatient

NSAIDS = ("ibuprofen", "diclofenac")
BETA_LACTAMS = ("amoxicillin_clavulanate", "piperacillin_tazobactam")
ALTERNATIVES = {"amoxicillin_clavulanate": ("clarithromycin", "levofloxacin"),
                "piperacillin_tazobactam": ("ciprofloxacin",), "cotrimoxazole": ("ciprofloxacin", "nitrofurantoin")}
STOP_REASONS = {
    "gi_bleed": ("Arrêté : hémorragie digestive", "Gestopt: gastro-intestinale bloeding"),
    "hyperkalaemia": ("Arrêté : hyperkaliémie", "Gestopt: hyperkaliëmie"),
    "switch": ("Remplacé par un anticoagulant oral direct", "Vervangen door een direct oraal anticoagulans"),
    "ckd": ("Arrêté : insuffisance rénale", "Gestopt: nierinsufficiëntie"),
}


@dataclass(slots=True)
class StayPlan:
    number: int
    reason: AdmissionReason
    start: int
    end: int | None
    disposition: str | None
    eid: str = ""
    admission: list[str] = field(default_factory=list)
    stopped: dict[str, str] = field(default_factory=dict)  # drug -> STOP_REASONS key
    inpatient: list[str] = field(default_factory=list)
    acute: list[str] = field(default_factory=list)
    discharge: list[str] = field(default_factory=list)
    new_problems: list[str] = field(default_factory=list)
    condition_id: str = ""


def _unique(items: list[str]) -> list[str]:
    """Each drug once, and one drug per therapeutic class (ATC level 4): a hospital does not discharge a
    patient on two statins or two ACE inhibitors because two problems each called for one."""
    kept: list[str] = []
    classes: set[str] = set()
    for item in dict.fromkeys(i for i in items if i):
        atc_class = DRUGS[item].atc[:5] if item in DRUGS and DRUGS[item].atc else None
        if atc_class is not None and atc_class in classes:
            continue
        if atc_class is not None:
            classes.add(atc_class)
        kept.append(item)
    return kept


class StayPatient(Protocol):
    """What a StayBuilder reads and writes of the patient being generated (`generator.PatientGenerator`)."""

    rng: random.Random
    lang: str
    pid: str
    male: bool
    birth: dt.date
    reference: dt.date
    ref_ms: int
    directory: Directory
    problems: dict[str, int]
    allergy_kinds: list[AllergyKind]
    out: GeneratedPatient

    def new_id(self, prefix: str) -> str: ...

    def emit(self, resource: JSON, lu: int) -> None: ...

    def specialty_label(self, key: str) -> str: ...

    def lab_context(self, plan: StayPlan, medication: frozenset[str]) -> labs.StayContext: ...


class StayBuilder:
    def __init__(self, gen: StayPatient, plans: list[StayPlan]) -> None:
        self.g = gen
        self.plans = plans
        self.rng = gen.rng
        self.lang = gen.lang

    # -- medication plan -------------------------------------------------------------------------------------

    def _regimen_for(self, problem: str) -> list[str]:
        return [self.rng.choice(options) for options in CHRONIC[problem].drug_options]

    def _antibiotic(self, drug: str) -> str:
        keys = {a.key for a in self.g.allergy_kinds}
        conflict = (drug in BETA_LACTAMS and keys & {"penicillin", "amoxicillin"}) or (
            drug == "cotrimoxazole" and "sulfonamide" in keys)
        if conflict and self.rng.random() > 0.3:  # most of the time the hospital picks around the allergy
            return self.rng.choice(ALTERNATIVES[drug])
        return drug

    def _plan_medication(self) -> None:
        rng, problems = self.rng, self.g.problems
        current = _unique([d for p, idx in problems.items() if idx == 0 for d in self._regimen_for(p)])
        for plan in self.plans:
            reason = plan.reason
            plan.admission = list(current)
            plan.new_problems = [p for p, idx in problems.items() if idx == plan.number and plan.number > 0]
            plan.inpatient = [self._antibiotic(d) for d in reason.inpatient_drugs]
            if plan.end is None:
                continue
            stopped = plan.stopped
            if reason.key == "gi_bleed":
                stopped.update({d: "gi_bleed" for d in current
                                if d in NSAIDS or (d == "aspirin" and "ihd" not in problems)})
            if reason.key == "hyperkalaemia":
                stopped.update({d: "hyperkalaemia" for d in current if d in ("spironolactone", "potassium_chloride")})
            switch: list[str] = []
            if plan.number > 0 and "warfarin" in current and rng.random() < 0.35:
                stopped["warfarin"] = "switch"
                switch.append("apixaban")
            if "ckd" in problems and rng.random() < 0.5:
                stopped.update({d: "ckd" for d in current if d in NSAIDS})
            if reason.infection and len(reason.discharge_drugs) > 1:
                acute = [self._antibiotic(rng.choice(reason.discharge_drugs))]
            else:
                acute = [self._antibiotic(d) for d in reason.discharge_drugs]
            plan.acute = acute
            new_chronic = [d for p in plan.new_problems for d in self._regimen_for(p)]
            new_chronic += [d for d in acute if DRUGS[d].dosage.days is None]
            new_chronic += switch
            if "furosemide" in current + new_chronic and rng.random() < 0.2:
                new_chronic.append("potassium_chloride")
            current = _unique([d for d in current if d not in stopped] + new_chronic)
            plan.discharge = _unique(current + acute)

    # -- resources -------------------------------------------------------------------------------------------

    def build(self) -> None:
        g = self.g
        self.baseline = labs.make_baseline(self.rng, not g.male, set(g.problems))
        for plan in self.plans:
            plan.eid = g.new_id("enc")
        self._plan_medication()
        finished = [p.number for p in self.plans if p.end is not None]
        self.last_finished = max(finished) if finished else -1
        for plan in self.plans:
            self._stay(plan)

    def _stay(self, plan: StayPlan) -> None:
        g, rng, lang, reason = self.g, self.rng, self.lang, plan.reason
        specialist = g.directory.specialist(rng, reason.specialty)
        plan_specialist = specialist.id
        g.out.shared_refs.add(("Practitioner", plan_specialist))
        setting = g.specialty_label(reason.specialty)
        encounter = rb.encounter(plan.eid, g.pid, reason.inpatient, plan.start, plan.end, reason, lang, setting,
                                 plan_specialist, HOSPITAL_ID, plan.disposition)
        g.emit(encounter, (plan.end or plan.start) + HOUR_MS)
        recorded = plan.start + 3 * HOUR_MS
        coded_at = (plan.end or plan.start) + 2 * HOUR_MS
        for key in (p for p, idx in g.problems.items() if idx == plan.number):
            onset_year = max(g.birth.year + 20, g.reference.year - rng.randint(0 if plan.number else 1, 15))
            resource = rb.chronic_condition(g.new_id("cond"), g.pid, plan.eid, CHRONIC[key], lang,
                                            str(min(onset_year, g.reference.year)), recorded)
            g.emit(resource, coded_at)
        plan.condition_id = g.new_id("cond")
        label = reason.nl if lang == "nl" else reason.fr
        g.emit(rb.condition(plan.condition_id, g.pid, plan.eid, reason.snomed, reason.display, label, False,
                            plan.end is None, fhir_datetime(plan.start), recorded, plan.end), coded_at)
        if reason.procedure:
            self._procedure(plan, plan_specialist)
        self._vitals(plan)
        self._labs(plan)
        self._medication(plan, plan_specialist)
        if reason.imaging:
            self._imaging(plan)
        if plan.end is not None:
            self._discharge_letter(plan, plan_specialist, setting)

    def _procedure(self, plan: StayPlan, performer: str) -> None:
        g = self.g
        start = plan.start + (DAY_MS if plan.reason.inpatient and plan.end is not None else 2 * HOUR_MS)
        end = start + self.rng.randint(1, 3) * HOUR_MS
        assert plan.reason.procedure is not None
        g.emit(rb.procedure(g.new_id("proc"), g.pid, plan.eid, plan.reason.procedure, self.lang, start, end,
                            performer, plan.condition_id), end + HOUR_MS)
        if plan.reason.surgical:
            date = end + 3 * HOUR_MS
            self._document(plan, "operative", performer, date, None, g.specialty_label(plan.reason.specialty))

    def _vitals(self, plan: StayPlan) -> None:
        g, rng = self.g, self.rng
        at = plan.start + HOUR_MS // 2
        hypertensive = "hypertension" in g.problems
        systolic = rng.randint(140, 168) if hypertensive else rng.randint(112, 138)
        diastolic = rng.randint(82, 96) if hypertensive else rng.randint(66, 84)
        g.emit(rb.blood_pressure(g.new_id("obs"), g.pid, plan.eid, systolic, diastolic, at), at + HOUR_MS)
        rate = rng.randint(88, 124) if "af" in g.problems else rng.randint(58, 92)
        g.emit(rb.heart_rate(g.new_id("obs"), g.pid, plan.eid, rate, at), at + HOUR_MS)

    def _labs(self, plan: StayPlan) -> None:
        g, rng = self.g, self.rng
        medication = frozenset(plan.admission + plan.inpatient + plan.acute)
        ctx = g.lab_context(plan, medication)
        values = labs.stay_values(rng, self.baseline, ctx)
        self._draw(plan, values, plan.start + HOUR_MS, "warfarin" in medication)
        long_stay = plan.end is not None and plan.reason.inpatient and plan.end - plan.start >= 3 * DAY_MS
        if long_stay and rng.random() < 0.6:
            assert plan.end is not None
            self._draw(plan, labs.follow_up_values(rng, values, ctx), plan.end - 20 * HOUR_MS, False)

    def _draw(self, plan: StayPlan, values: dict[str, float], at: int, on_warfarin: bool) -> None:
        g = self.g
        issued = at + 2 * HOUR_MS
        panels = {"chemistry": [k for k in labs.CHEMISTRY if k in values],
                  "hematology": [k for k in labs.HEMATOLOGY if k in values],
                  "special": [k for k in values if k not in labs.CHEMISTRY and k not in labs.HEMATOLOGY]}
        for panel, keys in panels.items():
            if not keys:
                continue
            ids = []
            for key in keys:
                oid = g.new_id("obs")
                ids.append(oid)
                g.emit(rb.lab_observation(oid, g.pid, plan.eid, labs.TESTS[key], values[key], self.lang, at, issued,
                                          on_warfarin), issued)
            g.emit(rb.lab_report(g.new_id("dr"), g.pid, plan.eid, panel, self.lang, at, issued, ids, LABORATORY_ID),
                   issued)

    def _medication(self, plan: StayPlan, requester: str) -> None:
        g, rng, lang = self.g, self.rng, self.lang
        if plan.number == 0 and plan.admission:
            home = plan.admission[:2]
            if "ibuprofen" not in home and rng.random() < 0.12:
                home.append("ibuprofen")  # bought over the counter, told at admission
            if not any(d.endswith("prazole") for d in home) and rng.random() < 0.08:
                home.append("omeprazole")
            for drug in home:
                since = str(max(g.birth.year + 20, g.reference.year - rng.randint(1, 8)))
                g.emit(mb.medication_statement(g.new_id("ms"), g.pid, plan.eid, DRUGS[drug], lang,
                                               plan.start + HOUR_MS, since), plan.start + 2 * HOUR_MS)
        ongoing = plan.end is None
        for drug in plan.inpatient:
            self._request(plan, drug, "active" if ongoing else "completed", "inpatient", plan.start + HOUR_MS,
                          requester, plan.condition_id)
        if plan.end is None:
            return
        authored = plan.end - 2 * HOUR_MS
        last = plan.number == self.last_finished
        for drug in plan.discharge:
            days = DRUGS[drug].dosage.days
            if not last:
                status = "completed"
            elif days is not None:
                status = "active" if plan.end + days * DAY_MS > g.ref_ms else "completed"
            else:
                status = "active"
            reason = plan.condition_id if drug in plan.acute else None
            self._request(plan, drug, status, "discharge", authored, requester, reason)
        for drug, why in plan.stopped.items():
            fr, nl = STOP_REASONS[why]
            self._request(plan, drug, "stopped", "discharge", authored, requester, None, nl if lang == "nl" else fr)

    def _request(self, plan: StayPlan, drug_key: str, status: str, category: str, authored: int, requester: str,
                 reason_condition: str | None, status_reason: str | None = None) -> None:
        g, roll = self.g, self.rng.random()
        drug = DRUGS[drug_key]
        variant, medication_id = "concept", None
        if roll < 0.08:
            variant = "contained"
        elif roll < 0.16:
            variant, medication_id = "reference", g.new_id("med")
            g.emit(mb.medication_resource(medication_id, drug, self.lang), authored)
        g.emit(mb.medication_request(g.new_id("mr"), g.pid, plan.eid, drug, self.lang, status=status,
                                     category=category, authored=authored, requester=requester,
                                     medication=variant, medication_id=medication_id,
                                     reason_condition=reason_condition, status_reason=status_reason), authored)

    def _imaging(self, plan: StayPlan) -> None:
        g, rng, lang = self.g, self.rng, self.lang
        exam = IMAGING[plan.reason.imaging or ""]
        radiologist = g.directory.specialist(rng, "radio").id
        g.out.shared_refs.add(("Practitioner", radiologist))
        at = plan.start + 3 * HOUR_MS
        issued = at + 4 * HOUR_MS
        abnormal = plan.reason.key not in ("syncope",) and rng.random() < 0.8
        finding = (exam.finding_nl if lang == "nl" else exam.finding_fr) if abnormal else (
            exam.normal_nl if lang == "nl" else exam.normal_fr)
        exam_label = exam.nl if lang == "nl" else exam.fr
        report_id = g.new_id("dr")
        mode = "absolute" if rng.random() < 0.25 else "url"
        source = self._source(plan, "radiology", radiologist, issued, "application/pdf", mode, exam.key, abnormal)
        source.owner = ("DiagnosticReport", report_id)
        attachment = self._attachment(source, mode, exam_label)
        g.emit(rb.imaging_report(report_id, g.pid, plan.eid, exam_label, finding, at, issued, radiologist,
                                 attachment), issued)
        if rng.random() < 0.6:
            doc_id = g.new_id("doc")
            # The same report published as a document too, as hospitals do; it names the report it publishes
            # (context.related) and the desktop lists the report once.
            published = rb.document_reference(doc_id, g.pid, plan.eid, "radiology", lang, issued, radiologist,
                                              HOSPITAL_ID, dict(attachment), period(plan.start, plan.end),
                                              g.specialty_label("radio"))
            published["context"]["related"] = [{"reference": f"DiagnosticReport/{report_id}"}]
            g.emit(published, issued)

    def _discharge_letter(self, plan: StayPlan, author: str, setting: str) -> None:
        assert plan.end is not None
        date = plan.end + self.rng.randint(1, 4) * DAY_MS + self.rng.randint(1, 8) * HOUR_MS
        if date > self.g.ref_ms - 2 * HOUR_MS:
            return  # not written yet: recent discharges often have no letter for a few days
        self._document(plan, "discharge", author, date, period(plan.start, plan.end), setting)

    def _document(self, plan: StayPlan, kind: str, author: str, date: int, stay: JSON | None, setting: str) -> None:
        g, roll = self.g, self.rng.random()
        if roll < 0.5:
            mode, content_type = "url", "application/pdf"
        elif roll < 0.68:
            mode, content_type = "absolute", "application/pdf"
        elif roll < 0.9:
            mode, content_type = "inline", "application/pdf"
        else:
            mode, content_type = ("inline" if roll < 0.95 else "url"), "text/plain"
        doc_id = g.new_id("doc")
        source = self._source(plan, kind, author, date, content_type, mode)
        source.owner = ("DocumentReference", doc_id)
        title = rb.DOCUMENT_TYPES[kind][3 if self.lang == "nl" else 2]
        g.emit(rb.document_reference(doc_id, g.pid, plan.eid, kind, self.lang, date, author, HOSPITAL_ID,
                                     self._attachment(source, mode, title), stay, setting), date)

    def _source(self, plan: StayPlan, kind: str, author: str, date: int, content_type: str, mode: str,
                exam: str | None = None, abnormal: bool = False) -> AttachmentSource:
        source = AttachmentSource(self.g.new_id("bin"), self.g.pid, content_type, kind, self.lang, plan.eid, author,
                                  date, exam=exam, abnormal=abnormal, exposed=mode != "inline")
        self.g.out.attachments.append(source)
        return source

    def _attachment(self, source: AttachmentSource, mode: str, title: str) -> JSON:
        attachment: JSON = {"contentType": source.content_type, "language": f"{self.lang}-BE"}
        if mode == "url":
            attachment["url"] = f"Binary/{source.binary_id}"
        elif mode == "absolute":
            attachment["url"] = f"{ABSOLUTE_BASE_PLACEHOLDER}/Binary/{source.binary_id}"
        attachment["title"] = title
        attachment["creation"] = fhir_datetime(source.date_ms)
        return attachment
