"""The main window and what every screen shares: the operation runner, the change signal, the current patient."""
