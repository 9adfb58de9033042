"""Pictures from stored renditions: ``{% lead_image %}`` on the article page, ``{% card_image %}`` in
listings. A <picture> with a WebP source and a fallback, ``srcset``/``sizes``, width and height.

Both read only renditions the view prefetched (``image.renditions.all()``, or the listing's
``card_renditions``): no query per picture or per rendition.
"""

from django import template

from articles.images.pictures import CARD_RATIO, picture_context

register = template.Library()


@register.inclusion_tag("includes/lead_image.html")
def lead_image(image, ratio: str = "", sizes: str = "(min-width: 60rem) 46rem, 100vw"):
    return picture_context(image, image.renditions.all(), ratio=ratio, sizes=sizes)


# Cards: one column on phones, about a third of the 72rem page otherwise (.card-list in site.css).
CARD_SIZES = "(max-width: 40rem) 100vw, (max-width: 60rem) 50vw, 23rem"
LARGE_SIZES = "(min-width: 72rem) 70rem, 100vw"


@register.inclusion_tag("includes/card_image.html")
def card_image(image, *, lazy: bool = True, large: bool = False):
    """A listing's picture: the focal-point crop (16:9), lazy below the fold, eager for the lead story."""
    renditions = getattr(image, "card_renditions", None)
    if renditions is None:
        renditions = image.renditions.all()
    context = picture_context(image, renditions, ratio=CARD_RATIO, sizes=LARGE_SIZES if large else CARD_SIZES)
    return {**context, "lazy": lazy, "large": large}
