"""``{% lead_image image %}``: a <picture> with WebP and fallback srcsets from stored renditions.

Reads only ``image.renditions.all()``, which the view prefetches: no query per rendition.
"""

from django import template

register = template.Library()


@register.inclusion_tag("includes/lead_image.html")
def lead_image(image, ratio: str = "", sizes: str = "(min-width: 60rem) 46rem, 100vw"):
    renditions = sorted(
        (r for r in image.renditions.all() if r.ratio == ratio), key=lambda r: (r.format, r.width)
    )
    webp = [r for r in renditions if r.format == "webp"]
    fallback = [r for r in renditions if r.format != "webp"]
    largest = fallback[-1] if fallback else None
    return {
        "image": image,
        "sizes": sizes,
        "webp_srcset": ", ".join(f"{r.file.url} {r.width}w" for r in webp),
        "fallback_srcset": ", ".join(f"{r.file.url} {r.width}w" for r in fallback),
        "src": largest.file.url if largest else image.file.url,
        "width": largest.width if largest else image.width,
        "height": largest.height if largest else image.height,
    }
