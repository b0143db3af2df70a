"""The status store's API for the Rasa actions and staff tools, in one import.

All functions take an optional keyword `engine`; by default they use
get_engine() (STATUS_DB_URL, else var/status.db). They are synchronous: call them
from async actions through asyncio.to_thread. Database outages raise
StatusStoreUnavailable; each write is one transaction.
"""

from status_store.applications import StatusAnswer, lookup_application, lookup_by_hash
from status_store.checks import ELIGIBILITY_SLOTS, record_eligibility_check
from status_store.handoffs import Handoff, list_handoffs, mark_handoff_handled, record_handoff
from status_store.id_guard import GuardedAnswer, guarded_lookup, id_failures
from status_store.lockout import failed_lookups_since, is_locked_out, record_lookup

__all__ = [
    "ELIGIBILITY_SLOTS",
    "GuardedAnswer",
    "Handoff",
    "StatusAnswer",
    "failed_lookups_since",
    "guarded_lookup",
    "id_failures",
    "is_locked_out",
    "list_handoffs",
    "lookup_application",
    "lookup_by_hash",
    "mark_handoff_handled",
    "record_eligibility_check",
    "record_handoff",
    "record_lookup",
]
