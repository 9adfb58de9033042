"""Background work for the image library, run through django.tasks."""

from django.tasks import task


@task
def make_image_renditions(*, image_id: int) -> int:
    """Make the srcset renditions of an image (several widths, WebP and a fallback, focal crops)."""
    from articles.images.models import Image
    from articles.images.renditions import image_renditions_make

    image = Image.objects.filter(pk=image_id).first()
    return image_renditions_make(image=image) if image is not None else 0
