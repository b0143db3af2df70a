"""The live inbox: staff roles (agent, supervisor) and a per-staff limit on inbox actions.

Existing accounts become agents; `python -m review set-role NAME supervisor` promotes one.

Revision ID: 0003_inbox_roles_and_post_limits
Revises: 0002_summaries_and_signin_failures
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0003_inbox_roles_and_post_limits"
down_revision = "0002_summaries_and_signin_failures"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("staff") as batch:
        batch.add_column(sa.Column("role", sa.String(16), nullable=False, server_default="agent"))
    op.create_table(
        "staff_actions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("key_hash", sa.String(64), nullable=False),
        sa.Column("acted_at", sa.Float(), nullable=False),
    )
    op.create_index("ix_staff_actions_key_time", "staff_actions", ["key_hash", "acted_at"])


def downgrade() -> None:
    op.drop_table("staff_actions")
    with op.batch_alter_table("staff") as batch:
        batch.drop_column("role")
