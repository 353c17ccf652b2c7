"""meds package."""
