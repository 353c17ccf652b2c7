"""The medication tab: the hospital's list beside the GP's, safety flags, prescriptions, the reconciliation PDF.
GUI thread only.
"""
