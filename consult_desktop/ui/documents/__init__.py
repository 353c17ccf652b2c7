"""The documents tab: list, full-text search, and the viewer (PDF from memory, text, HTML, images). GUI thread
only.
"""
