"""Alembic environment for our four tables (offers, offer_categories, need_counts, contact_requests).

offers_db.migrate runs it with its own connection in `config.attributes["connection"]` (Alembic's
cookbook: "sharing a connection"), inside the one transaction that also holds the PostgreSQL lock.
Without one (a developer's autogenerate) it connects to the offers database from the settings:

    .venv/bin/python -c "from alembic import command; from offers_db.migrate import alembic_config; \\
        command.revision(alembic_config(), 'what changed', autogenerate=True, rev_id='0003_what_changed')"

Rasa's `events` table (and anything else in a shared database) is never looked at: include_name and
include_object keep only the tables of offers_db.models.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine
from sqlalchemy.engine import Connection

from offers_db.migrate import include_name, include_object
from offers_db.models import metadata

config = context.config
target_metadata = metadata


def _configure(**options: object) -> None:
    context.configure(
        target_metadata=target_metadata,
        include_name=include_name,
        include_object=include_object,
        # batch operations (table copies) are how SQLite alters tables; on PostgreSQL they are plain ALTERs,
        # so generated revisions run on both
        render_as_batch=True,
        compare_type=True,
        compare_server_default=True,
        **options,  # type: ignore[arg-type]
    )


def _run(connection: Connection) -> None:
    _configure(connection=connection)
    with context.begin_transaction():  # a no-op inside the caller's transaction
        context.run_migrations()


def run_migrations_offline() -> None:
    from offers_db.db import database_url

    _configure(url=database_url(), literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    from offers_db.db import database_url

    engine = create_engine(database_url(), future=True, hide_parameters=True)
    try:
        with engine.begin() as own:
            _run(own)
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
