"""What a page needs to show a library picture: ``srcset`` strings, the fallback source and its size,
built from renditions already in memory (the view prefetched them)."""

CARD_RATIO = "16:9"  # listings and the home page's lead story: crops kept around the focal point


def picture_context(image, renditions, *, ratio: str = "", sizes: str) -> dict:
    """The <picture> of ``image`` from its ``renditions`` of one crop ``ratio`` ("": uncropped)."""
    chosen = sorted((r for r in renditions if r.ratio == ratio), key=lambda r: (r.format, r.width))
    webp = [r for r in chosen if r.format == "webp"]
    fallback = [r for r in chosen if r.format != "webp"]
    # The src for browsers without srcset: a middle width, never the full original.
    src = fallback[len(fallback) // 2] if fallback else None
    # width/height give the box's shape (no layout shift): the largest rendition's, or the original's.
    largest = fallback[-1] if fallback else None
    return {
        "image": image,
        "sizes": sizes,
        "webp_srcset": ", ".join(f"{r.file.url} {r.width}w" for r in webp),
        "fallback_srcset": ", ".join(f"{r.file.url} {r.width}w" for r in fallback),
        "src": src.file.url if src else (image.file.url if image.file else ""),
        "width": largest.width if largest else image.width,
        "height": largest.height if largest else image.height,
    }
