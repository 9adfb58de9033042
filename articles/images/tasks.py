"""Background work for the image library, run through django.tasks."""

from django.tasks import task

from newsroom.task_retry import retrying


@task
@retrying("Renditions of image {image_id}")
def make_image_renditions(*, image_id: int) -> int:
    """Make the srcset renditions of an image (several widths, WebP and a fallback, focal crops).

    A failure (the original not yet in storage, the bucket unreachable) is retried with a backoff,
    a few times (newsroom/task_retry.py); ``manage.py rebuild_renditions --missing`` catches the rest.
    """
    from articles.images.models import Image
    from articles.images.renditions import image_renditions_make

    image = Image.objects.filter(pk=image_id).first()
    if image is None or not image.file:
        return 0
    return image_renditions_make(image=image)
