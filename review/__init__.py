"""Staff review tool: transcripts, outcomes, handoffs, corrections and reports.

Reads the Rasa tracker store (already masked by MaskingSQLTrackerStore) and the
status store; keeps its own small database for staff accounts, sessions, tags,
notes and intent corrections. Run `python -m review --help`.
"""
