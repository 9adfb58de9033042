"""Adding pictures to the library: one path for the admin's single and multi-file uploads and the demo.

Every picture goes through the same checks (``newsroom.picture_uploads.validate_image_upload``), the
same cleaning (``Image.save`` re-encodes it) and gets its renditions made, by a task after commit
or at once.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction

from articles.images.models import Image
from articles.images.renditions import enqueue_renditions, image_renditions_make
from newsroom.picture_uploads import validate_image_upload


def image_upload(
    *,
    upload,
    alt_text: str = "",
    caption: str = "",
    credit: str = "",
    focal_x: float = 0.5,
    focal_y: float = 0.5,
    tags: Iterable[str] = (),
    by=None,
    renditions_now: bool = False,
) -> Image:
    """Check, clean and store one uploaded picture; raises ValidationError with a plain message.

    ``renditions_now`` makes the renditions before returning (the demo must be whole when its
    command ends); otherwise a task makes them after commit, as for every admin upload.
    """
    validate_image_upload(upload)
    image = Image(
        file=upload,
        alt_text=alt_text,
        caption=caption,
        credit=credit,
        focal_x=focal_x,
        focal_y=focal_y,
        uploaded_by=by,
    )
    image.full_clean(exclude=["file"])
    with transaction.atomic():
        image.save()
        tag_list = [t.strip() for t in tags if t and t.strip()]
        if tag_list:
            image.tags.set(tag_list)
    if renditions_now:
        image_renditions_make(image=image)
    else:
        enqueue_renditions(image)
    return image


@dataclass
class UploadReport:
    """What became of each file of a multi-file upload."""

    saved: list[Image] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)  # (file name, why)


def images_upload_many(*, uploads, credit: str = "", tags: Iterable[str] = (), by=None) -> UploadReport:
    """Store each picture on its own: a file refused (not a picture, too large) never stops the rest."""
    report = UploadReport()
    tags = list(tags)
    for upload in uploads:
        try:
            with transaction.atomic():  # a refused file leaves nothing behind
                report.saved.append(image_upload(upload=upload, credit=credit, tags=tags, by=by))
        except ValidationError as error:
            report.refused.append((upload.name, " ".join(error.messages)))
    return report
