"""Medication safety: normalisation, knowledge base, interaction/duplicate/allergy/renal checks, comparison.

Public API (plain Python, no Qt; callable from any thread once the knowledge base is loaded):

- `knowledge_base.load_knowledge_base() -> KnowledgeBase` (parsed once, cached); `kb.suggest(prefix, limit)`
- `normalise.normalise(resource, resolve_reference=None) -> MedicationEntry`
- `allergies.parse_allergy(resource) -> AllergyEntry | None`
- `checker.check(hospital, gp, allergies=(), egfr=None, language=None, patient=None) -> CheckResult(flags,
  not_checked, not_checked_allergies, coverage, renal_basis)`; `language` defaults to `language.process_language()`
- `comparison.compare(hospital, gp, allergies=(), egfr=None, hospital_is_discharge_list=False, language=None,
  patient=None) -> Comparison`
- `renal_check.PatientFacts(age, sex, weight_kg, creatinine_mg_dl)`;
  `patient_facts.patient_facts(patient, observations)`
- `report.coverage_line(coverage, language)`, `report.allergies_line(labels, language)`, `report.text_report(...)`
- `allergies.is_recognised(text, code, system, categories)` for screens showing domain allergies
- `gp_import.read_gp_medication(path) -> GpImport(statements, skipped_rows)`
- `fhir_input.read_entries(path)`, `fhir_input.make_resolver(entries)` for Bundles and referenced Medications
"""
