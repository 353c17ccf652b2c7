"""Reading Belgian medication files: KMEHR scheme and SUMEHR, Belgian FHIR, quirks of real files."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from consult_desktop.medlist.reader import read_medication_bytes, read_medication_file
from consult_desktop.medlist.report import build_report
from consult_desktop.meds.dosage import parse_dosage, parse_dosage_text
from consult_desktop.meds.fhir_input import InputFileError

SAMPLES = Path(__file__).resolve().parents[3] / "shared" / "be-samples"
TODAY = dt.date(2026, 1, 15)

SCHEME = b"""<?xml version="1.0" encoding="UTF-8"?>
<kmehrmessage xmlns="http://www.ehealth.fgov.be/standards/kmehr/schema/v1">
 <header><standard><cd S="CD-STANDARD" SV="1.4">20231110</cd></standard></header>
 <folder>
  <patient><id S="ID-PATIENT">00000000097</id><firstname>Ann</firstname><familyname>Peeters</familyname>
   <birthdate><date>1950-02-03</date></birthdate></patient>
  <transaction><id S="ID-KMEHR">1</id><cd S="CD-TRANSACTION">medicationscheme</cd></transaction>
  <transaction><id S="ID-KMEHR">2</id><id S="LOCAL" SL="vitalinkuri">/subject/x/medication-scheme/2/1</id>
   <cd S="CD-TRANSACTION">medicationschemeelement</cd>
   <item><cd S="CD-ITEM">medication</cd>
    <content><medicinalproduct><intendedcd S="CD-DRUG-CNK">1234568</intendedcd>
      <intendedname>Bisoprolol EG 5 mg tabl. 100</intendedname></medicinalproduct></content>
    <beginmoment><date>2024-01-01</date></beginmoment>
    <frequency><periodicity><cd S="CD-PERIODICITY">D</cd></periodicity></frequency>
    <regimen>
     <daytime><dayperiod><cd S="CD-DAYPERIOD">morning</cd></dayperiod></daytime>
     <quantity><decimal>1</decimal></quantity>
     <daytime><dayperiod><cd S="CD-DAYPERIOD">thehourofsleep</cd></dayperiod></daytime>
     <quantity><decimal>1</decimal></quantity>
    </regimen>
   </item>
  </transaction>
  <transaction><id S="ID-KMEHR">3</id><id S="LOCAL" SL="vitalinkuri">/subject/x/medication-scheme/3/1</id>
   <cd S="CD-TRANSACTION">medicationschemeelement</cd>
   <item><cd S="CD-ITEM">medication</cd>
    <content><substanceproduct><intendedcd S="CD-INNCLUSTER">30957</intendedcd>
      <intendedname>simvastatine 40 mg tablet (or.)</intendedname></substanceproduct></content>
    <posology><text L="fr">1 comprim\xc3\xa9 le soir</text></posology>
   </item>
  </transaction>
  <transaction><id S="ID-KMEHR">4</id><cd S="CD-TRANSACTION">treatmentsuspension</cd>
   <item><cd S="CD-ITEM">medication</cd>
    <content><substanceproduct><intendedcd S="CD-INNCLUSTER">30957</intendedcd></substanceproduct></content>
    <lifecycle><cd S="CD-LIFECYCLE">suspended</cd></lifecycle>
    <lnk TYPE="isplannedfor" URL="/subject/x/medication-scheme/3/1"/>
   </item>
  </transaction>
  <transaction><id S="ID-KMEHR">5</id><cd S="CD-TRANSACTION"></cd>
   <item><cd S="CD-ITEM">medication</cd><content><compoundprescription>Ureum 5% in cetomacrogolcr\xc3\xa8me ad 100 g
   </compoundprescription></content></item>
   <item><cd S="CD-ITEM">medication</cd><content></content></item>
  </transaction>
 </folder>
