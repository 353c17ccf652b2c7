"""Dialogs and the first-run wizard: unlock, settings and server form, access log, about, wipe, self-test.
GUI thread only.
"""
