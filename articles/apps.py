from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Articles"

    def ready(self):
        from articles import changes, page_keys, search
        from newsroom import cache
        from organizations.merge import entity_merged

        # Derived data answers the one change notice, so write paths only ever call content_changed().
        # Receivers run in the order connected; last, pages are rebuilt once related posts and the
        # search index are fresh (when tasks run immediately).
        notice = changes.article_content_changed
        notice.connect(changes.refresh_related_posts, dispatch_uid="articles-related-posts")
        notice.connect(search.refresh_search_index, dispatch_uid="articles-search-index")
        notice.connect(page_keys.content_changed, dispatch_uid="articles-page-cache")
        entity_merged.connect(changes.entity_merged_listener, dispatch_uid="articles-entity-merged")
        search.connect_signals()
        page_keys.connect()
        from articles.workflow.scheduling import next_scheduled_change

        cache.register_horizon(next_scheduled_change)
