from django.urls import path

from articles.public import feeds, search_views, views

app_name = "articles"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("articles/<slug:slug>/", views.ArticleDetailView.as_view(), name="article_detail"),
    path("articles/<slug:slug>/related/", views.RelatedListView.as_view(), name="article_related"),
    path("sections/<slug:slug>/", views.SectionDetailView.as_view(), name="section_detail"),
    path("tags/<slug:slug>/", views.TagDetailView.as_view(), name="tag_detail"),
    path("search/", search_views.search, name="search"),
    path("feeds/rss/", feeds.ArticleFeed(feeds.NewsRssFeed), name="feed_rss"),
    path("feeds/atom/", feeds.ArticleFeed(feeds.NewsAtomFeed), name="feed_atom"),
    path("feeds/json/", feeds.ArticleFeed(feeds.JsonFeed), name="feed_json"),
    # Each listing's RSS, Atom and JSON feeds: NAME, NAME_atom, NAME_json.
    *feeds.feed_paths("sections/<slug:slug>/feed/", feeds.SectionFeed, "section_feed"),
    *feeds.feed_paths("tags/<slug:slug>/feed/", feeds.TagFeed, "tag_feed"),
]
