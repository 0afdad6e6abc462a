"""Alembic environment: runs on the connection the study opener hands over."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from annotator.store.models import Base, postgresql_options

config = context.config
postgresql_options()  # what migration 0004 creates on PostgreSQL, for comparisons
target_metadata = Base.metadata


def run_migrations() -> None:
    connection = config.attributes.get("connection")
    if connection is None:  # command-line use: `alembic -x url=... upgrade head`
        url = context.get_x_argument(as_dictionary=True).get("url", "sqlite:///dev.annot")
        engine = create_engine(url)
        with engine.begin() as conn:
            context.configure(connection=conn, target_metadata=target_metadata,
                              render_as_batch=True)
            with context.begin_transaction():
                context.run_migrations()
        return
    context.configure(connection=connection, target_metadata=target_metadata,
                      render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
