"""The sync as the screens see it: the controller running it in the background, the status bar, the problems
dialog. GUI thread only.
"""
