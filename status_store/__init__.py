"""Status store: applications, eligibility checks, handoff requests and look-up counts.

Pure SQLAlchemy (no Rasa). The actions use `status_store.repository`; staff use
`python -m status_store`. Schema changes go through Alembic (status_store/alembic.ini).
"""

from status_store.applications import StatusAnswer, lookup_application, lookup_by_hash
from status_store.checks import ELIGIBILITY_SLOTS, record_eligibility_check
from status_store.crypto import hash_national_id
from status_store.demo import DEMO_APPLICATIONS
from status_store.engine import get_engine
from status_store.errors import HandoffNotFound, MissingHmacKey, StatusStoreError, StatusStoreUnavailable
from status_store.handoffs import Handoff, list_handoffs, mark_handoff_handled, record_handoff
from status_store.id_guard import GuardedAnswer, guarded_lookup, id_failures
from status_store.lockout import failed_lookups_since, is_locked_out, record_lookup

__all__ = [
    "DEMO_APPLICATIONS",
    "ELIGIBILITY_SLOTS",
    "GuardedAnswer",
    "Handoff",
    "HandoffNotFound",
    "MissingHmacKey",
    "StatusAnswer",
    "StatusStoreError",
    "StatusStoreUnavailable",
    "failed_lookups_since",
    "get_engine",
    "guarded_lookup",
    "hash_national_id",
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
