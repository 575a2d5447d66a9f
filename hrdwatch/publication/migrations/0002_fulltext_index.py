"""The full-text index over SearchEntry.tokens: an FTS5 table kept in sync by triggers on SQLite,
a GIN index on the tsvector column on PostgreSQL."""

from django.db import migrations

FTS_TABLE = "publication_searchentry_fts"
SQLITE_FORWARD = [
    f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(tokens, content='publication_searchentry', "
    "content_rowid='id', tokenize='ascii')",
    f"CREATE TRIGGER publication_searchentry_ai AFTER INSERT ON publication_searchentry BEGIN "
    f"INSERT INTO {FTS_TABLE}(rowid, tokens) VALUES (new.id, new.tokens); END",
    f"CREATE TRIGGER publication_searchentry_ad AFTER DELETE ON publication_searchentry BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, tokens) VALUES ('delete', old.id, old.tokens); END",
    f"CREATE TRIGGER publication_searchentry_au AFTER UPDATE ON publication_searchentry BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, tokens) VALUES ('delete', old.id, old.tokens); "
    f"INSERT INTO {FTS_TABLE}(rowid, tokens) VALUES (new.id, new.tokens); END",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS publication_searchentry_ai",
    "DROP TRIGGER IF EXISTS publication_searchentry_ad",
    "DROP TRIGGER IF EXISTS publication_searchentry_au",
    f"DROP TABLE IF EXISTS {FTS_TABLE}",
]
POSTGRES_FORWARD = [
    "CREATE INDEX publication_searchentry_tokens_gin ON publication_searchentry USING gin (tokens)"
]
POSTGRES_BACKWARD = ["DROP INDEX IF EXISTS publication_searchentry_tokens_gin"]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("publication", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        )
    ]
