"""Failed status look-ups counted per national ID hash, across conversations and channels.

Revision ID: 0002_national_id_lookup_guards
Revises: 0001_initial
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_national_id_lookup_guards"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "national_id_lookup_guards",
        sa.Column("national_id_hash", sa.String(length=64), nullable=False),
        sa.Column("window_started_at", sa.DateTime(), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.CheckConstraint("failures >= 0", name="ck_national_id_lookup_guards_failures_not_negative"),
        sa.PrimaryKeyConstraint("national_id_hash", name="pk_national_id_lookup_guards"),
    )
    op.create_index(
        "ix_national_id_lookup_guards_window_started_at",
        "national_id_lookup_guards",
        ["window_started_at"],
    )


def downgrade() -> None:
    op.drop_index("ix_national_id_lookup_guards_window_started_at", table_name="national_id_lookup_guards")
    op.drop_table("national_id_lookup_guards")
