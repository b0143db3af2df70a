"""The live inbox: a handoff request's state, who took it and when, and its queue position.

Existing requests become "closed" when they were handled, else "waiting".

Revision ID: 0003_handoff_desk
Revises: 0002_national_id_lookup_guards
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0003_handoff_desk"
down_revision = "0002_national_id_lookup_guards"
branch_labels = None
depends_on = None

STATES = "state IN ('waiting', 'taken', 'returned', 'closed')"


def upgrade() -> None:
    # batch mode: SQLite cannot add a CHECK constraint to an existing table otherwise.
    with op.batch_alter_table("handoff_requests") as batch:
        batch.add_column(sa.Column("state", sa.String(length=16), nullable=False, server_default="waiting"))
        batch.add_column(sa.Column("assigned_to", sa.String(length=100), nullable=True))
        batch.add_column(sa.Column("taken_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("ahead_at_request", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("in_staff_hours", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch.create_check_constraint("ck_handoff_requests_state", STATES)
    op.execute("UPDATE handoff_requests SET state = 'closed' WHERE handled")
    op.create_index("ix_handoff_requests_state_created_at", "handoff_requests", ["state", "created_at"])
    op.create_index("ix_handoff_requests_conversation_id", "handoff_requests", ["conversation_id"])


def downgrade() -> None:
    op.drop_index("ix_handoff_requests_conversation_id", table_name="handoff_requests")
    op.drop_index("ix_handoff_requests_state_created_at", table_name="handoff_requests")
    with op.batch_alter_table("handoff_requests") as batch:
        batch.drop_constraint("ck_handoff_requests_state", type_="check")
        for column in ("in_staff_hours", "ahead_at_request", "taken_at", "assigned_to", "state"):
            batch.drop_column(column)
