"""The project's form renderer: Django's own Jinja2 copies of its widget templates first.

A widget rendered through the template language costs about 1 ms on this machine; a change form
with 50 bylines, links and quotes has about 1,300 of them, and the admin article list one checkbox
a row. Django ships every built-in widget template twice (``django/forms/templates`` and
``django/forms/jinja2``, kept to the same HTML by Django's own widget tests); Jinja2 renders them
several times faster. Their values are escaped by Django's ``conditional_escape`` (Jinja2's
``finalize``), not by MarkupSafe, so the HTML is the same to the character (``&#x27;``, not
``&#39;``). A template with no Jinja2 copy (the admin's date picker, a package's widget, anything
under our ``templates/``) is rendered by Django's template-language renderer as before.
"""

import functools
from pathlib import Path

import django.forms
from django.forms.renderers import BaseRenderer, DjangoTemplates
from django.template import TemplateDoesNotExist
from django.template.backends.jinja2 import Jinja2
from django.utils.html import conditional_escape


class JinjaFirstRenderer(BaseRenderer):
    """Django's Jinja2 widget templates when one exists, else its template-language renderer."""

    @functools.cached_property
    def jinja2(self) -> Jinja2:
        return Jinja2(
            {
                "APP_DIRS": True,
                "DIRS": [Path(django.forms.__file__).parent / "jinja2"],
                "NAME": "djangoforms-jinja2",
                # Every value escaped as the template language escapes it; safe strings kept.
                "OPTIONS": {"autoescape": False, "finalize": conditional_escape},
            }
        )

    @functools.cached_property
    def django(self) -> DjangoTemplates:
        return DjangoTemplates()

    def get_template(self, template_name):
        try:
            return self.jinja2.get_template(template_name)
        except TemplateDoesNotExist:
            return self.django.get_template(template_name)
