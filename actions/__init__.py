"""Custom actions: thin adapters between Rasa and the eligibility, Arabic-text and
status-store packages. Business rules live in those packages, not here."""
