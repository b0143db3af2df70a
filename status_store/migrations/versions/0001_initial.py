"""Initial schema: applications, eligibility checks, handoff requests, status lookups.

Revision ID: 0001_initial
Revises:
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "applications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("national_id_hash", sa.String(length=64), nullable=False),
        sa.Column("national_id_masked", sa.String(length=16), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=False),
        sa.Column("registration_date", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("decision_date", sa.Date(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("status IN ('under_review', 'eligible', 'ineligible')", name="ck_applications_status"),
        sa.PrimaryKeyConstraint("id", name="pk_applications"),
        sa.UniqueConstraint("national_id_hash", name="uq_applications_national_id_hash"),
    )
    op.create_table(
        "eligibility_checks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("conversation_id", sa.String(length=128), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("decision", sa.String(length=16), nullable=False),
        sa.Column("failed_conditions", sa.JSON(), nullable=False),
        sa.Column("estimated_support_sar", sa.Integer(), nullable=True),
        sa.Column("rules_version", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "decision IN ('eligible', 'ineligible', 'incomplete')",
            name="ck_eligibility_checks_decision",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_eligibility_checks"),
    )
    op.create_index("ix_eligibility_checks_conversation_id", "eligibility_checks", ["conversation_id"])
    op.create_table(
        "handoff_requests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("conversation_id", sa.String(length=128), nullable=False),
        sa.Column("channel", sa.String(length=32), nullable=False),
        sa.Column("topic", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("handled", sa.Boolean(), nullable=False),
        sa.Column("handled_at", sa.DateTime(), nullable=True),
        sa.Column("handled_by", sa.String(length=100), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_handoff_requests"),
    )
    op.create_index("ix_handoff_requests_handled_created_at", "handoff_requests", ["handled", "created_at"])
    op.create_table(
        "status_lookups",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("conversation_id", sa.String(length=128), nullable=False),
        sa.Column("succeeded", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_status_lookups"),
    )
    op.create_index(
        "ix_status_lookups_conversation_id_created_at",
        "status_lookups",
        ["conversation_id", "created_at"],
    )


def downgrade() -> None:
    op.drop_index("ix_status_lookups_conversation_id_created_at", table_name="status_lookups")
    op.drop_table("status_lookups")
    op.drop_index("ix_handoff_requests_handled_created_at", table_name="handoff_requests")
    op.drop_table("handoff_requests")
    op.drop_index("ix_eligibility_checks_conversation_id", table_name="eligibility_checks")
    op.drop_table("eligibility_checks")
    op.drop_table("applications")
