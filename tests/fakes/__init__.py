"""Local stand-ins for outside services, for tests only."""
