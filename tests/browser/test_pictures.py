"""Pictures in a real browser: a phone downloads a small rendition of a body picture, never the 2400 px
original; an editor sets the focal point by clicking on the picture (and with the arrow keys)."""

import io

from django.contrib.auth.models import User
from PIL import Image as PILImage

from articles.images.renditions import image_renditions_make
from articles.models import Image
from tests.browser.chromium import BROWSER_TESTS
from tests.factories import STORY, ArticleFactory
from tests.images import upload

pytestmark = BROWSER_TESTS


def noisy_jpeg(size=(2400, 1600)) -> bytes:
    """A photograph-like original: noise does not compress, so the original weighs what a photo does."""
    picture = PILImage.merge("RGB", [PILImage.effect_noise(size, 60) for _ in range(3)])
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


def test_a_phone_downloads_a_small_rendition_of_a_body_picture(live_server, browser, settings):
    settings.NEWSROOM_SERVE_MEDIA = True
    original = noisy_jpeg()
    image = Image.objects.create(
        file=upload("quake.jpg", content=original),
        alt_text="Rubble in Sarpol-e Zahab",
        caption="After the quake.",
    )
    image_renditions_make(image=image)
    article = ArticleFactory(body=STORY + f'<p><img src="{image.file.url}" alt=""></p><p>More text.</p>')
    image.refresh_from_db()

    page = browser.new_page(viewport={"width": 390, "height": 844})
    loaded: dict[str, int] = {}
    page.on(
        "response",
        lambda response: (
            loaded.__setitem__(response.url, len(response.body()))
            if response.request.resource_type == "image"
            else None
        ),
    )
    page.goto(f"{live_server.url}{article.get_absolute_url()}")
    page.locator(".article__figure img").scroll_into_view_if_needed()
    page.wait_for_function(
        "() => { const i = document.querySelector('.article__figure img');"
        " return i.complete && i.naturalWidth > 0; }"
    )

    pictures = {url: size for url, size in loaded.items() if "/media/" in url}
    assert pictures, loaded
    assert not any(url.endswith(image.file.url) for url in pictures)  # never the original
    [(url, size)] = pictures.items()
    assert "-480w-" in url and url.endswith(".webp")  # the narrowest WebP rendition
    assert size * 10 < len(original), (size, len(original))
    assert "-480w-" in page.evaluate("document.querySelector('.article__figure img').currentSrc")
    assert page.locator(".article__figure figcaption").inner_text() == "After the quake."


def test_the_focal_point_is_set_by_clicking_on_the_picture(live_server, browser, settings):
    settings.NEWSROOM_SERVE_MEDIA = True
    User.objects.create_superuser("chief", password="chief-secret-pw-42")
    image = Image.objects.create(file=upload("tents.jpg", size=(800, 400)), alt_text="Tents")

    page = browser.new_page()
    page.set_default_timeout(15_000)
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "chief")
    page.fill("#id_password", "chief-secret-pw-42")
    page.click("input[type=submit]")
    page.wait_for_selector("#site-name")
    page.goto(f"{live_server.url}/admin/articles/image/{image.pk}/change/")

    frame = page.locator(".focal-picker__frame")
    page.wait_for_function("() => document.querySelector('.focal-picker__image').complete")
    box = frame.bounding_box()
    frame.click(position={"x": box["width"] * 0.25, "y": box["height"] * 0.75})
    assert abs(float(page.input_value("#id_focal_x")) - 0.25) < 0.02
    assert abs(float(page.input_value("#id_focal_y")) - 0.75) < 0.02
    assert "25% from the left, 75% from the top" in page.inner_text(".focal-picker__status")
    # Without a mouse: the arrow keys move the point.
    frame.focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowUp")
    assert abs(float(page.input_value("#id_focal_x")) - 0.30) < 0.02
    assert abs(float(page.input_value("#id_focal_y")) - 0.70) < 0.02

    page.click("input[name=_save]")
    page.wait_for_selector(".messagelist .success")
    image.refresh_from_db()
    assert abs(image.focal_x - 0.30) < 0.02 and abs(image.focal_y - 0.70) < 0.02
