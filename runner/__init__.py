"""Starts and stops the assistant's processes (Rasa server, action server, web widget
server) the same way for `make run`, the end-to-end tests and the benchmarks."""

from runner.stack import Stack, StackConfig

__all__ = ["Stack", "StackConfig"]
