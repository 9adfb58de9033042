from django.apps import AppConfig


class NewsroomConfig(AppConfig):
    name = "newsroom"
    verbose_name = "Newsroom"

    def ready(self):
        from newsroom import checks, metrics, request_id  # noqa: F401  (checks registers itself)

        request_id.connect_signals()
        metrics.connect_signals()
