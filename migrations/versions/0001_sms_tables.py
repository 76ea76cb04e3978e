"""SMS tables: contacts (encrypted numbers, opt-outs), handled webhooks, deliveries.

Revision ID: 0001
Revises:
Create Date: 2024-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create sms_contacts, sms_inbound and sms_deliveries."""
    op.create_table(
        "sms_contacts",
        sa.Column("conversation_id", sa.String(40), primary_key=True),
        sa.Column("phone_encrypted", sa.Text(), nullable=True),
        sa.Column("opted_out", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_sms_contacts_last_seen_at", "sms_contacts", ["last_seen_at"])

    op.create_table(
        "sms_inbound",
        sa.Column("message_sid", sa.String(64), primary_key=True),
        sa.Column("conversation_id", sa.String(40), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_sms_inbound_conversation_id", "sms_inbound", ["conversation_id"])
    op.create_index("ix_sms_inbound_received_at", "sms_inbound", ["received_at"])

    op.create_table(
        "sms_deliveries",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("message_sid", sa.String(64), nullable=True, unique=True),
        sa.Column("conversation_id", sa.String(40), nullable=True),
        sa.Column("status", sa.String(32), nullable=False),
        sa.Column("error_code", sa.String(32), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_sms_deliveries_conversation_id", "sms_deliveries", ["conversation_id"])
    op.create_index("ix_sms_deliveries_updated_at", "sms_deliveries", ["updated_at"])


def downgrade() -> None:
    """Drop the SMS tables (and everything in them)."""
    op.drop_table("sms_deliveries")
    op.drop_table("sms_inbound")
    op.drop_table("sms_contacts")
