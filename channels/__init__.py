"""Messaging channels that connect users to the Rasa server (see channels/README.md)."""
