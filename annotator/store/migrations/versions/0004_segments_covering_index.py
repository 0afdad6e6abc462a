"""a covering index for loading a coding's segments

Loading a session (``Study.segments``) and reliability's one-query read
(``store/segment_arrays.py``) read a coding's live segments in start and end order. With
``ix_segments_assignment`` (assignment_id, start_ms) every row was then looked up in the
table and the rows sorted again by end. ``ix_segments_assignment_span`` holds, in that
order, every column those reads use, so they are answered from the index alone, already
sorted. It starts with the columns of ``ix_segments_assignment``, which it replaces (an edit
still maintains as many indexes as before).

It holds segments only, not open recordings (``end_ms IS NOT NULL``, which every read of
segments says): the lookup of a coding's open recordings, at every key press, keeps using
``ix_segments_assignment_end`` instead of walking the coding's segments in this index.

On SQLite it also holds ``note`` and ``modifiers`` (the session load reads them; SQLite's
index entries have no size limit). PostgreSQL's B-tree entries must stay under about 2.7 kB
and a note may be 60,000 characters, so there the index ends with ``id``: reliability's read
can still be answered from the index, and the session load reads
note and modifiers from the table in index order.

Revision ID: 0004
Revises: 0003
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

NAME = 'ix_segments_assignment_span'
COLUMNS = ['assignment_id', 'start_ms', 'end_ms', 'deleted', 'code_id', 'id']
SQLITE_EXTRA = ['note', 'modifiers']


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == 'sqlite'
    live = sa.text('end_ms IS NOT NULL')
    op.create_index(NAME, 'segments', COLUMNS + (SQLITE_EXTRA if sqlite else []), unique=False,
                    sqlite_where=live, postgresql_where=live)
    op.drop_index('ix_segments_assignment', table_name='segments')


def downgrade() -> None:
    op.create_index('ix_segments_assignment', 'segments', ['assignment_id', 'start_ms'],
                    unique=False)
    op.drop_index(NAME, table_name='segments')
