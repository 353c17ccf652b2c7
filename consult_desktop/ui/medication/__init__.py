"""Widgets of the medication tab (the comparison view's parts). GUI thread only."""
