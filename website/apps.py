from django.apps import AppConfig


class WebsiteConfig(AppConfig):
    """The site as a whole: the public URL tree, the sitemap index, the demo newsroom and the roles.

    The top layer: it may import every app; nothing imports it.
    """

    name = "website"
    verbose_name = "Website"
