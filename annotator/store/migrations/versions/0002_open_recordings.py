"""open recordings in a real column; each coding's last playhead position

A segment being recorded is stored with ``end_ms`` NULL (start, no end) instead of the
0001-era ``modifiers.open`` flag with ``end_ms == start_ms``. The edit log's before and
after states are converted the same way, and the row that closed a recording joins the
batch of the row that opened it, so one keyboard-coded segment is one undo step.
``assignments.last_position_ms`` keeps where the coder left the playhead.

Revision ID: 0002
Revises: 0001
"""
from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

_segments = sa.table(
    'segments', sa.column('id', sa.String), sa.column('end_ms', sa.Integer),
    sa.column('modifiers', sa.JSON),
)
_log = sa.table(
    'edit_log', sa.column('id', sa.Integer), sa.column('entity', sa.String),
    sa.column('entity_id', sa.String), sa.column('action', sa.String),
    sa.column('before', sa.JSON), sa.column('after', sa.JSON), sa.column('batch', sa.String),
)


def _as_dict(value: Any) -> dict[str, Any] | None:
    if isinstance(value, str):
        value = json.loads(value)
    return dict(value) if isinstance(value, dict) else None


def _flagged(state: dict[str, Any] | None) -> bool:
    return bool(state and isinstance(state.get('modifiers'), dict)
                and state['modifiers'].get('open'))


def _unflag(state: dict[str, Any]) -> dict[str, Any]:
    mods = {k: v for k, v in state['modifiers'].items() if k != 'open'}
    return {**state, 'modifiers': mods, 'end_ms': None}


def upgrade() -> None:
    with op.batch_alter_table('segments', schema=None) as batch_op:
        batch_op.alter_column('end_ms', existing_type=sa.Integer(), nullable=True)
        # finds a coding's open recordings (end_ms NULL) without a scan of its segments
        batch_op.create_index('ix_segments_assignment_end', ['assignment_id', 'end_ms'],
                              unique=False)
    with op.batch_alter_table('assignments', schema=None) as batch_op:
        batch_op.add_column(sa.Column('last_position_ms', sa.Integer(), nullable=True))
    with op.batch_alter_table('edit_log', schema=None) as batch_op:
        batch_op.create_index('ix_edit_log_entity', ['entity_id', 'id'], unique=False)

    conn = op.get_bind()
    # segments still being recorded: the flag becomes a missing end
    text_mods = sa.cast(_segments.c.modifiers, sa.Text)
    for sid, mods in conn.execute(
        sa.select(_segments.c.id, _segments.c.modifiers).where(text_mods.like('%open%'))
    ).all():
        state = {'modifiers': _as_dict(mods) or {}}
        if _flagged(state):
            conn.execute(_segments.update().where(_segments.c.id == sid).values(
                end_ms=None, modifiers=_unflag(state)['modifiers']))

    # the edit log: open states lose the flag and their end; a close joins its open's batch
    rows = conn.execute(
        sa.select(_log.c.id, _log.c.entity_id, _log.c.action, _log.c.before, _log.c.after,
                  _log.c.batch)
        .where(_log.c.entity == 'segment',
               sa.or_(sa.cast(_log.c.before, sa.Text).like('%open%'),
                      sa.cast(_log.c.after, sa.Text).like('%open%')))
        .order_by(_log.c.id)
    ).all()
    opened_in: dict[str, str | None] = {}
    for log_id, entity_id, action, before_raw, after_raw, batch in rows:
        before, after = _as_dict(before_raw), _as_dict(after_raw)
        if not (_flagged(before) or _flagged(after)):
            continue
        values: dict[str, Any] = {}
        if _flagged(after) and after is not None:
            values['after'] = _unflag(after)
            if action == 'create':
                opened_in[entity_id] = batch
        if _flagged(before) and before is not None:
            values['before'] = _unflag(before)
            if not _flagged(after) and entity_id in opened_in:
                values['batch'] = opened_in.pop(entity_id)  # the close joins the open
        conn.execute(_log.update().where(_log.c.id == log_id).values(**values))


def downgrade() -> None:
    conn = op.get_bind()
    # a recording becomes a zero-length segment flagged open again
    for sid, mods in conn.execute(
        sa.select(_segments.c.id, _segments.c.modifiers).where(_segments.c.end_ms.is_(None))
    ).all():
        conn.execute(_segments.update().where(_segments.c.id == sid).values(
            modifiers={**(_as_dict(mods) or {}), 'open': True}))
    conn.execute(sa.text('UPDATE segments SET end_ms = start_ms WHERE end_ms IS NULL'))
    with op.batch_alter_table('edit_log', schema=None) as batch_op:
        batch_op.drop_index('ix_edit_log_entity')
    with op.batch_alter_table('assignments', schema=None) as batch_op:
        batch_op.drop_column('last_position_ms')
    with op.batch_alter_table('segments', schema=None) as batch_op:
        batch_op.drop_index('ix_segments_assignment_end')
        batch_op.alter_column('end_ms', existing_type=sa.Integer(), nullable=False)
