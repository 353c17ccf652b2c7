"""Laboratory tests of the demo hospital and clinically coherent values for a given patient and stay.

Pure functions and constant tables; callable from any thread. LOINC codes from loinc.org; reference
intervals are typical adult values of Belgian hospital laboratories, rounded. The eGFR is computed from the
creatinine with the CKD-EPI 2009 equation (Levey AS et al., Ann Intern Med 2009;150:604-612), the
equation LOINC 62238-1 names, so that a high creatinine always comes with a low eGFR.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from consult_desktop.demo import drugs


@dataclass(frozen=True, slots=True)
class LabTest:
    key: str
    loinc: str
    display: str
    fr: str
    nl: str
    unit: str  # UCUM code, also shown
    low: float | None
    high: float | None
    decimals: int

    @property
    def shown_unit(self) -> str:
        """Unit as printed on a lab report (the UCUM code stays in Quantity.code)."""
        return _SHOWN_UNITS.get(self.unit, self.unit)

    def rounded(self, value: float) -> float | int:
        return int(round(value)) if self.decimals == 0 else round(value, self.decimals)


_SHOWN_UNITS = {"mL/min/{1.73_m2}": "mL/min/1.73m²", "10*3/uL": "10³/µL", "m[IU]/L": "mUI/L", "{INR}": "INR"}

TESTS: dict[str, LabTest] = {t.key: t for t in (
    LabTest("creatinine", "2160-0", "Creatinine [Mass/volume] in Serum or Plasma", "Créatinine", "Creatinine",
            "mg/dL", 0.6, 1.2, 2),
    LabTest("egfr", "62238-1",
            "Glomerular filtration rate/1.73 sq M.predicted [Volume Rate/Area] in Serum, Plasma or Blood by "
            "Creatinine-based formula (CKD-EPI)", "DFG estimé (CKD-EPI)", "eGFR (CKD-EPI)",
            "mL/min/{1.73_m2}", 60, None, 0),
    LabTest("sodium", "2951-2", "Sodium [Moles/volume] in Serum or Plasma", "Sodium", "Natrium", "mmol/L",
            136, 145, 0),
    LabTest("potassium", "2823-3", "Potassium [Moles/volume] in Serum or Plasma", "Potassium", "Kalium", "mmol/L",
            3.5, 5.1, 1),
    LabTest("glucose", "2345-7", "Glucose [Mass/volume] in Serum or Plasma", "Glucose", "Glucose", "mg/dL",
            70, 110, 0),
    LabTest("crp", "1988-5", "C reactive protein [Mass/volume] in Serum or Plasma", "Protéine C-réactive (CRP)",
            "C-reactief proteïne (CRP)", "mg/L", None, 5, 1),
    LabTest("alt", "1742-6", "Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma",
            "ALAT (GPT)", "ALT (GPT)", "U/L", None, 41, 0),
    LabTest("hemoglobin", "718-7", "Hemoglobin [Mass/volume] in Blood", "Hémoglobine", "Hemoglobine", "g/dL",
            12.0, 16.5, 1),
    LabTest("leukocytes", "6690-2", "Leukocytes [#/volume] in Blood by Automated count", "Leucocytes",
            "Leukocyten", "10*3/uL", 4.0, 10.0, 1),
    LabTest("platelets", "777-3", "Platelets [#/volume] in Blood by Automated count", "Plaquettes",
            "Bloedplaatjes", "10*3/uL", 150, 400, 0),
    LabTest("hba1c", "4548-4", "Hemoglobin A1c/Hemoglobin.total in Blood", "Hémoglobine glyquée (HbA1c)",
            "Geglyceerd hemoglobine (HbA1c)", "%", 4.0, 6.0, 1),
    LabTest("inr", "6301-6", "INR in Platelet poor plasma by Coagulation assay", "INR", "INR", "{INR}", 0.8, 1.2, 1),
    LabTest("tsh", "3016-3", "Thyrotropin [Units/volume] in Serum or Plasma", "TSH", "TSH", "m[IU]/L", 0.27, 4.2, 2),
    LabTest("ntprobnp", "33762-6", "Natriuretic peptide.B prohormone N-Terminal [Mass/volume] in Serum or Plasma",
            "NT-proBNP", "NT-proBNP", "pg/mL", None, 450, 0),
)}

CHEMISTRY = ("creatinine", "egfr", "sodium", "potassium", "glucose", "crp", "alt")
HEMATOLOGY = ("hemoglobin", "leukocytes", "platelets")
FOLLOW_UP = ("creatinine", "egfr", "potassium", "crp", "hemoglobin")

# (LOINC, display, fr, nl) of the DiagnosticReport that groups each panel.
PANELS: dict[str, tuple[str, str, str, str]] = {
    "chemistry": ("24323-8", "Comprehensive metabolic 2000 panel - Serum or Plasma", "Biochimie", "Biochemie"),
    "hematology": ("58410-2", "CBC panel - Blood by Automated count", "Hématologie", "Hematologie"),
    "special": ("11502-2", "Laboratory report", "Analyses spécifiques", "Bijzondere analysen"),
}


def egfr_ckd_epi_2009(creatinine_mg_dl: float, age: int, female: bool) -> float:
    """eGFR in mL/min/1.73 m2 (CKD-EPI 2009, without race coefficient)."""
    kappa, alpha = (0.7, -0.329) if female else (0.9, -0.411)
    ratio = creatinine_mg_dl / kappa
    value = 141 * min(ratio, 1) ** alpha * max(ratio, 1) ** -1.209 * 0.993 ** age
    return value * (1.018 if female else 1.0)


def interpretation(test: LabTest, value: float) -> str:
    """H, L or N against the test's reference interval."""
    if test.high is not None and value > test.high:
        return "H"
    if test.low is not None and value < test.low:
        return "L"
    return "N"


