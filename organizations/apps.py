from django.apps import AppConfig


class OrganizationsConfig(AppConfig):
    name = "organizations"
    verbose_name = "People, organizations and events"

    def ready(self):
        from newsroom import cache
        from organizations import models

        # Entity pages show these: a change to any of them starts a new page-cache generation.
        cache.watch_models(
            models.Person,
            models.PersonAlias,
            models.Organization,
            models.OrganizationAlias,
            models.Event,
            models.EventOrganizer,
            models.EventParticipant,
            models.Affiliation,
        )
        cache.connect_signals()