</kmehrmessage>"""


def _report(raw: bytes):
    return build_report(read_medication_bytes(raw, "test", TODAY))


def test_medication_scheme_lines_codes_regimen_and_suspension() -> None:
    report = _report(SCHEME)
    assert report.format == "kmehr-medicationscheme"
    assert report.patient is not None and report.patient.ssin == "00000000097"
    bisoprolol, simvastatin, compound, empty = report.lines
    assert [code.kind for code in bisoprolol.identification.codes] == ["cnk"]
    assert bisoprolol.entry.ingredient_ids == {"bisoprolol"}
    assert bisoprolol.entry.dosage.per_day == 2.0 and bisoprolol.entry.dosage.dose_value == 1.0
    assert bisoprolol.words["fr"] == "1 le matin, 1 au coucher"
    assert bisoprolol.words["nl"] == "1 's morgens, 1 bij het slapengaan"
    assert simvastatin.identification.kind == "inncluster"
    assert simvastatin.status == "suspended"
    assert simvastatin.entry.dosage.per_day == 1.0
    assert compound.identification.kind == "compound" and compound.readable
    assert not empty.readable and "no product" in empty.reason
    assert report.summary == {"lines": 4, "resolved": 2, "not_resolved": 1, "unreadable": 1}


def test_soap_envelope_unknown_version_and_entities_refused() -> None:
    wrapped = (b'<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>'
               + SCHEME.split(b"?>", 1)[1].replace(b"20231110", b"29990101") + b"</soap:Body></soap:Envelope>")
    report = _report(wrapped)
    assert report.summary["lines"] == 4
    assert any("envelope" in warning for warning in report.warnings)
    assert any("version" in warning for warning in report.warnings)
    bomb = b'<?xml version="1.0"?><!DOCTYPE k [<!ENTITY a "aaaa">]><kmehrmessage>&a;</kmehrmessage>'
    with pytest.raises(InputFileError, match="refused for safety"):
        read_medication_bytes(bomb, "bomb.xml")
    with pytest.raises(InputFileError, match="not a KMEHR message"):
        read_medication_bytes(b"<html><body/></html>", "page.xml")
    with pytest.raises(InputFileError, match="not well-formed"):
        read_medication_bytes(b"<kmehrmessage><folder>", "cut.xml")


def _at(when: str, value: float) -> dict:
    return {"timing": {"repeat": {"when": [when]}}, "doseAndRate": [{"doseQuantity": {"value": value}}]}


def test_belgian_fhir_quirks() -> None:
    bundle = {"resourceType": "Bundle", "type": "collection", "entry": [
        {"fullUrl": "urn:be:custom:Patient/1", "resource": {
            "resourceType": "Patient", "identifier": [{"system": "https://www.ehealth.fgov.be/standards/fhir/core/"
                                                       "NamingSystem/ssin", "value": "00000000097"}]}},
        {"resourceType": "MedicationRequest", "status": "on-hold", "intent": "order",
         "subject": {"reference": "urn:be:custom:Patient/1"},
         "medicationCodeableConcept": {"coding": [{"code": "123123123", "display": "Paracetamol 500 mg"}]},
         "dosageInstruction": [_at("CM", 1), _at("CV", 2)]},
        {"fullUrl": "urn:uuid:2"},
        {"fullUrl": "urn:uuid:3", "request": {"method": "PUT", "url": "MedicationStatement/3"}},
        {"resource": {"resourceType": "MedicationStatement", "id": "x", "status": "active",
                      "subject": {"reference": "urn:be:custom:Patient/1"}}},
        {"resource": {"resourceType": "MedicationStatement", "id": "y", "status": "active",
                      "medicationCodeableConcept": {"coding": [{"system": "https://cnk.apb.be/codings/cnk_product_codes",
                                                                 "code": "12345", "display": "Asaflow 80 mg"}]}}},
    ]}
    report = _report(json.dumps(bundle).encode())
    assert report.patient.ssin == "00000000097"
    paracetamol, missing_resource, no_medication, mislabelled = report.lines
    assert paracetamol.status == "suspended" and paracetamol.entry.ingredient_ids == {"paracetamol"}
    assert "placeholder" in paracetamol.identification.codes[0].note
    assert paracetamol.entry.dosage.per_day == 2.0 and paracetamol.entry.dosage.dose_value == 1.5
    assert paracetamol.words["en"] == "1 at breakfast, 2 at dinner"
    assert not missing_resource.readable and "entry.resource" in missing_resource.reason
    assert not no_medication.readable and "medication[x]" in no_medication.reason
    assert mislabelled.identification.codes[0].kind is None and mislabelled.entry.ingredient_ids == {"aspirin"}
    assert report.summary == {"lines": 4, "resolved": 2, "not_resolved": 0, "unreadable": 2}


def test_unreadable_files_raise_input_errors(tmp_path: Path) -> None:
    for name, content in (("empty.json", b""), ("bad.json", b"{nope"), ("bin.dat", b"\x00\x01\x02")):
        path = tmp_path / name
        path.write_bytes(content)
        with pytest.raises(InputFileError):
            read_medication_file(path)
    with pytest.raises(InputFileError, match="cannot be read"):
        read_medication_file(tmp_path / "absent.xml")


def test_dutch_and_french_free_text_frequencies() -> None:
    assert parse_dosage_text("1 le matin, 1 au coucher").per_day == 2.0
    assert parse_dosage_text("1 tablet 's morgens, 's middags en 's avonds").per_day == 3.0
    assert parse_dosage_text("3 x par jour").per_day == 3.0
    two_moments = [{"timing": {"repeat": {"when": ["MORN"], "frequency": 1, "period": 1, "periodUnit": "d"}},
                    "doseAndRate": [{"doseQuantity": {"value": 1}}]},
                   {"timing": {"repeat": {"when": ["HS"], "frequency": 1, "period": 1, "periodUnit": "d"}},
                    "doseAndRate": [{"doseQuantity": {"value": 1}}]}]
    assert parse_dosage(two_moments).per_day == 2.0


@pytest.mark.skipif(not SAMPLES.is_dir(), reason=f"Belgian sample files not found at {SAMPLES}")
def test_every_be_sample_reads_without_error() -> None:
    files = sorted(path for path in SAMPLES.rglob("*") if path.suffix in (".json", ".xml"))
    assert files
    for path in files:
        report = build_report(read_medication_file(path))
        summary = report.summary
        assert summary["lines"] == summary["resolved"] + summary["not_resolved"] + summary["unreadable"]
        assert summary["lines"] >= 1, path.name


@pytest.mark.skipif(not SAMPLES.is_dir(), reason=f"Belgian sample files not found at {SAMPLES}")
def test_kmehr_scheme_and_its_fhir_twin_give_the_same_list() -> None:
    for stem in ("RIZIV_01", "TS-01-identifiers"):
        kmehr = build_report(read_medication_file(SAMPLES / "kmehr" / "smals-jy+KMEHR-tests" / f"ms__{stem}.xml"))
        fhir = build_report(read_medication_file(SAMPLES / "fhir" / "smals-jy+KMEHR-tests" / f"fhir-ms__{stem}.json"))
        assert [sorted(line.entry.ingredient_ids) for line in kmehr.lines] == \
            [sorted(line.entry.ingredient_ids) for line in fhir.lines]
        assert kmehr.patient.ssin == fhir.patient.ssin == "00000000097"


@pytest.mark.skipif(not SAMPLES.is_dir(), reason=f"Belgian sample files not found at {SAMPLES}")
def test_sumehr_medication_and_gp_items() -> None:
    report = build_report(read_medication_file(SAMPLES / "kmehr" / "dwagelaar+ttc2023-kmehr2fhir" /
                                               "sumehr_example.kmehr.xml"))
    assert report.format == "kmehr-sumehr"
    assert report.summary["lines"] == 4
    kinds = {item.kind for item in report.sumehr}
    assert {"problem", "vaccine"} <= kinds
    assert any(item.kind in ("adr", "allergy") for item in report.sumehr)


OLDER_KMEHR = b"""<kmehrmessage xmlns="http://www.ehealth.fgov.be/standards/kmehr/schema/v1">
 <header><standard><cd S="CD-STANDARD">20120401</cd></standard></header>
 <folder><patient><id S="INSS">00.00.00-000.97</id></patient>
  <transaction><id S="ID-KMEHR">1</id><cd S="CD-TRANSACTION">medicationschemeelement</cd>
   <item><cd S="CD-ITEM">medication</cd>
    <content><text L="nl">Een onbekend merk 10 mg</text></content>
    <content><cd S="CD-ATC">C07AB07</cd></content>
    <posology><low>1</low><high>1</high><unit><cd S="CD-ADMINISTRATIONUNIT">00005</cd></unit></posology>
    <dayperiod><cd S="CD-DAYPERIOD">morning</cd></dayperiod>
   </item></transaction>
  <transaction><id S="ID-KMEHR">2</id><cd S="CD-TRANSACTION">medicationschemeelement</cd>
   <item><cd S="CD-ITEM">medication</cd>
    <content><medicinalproduct><intendedcd S="CD-DRUG-CNK">1234568</intendedcd>
     <intendedname>Marevan 5 mg</intendedname></medicinalproduct></content></item></transaction>
  <transaction><id S="ID-KMEHR">3</id><cd S="CD-TRANSACTION">treatmentsuspension</cd>
   <item><cd S="CD-ITEM">medication</cd><lifecycle><cd S="CD-LIFECYCLE">stopped</cd></lifecycle>
    <lnk TYPE="isplannedfor" URL="//transaction[id[@S='ID-KMEHR']='2']"/></item></transaction>
 </folder></kmehrmessage>"""


def test_older_kmehr_atc_low_high_posology_and_xpath_linked_suspension() -> None:
    report = _report(OLDER_KMEHR)
    assert report.patient.ssin == "00000000097"
    assert any("version" in warning for warning in report.warnings) is False  # 20120401 is a known version
    bisoprolol, warfarin = report.lines
    assert bisoprolol.identification.kind == "atc" and bisoprolol.entry.ingredient_ids == {"bisoprolol"}
    assert bisoprolol.entry.dosage.dose_value == 1.0 and bisoprolol.entry.dosage.per_day == 1.0
    assert bisoprolol.words["nl"] == "1 's morgens"
    assert warfarin.status == "stopped" and warfarin.entry.ingredient_ids == {"warfarin"}


def test_other_terminologies_are_kept_and_an_empty_medication_is_unreadable() -> None:
    lines = [{"resourceType": "MedicationStatement", "id": "a", "status": "active", "medicationCodeableConcept": {
                 "coding": [{"system": "http://www.nlm.nih.gov/research/umls/rxnorm", "code": "855332"}]}},
             {"resourceType": "MedicationStatement", "id": "b", "status": "active", "medicationCodeableConcept": {}}]
    report = _report(json.dumps(lines).encode())
    rxnorm, empty = report.lines
    assert rxnorm.statement["medicationCodeableConcept"]["coding"][0]["code"] == "855332"
    assert not empty.readable and "empty" in empty.reason


def test_fields_of_the_wrong_type_make_a_line_unreadable_not_a_crash() -> None:
    lines = [{"resourceType": "MedicationStatement", "id": "a", "status": "active",
              "medicationCodeableConcept": {"coding": "C07AB07", "text": "Bisoprolol 5 mg"},
              "dosage": {"text": "1 per dag"}, "effectivePeriod": "2024"},
             {"resourceType": "MedicationStatement", "id": "b", "medicationReference": {"reference": 5},
              "contained": "nothing"},
             {"resourceType": "Bundle", "entry": [{"resource": "MedicationStatement"}, {"resource": {"id": 1}}]},
             {"resourceType": "MedicationRequest", "id": "c", "status": ["active"],
              "medicationCodeableConcept": {"text": "Marevan 5 mg"}, "dosageInstruction": [{"timing": "daily"}]}]
    report = _report(json.dumps(lines).encode())
    json.dumps(report.as_json())
    bisoprolol, reference, bad_entry, bad_resource, marevan = report.lines
    assert bisoprolol.readable and bisoprolol.entry.ingredient_ids == {"bisoprolol"}
    assert not reference.readable
    assert not bad_entry.readable and not bad_resource.readable
    assert marevan.readable and marevan.entry.ingredient_ids == {"warfarin"}
    with pytest.raises(InputFileError, match="nested too deeply"):
        read_medication_bytes(b"[" * 100000, "deep.json")


def test_history_bundle_deletions_are_not_lines_and_dose_ranges_read_as_words() -> None:
    bundle = {"resourceType": "Bundle", "type": "history", "entry": [
        {"fullUrl": "MedicationStatement/1", "request": {"method": "DELETE", "url": "MedicationStatement/1"}},
        {"resource": {"resourceType": "MedicationStatement", "id": "2", "status": "recorded",
                      "medication": {"concept": {"text": "Temesta 1 mg"}},
                      "dosage": [{"timing": {"repeat": {"when": ["HS"]}}, "asNeededBoolean": True,
                                  "doseAndRate": [{"doseRange": {"low": {"value": 1}, "high": {"value": 2}}}]}]}}]}
    report = _report(json.dumps(bundle).encode())
    (line,) = report.lines
    assert line.status == "active" and line.entry.ingredient_ids == {"lorazepam"}
    assert line.words["fr"] == "1-2 au coucher si nécessaire"
    assert any("deletion" in warning for warning in report.warnings)


@pytest.mark.skipif(not SAMPLES.is_dir(), reason=f"Belgian sample files not found at {SAMPLES}")
def test_every_sample_list_survives_a_kmehr_round_trip() -> None:
    """KMEHR carries a frequency only with the quantity of each intake: a bare FHIR "once a day" without a
    dose keeps its text but not its count."""
    from consult_desktop.domain.medication_file import FilePatient
    from consult_desktop.kmehr.writer import write_medication_scheme
    from consult_desktop.medlist.export import export_fhir

    def row(line):
        dosage = line.entry.dosage
        per_day = dosage.per_day if dosage.dose_value is not None else None
        return line.product, line.status, per_day, dosage.dose_value, sorted(line.entry.ingredient_ids)

    for path in sorted(p for p in SAMPLES.rglob("*") if p.suffix in (".json", ".xml")):
        report = build_report(read_medication_file(path))
        readable = [line for line in report.lines if line.readable]
        statements = [line.statement for line in readable]
        patient = report.patient or FilePatient()
        again = build_report(read_medication_bytes(write_medication_scheme(statements, patient)))
        assert [row(line) for line in again.lines] == [row(line) for line in readable], path.name
        bundle = build_report(read_medication_bytes(json.dumps(export_fhir(statements, FilePatient())).encode()))
        assert [line.as_json()["dose"] for line in bundle.lines] == [line.as_json()["dose"] for line in readable]
        assert [line.product for line in bundle.lines] == [line.product for line in readable], path.name


FHIR_XML = b"""<?xml version="1.0" encoding="UTF-8"?>
<Bundle xmlns="http://hl7.org/fhir"><type value="collection"/>
 <entry><fullUrl value="urn:uuid:p1"/><resource><Patient><id value="p1"/>
  <identifier><system value="https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/ssin"/>
   <value value="00000000097"/></identifier>
  <name><family value="Peeters"/><given value="Ann"/></name><birthDate value="1950-02-03"/></Patient></resource></entry>
 <entry><resource><MedicationStatement><id value="m1"/>
  <text><status value="generated"/><div xmlns="http://www.w3.org/1999/xhtml"><p>Bisoprolol</p></div></text>
  <status value="active"/>
  <medicationCodeableConcept><coding><system value="urn:be:samv2:vmpgroup"/><code value="3889"/>
   <display value="bisoprolol oraal 2,5 mg"/></coding></medicationCodeableConcept>
  <subject><reference value="urn:uuid:p1"/></subject>
  <dosage><timing><repeat><when value="CM"/></repeat></timing>
   <doseAndRate><doseQuantity><value value="1"/></doseQuantity></doseAndRate></dosage>
  <dosage><timing><repeat><when value="CV"/></repeat></timing>
   <doseAndRate><doseQuantity><value value="0.5"/></doseQuantity></doseAndRate></dosage>
 </MedicationStatement></resource></entry>