@dataclass(slots=True)
class LabBaseline:
    """Per-patient starting values; each stay drifts from here so trends appear across stays."""

    creatinine: float
    potassium: float
    sodium: float
    hemoglobin: float
    platelets: float
    hba1c: float
    tsh: float
    alt: float
    extras: dict[str, float] = field(default_factory=dict)


def make_baseline(rng: random.Random, female: bool, problems: set[str]) -> LabBaseline:
    creatinine = rng.uniform(0.6, 0.95) if female else rng.uniform(0.75, 1.1)
    if "ckd" in problems:
        creatinine = rng.uniform(1.5, 2.4) * (0.85 if female else 1.0)
    hemoglobin = rng.uniform(12.3, 14.6) if female else rng.uniform(13.6, 16.0)
    if "ckd" in problems:
        hemoglobin -= rng.uniform(1.2, 2.4)
    return LabBaseline(
        creatinine=creatinine,
        potassium=rng.uniform(3.8, 4.7),
        sodium=rng.uniform(137, 142),
        hemoglobin=hemoglobin,
        platelets=rng.uniform(170, 340),
        hba1c=rng.uniform(7.0, 9.4) if "t2dm" in problems else rng.uniform(5.0, 5.7),
        tsh=rng.uniform(0.3, 7.5) if "hypothyroidism" in problems else rng.uniform(0.6, 3.5),
        alt=rng.uniform(12, 36),
    )


@dataclass(frozen=True, slots=True)
class StayContext:
    stay_number: int  # 0-based
    reason: str
    infection: bool
    problems: frozenset[str]
    medication: frozenset[str]  # drug keys on admission plus those started during the stay
    age: int
    female: bool


