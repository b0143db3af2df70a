"""Precomputed conversation summaries (filled by review.indexer) and sign-in failures.

The summaries are keyed by the tracker store's sender_id, so later tables (a live
handoff queue, staff assignments) can reference conversation_summaries.sender_id.

Revision ID: 0002_summaries_and_signin_failures
Revises: 0001_initial
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_summaries_and_signin_failures"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "conversation_summaries",
        sa.Column("sender_id", sa.String(255), primary_key=True),
        sa.Column("display_id", sa.String(255), nullable=False),
        sa.Column("channel", sa.String(32), nullable=False),
        sa.Column("started_at", sa.Float(), nullable=False),
        sa.Column("ended_at", sa.Float(), nullable=False),
        sa.Column("first_message", sa.Text(), nullable=False),
        sa.Column("had_fallback", sa.Boolean(), nullable=False),
        sa.Column("lowest_confidence", sa.Float(), nullable=True),
        sa.Column("user_messages", sa.Integer(), nullable=False),
        sa.Column("turns_to_result", sa.Integer(), nullable=True),
        sa.Column("intent_counts", sa.Text(), nullable=False),
        sa.Column("faq_counts", sa.Text(), nullable=False),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("last_event_id", sa.Integer(), nullable=False),
        sa.Column("offered_buttons", sa.Text(), nullable=False),
    )
    # The list's order (newest first, then id) is read straight from this index.
    op.create_index("ix_conversation_summaries_started", "conversation_summaries", ["started_at", "sender_id"])
    op.create_table(
        "conversation_outcomes",
        sa.Column("sender_id", sa.String(255), primary_key=True),
        sa.Column("outcome", sa.String(32), primary_key=True),
        sa.Column("source", sa.String(8), primary_key=True),
    )
    op.create_index("ix_conversation_outcomes_outcome", "conversation_outcomes", ["outcome"])
    op.create_table(
        "index_state",
        sa.Column("source", sa.String(32), primary_key=True),
        sa.Column("source_key", sa.String(64), nullable=False),
        sa.Column("last_id", sa.Integer(), nullable=False),
    )
    op.create_table(
        "signin_failures",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("key_hash", sa.String(64), nullable=False),
        sa.Column("failed_at", sa.Float(), nullable=False),
    )
    op.create_index("ix_signin_failures_key_time", "signin_failures", ["key_hash", "failed_at"])


def downgrade() -> None:
    for name in ("signin_failures", "index_state", "conversation_outcomes", "conversation_summaries"):
        op.drop_table(name)
