"""Loads rasa_extensions.action_server_guard before it is wired into the tracker store
module, so its effect can be measured and demonstrated now."""
from rasa_extensions.action_server_guard import install, uninstall  # noqa: F401
