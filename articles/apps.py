from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Articles"

    def ready(self):
        from taggit.models import Tag, TaggedItem

        from articles import changes, models, search
        from articles.changes import on_content_changed
        from articles.links import ENTITY_LINKS

        # Derived data registers itself here, so write paths only ever call content_changed().
        from newsroom import cache
        from organizations.merge import entity_merged

        entity_merged.connect(changes.entity_merged_listener, dispatch_uid="articles-entity-merged")
        on_content_changed(search.refresh_search_index)
        search.connect_signals()
        # Last: pages are rebuilt only once related posts and the search index are fresh.
        on_content_changed(cache.content_changed_listener)
        cache.watch_models(
            models.Article,
            models.Byline,
            *(link.link_model for link in ENTITY_LINKS),
            models.Quote,
            models.Image,
            models.Section,
            Tag,
            TaggedItem,
        )
        cache.connect_signals()
        from articles.workflow.scheduling import next_scheduled_change

        cache.register_horizon(next_scheduled_change)
