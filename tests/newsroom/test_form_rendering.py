"""The project's form renderer (Jinja2 copies of Django's widget templates first) gives the same
HTML as Django's template-language renderer (the same elements, attributes and text; escaped the
same way, to the character; only blank lines between options differ), and still renders the widgets
that only have a template-language template."""

import datetime

from django import forms
from django.contrib.admin.widgets import AdminDateWidget
from django.forms.renderers import DjangoTemplates, get_default_renderer
from django.test.html import parse_html

from newsroom.form_rendering import JinjaFirstRenderer


class EveryKindForm(forms.Form):
    name = forms.CharField(initial='Sara "the <b>editor\'s</b>"')
    role = forms.ChoiceField(
        choices=[("author", "Author"), ("photo", "Photos & <captions>")], initial="photo"
    )
    position = forms.IntegerField(initial=3)
    text = forms.CharField(widget=forms.Textarea, initial="</textarea><script>alert(1)</script>")
    remove = forms.BooleanField(required=False, initial=True)
    row = forms.IntegerField(widget=forms.HiddenInput, initial=7)
    tags = forms.MultipleChoiceField(choices=[("a", "A"), ("b", "B")], initial=["b"])
    said_on = forms.DateField(widget=AdminDateWidget, initial=datetime.date(2026, 12, 1))


def test_the_project_renders_forms_with_the_jinja_first_renderer():
    assert isinstance(get_default_renderer(), JinjaFirstRenderer)


def test_every_widget_renders_the_same_html_as_with_django_templates():
    fast, plain = EveryKindForm(renderer=JinjaFirstRenderer()), EveryKindForm(renderer=DjangoTemplates())
    for name in EveryKindForm.base_fields:
        assert parse_html(str(fast[name])) == parse_html(str(plain[name])), name
    assert "&lt;script&gt;" in str(fast["text"]) and "<script>" not in str(fast["text"])
    assert str(fast["name"]) == str(plain["name"])  # &quot; and &#x27;, as the template language writes them


def test_a_bound_form_with_errors_renders_the_same_messages():
    data = {"name": "", "role": "nobody", "position": "third", "text": "x", "row": "7", "tags": ["b"]}
    fast = EveryKindForm(data, renderer=JinjaFirstRenderer())
    plain = EveryKindForm(data, renderer=DjangoTemplates())
    assert not fast.is_valid()
    assert parse_html(fast.as_div()) == parse_html(plain.as_div())
    assert "Enter a whole number." in fast.as_div()
