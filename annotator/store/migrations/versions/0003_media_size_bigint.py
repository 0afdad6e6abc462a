"""sessions.media_size as an 8-byte integer

PostgreSQL's ``integer`` holds at most 2 147 483 647, so a recording of 2 GiB or more could
not be linked on a lab server. The media size (the only byte count in the schema) becomes
``bigint`` there. SQLite stores every INTEGER column in up to 8 bytes already, so a study file
is left as it is: rebuilding ``sessions`` (SQLite cannot change a column's type in place)
with foreign keys on would cascade-delete every coding of the study. Every other integer column holds milliseconds (at most 100 hours), frame
counts, pixel sizes or row ids, all checked against int4 (``annotator.core.limits``).

Revision ID: 0003
Revises: 0002
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def _sqlite() -> bool:
    return bool(op.get_bind().dialect.name == 'sqlite')


def upgrade() -> None:
    if _sqlite():
        return
    with op.batch_alter_table('sessions', schema=None) as batch_op:
        batch_op.alter_column('media_size', existing_type=sa.Integer(),
                              type_=sa.BigInteger(), existing_nullable=True)


def downgrade() -> None:
    if _sqlite():
        return
    conn = op.get_bind()
    big = conn.execute(sa.text(
        'SELECT COUNT(*) FROM sessions WHERE media_size > 2147483647')).scalar()
    if big:
        raise RuntimeError(f'{big} session(s) link a recording of 2 GiB or more; their size '
                           'does not fit schema 0002. Relink them first.')
    with op.batch_alter_table('sessions', schema=None) as batch_op:
        batch_op.alter_column('media_size', existing_type=sa.BigInteger(),
                              type_=sa.Integer(), existing_nullable=True)
