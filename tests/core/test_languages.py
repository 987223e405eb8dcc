import pytest
from wagtail.models import Locale

from typ_site.core.models import HomePage


def test_finnish_is_served_at_the_root(client, home):
    response = client.get("/")

    assert response.status_code == 200
    assert '<html lang="fi">' in response.content.decode()
    assert "Siirry sisältöön" in response.content.decode()


@pytest.mark.parametrize(
    ("prefix", "language", "skip_link"),
    [("/sv/", "sv", "Hoppa till innehållet"), ("/en/", "en", "Skip to content")],
)
def test_swedish_and_english_interfaces(client, home, prefix, language, skip_link):
    response = client.get(prefix)

    assert response.status_code == 200
    content = response.content.decode()
    assert f'<html lang="{language}">' in content
    assert skip_link in content


def test_untranslated_page_falls_back_to_finnish_content(client, home):
    response = client.get("/sv/")

    content = response.content.decode()
    # The page has not been translated: its Finnish text is shown, marked as Finnish.
    assert 'lang="fi"' in content
    assert "TYP-yhteistyöalusta" in content


def test_language_switcher_links_to_the_same_page_in_each_language(client, home):
    content = client.get("/networks/").content.decode()

    assert 'href="/sv/networks/"' in content
    assert 'href="/en/networks/"' in content
    assert 'href="/networks/"' in content


def test_the_switcher_links_of_a_view_are_right_from_every_language_read_twice(client, home):
    expected = ['href="/networks/?page=2"', 'href="/sv/networks/?page=2"', 'href="/en/networks/?page=2"']
    for _round in range(2):  # the second round reads the addresses each process keeps
        for prefix in ("", "/sv", "/en"):
            content = client.get(f"{prefix}/networks/?page=2").content.decode()
            assert all(link in content for link in expected), prefix


def test_switching_language_keeps_the_page(client, home):
    response = client.get("/sv/networks/")

    assert response.status_code == 200
    assert "Nätverk" in response.content.decode()


def test_untranslated_child_page_is_served_in_finnish_under_a_translated_section(client, home):

    swedish = Locale.objects.get_or_create(language_code="sv")[0]
    home.copy_for_translation(swedish).save_revision().publish()
    child = HomePage(title="Vain suomeksi kirjoitettu sivu", slug="vain-suomeksi")
    home.add_child(instance=child)
    child.save_revision().publish()

    response = client.get("/sv/vain-suomeksi/")

    assert response.status_code == 200
    assert "Vain suomeksi kirjoitettu sivu" in response.content.decode()
    assert client.get("/sv/ei-tallaista-sivua/").status_code == 404
