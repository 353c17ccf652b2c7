"""Medicinal products of the demo hospital: Belgian brand names (FR/NL), ATC codes, dosage regimens.

Constant tables; callable from any thread. ATC codes come from the WHO Collaborating Centre ATC/DDD
index (whocc.no). Brand names are products marketed in Belgium (BCFI/CBIP repertory). The CNK codes are
SYNTHETIC: 7 digits starting with "99", shaped like CNK codes but not the real ones of these products,
so nothing here may be used to look a real package up.
"""

from __future__ import annotations

from dataclasses import dataclass

ORAL = ("26643006", "Oral route")
SUBCUTANEOUS = ("34206005", "Subcutaneous route")
INTRAVENOUS = ("47625008", "Intravenous route")
INHALED = ("447694001", "Respiratory tract route")


@dataclass(frozen=True, slots=True)
class Ingredient:
    name_en: str
    atc: str | None
    amount: float
    unit: str  # UCUM
    per: str | None = None  # UCUM denominator when not "one unit of the dose form" (e.g. "mL")


@dataclass(frozen=True, slots=True)
class Dosage:
    text_fr: str
    text_nl: str
    per_day: int
    when: tuple[str, ...]  # FHIR EventTiming codes
    dose: float
    unit_fr: str
    unit_nl: str
    unit_code: str  # UCUM annotation such as {tbl}
    route: tuple[str, str] = ORAL
    as_needed: bool = False
    days: int | None = None  # limited course (antibiotics, heparin after surgery)


@dataclass(frozen=True, slots=True)
class Drug:
    key: str
    brand: str
    strength: str
    form_fr: str
    form_nl: str
    atc: str
    ingredients: tuple[Ingredient, ...]
    dosage: Dosage
    cnk: str  # synthetic, see module docstring

    def name(self, lang: str) -> str:
        return f"{self.brand} {self.strength} {self.form_nl if lang == 'nl' else self.form_fr}"


TAB = ("comprimés", "tabletten")
FILM = ("comprimés pelliculés", "filmomhulde tabletten")
GASTRO = ("comprimés gastro-résistants", "maagsapresistente tabletten")
CAPS = ("gélules", "capsules")
INJ = ("solution injectable", "oplossing voor injectie")


def _dose(per_day: int, when: tuple[str, ...], fr: str, nl: str, dose: float = 1, unit: str = "tbl",
          **extra: object) -> Dosage:
    units = {"tbl": ("comprimé", "tablet", "{tbl}"), "cap": ("gélule", "capsule", "{cap}"),
             "puff": ("inhalation", "inhalatie", "{puff}"), "U": ("UI", "IE", "[IU]"),
             "amp": ("seringue", "spuit", "{syringe}"), "vial": ("flacon", "flacon", "{vial}")}[unit]
    return Dosage(fr, nl, per_day, when, dose, units[0], units[1], units[2], **extra)  # type: ignore[arg-type]


MORNING = _dose(1, ("MORN",), "1 comprimé le matin", "1 tablet 's morgens")
EVENING = _dose(1, ("EVE",), "1 comprimé le soir", "1 tablet 's avonds")
TWICE = _dose(2, ("MORN", "EVE"), "1 comprimé matin et soir", "1 tablet 's morgens en 's avonds")
THRICE_MEALS = _dose(3, ("CM", "CD", "CV"), "1 comprimé 3 fois par jour pendant les repas",
                     "1 tablet 3 maal per dag bij de maaltijd")

