"""Migrations that say what the database holds, and do the same thing whenever they run."""

import importlib

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from articles.links import ENTITY_LINKS
from organizations.models import Person, PersonAlias

pytestmark = pytest.mark.django_db

NAME_KEYS = importlib.import_module("organizations.migrations.0002_entity_and_alias_name_keys")


def index_shape(table: str, name: str) -> tuple[list[str], list[str]] | None:
    """(key columns, included columns) of the index ``name`` as PostgreSQL has it, or None."""
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT a.attname, k.position <= i.indnkeyatts
            FROM pg_index i
            JOIN pg_class c ON c.oid = i.indexrelid
            CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, position)
            JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
            WHERE c.relname = %s AND i.indrelid = %s::regclass
            ORDER BY k.position
            """,
            [name, table],
        )
        rows = cursor.fetchall()
    if not rows:
        return None
    return [col for col, key in rows if key], [col for col, key in rows if not key]


@pytest.mark.parametrize("link", ENTITY_LINKS, ids=lambda link: link.kind)
def test_covering_indexes_of_the_links_are_in_djangos_state_and_match_the_database(link):
    model = link.link_model
    covering = [index for index in model._meta.indexes if index.include]
    assert covering, f"{model.__name__} declares no covering index for related-post scoring"
    for index in covering:
        keys = [model._meta.get_field(name).column for name in index.fields]
        included = [model._meta.get_field(name).column for name in index.include]
        assert index_shape(model._meta.db_table, index.name) == (keys, included), index.name


def test_name_key_data_migration_keeps_its_own_copy_of_the_function(monkeypatch):
    """A later change to organizations.names must not change what migration 0002 writes."""
    person = Person.objects.create(name="Dr. Pirhoshein Kolivand", slug="kolivand")
    PersonAlias.objects.create(person=person, name="Pirhossein Kolivand")
    Person.objects.filter(pk=person.pk).update(name_key="")
    PersonAlias.objects.filter(person=person).update(name_key="")

    import organizations.names

    monkeypatch.setattr(organizations.names, "name_key", lambda name, **kwargs: "changed-later")
    state = MigrationExecutor(connection).loader.project_state(
        ("organizations", "0002_entity_and_alias_name_keys")
    )
    with connection.schema_editor() as editor:
        NAME_KEYS.fill_name_keys(state.apps, editor)

    person.refresh_from_db()
    assert person.name_key == "pirhusainkulivand"
    assert list(PersonAlias.objects.filter(person=person).values_list("name_key", flat=True)) == [
        "pirhusainkulivand"
    ]
