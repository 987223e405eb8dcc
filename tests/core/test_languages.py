import pytest

from typ_site.core.demo_content import create_home_page


@pytest.fixture
def home(db):
    return create_home_page()


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


def test_switching_language_keeps_the_page(client, home):
    response = client.get("/sv/networks/")

    assert response.status_code == 200
    assert "Nätverk" in response.content.decode()
