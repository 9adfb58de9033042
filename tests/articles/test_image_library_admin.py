"""The image library as an editor uses it: several files at once (a bad one refused, the rest kept),
thumbnails from renditions, search by file name and tags, the "no alt text" badge and filter, the
focal point picker in the form."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from articles.images.renditions import image_renditions_make
from articles.models import Image
from tests.images import image_bytes, upload

pytestmark = pytest.mark.django_db

UPLOAD_MANY = "admin:articles_image_upload_many"
CHANGELIST = "admin:articles_image_changelist"


def test_several_files_at_once_one_bad_file_refused_with_its_reason_the_others_saved(
    admin_client, django_capture_on_commit_callbacks
):
    files = [
        SimpleUploadedFile("tents.jpg", image_bytes("JPEG", (900, 600))),
        SimpleUploadedFile("report.jpg", b"%PDF-1.7 this is a document renamed as a picture"),
        SimpleUploadedFile("convoy.png", image_bytes("PNG", (800, 500))),
    ]
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse(UPLOAD_MANY),
            {"files": files, "credit": "Sara Ahmadi/IRNA", "tags": "kermanshah, relief"},
            follow=True,
        )
    assert response.status_code == 200
    messages = [str(m) for m in response.context["messages"]]
    assert any("“report.jpg” was not added" in m and "not a picture" in m for m in messages), messages
    assert any("2 pictures added" in m for m in messages), messages
    names = sorted(image.file.name.rsplit("/", 1)[-1] for image in Image.objects.all())
    assert names == ["convoy.png", "tents.jpg"]
    for image in Image.objects.all():
        assert image.credit == "Sara Ahmadi/IRNA"
        assert sorted(image.tags.names()) == ["kermanshah", "relief"]
        assert image.renditions.exists()  # the same task as a single upload
    # The editor lands on the new pictures still waiting for their alt text.
    assert response.redirect_chain[-1][0].endswith("?alt=missing")


def test_several_files_form_without_files_says_so(admin_client):
    response = admin_client.post(reverse(UPLOAD_MANY), {"files": []})
    assert response.status_code == 200
    assert "This field is required." in response.text
    assert not Image.objects.exists()


def test_an_author_without_add_permission_cannot_upload_several(client, django_user_model):
    user = django_user_model.objects.create_user("reader", password="pw", is_staff=True)
    client.force_login(user)
    assert client.get(reverse(UPLOAD_MANY)).status_code == 403


def test_list_shows_rendition_thumbnails_and_a_badge_for_missing_alt_text(admin_client):
    described = Image.objects.create(
        file=upload("tents.jpg", size=(900, 600)), alt_text="Tents in a school yard"
    )
    image_renditions_make(image=described)
    Image.objects.create(file=upload("IMG_2041.jpg"), alt_text="")
    html = admin_client.get(reverse(CHANGELIST)).text
    thumb = described.renditions.filter(ratio="", format="webp").order_by("width").first()
    assert f'class="image-thumb" src="{thumb.file.url}"' in html  # a small rendition, not the original
    assert html.count('class="badge badge--missing"') == 1 and "IMG_2041.jpg" in html
    assert reverse(UPLOAD_MANY) in html


def test_filter_no_alt_text_lists_only_pictures_without_it(admin_client):
    Image.objects.create(file=upload("described.jpg"), alt_text="A convoy")
    Image.objects.create(file=upload("blank.jpg"), alt_text="   ")
    response = admin_client.get(reverse(CHANGELIST) + "?alt=missing")
    assert [i.file.name.rsplit("/", 1)[-1] for i in response.context["cl"].result_list] == ["blank.jpg"]


@pytest.mark.parametrize("query", ["IMG_2041", "kermanshah"])
def test_search_finds_pictures_by_file_name_and_by_tag(admin_client, query):
    wanted = Image.objects.create(file=upload("IMG_2041.jpg"), alt_text="Rubble in a street")
    wanted.tags.set(["Kermanshah"])
    Image.objects.create(file=upload("other.jpg"), alt_text="A meeting")
    response = admin_client.get(reverse(CHANGELIST), {"q": query})
    assert list(response.context["cl"].result_list) == [wanted]


def test_change_form_shows_the_picture_to_click_with_hidden_focal_fields(admin_client):
    image = Image.objects.create(file=upload("tents.jpg"), alt_text="Tents", focal_x=0.3, focal_y=0.7)
    html = admin_client.get(reverse("admin:articles_image_change", args=[image.pk])).text
    assert 'type="hidden" name="focal_x" value="0.3"' in html
    assert 'type="hidden" name="focal_y" value="0.7"' in html
    assert f'class="focal-picker__image" src="{image.file.url}"' in html
    assert 'tabindex="0"' in html and "js/focal_point.js" in html


def test_a_focal_point_outside_the_picture_is_refused_by_the_form(admin_client):
    image = Image.objects.create(file=upload("tents.jpg"), alt_text="Tents")
    response = admin_client.post(
        reverse("admin:articles_image_change", args=[image.pk]),
        {"alt_text": "Tents", "caption": "", "credit": "", "tags": "", "focal_x": "1.5", "focal_y": "0.5"},
    )
    assert response.status_code == 200 and "errornote" in response.text
    image.refresh_from_db()
    assert image.focal_x == 0.5
