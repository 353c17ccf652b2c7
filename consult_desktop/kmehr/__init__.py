"""Belgian KMEHR XML: the medication scheme, the SUMEHR and other messages with medication items.

- `reader.read_kmehr(raw) -> FileRead`: medication lines as MedicationStatement-shaped dicts, SUMEHR items;
- `writer.write_medication_scheme(statements, patient) -> bytes`: the GP's list back as a medication scheme;
- `posology`: KMEHR regimen <-> FHIR dosage entries; `codes`: the code systems of both worlds.
XML is parsed with defusedxml (no DTD, entities or network). No Qt; safe on any thread.
"""
