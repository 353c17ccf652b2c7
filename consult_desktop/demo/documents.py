"""Text of the demo hospital's clinical documents (discharge letters, operative and imaging reports), FR or NL.

Pure functions over plain data; callable from any thread. `DemoHospital` gathers the facts of a stay from
its resources when a document is first requested, then `compose` turns them into titled sections that
`pdfs` lays out as a PDF, or `as_text` as text/plain.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class AttachmentSource:
    """Where the bytes of one attachment come from; rendered lazily, then cached by the hospital."""

    binary_id: str
    patient: str
    content_type: str  # application/pdf | text/plain
    kind: str  # discharge | operative | radiology | note | large
    lang: str
    encounter: str | None
    author: str
    date_ms: int
    owner: tuple[str, str] | None = None  # resource whose attachment this is
    exam: str | None = None
    abnormal: bool = False
    text: str | None = None  # given text (documents added by a test)
    size: int | None = None  # target size in bytes (large documents)
    exposed: bool = True  # served as Binary/{id}; False for inline-only data


@dataclass(slots=True)
class DocumentFacts:
    lang: str
    kind: str
    hospital: str
    patient_name: str
    birth_date: str
    ssin: str
    document_date: str
    author: str
    gp: str = ""
    service: str = ""
    stay_start: str = ""
    stay_end: str = ""
    reason: str = ""
    diagnoses: list[str] = field(default_factory=list)
    procedures: list[str] = field(default_factory=list)
    medication: list[tuple[str, str]] = field(default_factory=list)  # (product, dosage text)
    stopped: list[str] = field(default_factory=list)
    labs: list[str] = field(default_factory=list)
    disposition: str = ""
    exam: str = ""
    finding: str = ""
    given_text: str | None = None


@dataclass(frozen=True, slots=True)
class ComposedDocument:
    title: str
    header: tuple[str, ...]
    sections: tuple[tuple[str, tuple[str, ...]], ...]
    signature: str


_T = {
    "fr": {
        "discharge": "Lettre de sortie", "operative": "Protocole opératoire", "radiology": "Rapport d'imagerie",
        "note": "Note clinique", "large": "Dossier numérisé",
        "patient": "Patient", "born": "né(e) le", "ssin": "NISS", "date": "Date", "gp": "Médecin traitant",
        "service": "Service", "stay": "Séjour du {start} au {end}", "stay_open": "Hospitalisé(e) depuis le {start}",
        "dear": "Cher Confrère, chère Consœur,",
        "intro": "Nous avons pris en charge votre patient(e) pour {reason}.",
        "diagnoses": "Diagnostics", "procedures": "Interventions", "labs": "Biologie marquante",
        "medication": "Traitement à la sortie", "stopped": "Traitements arrêtés", "follow": "Suivi",
        "follow_text": "Contrôle clinique et biologique chez le médecin traitant dans 2 semaines. Consultation de "
                       "contrôle dans notre service dans 6 semaines.",
        "disposition": "Sortie", "none": "Aucun", "regards": "Confraternellement,",
        "op_intro": "Indication opératoire : {reason}.",
        "op_course": "Installation en décubitus dorsal, antibioprophylaxie par céfazoline. Intervention sans "
                     "complication peropératoire. Pertes sanguines limitées. Fermeture plan par plan.",
        "op_after": "Suites : thromboprophylaxie, mobilisation précoce, contrôle de la plaie à J10.",
        "exam": "Examen", "indication": "Indication", "findings": "Constatations", "conclusion": "Conclusion",
        "large_text": "Document numérisé versé au dossier du patient (page {n}).",
    },
    "nl": {
        "discharge": "Ontslagbrief", "operative": "Operatieverslag", "radiology": "Radiologieverslag",
        "note": "Klinische nota", "large": "Gescand dossier",
        "patient": "Patiënt", "born": "geboren op", "ssin": "INSZ", "date": "Datum", "gp": "Huisarts",
        "service": "Dienst", "stay": "Opname van {start} tot {end}", "stay_open": "Opgenomen sinds {start}",
        "dear": "Geachte collega,",
        "intro": "Wij behandelden uw patiënt(e) voor {reason}.",
        "diagnoses": "Diagnosen", "procedures": "Ingrepen", "labs": "Opvallende labowaarden",
        "medication": "Medicatie bij ontslag", "stopped": "Gestopte medicatie", "follow": "Opvolging",
        "follow_text": "Klinische en biologische controle bij de huisarts binnen 2 weken. Controleconsultatie op "
                       "onze dienst binnen 6 weken.",
        "disposition": "Ontslag", "none": "Geen", "regards": "Met collegiale groeten,",
        "op_intro": "Indicatie: {reason}.",
        "op_course": "Ruglig, antibioticaprofylaxe met cefazoline. Ingreep zonder peroperatieve verwikkelingen. "
                     "Beperkt bloedverlies. Sluiten laag per laag.",
        "op_after": "Verder beleid: tromboseprofylaxe, vroege mobilisatie, wondcontrole op dag 10.",
        "exam": "Onderzoek", "indication": "Indicatie", "findings": "Bevindingen", "conclusion": "Besluit",
        "large_text": "Gescand document toegevoegd aan het patiëntendossier (pagina {n}).",
    },
}


def label(lang: str, key: str) -> str:
    return _T["nl" if lang == "nl" else "fr"][key]


def compose(f: DocumentFacts) -> ComposedDocument:
    t = _T["nl" if f.lang == "nl" else "fr"]
    header = [f"{t['patient']}: {f.patient_name}, {t['born']} {f.birth_date}", f"{t['ssin']}: {f.ssin}",
              f"{t['date']}: {f.document_date}"]
    if f.gp:
        header.append(f"{t['gp']}: {f.gp}")
    if f.service:
        header.append(f"{t['service']}: {f.service}")
    if f.stay_start:
        stay = t["stay"] if f.stay_end else t["stay_open"]
        header.append(stay.format(start=f.stay_start, end=f.stay_end))
    sections: list[tuple[str, tuple[str, ...]]] = []
    if f.given_text is not None:
        sections.append(("", tuple(f.given_text.splitlines() or [""])))
    elif f.kind == "discharge":
        sections.append(("", (t["dear"], t["intro"].format(reason=f.reason.lower()))))
        sections.append((t["diagnoses"], tuple(f.diagnoses) or (t["none"],)))
        if f.procedures:
            sections.append((t["procedures"], tuple(f.procedures)))
        if f.labs:
            sections.append((t["labs"], tuple(f.labs)))
        sections.append((t["medication"], tuple(f"{name} - {dose}" for name, dose in f.medication) or (t["none"],)))
        if f.stopped:
            sections.append((t["stopped"], tuple(f.stopped)))
        if f.disposition:
            sections.append((t["disposition"], (f.disposition,)))
        sections.append((t["follow"], (t["follow_text"],)))
    elif f.kind == "operative":
        sections.append(("", (t["op_intro"].format(reason=f.reason),)))
        sections.append((t["procedures"], tuple(f.procedures) or (t["none"],)))
        sections.append(("", (t["op_course"], t["op_after"])))
    elif f.kind == "radiology":
        sections.append((t["exam"], (f.exam,)))
        sections.append((t["indication"], (f.reason,)))
        sections.append((t["findings"], (f.finding,)))
        sections.append((t["conclusion"], (f.finding.split(",")[0].rstrip("."),)))
    else:
        sections.append(("", (t["large_text"].format(n=1),)))
    return ComposedDocument(
        title=f"{f.hospital} - {t[f.kind] if f.kind in t else t['note']}",
        header=tuple(header),
        sections=tuple(sections),
        signature=f"{t['regards']}\n{f.author}",
    )


def as_text(doc: ComposedDocument) -> str:
    lines = [doc.title, "=" * len(doc.title), *doc.header, ""]
    for heading, body in doc.sections:
        if heading:
            lines.append(heading)
        lines.extend(body)
        lines.append("")
    lines.extend(doc.signature.splitlines())
    return "\n".join(lines) + "\n"