_RAW: tuple[tuple[str, str, str, tuple[str, str], str, tuple[Ingredient, ...] | None, Dosage], ...] = (
    ("amlodipine", "Amlor", "5 mg", TAB, "C08CA01", None, MORNING),
    ("pantoprazole", "Pantomed", "40 mg", GASTRO, "A02BC02", None,
     _dose(1, ("ACM",), "1 comprimé le matin à jeun", "1 tablet 's morgens nuchter")),
    ("warfarin", "Marevan", "5 mg", TAB, "B01AA03", None,
     _dose(1, ("EVE",), "1/2 comprimé le soir, selon INR (cible 2-3)",
           "1/2 tablet 's avonds, volgens INR (doel 2-3)", dose=0.5)),
    ("rivaroxaban", "Xarelto", "20 mg", FILM, "B01AF01", None,
     _dose(1, ("CV",), "1 comprimé le soir au repas", "1 tablet 's avonds bij de maaltijd")),
    ("apixaban", "Eliquis", "5 mg", FILM, "B01AF02", None, TWICE),
    ("escitalopram", "Sipralexa", "10 mg", FILM, "N06AB10", None, MORNING),
    ("paracetamol", "Dafalgan", "1 g", TAB, "N02BE01", None,
     _dose(3, ("MORN", "AFT", "EVE"), "1 comprimé jusqu'à 3 fois par jour si douleur",
           "1 tablet tot 3 maal per dag bij pijn", as_needed=True)),
    ("ibuprofen", "Brufen", "600 mg", FILM, "M01AE01", None, THRICE_MEALS),
    ("bisoprolol", "Emconcor", "5 mg", FILM, "C07AB07", None, MORNING),
    ("amiodarone", "Cordarone", "200 mg", TAB, "C01BD01", None, MORNING),
    ("furosemide", "Lasix", "40 mg", TAB, "C03CA01", None, MORNING),
    ("ramipril", "Tritace", "5 mg", TAB, "C09AA05", None, MORNING),
    ("perindopril", "Coversyl", "5 mg", FILM, "C09AA04", None, MORNING),
    ("lisinopril", "Zestril", "20 mg", TAB, "C09AA03", None, MORNING),
    ("candesartan", "Atacand", "8 mg", TAB, "C09CA06", None, MORNING),
    ("hydrochlorothiazide", "Esidrex", "25 mg", TAB, "C03AA03", None, MORNING),
    ("spironolactone", "Aldactone", "25 mg", FILM, "C03DA01", None, MORNING),
    ("sacubitril_valsartan", "Entresto", "49 mg/51 mg", FILM, "C09DX04",
     (Ingredient("sacubitril", None, 49, "mg"), Ingredient("valsartan", "C09CA03", 51, "mg")), TWICE),
    ("metformin", "Metformax", "850 mg", TAB, "A10BA02", None,
     _dose(2, ("CM", "CV"), "1 comprimé matin et soir au repas", "1 tablet 's morgens en 's avonds bij de maaltijd")),
    ("gliclazide", "Uni Diamicron", "60 mg", ("comprimés à libération modifiée", "tabletten met gereguleerde afgifte"),
     "A10BB09", None, _dose(1, ("CM",), "1 comprimé au petit-déjeuner", "1 tablet bij het ontbijt")),
    ("empagliflozin", "Jardiance", "10 mg", FILM, "A10BK03", None, MORNING),
    ("insulin_glargine", "Lantus", "100 UI/ml", ("solution injectable en stylo prérempli",
                                                  "oplossing voor injectie in voorgevulde pen"), "A10AE04",
     (Ingredient("insulin glargine", "A10AE04", 100, "[IU]", per="mL"),),
     _dose(1, ("EVE",), "20 UI en sous-cutané le soir", "20 IE subcutaan 's avonds", dose=20, unit="U",
           route=SUBCUTANEOUS)),
    ("tiotropium", "Spiriva Respimat", "2,5 µg", ("solution pour inhalation", "inhalatieoplossing"), "R03BB04",
     None, _dose(1, ("MORN",), "2 inhalations le matin", "2 inhalaties 's morgens", dose=2, unit="puff",
                 route=INHALED)),
    ("salmeterol_fluticasone", "Seretide Diskus", "50 µg/500 µg", ("poudre pour inhalation", "inhalatiepoeder"),
     "R03AK06", (Ingredient("salmeterol", "R03AC12", 50, "ug"), Ingredient("fluticasone", "R03BA05", 500, "ug")),
     _dose(2, ("MORN", "EVE"), "1 inhalation matin et soir", "1 inhalatie 's morgens en 's avonds", unit="puff",
           route=INHALED)),
    ("levothyroxine", "L-Thyroxine Christiaens", "100 µg", TAB, "H03AA01", None,
     _dose(1, ("ACM",), "1 comprimé le matin à jeun", "1 tablet 's morgens nuchter")),
    ("sertraline", "Serlain", "50 mg", FILM, "N06AB06", None, MORNING),
    ("trazodone", "Trazolan", "100 mg", TAB, "N06AX05", None,
     _dose(1, ("HS",), "1/2 comprimé au coucher", "1/2 tablet bij het slapengaan", dose=0.5)),
    ("atorvastatin", "Lipitor", "40 mg", FILM, "C10AA05", None, EVENING),
    ("simvastatin", "Zocor", "40 mg", FILM, "C10AA01", None, EVENING),
    ("rosuvastatin", "Crestor", "10 mg", FILM, "C10AA07", None, EVENING),
    ("esomeprazole", "Nexiam", "40 mg", GASTRO, "A02BC05", None,
     _dose(1, ("ACM",), "1 comprimé le matin à jeun", "1 tablet 's morgens nuchter")),
    ("omeprazole", "Losec", "20 mg", ("gélules gastro-résistantes", "maagsapresistente capsules"), "A02BC01", None,
     _dose(1, ("ACM",), "1 gélule le matin à jeun", "1 capsule 's morgens nuchter", unit="cap")),
    ("tramadol", "Tradonal", "50 mg", CAPS, "N02AX02", None,
     _dose(3, ("MORN", "AFT", "EVE"), "1 gélule jusqu'à 3 fois par jour si douleur intense",
           "1 capsule tot 3 maal per dag bij hevige pijn", unit="cap", as_needed=True)),
    ("enoxaparin", "Clexane", "40 mg/0,4 ml", INJ, "B01AB05",
     (Ingredient("enoxaparin", "B01AB05", 40, "mg", per="{syringe}"),),
     _dose(1, ("EVE",), "1 injection sous-cutanée le soir pendant 4 semaines",
           "1 subcutane injectie 's avonds gedurende 4 weken", unit="amp", route=SUBCUTANEOUS, days=28)),
    ("calcium_vitd", "Steovit D3", "1000 mg/880 UI", ("comprimés à croquer", "kauwtabletten"), "A12AX",
     (Ingredient("calcium carbonate", "A12AA04", 1000, "mg"), Ingredient("colecalciferol", "A11CC05", 880, "[IU]")),
     _dose(1, ("CV",), "1 comprimé à croquer au souper", "1 kauwtablet bij het avondmaal")),
    ("amoxicillin_clavulanate", "Augmentin", "875 mg/125 mg", FILM, "J01CR02",
     (Ingredient("amoxicillin", "J01CA04", 875, "mg"), Ingredient("clavulanic acid", None, 125, "mg")),
     _dose(3, ("CM", "CD", "CV"), "1 comprimé 3 fois par jour pendant 7 jours",
           "1 tablet 3 maal per dag gedurende 7 dagen", days=7)),
    ("clarithromycin", "Biclar", "500 mg", FILM, "J01FA09", None,
     _dose(2, ("MORN", "EVE"), "1 comprimé matin et soir pendant 7 jours",
           "1 tablet 's morgens en 's avonds gedurende 7 dagen", days=7)),
    ("levofloxacin", "Tavanic", "500 mg", FILM, "J01MA12", None,
     _dose(1, ("MORN",), "1 comprimé par jour pendant 7 jours", "1 tablet per dag gedurende 7 dagen", days=7)),
    ("nitrofurantoin", "Furadantine", "100 mg", CAPS, "J01XE01", None,
     _dose(3, ("CM", "CD", "CV"), "1 gélule 3 fois par jour pendant 5 jours",
           "1 capsule 3 maal per dag gedurende 5 dagen", unit="cap", days=5)),
    ("ciprofloxacin", "Ciproxine", "500 mg", FILM, "J01MA02", None,
     _dose(2, ("MORN", "EVE"), "1 comprimé matin et soir pendant 7 jours",
           "1 tablet 's morgens en 's avonds gedurende 7 dagen", days=7)),
    ("cotrimoxazole", "Bactrim Forte", "800 mg/160 mg", TAB, "J01EE01",
     (Ingredient("sulfamethoxazole", "J01EC01", 800, "mg"), Ingredient("trimethoprim", "J01EA01", 160, "mg")),
     _dose(2, ("MORN", "EVE"), "1 comprimé matin et soir pendant 5 jours",
           "1 tablet 's morgens en 's avonds gedurende 5 dagen", days=5)),
    ("aspirin", "Asaflow", "80 mg", GASTRO, "B01AC06",
     (Ingredient("acetylsalicylic acid", "B01AC06", 80, "mg"),), MORNING),
    ("clopidogrel", "Plavix", "75 mg", FILM, "B01AC04", None, MORNING),
    ("zolpidem", "Stilnoct", "10 mg", FILM, "N05CF02", None,
     _dose(1, ("HS",), "1 comprimé au coucher si nécessaire", "1 tablet bij het slapengaan indien nodig",
           as_needed=True)),
    ("lorazepam", "Temesta", "1 mg", TAB, "N05BA06", None,
     _dose(1, ("HS",), "1 comprimé au coucher", "1 tablet bij het slapengaan")),
    ("alprazolam", "Xanax", "0,5 mg", TAB, "N05BA12", None, EVENING),
    ("allopurinol", "Zyloric", "300 mg", TAB, "M04AA01", None, MORNING),
    ("methylprednisolone", "Medrol", "32 mg", TAB, "H02AB04", None,
     _dose(1, ("MORN",), "1 comprimé le matin pendant 5 jours", "1 tablet 's morgens gedurende 5 dagen", days=5)),
    ("diclofenac", "Voltaren", "75 mg", ("comprimés à libération prolongée", "tabletten met verlengde afgifte"),
     "M01AB05", None, TWICE),
    ("potassium_chloride", "Kaleorid", "600 mg", ("comprimés à libération prolongée",
                                                  "tabletten met verlengde afgifte"), "A12BA01", None, TWICE),
    ("digoxin", "Lanoxin", "0,125 mg", TAB, "C01AA05", None, MORNING),
    ("domperidone", "Motilium", "10 mg", FILM, "A03FA03", None, THRICE_MEALS),
    ("ceftriaxone", "Ceftriaxone Fresenius", "2 g", ("poudre pour solution injectable",
                                                      "poeder voor oplossing voor injectie"), "J01DD04", None,
     _dose(1, ("MORN",), "2 g IV 1 fois par jour", "2 g IV 1 maal per dag", unit="vial", route=INTRAVENOUS,
           days=5)),
    ("piperacillin_tazobactam", "Tazocin", "4 g/0,5 g", ("poudre pour solution pour perfusion",
                                                          "poeder voor oplossing voor infusie"), "J01CR05",
     (Ingredient("piperacillin", "J01CA12", 4000, "mg"), Ingredient("tazobactam", "J01CG02", 500, "mg")),
     _dose(3, ("MORN", "AFT", "EVE"), "4 g/0,5 g IV toutes les 8 heures", "4 g/0,5 g IV om de 8 uur",
           unit="vial", route=INTRAVENOUS, days=5)),
)