def stay_values(rng: random.Random, base: LabBaseline, ctx: StayContext) -> dict[str, float]:
    """Admission values for every test relevant to this patient and stay, rounded as the lab reports them."""
    meds, problems = ctx.medication, ctx.problems
    creat = base.creatinine * (1 + 0.12 * ctx.stay_number if "ckd" in problems else 1 + 0.02 * ctx.stay_number)
    if ctx.infection or ctx.reason in ("hf_decompensation", "gi_bleed", "hyperkalaemia"):
        creat *= rng.uniform(1.15, 1.45)  # acute kidney injury on top of the baseline
    potassium = base.potassium
    if meds & drugs.RAAS_BLOCKERS and ("ckd" in problems or creat > 1.5):
        potassium += rng.uniform(0.8, 1.4)
    elif "furosemide" in meds:
        potassium -= rng.uniform(0.2, 0.6)
    if ctx.reason == "hyperkalaemia":
        potassium = rng.uniform(6.1, 6.9)
    sodium = base.sodium
    if meds & drugs.HYPONATRAEMIA_RISK and ctx.age >= 75 and rng.random() < 0.5:
        sodium = rng.uniform(128, 134)
    glucose = rng.uniform(130, 245) if "t2dm" in problems else rng.uniform(76, 106)
    crp = rng.uniform(0.5, 6)
    if ctx.infection:
        crp = rng.uniform(60, 260)
    elif ctx.reason in ("hip_fracture", "mi", "stroke", "knee_replacement"):
        crp = rng.uniform(12, 70)
    alt = base.alt * (rng.uniform(1.6, 2.6) if meds & drugs.STATINS and rng.random() < 0.15 else 1.0)
    hb = base.hemoglobin - 0.15 * ctx.stay_number
    if ctx.reason == "gi_bleed":
        hb = rng.uniform(6.9, 8.6)
    elif ctx.reason == "anaemia_workup":
        hb = rng.uniform(8.8, 10.4)
    elif ctx.reason == "hip_fracture":
        hb -= rng.uniform(1.0, 2.0)
    leukocytes = rng.uniform(11.5, 19.0) if ctx.infection else rng.uniform(4.8, 9.6)
    values = {
        "creatinine": creat, "egfr": egfr_ckd_epi_2009(creat, ctx.age, ctx.female), "sodium": sodium,
        "potassium": potassium, "glucose": glucose, "crp": crp, "alt": alt, "hemoglobin": hb,
        "leukocytes": leukocytes, "platelets": base.platelets * rng.uniform(0.9, 1.1),
    }
    if "t2dm" in problems:
        values["hba1c"] = max(6.2, base.hba1c - 0.3 * ctx.stay_number + rng.uniform(-0.2, 0.2))
    if "warfarin" in meds:
        values["inr"] = rng.uniform(3.8, 5.6) if meds & drugs.INR_RAISERS else rng.uniform(1.7, 3.3)
    if "hypothyroidism" in problems or "amiodarone" in meds:
        values["tsh"] = base.tsh * rng.uniform(0.8, 1.25)
    if "hf" in problems or ctx.reason == "hf_decompensation":
        values["ntprobnp"] = rng.uniform(4000, 15000) if ctx.reason == "hf_decompensation" else rng.uniform(800,
                                                                                                              3000)
    return {key: TESTS[key].rounded(value) for key, value in values.items()}


def follow_up_values(rng: random.Random, admission: dict[str, float], ctx: StayContext) -> dict[str, float]:
    """Values on the day before discharge: acute changes recovering towards the baseline."""
    creat = admission["creatinine"] * rng.uniform(0.8, 0.95)
    values = {
        "creatinine": creat,
        "egfr": egfr_ckd_epi_2009(creat, ctx.age, ctx.female),
        "potassium": min(admission["potassium"], rng.uniform(4.0, 5.0)),
        "crp": admission["crp"] * rng.uniform(0.15, 0.5),
        "hemoglobin": admission["hemoglobin"] + (rng.uniform(0.8, 1.8) if ctx.reason == "gi_bleed" else 0.0),
    }
    return {key: TESTS[key].rounded(value) for key, value in values.items()}
