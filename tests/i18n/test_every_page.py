"""Every page an applicant or a professional can reach reads in Kinyarwanda and in French.

The pages are the permission matrix's GET rows that answer 200 to the demo's
applicant, its professional (expert) or a visitor, with the demo's objects.
Each is rendered in English and in the language under test; a visible text
(or placeholder, label, title, alt) that reads the same in both is English
that got through. Names, user content and codes are not translated: the
template marks them, with `translate="no"`, `class="notranslate"`, `data-same`,
or a `lang` attribute naming another language, and this check skips them.
There is no list of allowed sentences here: mark the template instead. A
word the translator kept as it is on purpose (msgstr equal to msgid, as
French "Budget" or "Documents"; a sector's, skill's or degree level's label in
the language equal to its English name, as French "Agriculture"; a country or
a language whose name is the same in both, as "Rwanda" or "Igbo") is not
English that got through. The brand after every page's title (" · SkillBridge",
marked `translate="no"` where the header shows it) is a name.
Downloads (PDF, CSV, JSON) are not read here.
"""

import re
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.db.models import F
from django.urls import reverse
from django.utils import translation
from django_countries import countries

from skillbridge.access_matrix import ANONYMOUS, OBJECTS, PAGES
from skillbridge.experts.languages import language_choices
from skillbridge.experts.models import QualificationLevel, Skill
from skillbridge.programmes.models import Sector
from tests.matrix.objects import resolve

READERS = (ANONYMOUS, "applicant", "expert")
# allauth's pages are outside the matrix (it checks our views): the ones a newcomer reads.
ACCOUNT_PAGES = (
    "account_login",
    "account_signup",
    "account_reset_password",
    "account_reset_password_done",
    "account_email_verification_sent",
)
VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}
HIDDEN = {"script", "style", "template", "svg"}
ATTRIBUTES = ("placeholder", "aria-label", "title", "alt")
WORD = re.compile(r"[A-Za-z]{3,}")
NOT_WORDS = re.compile(r"^(\S+@\S+|https?://\S+|[\d\s.,:/%()+-]+)$")
# base.html's <title>: the page's own title, then the brand (a <title> can hold no markup).
BRAND_IN_TITLE = " · SkillBridge"
LABELLED = (Sector, Skill, QualificationLevel)


def reachable_pages() -> list:
    """(url name, url values, reader) for each GET row that answers 200 to a reader."""
    found = [pytest.param(name, {}, ANONYMOUS, id=f"{name}-anonymous") for name in ACCOUNT_PAGES]
    for name, row in PAGES.items():
        if name.startswith("api:"):  # the API's reference is for developers, in English
            continue
        for case in row if isinstance(row, list) else [row]:
            if case.method != "get":
                continue
            reader = next((r for r in READERS if case.expected(r) == 200), None)
            if reader:
                found.append(pytest.param(name, case.kwargs, reader, id=f"{name}-{reader}"))
    return found


class VisibleText(HTMLParser):
    """The texts a reader sees, outside elements marked as not for translation."""

    def __init__(self, language: str):
        super().__init__(convert_charrefs=True)
        self.language = language
        self.stack: list[bool] = []  # per open element: is it (or an ancestor) skipped?
        self.texts: list[str] = []

    def skipped(self) -> bool:
        return bool(self.stack) and self.stack[-1]

    def marked(self, tag: str, attrs: dict) -> bool:
        lang = attrs.get("lang")
        return (
            tag in HIDDEN
            or attrs.get("translate") == "no"
            or "notranslate" in (attrs.get("class") or "").split()
            or "data-same" in attrs
            or "hidden" in attrs
            or attrs.get("type") == "hidden"
            or (lang is not None and lang.split("-")[0] != self.language)
        )

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        skip = self.skipped() or self.marked(tag, attrs)
        if not skip:
            self.texts.extend(attrs[name] for name in ATTRIBUTES if attrs.get(name))
            if tag == "input" and attrs.get("type") in ("submit", "button"):
                self.texts.append(attrs.get("value") or "")
        if tag not in VOID:
            # A textarea's text is the field's value, like an input's value: the reader's, not ours.
            self.stack.append(skip or tag == "textarea")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag not in VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if not self.skipped():
            in_title = self.lasttag == "title"
            self.texts.append(data.removesuffix(BRAND_IN_TITLE) if in_title else data)


def visible_texts(html: str, language: str) -> set[str]:
    parser = VisibleText(language)
    parser.feed(html)
    # A separator before a text ("· Agriculture") is punctuation, not part of it.
    texts = {" ".join(text.split()).strip("·– ") for text in parser.texts}
    return {text for text in texts if WORD.search(text) and not NOT_WORDS.match(text)}


def kept_on_purpose(texts: set[str], language: str) -> set[str]:
    """The texts the catalogue of `language`, or the reference data, translate as themselves."""
    catalogue = translation.trans_real.translation(language)._catalog
    labels = {
        name
        for model in LABELLED
        for name in model.objects.filter(**{f"name_{language}": F("name")}).values_list(
            "name", flat=True
        )
    }
    return {
        text
        for text in texts
        if catalogue.get(text) == text
        or text in labels
        or text in same_country_names(language)
        or text in same_language_names(language)
    }


def same_language_names(language: str) -> set[str]:
    """Languages whose name in `language` is their English one in CLDR (Igbo, Lingala)."""
    with translation.override("en"):
        english = dict(language_choices())
    with translation.override(language):
        return {name for code, name in language_choices() if english.get(code) == name}


def same_country_names(language: str) -> set[str]:
    """Countries whose name in `language` is their English one (Rwanda, Kenya, Canada)."""
    with translation.override("en"):
        english = dict(countries)
    with translation.override(language):
        return {name for code, name in countries if english.get(code) == name}


def render(client, url: str, language: str) -> str | None:
    """The page's HTML in `language`, or None for a download (PDF, CSV, JSON)."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.get(url)
    assert response.status_code == 200, (url, language, response.status_code)
    if response.streaming or not response["Content-Type"].startswith("text/html"):
        return None
    return response.content.decode()


@pytest.mark.parametrize("language", ["rw", "fr"])
@pytest.mark.parametrize(("name", "kwargs", "reader"), reachable_pages())
def test_no_english_gets_through(name, kwargs, reader, language, seeded_demo, signed_in, db):
    for value in kwargs.values():
        if value in OBJECTS and value not in seeded_demo:
            seeded_demo.update(resolve({value}))
    values = {key: seeded_demo.get(value, value) for key, value in kwargs.items()}
    url = reverse(name, kwargs=values)
    client = signed_in[reader]
    english_page = render(client, url, "en")
    if english_page is None:
        return
    english = visible_texts(english_page, "en")
    translated = visible_texts(render(client, url, language), language)
    same = sorted((english & translated) - kept_on_purpose(translated, language))
    assert not same, f"{url} in {language} reads as in English: {same}"
