"""Pictures inside article bodies, as readers get them: the library's renditions, not the original.

An editor inserts a library picture as a bare ``<img src="…/images/…">``. At render time the
stored body is cleaned again (``articles.html.clean_body``), then each ``<img>`` whose address is a
library picture becomes a ``<picture>`` with a WebP source, ``srcset``/``sizes``, width and height,
inside a ``<figure>`` with the library's caption and credit when it stands on its own line.
Nothing the editor's HTML says about sizes is kept: the markup is built from the library's record.
Pictures from elsewhere are left as the cleaner left them.
"""

from html import escape
from html.parser import HTMLParser
from urllib.parse import unquote

from django.conf import settings
from django.db.models import Prefetch

from articles.html import clean_body
from articles.images.models import Image, ImageRendition
from articles.images.pictures import picture_context

# The article column is 46rem wide at most (site.css --measure); a phone gets its own width.
BODY_SIZES = "(min-width: 48rem) 46rem, 100vw"
VOID = {"br", "hr", "img", "source", "wbr"}


class _Tokens(HTMLParser):
    """The fragment as a list of tokens, each with its exact source text (so unchanged parts stay so)."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.tokens: list[tuple[str, str, str, dict]] = []  # (kind, tag, raw, attrs)

    def handle_starttag(self, tag, attrs):
        self.tokens.append(("start", tag, self.get_starttag_text(), dict(attrs)))

    def handle_startendtag(self, tag, attrs):
        self.tokens.append(("start", tag, self.get_starttag_text(), dict(attrs)))

    def handle_endtag(self, tag):
        self.tokens.append(("end", tag, f"</{tag}>", {}))

    def handle_data(self, data):
        self.tokens.append(("data", "", data, {}))

    def handle_entityref(self, name):
        self.tokens.append(("data", "", f"&{name};", {}))

    def handle_charref(self, name):
        self.tokens.append(("data", "", f"&#{name};", {}))


def _tokens(html: str) -> list[tuple[str, str, str, dict]]:
    parser = _Tokens()
    parser.feed(html)
    parser.close()
    return parser.tokens


def library_name(src: str | None) -> str | None:
    """The storage name of a library picture from its address, or None for a picture from elsewhere."""
    prefix = settings.MEDIA_URL
    if not src or not src.startswith(prefix):
        return None
    name = unquote(src[len(prefix) :].split("?", 1)[0])
    return name if name.startswith("images/") else None


def library_images(html: str) -> dict[str, Image]:
    """The library pictures a body shows, by storage name, with their renditions (two queries, or none)."""
    names = {
        library_name(attrs.get("src"))
        for kind, tag, _raw, attrs in _tokens(html or "")
        if kind == "start" and tag == "img"
    } - {None}
    if not names:
        return {}
    images = Image.objects.filter(file__in=names).prefetch_related(
        Prefetch("renditions", queryset=ImageRendition.objects.filter(ratio=""))
    )
    return {image.file.name: image for image in images}


def _picture(image: Image, editor_alt: str) -> str:
    context = picture_context(image, image.renditions.all(), sizes=BODY_SIZES)
    alt = image.alt_text or editor_alt
    source = (
        f'<source type="image/webp" srcset="{escape(context["webp_srcset"])}" sizes="{BODY_SIZES}">'
        if context["webp_srcset"]
        else ""
    )
    srcset = (
        f' srcset="{escape(context["fallback_srcset"])}" sizes="{BODY_SIZES}"'
        if context["fallback_srcset"]
        else ""
    )
    size = f' width="{context["width"]}" height="{context["height"]}"' if context["width"] else ""
    return (
        f'<picture class="article__picture">{source}<img src="{escape(context["src"])}"{srcset}'
        f' alt="{escape(alt)}"{size} loading="lazy" decoding="async"></picture>'
    )


def _figure(image: Image, editor_alt: str) -> str:
    caption = escape(image.caption)
    if image.credit:
        caption += f'{" " if caption else ""}<span class="credit">{escape(image.credit)}</span>'
    figcaption = f"<figcaption>{caption}</figcaption>" if caption else ""
    return f'<figure class="article__figure">{_picture(image, editor_alt)}{figcaption}</figure>'


def body_with_pictures(html: str, images: dict[str, Image] | None = None) -> str:
    """The body cleaned, with library pictures as renditions (see the module docstring)."""
    html = clean_body(html)
    images = library_images(html) if images is None else images
    if not images:
        return html
    tokens = _tokens(html)
    out: list[str] = []
    stack: list[tuple[str, int]] = []  # open elements and where their start token is in ``out``
    for kind, tag, raw, attrs in tokens:
        if kind == "start" and tag == "img":
            image = images.get(library_name(attrs.get("src")))
            if image is None:
                out.append(raw)
            elif not stack:  # a picture on its own, between paragraphs
                out.append(_figure(image, attrs.get("alt") or ""))
            else:
                out.append(_picture(image, attrs.get("alt") or ""))
                parent, start = stack[-1]
                if parent == "p" and all(not piece.strip() for piece in out[start + 1 : -1]):
                    # <p><img></p>: the paragraph holds only the picture; it may become a figure.
                    stack[-1] = ("p-picture", start)
                    out[-1] = (image, attrs.get("alt") or "")
            continue
        if kind == "start":
            out.append(raw)
            if tag not in VOID:
                stack.append((tag, len(out) - 1))
            continue
        if kind == "end" and stack:
            parent, start = stack.pop()
            if parent == "p-picture":
                inside = out[start + 1 :]
                pictures = [piece for piece in inside if isinstance(piece, tuple)]
                if len(pictures) == 1 and all(isinstance(p, tuple) or not p.strip() for p in inside):
                    del out[start:]
                    out.append(_figure(*pictures[0]))
                    continue
                # Text beside the picture: it stays inline, without a caption.
                out[start + 1 :] = [_picture(*p) if isinstance(p, tuple) else p for p in inside]
        out.append(raw)
    return "".join(_picture(*p) if isinstance(p, tuple) else p for p in out)
