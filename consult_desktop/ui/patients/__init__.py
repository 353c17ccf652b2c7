"""The patient list (search, filters, badges) and the open patient's view: header with allergy banner, problems,
stays. GUI thread only.
"""
