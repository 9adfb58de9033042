from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Articles"

    def ready(self):
        from articles import search
        from articles.changes import on_content_changed

        # Derived data registers itself here, so write paths only ever call content_changed().
        from newsroom import cache

        on_content_changed(search.refresh_search_index)
        search.connect_signals()
        # Last: pages are rebuilt only once related posts and the search index are fresh.
        on_content_changed(cache.content_changed_listener)
        cache.connect_signals()
