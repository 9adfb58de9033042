from django.apps import AppConfig


class NewsroomConfig(AppConfig):
    name = "newsroom"
    verbose_name = "Newsroom"

    def ready(self):
        from newsroom import metrics, request_id

        request_id.connect_signals()
        metrics.connect_signals()
