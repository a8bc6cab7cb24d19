"""Open the built site in headless Chromium, as a reader would."""

from __future__ import annotations


import pytest

pytestmark = [pytest.mark.browser, pytest.mark.build]



@pytest.fixture(scope="module")
def server(site, serve):
    with serve(site) as url:
        yield url


def test_home_lists_articles_and_opens_one(page, server):
    page.goto(f"{server}/index.html")
    assert page.locator("html").get_attribute("lang") == "zh-Hans"
    links = page.locator("main article h2 a")
    assert links.count() == 4
    title = links.first.inner_text()
    links.first.click()
    page.wait_for_load_state()
    assert "/articles/" in page.url
    assert page.locator("h1").first.inner_text() == title
    assert page.errors == []


def test_language_switcher_goes_to_the_counterpart_and_back(page, server):
    page.goto(f"{server}/index.html")
    page.locator("main article h2 a").first.click()
    page.wait_for_load_state()
    zh_url = page.url
    page.locator("a[hreflang='en']").first.click()
    page.wait_for_load_state()
    assert page.url == zh_url.replace(f"{server}/", f"{server}/en/")
    assert page.locator("html").get_attribute("lang") == "en"
    page.locator("a[hreflang='zh-Hans']").first.click()
    page.wait_for_load_state()
    assert page.url == zh_url
    assert page.errors == []