</Bundle>"""


def test_fhir_xml_and_utf16_kmehr_are_read() -> None:
    report = _report(FHIR_XML)
    assert report.format == "fhir-be"
    assert report.patient.ssin == "00000000097" and report.patient.birth_date == "1950-02-03"
    (line,) = report.lines
    assert line.identification.kind == "vmpgroup" and line.entry.ingredient_ids == {"bisoprolol"}
    assert line.entry.dosage.per_day == 2.0 and line.words["en"] == "1 at breakfast, ½ at dinner"
    utf16 = SCHEME.decode("utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16")
    assert _report(utf16).summary["lines"] == 4


def test_kmehr_regimen_with_weekdays_times_dates_and_a_weekly_period() -> None:
    item = b"""<kmehrmessage><folder><transaction><cd S="CD-TRANSACTION">medicationschemeelement</cd>
     <item><cd S="CD-ITEM">medication</cd><content><text>Methotrexate 2,5 mg</text></content>
      <beginmoment><date>2024-01-01</date></beginmoment><endmoment><date>2099-12-31</date></endmoment>
      <frequency><periodicity><cd S="CD-PERIODICITY">W</cd></periodicity></frequency>
      <regimen>
       <weekday><cd S="CD-WEEKDAY">monday</cd></weekday><daytime><time>08:00:00</time></daytime>
       <quantity><decimal>4</decimal></quantity>
       <weekday><cd S="CD-WEEKDAY">thursday</cd></weekday><daytime><time>08:00:00</time></daytime>
       <quantity><decimal>2</decimal></quantity>
      </regimen></item>
     <item><cd S="CD-ITEM">medication</cd><content><text>Medrol 32 mg</text></content>
      <regimen><date>2024-03-01</date><daytime><dayperiod><cd S="CD-DAYPERIOD">morning</cd></dayperiod></daytime>
       <quantity><decimal>1</decimal></quantity></regimen>
      <endmoment><date>2024-03-05</date></endmoment></item>
    </transaction></folder></kmehrmessage>"""
    methotrexate, medrol = _report(item).lines
    assert methotrexate.entry.ingredient_ids == {"methotrexate"} and methotrexate.status == "active"
    assert methotrexate.entry.dosage.per_day == round(2 / 7, 4) and methotrexate.entry.dosage.dose_value == 3.0
    assert methotrexate.words["en"] == "4 at 08:00 on Monday, 2 at 08:00 on Thursday"
    assert methotrexate.words["fr"] == "4 à 08:00 le lundi, 2 à 08:00 le jeudi"
    repeat = methotrexate.statement["dosage"][0]["timing"]["repeat"]
    assert repeat["dayOfWeek"] == ["mon"] and repeat["timeOfDay"] == ["08:00:00"]
    assert medrol.status == "stopped"  # its end moment has passed
    assert medrol.statement["dosage"][0]["timing"]["event"] == ["2024-03-01"]


def test_a_negative_quantity_keeps_the_intake_without_a_dose() -> None:
    message = b"""<kmehrmessage><folder><transaction><cd S="CD-TRANSACTION">medicationschemeelement</cd>
     <item><cd S="CD-ITEM">medication</cd><content><text>Dafalgan 500 mg</text></content>
      <frequency><periodicity><cd S="CD-PERIODICITY">UW</cd></periodicity></frequency>
      <regimen><daytime><dayperiod><cd S="CD-DAYPERIOD">afterbreakfast</cd></dayperiod></daytime>
       <quantity><decimal>-1</decimal></quantity></regimen></item>
    </transaction></folder></kmehrmessage>"""
    (line,) = _report(message).lines
    assert line.entry.dosage.dose_value is None and line.entry.dosage.per_day == 2.0  # every 12 hours
    assert line.words["fr"] == "? après le petit-déjeuner toutes les 12 heures"


def test_frequency_weekdays_and_phases_survive_a_kmehr_round_trip() -> None:
    from consult_desktop.domain.medication_file import FilePatient
    from consult_desktop.kmehr.writer import write_medication_scheme

    def repeat(**values):
        return {"timing": {"repeat": {"frequency": 1, "period": 1, "periodUnit": "d", **values}}}

    lines = [{"resourceType": "MedicationStatement", "id": "t", "status": "active",
              "medicationCodeableConcept": {"text": "Temesta 1 mg"},
              "dosage": [{**repeat(frequency=3), "doseAndRate": [{"doseQuantity": {"value": 1}}]}]},
             {"resourceType": "MedicationStatement", "id": "m", "status": "active",
              "medicationCodeableConcept": {"text": "Methotrexate 2,5 mg"},
              "dosage": [{**repeat(period=1, periodUnit="wk", dayOfWeek=["wed", "thu"]),
                          "doseAndRate": [{"doseQuantity": {"value": 1}}]}]},
             {"resourceType": "MedicationStatement", "id": "p", "status": "active",
              "medicationCodeableConcept": {"text": "Medrol 32 mg"},
              "dosage": [{**repeat(), "sequence": 1, "doseAndRate": [{"doseQuantity": {"value": 2}}]},
                         {**repeat(), "sequence": 2, "doseAndRate": [{"doseQuantity": {"value": 1}}]}]}]
    report = _report(json.dumps(lines).encode())
    temesta, methotrexate, medrol = report.lines
    assert (temesta.entry.dosage.per_day, temesta.entry.dosage.dose_value) == (3.0, 1.0)
    assert medrol.entry.dosage.dose_value == 2.0 and medrol.entry.dosage.per_day == 1.0  # the heaviest phase
    again = _report(write_medication_scheme([line.statement for line in report.lines[:2]], FilePatient()))
    assert (again.lines[0].entry.dosage.per_day, again.lines[0].entry.dosage.dose_value) == (3.0, 1.0)
    assert again.lines[1].words["en"] == methotrexate.words["en"] == "1 on Wednesday and Thursday"
