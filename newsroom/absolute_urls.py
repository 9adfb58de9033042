"""Absolute addresses for meta tags, JSON-LD and feeds, made from whatever a storage returned.

``file.url`` is a path (``/media/…``) on the local disk and already a full address
(``https://media.example.org/…``) on object storage or behind a CDN: only the first gets the
site's scheme and host, so an address never ends up doubled (``http://hosthttp://…``).
"""

from urllib.parse import urlsplit


def absolute_url(request, url: str) -> str:
    """``url`` as a full address: left as it is when it already names a host, else on the request's."""
    parts = urlsplit(url)
    if parts.scheme and parts.netloc:
        return url
    if parts.netloc:  # protocol-relative (//cdn.example.org/x.jpg): the page's own scheme
        return f"{request.scheme}:{url}"
    return request.build_absolute_uri(url)