def _strength_ingredient(name: str, atc: str, strength: str) -> tuple[Ingredient, ...]:
    value, _, unit = strength.partition(" ")
    unit = {"µg": "ug", "g": "g", "mg": "mg"}.get(unit, "mg")
    return (Ingredient(name.replace("_", " "), atc, float(value.replace(",", ".")), unit),)


DRUGS: dict[str, Drug] = {}
for _index, (_key, _brand, _strength, _form, _atc, _ingredients, _dosage) in enumerate(_RAW):
    DRUGS[_key] = Drug(
        key=_key, brand=_brand, strength=_strength, form_fr=_form[0], form_nl=_form[1], atc=_atc,
        ingredients=_ingredients or _strength_ingredient(_key, _atc, _strength.split("/")[0]),
        dosage=_dosage, cnk=f"99{(_index * 7919 + 1301) % 100000:05d}",
    )

RAAS_BLOCKERS = frozenset({"ramipril", "perindopril", "lisinopril", "candesartan", "sacubitril_valsartan",
                           "spironolactone"})
ANTIBIOTICS = frozenset({"amoxicillin_clavulanate", "clarithromycin", "levofloxacin", "nitrofurantoin",
                         "ciprofloxacin", "cotrimoxazole", "ceftriaxone", "piperacillin_tazobactam"})
STATINS = frozenset({"atorvastatin", "simvastatin", "rosuvastatin"})
HYPONATRAEMIA_RISK = frozenset({"hydrochlorothiazide", "escitalopram", "sertraline"})
INR_RAISERS = frozenset({"amiodarone", "clarithromycin", "cotrimoxazole", "levofloxacin", "ciprofloxacin"})
