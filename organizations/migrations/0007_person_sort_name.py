"""People get a sort name (surname first) for the A–Z index, filled for everyone already there."""

import django.db.models.functions.text
from django.db import migrations, models

from organizations.sort_names import person_sort_name


def fill_sort_names(apps, schema_editor):
    Person = apps.get_model("organizations", "Person")
    batch = []
    for person in Person.objects.only("pk", "name").iterator(chunk_size=2000):
        person.sort_name = person_sort_name(person.name)
        batch.append(person)
        if len(batch) >= 2000:
            Person.objects.bulk_update(batch, ["sort_name"])
            batch = []
    Person.objects.bulk_update(batch, ["sort_name"])


class Migration(migrations.Migration):
    dependencies = [
        ("organizations", "0006_event_zone_from_a_list_and_country_codes"),
    ]

    operations = [
        migrations.AddField(
            model_name="person",
            name="sort_name",
            field=models.CharField(
                blank=True,
                default="",
                db_default="",
                help_text="How the people index files this person, surname first: “Kolivand, Pirhossein” goes under K. Leave empty to have it made from the name; correct it when the surname is not the last word (“Hashemi Rafsanjani, Akbar”).",
                max_length=200,
                verbose_name="sort name",
            ),
        ),
        migrations.RunPython(fill_sort_names, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="person",
            index=models.Index(
                django.db.models.functions.text.Upper("sort_name"), models.F("id"), name="person_sort_name"
            ),
        ),
    ]
