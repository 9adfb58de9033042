"""Fill the stored file size of existing images and renditions, reading each size from storage once."""

from django.db import migrations


def fill_sizes(apps, schema_editor):
    for model_name in ("Image", "ImageRendition"):
        model = apps.get_model("articles", model_name)
        storage = model._meta.get_field("file").storage
        rows = model.objects.filter(file_size__isnull=True).exclude(file="").only("pk", "file")
        for row in rows.iterator(chunk_size=500):
            try:
                size = storage.size(row.file.name)
            except Exception:  # a file gone from storage keeps an unknown size (feeds say 0)
                continue
            model.objects.filter(pk=row.pk).update(file_size=size)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0007_image_and_rendition_file_size"),
    ]

    operations = [
        migrations.RunPython(fill_sizes, migrations.RunPython.noop, elidable=True),
    ]
