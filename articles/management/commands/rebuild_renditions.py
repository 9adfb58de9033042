from django.core.management.base import BaseCommand, CommandError

from articles.images.models import Image
from articles.images.renditions import image_renditions_make, images_missing_renditions
from newsroom.progress import progress


class Command(BaseCommand):
    help = (
        "Make the srcset renditions of every image again, or with --missing only of the images that "
        "have none or whose rendition files are gone from storage. Reads and writes media storage "
        "(the local disk or the bucket); a progress bar on a terminal."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--missing",
            action="store_true",
            help="Only images without renditions, or with a rendition file missing from storage.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Say which images would be remade; write nothing."
        )

    def handle(self, *args, missing: bool, dry_run: bool, **options):
        images = Image.objects.exclude(file="").order_by("pk")
        try:
            targets = images_missing_renditions(images) if missing else list(images)
        except Exception as error:
            raise CommandError(f"Could not list the renditions in media storage: {error}") from error
        what = "missing renditions" if missing else "renditions"
        if dry_run:
            ids = ", ".join(str(image.pk) for image in targets[:50]) + (" …" if len(targets) > 50 else "")
            self.stdout.write(f"Would remake the {what} of {len(targets)} images{': ' + ids if ids else ''}.")
            return
        made, failures = 0, []
        for image in progress(targets, total=len(targets), desc="Renditions", stream=self.stderr._out):
            try:
                made += image_renditions_make(image=image)
            except Exception as error:  # one unreadable original must not stop the others
                failures.append((image, error))
        if failures:
            first, error = failures[0]
            reason = " ".join(str(error).split()) or type(error).__name__
            raise CommandError(
                f"Renditions failed for {len(failures)} of {len(targets)} images "
                f"(ids {', '.join(str(image.pk) for image, _ in failures[:20])}); "
                f"image {first.pk} ({first.file.name}): {reason}. "
                f"The other {len(targets) - len(failures)} were remade."
            )
        self.stdout.write(self.style.SUCCESS(f"Remade {made} renditions of {len(targets)} images."))
