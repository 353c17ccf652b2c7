"""Packaged data files: the medication knowledge base, icons and translations."""
