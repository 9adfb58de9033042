"""Proposals for people, organizations and events a story names that the directory lacks.

Kept on the articles side (a proposal belongs to the article it was read from), imported by
``articles/models.py`` so Django finds it. An editor accepts one (the record is created and
linked) or rejects it (that name is never proposed again for that article).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from organizations.models import Event, Organization, Person


class EntityProposal(models.Model):
    class Kind(models.TextChoices):
        PERSON = "person", _("Person")
        ORGANIZATION = "organization", _("Organization")
        EVENT = "event", _("Event")

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        ACCEPTED = "accepted", _("Accepted")
        REJECTED = "rejected", _("Rejected")

    article = models.ForeignKey("articles.Article", on_delete=models.CASCADE, related_name="entity_proposals")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=250, help_text=_("The name as the record would have it."))
    name_key = models.CharField(max_length=250, editable=False, db_index=True)
    title = models.CharField(
        _("title"),
        max_length=200,
        blank=True,
        help_text=_("What the story says they are: “head of the Golestan branch”."),
    )
    organization_name = models.CharField(
        _("organization"),
        max_length=250,
        blank=True,
        help_text=_("The body the title is at, as the story writes it."),
    )
    organization = models.ForeignKey(
        Organization,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("That body, when the directory already has it."),
    )
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    written = models.JSONField(
        _("written in the text as"),
        default=list,
        blank=True,
        help_text=_(
            "The forms the story writes the name in. Accepting keeps them as other names of the "
            "record, so the next story that writes them finds it."
        ),
    )
    sentence = models.TextField(
        _("sentence"), help_text=_("The sentence of the story the name was read from.")
    )
    confidence = models.FloatField(_("confidence"), help_text=_("How sure the reading is, from 0 to 1."))
    evidence = models.CharField(_("evidence"), max_length=250, blank=True)
    role = models.CharField(
        _("role"), max_length=20, default="mentions", help_text=_("The link's role if accepted.")
    )
    event_kind = models.CharField(_("event kind"), max_length=20, blank=True)
    event_date = models.DateField(_("event date"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=100, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PROPOSED)
    person = models.ForeignKey(Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    event = models.ForeignKey(Event, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["status", "-confidence", "name"]
        verbose_name = _("proposed entity")
        verbose_name_plural = _("proposed entities")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "kind", "name_key"], name="entity_proposal_unique_name"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} “{self.name}”"

    @property
    def record(self):
        """The record this proposal became, once accepted."""
        return self.person or self.created_organization or self.event
