"""Clinical vocabulary of the demo hospital: problems, reasons for admission, allergies, vaccines.

Constant tables; callable from any thread. SNOMED CT identifiers were checked against the SNOMED CT
International browser (browser.ihtsdotools.org) and public FHIR examples (HL7 FHIR R4 examples, Synthea);
ATC codes against the WHO ATC/DDD index. French and Dutch labels are our own wording.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ChronicProblem:
    key: str
    snomed: str
    display: str
    fr: str
    nl: str
    weight: float  # chance per admitted adult, scaled by age
    drug_options: tuple[tuple[str, ...], ...]  # one choice from each tuple; "" means none


CHRONIC: dict[str, ChronicProblem] = {p.key: p for p in (
    ChronicProblem("hypertension", "59621000", "Essential hypertension", "Hypertension artérielle essentielle",
                   "Essentiële hypertensie", 0.45,
                   (("amlodipine", "perindopril", "lisinopril", "candesartan"), ("", "", "hydrochlorothiazide"))),
    ChronicProblem("af", "49436004", "Atrial fibrillation", "Fibrillation auriculaire", "Voorkamerfibrillatie", 0.16,
                   (("warfarin", "rivaroxaban", "apixaban", "warfarin"), ("bisoprolol",),
                    ("", "", "", "amiodarone", "digoxin"))),
    ChronicProblem("t2dm", "44054006", "Diabetes mellitus type 2", "Diabète de type 2", "Diabetes mellitus type 2",
                   0.22, (("metformin",), ("", "gliclazide", "empagliflozin", "insulin_glargine"))),
    ChronicProblem("hf", "88805009", "Chronic congestive heart failure", "Insuffisance cardiaque chronique",
                   "Chronisch hartfalen", 0.12,
                   (("furosemide",), ("bisoprolol",), ("ramipril", "sacubitril_valsartan"), ("", "spironolactone"))),
    ChronicProblem("ckd", "433144002", "Chronic kidney disease stage 3", "Insuffisance rénale chronique stade 3",
                   "Chronische nierinsufficiëntie stadium 3", 0.15, (("", "", "allopurinol"),)),
    ChronicProblem("copd", "13645005", "Chronic obstructive lung disease",
                   "Bronchopneumopathie chronique obstructive (BPCO)", "Chronisch obstructief longlijden (COPD)",
                   0.12, (("tiotropium",), ("", "salmeterol_fluticasone"))),
    ChronicProblem("hypothyroidism", "40930008", "Hypothyroidism", "Hypothyroïdie", "Hypothyreoïdie", 0.08,
                   (("levothyroxine",),)),
    ChronicProblem("depression", "35489007", "Depressive disorder", "Trouble dépressif", "Depressieve stoornis",
                   0.12, (("escitalopram", "sertraline"), ("", "", "trazodone"))),
    ChronicProblem("hyperlipidemia", "55822004", "Hyperlipidemia", "Hyperlipidémie", "Hyperlipidemie", 0.3,
                   (("atorvastatin", "simvastatin", "rosuvastatin"),)),
    ChronicProblem("gerd", "235595009", "Gastroesophageal reflux disease", "Reflux gastro-œsophagien",
                   "Gastro-oesofageale refluxziekte", 0.18, (("pantoprazole", "esomeprazole", "omeprazole"),)),
    ChronicProblem("osteoarthritis", "239873007", "Osteoarthritis of knee", "Gonarthrose", "Gonartrose", 0.2,
                   (("paracetamol",), ("", "", "ibuprofen", "diclofenac", "tramadol"))),
    ChronicProblem("osteoporosis", "64859006", "Osteoporosis", "Ostéoporose", "Osteoporose", 0.1,
                   (("calcium_vitd",),)),
    ChronicProblem("ihd", "414545008", "Ischemic heart disease", "Cardiopathie ischémique",
                   "Ischemische hartziekte", 0.1, (("aspirin",), ("atorvastatin",), ("bisoprolol",))),
    ChronicProblem("insomnia", "193462001", "Insomnia", "Insomnie", "Slapeloosheid", 0.1,
                   (("zolpidem", "lorazepam", "alprazolam"),)),
)}


@dataclass(frozen=True, slots=True)
class AdmissionReason:
    key: str
    snomed: str
    display: str
    fr: str
    nl: str
    specialty: str  # key into SPECIALTIES
    inpatient: bool
    weight: float
    inpatient_drugs: tuple[str, ...] = ()
    discharge_drugs: tuple[str, ...] = ()
    procedure: tuple[str, str, str, str] | None = None  # SNOMED code, display, fr, nl
    surgical: bool = False
    imaging: str | None = None  # key into IMAGING
    infection: bool = False
    implies: str | None = None  # chronic problem this admission reveals or worsens


REASONS: dict[str, AdmissionReason] = {r.key: r for r in (
    AdmissionReason("hip_fracture", "359817006", "Closed fracture of hip", "Fracture fermée de la hanche",
                    "Gesloten heupfractuur", "ortho", True, 0.10, ("enoxaparin",),
                    ("paracetamol", "tramadol", "enoxaparin", "calcium_vitd"),
                    ("52734007", "Total replacement of hip", "Prothèse totale de hanche", "Totale heupprothese"),
                    True, "xr_hip", implies="osteoporosis"),
    AdmissionReason("pneumonia", "233604007", "Pneumonia", "Pneumonie", "Pneumonie", "pneumo", True, 0.14,
                    ("ceftriaxone",), ("amoxicillin_clavulanate",), None, False, "xr_chest", True),
    AdmissionReason("uti", "68566005", "Urinary tract infectious disease", "Infection urinaire",
                    "Urineweginfectie", "internal", True, 0.08, ("ceftriaxone",),
                    ("ciprofloxacin", "nitrofurantoin", "cotrimoxazole"), None, False, None, True),
    AdmissionReason("mi", "22298006", "Myocardial infarction", "Infarctus du myocarde", "Myocardinfarct", "cardio",
                    True, 0.08, ("enoxaparin",), ("aspirin", "clopidogrel", "atorvastatin", "bisoprolol", "ramipril"),
                    ("415070008", "Percutaneous coronary intervention", "Angioplastie coronaire percutanée",
                     "Percutane coronaire interventie"), False, "echo", implies="ihd"),
    AdmissionReason("stroke", "230690007", "Cerebrovascular accident", "Accident vasculaire cérébral",
                    "Cerebrovasculair accident", "neuro", True, 0.06, (), ("clopidogrel", "atorvastatin"), None,
                    False, "ct_head"),
    AdmissionReason("hf_decompensation", "84114007", "Heart failure", "Décompensation cardiaque",
                    "Gedecompenseerd hartfalen", "cardio", True, 0.09, ("furosemide",), (), None, False,
                    "xr_chest", implies="hf"),
    AdmissionReason("copd_exacerbation", "195951007", "Acute exacerbation of chronic obstructive airways disease",
                    "Exacerbation de BPCO", "COPD-exacerbatie", "pneumo", True, 0.07, (),
                    ("methylprednisolone", "clarithromycin"), None, False, "xr_chest", True, implies="copd"),
    AdmissionReason("cholecystitis", "65275009", "Acute cholecystitis", "Cholécystite aiguë", "Acute cholecystitis",
                    "surgery", True, 0.06, ("piperacillin_tazobactam",), ("paracetamol",),
                    ("45595009", "Laparoscopic cholecystectomy", "Cholécystectomie par laparoscopie",
                     "Laparoscopische cholecystectomie"), True, "us_abdomen", True),
    AdmissionReason("appendicitis", "85189001", "Acute appendicitis", "Appendicite aiguë", "Acute appendicitis",
                    "surgery", True, 0.04, ("piperacillin_tazobactam",), ("paracetamol",),
                    ("80146002", "Appendectomy", "Appendicectomie", "Appendectomie"), True, "us_abdomen", True),
    AdmissionReason("knee_replacement", "239873007", "Osteoarthritis of knee", "Gonarthrose sévère",
                    "Ernstige gonartrose", "ortho", True, 0.05, ("enoxaparin",),
                    ("paracetamol", "tramadol", "enoxaparin"),
                    ("609588000", "Total knee replacement", "Prothèse totale du genou", "Totale knieprothese"),
                    True, None, implies="osteoarthritis"),
    AdmissionReason("anaemia_workup", "271737000", "Anemia", "Anémie à bilanter", "Anemie ter evaluatie",
                    "gastro", False, 0.08, (), (),
                    ("73761001", "Colonoscopy", "Colonoscopie", "Colonoscopie")),
    AdmissionReason("gi_bleed", "74474003", "Gastrointestinal hemorrhage", "Hémorragie digestive",
                    "Gastro-intestinale bloeding", "gastro", True, 0.04, ("pantoprazole",), ("pantoprazole",)),
    AdmissionReason("hyperkalaemia", "14140009", "Hyperkalemia", "Hyperkaliémie", "Hyperkaliëmie", "nephro", True,
                    0.04),
    AdmissionReason("syncope", "271594007", "Syncope", "Syncope", "Syncope", "cardio", False, 0.06, (), (),
                    ("40701008", "Echocardiography", "Échocardiographie", "Echocardiografie"), False, "echo"),
    AdmissionReason("cellulitis", "128045006", "Cellulitis", "Érysipèle / cellulite", "Cellulitis", "internal",
                    False, 0.04, (), ("amoxicillin_clavulanate",), None, False, None, True),
    AdmissionReason("angiography", "414545008", "Ischemic heart disease", "Bilan coronarien",
                    "Coronair onderzoek", "cardio", False, 0.05, (), (),
                    ("33367005", "Angiography of coronary artery", "Coronarographie", "Coronarografie"),
                    False, None, implies="ihd"),
)}


@dataclass(frozen=True, slots=True)
class Specialty:
    key: str
    fr: str
    nl: str


SPECIALTIES: dict[str, Specialty] = {s.key: s for s in (
    Specialty("ortho", "Orthopédie", "Orthopedie"), Specialty("pneumo", "Pneumologie", "Pneumologie"),
    Specialty("internal", "Médecine interne", "Interne geneeskunde"), Specialty("cardio", "Cardiologie", "Cardiologie"),
    Specialty("neuro", "Neurologie", "Neurologie"),
    Specialty("surgery", "Chirurgie abdominale", "Abdominale heelkunde"),
    Specialty("gastro", "Gastro-entérologie", "Gastro-enterologie"), Specialty("nephro", "Néphrologie", "Nefrologie"),
    Specialty("radio", "Radiologie", "Radiologie"), Specialty("geriatrics", "Gériatrie", "Geriatrie"),
)}


@dataclass(frozen=True, slots=True)
class ImagingExam:
    key: str
    fr: str
    nl: str
    normal_fr: str
    normal_nl: str
    finding_fr: str
    finding_nl: str


IMAGING: dict[str, ImagingExam] = {e.key: e for e in (
    ImagingExam("xr_chest", "RX thorax face et profil", "RX thorax frontaal en profiel",
                "Pas de foyer de consolidation. Sinus costo-diaphragmatiques libres.",
                "Geen consolidatiehaard. Vrije sinussen.",
                "Opacité alvéolaire basale droite compatible avec un foyer infectieux.",
                "Alveolaire verdichting rechts basaal, passend bij een infectieuze haard."),
    ImagingExam("xr_hip", "RX bassin et hanche", "RX bekken en heup",
                "Pas de fracture visible.", "Geen fractuur zichtbaar.",
                "Fracture déplacée du col fémoral (Garden IV).", "Verplaatste collum femoris fractuur (Garden IV)."),
    ImagingExam("ct_head", "Scanner cérébral sans contraste", "CT hersenen zonder contrast",
                "Pas d'hémorragie intracrânienne.", "Geen intracraniële bloeding.",
                "Hypodensité sylvienne gauche récente, sans transformation hémorragique.",
                "Recente hypodensiteit links sylvisch, zonder hemorragische transformatie."),
    ImagingExam("us_abdomen", "Échographie abdominale", "Echografie abdomen",
                "Foie, voies biliaires et reins sans particularité.",
                "Lever, galwegen en nieren zonder bijzonderheden.",
                "Vésicule distendue à paroi épaissie, lithiase enclavée.",
                "Uitgezette galblaas met verdikte wand, ingeklemde steen."),
    ImagingExam("echo", "Échocardiographie transthoracique", "Transthoracale echocardiografie",
                "Fonction ventriculaire gauche conservée (FEVG 60 %).", "Behouden linkerventrikelfunctie (LVEF 60 %).",
                "Hypokinésie antérieure, FEVG estimée à 40 %.", "Anterieure hypokinesie, LVEF geschat op 40 %."),
)}


@dataclass(frozen=True, slots=True)
class AllergyKind:
    key: str
    snomed: str
    display: str
    fr: str
    nl: str
    atc: str | None
    category: str  # medication | food | environment
    criticality: str  # low | high | unable-to-assess
    reaction: tuple[str, str, str, str]  # SNOMED code, display, fr, nl
    severity: str  # mild | moderate | severe
    weight: float
    kind: str = "allergy"  # allergy | intolerance


ALLERGIES: tuple[AllergyKind, ...] = (
    AllergyKind("penicillin", "764146007", "Penicillin", "Pénicilline", "Penicilline", "J01C", "medication", "high",
                ("126485001", "Urticaria", "Urticaire", "Urticaria"), "moderate", 0.10),
    AllergyKind("amoxicillin", "372687004", "Amoxicillin", "Amoxicilline", "Amoxicilline", "J01CA04", "medication",
                "high", ("271807003", "Skin rash", "Éruption cutanée", "Huiduitslag"), "mild", 0.04),
    AllergyKind("sulfonamide", "387406002", "Sulfonamide", "Sulfamidés", "Sulfonamiden", "J01E", "medication",
                "high", ("271807003", "Skin rash", "Éruption cutanée", "Huiduitslag"), "moderate", 0.04),
    AllergyKind("ibuprofen", "387207008", "Ibuprofen", "Ibuprofène", "Ibuprofen", "M01AE01", "medication", "low",
                ("41291007", "Angioedema", "Angio-œdème", "Angio-oedeem"), "moderate", 0.03),
    AllergyKind("nsaid", "372665008", "Non-steroidal anti-inflammatory agent", "AINS", "NSAID's", "M01A",
                "medication", "low", ("422587007", "Nausea", "Nausées", "Misselijkheid"), "mild", 0.03,
                "intolerance"),
    AllergyKind("aspirin", "387458008", "Aspirin", "Acide acétylsalicylique", "Acetylsalicylzuur", "N02BA01",
                "medication", "high", ("39579001", "Anaphylaxis", "Anaphylaxie", "Anafylaxie"), "severe", 0.015),
    AllergyKind("codeine", "387494007", "Codeine", "Codéine", "Codeïne", "R05DA04", "medication", "low",
                ("422587007", "Nausea", "Nausées", "Misselijkheid"), "mild", 0.02, "intolerance"),
    AllergyKind("latex", "111088007", "Latex", "Latex", "Latex", None, "environment", "high",
                ("126485001", "Urticaria", "Urticaire", "Urticaria"), "moderate", 0.02),
    AllergyKind("peanut", "762952008", "Peanut", "Arachide", "Pinda", None, "food", "high",
                ("39579001", "Anaphylaxis", "Anaphylaxie", "Anafylaxie"), "severe", 0.015),
)


@dataclass(frozen=True, slots=True)
class Vaccine:
    key: str
    atc: str
    product: str
    fr: str
    nl: str


VACCINES: dict[str, Vaccine] = {v.key: v for v in (
    Vaccine("influenza", "J07BB02", "Vaxigrip Tetra", "Vaccin contre la grippe", "Griepvaccin"),
    Vaccine("pneumococcal", "J07AL02", "Prevenar 20", "Vaccin pneumococcique", "Pneumokokkenvaccin"),
    Vaccine("covid19", "J07BN01", "Comirnaty", "Vaccin COVID-19", "COVID-19-vaccin"),
    Vaccine("tetanus", "J07AM51", "Tedivax", "Vaccin tétanos-diphtérie", "Tetanus-difterievaccin"),
)}

DISCHARGE_DISPOSITIONS = {
    "home": ("Home", "Retour à domicile", "Naar huis"),
    "snf": ("Skilled nursing facility", "Maison de repos et de soins", "Woonzorgcentrum"),
    "rehab": ("Rehabilitation", "Centre de revalidation", "Revalidatiecentrum"),
}
