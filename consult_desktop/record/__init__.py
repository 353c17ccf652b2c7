"""The application layer between the screens and the core: what a screen reads and what a user does.

Reads (`patient_snapshot`, `document_content`, `medication`) return plain frozen data for one patient;
actions (`actions`) write through the store, write their own audit entry and return what they changed as a
dataclass of `changes`. No Qt here: the desktop calls these functions on its database lane, the command line
calls them directly. Every function takes an open `Store` and must run on the thread that opened it.
"""
