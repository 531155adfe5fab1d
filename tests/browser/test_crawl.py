"""Every demo account, on a phone, follows the links it is shown.

No page may link a person to a URL that refuses them (403), is missing (404)
or breaks (500), and no page may report a console error (CSP or JavaScript).

The crawl is breadth-first from where each person starts (home for an
anonymous visitor, the dashboard after signing in). Every distinct link found
is fetched with the person's cookies and its status checked; a page is opened
in the browser (to read its links and its console) once per URL pattern, where
numbers, UUIDs and tokens in the path count as one pattern. Sign-out is never
followed: it would end the crawl.
"""

import re
from collections import Counter, deque
from urllib.parse import parse_qsl, urldefrag, urlsplit

from skillbridge.demo.people import DEMO_ACCOUNTS

PHONE = {"width": 360, "height": 780}
# Pages opened in the browser per account: enough to reach every kind of page
# the demo shows a role, small enough that all accounts take a few minutes.
PAGES_PER_ACCOUNT = 70
LINKS_PER_ACCOUNT = 250
# Links of one pattern whose status is checked (a list's rows: a sample is enough).
LINKS_PER_PATTERN = 5
NEVER_FOLLOW = ("/accounts/logout/", "/admin/logout/")

_SEGMENT_KINDS = [
    (re.compile(r"^\d+$"), "<int>"),
    (re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"), "<uuid>"),
    (re.compile(r"^[\w:-]{20,}$"), "<token>"),
]


def url_pattern(url: str) -> str:
    """`/calls/3/apply/?page=2` and `/calls/7/apply/?page=5` are one pattern."""
    parts = urlsplit(url)
    segments = []
    for segment in parts.path.split("/"):
        for regex, kind in _SEGMENT_KINDS:
            if regex.match(segment):
                segment = kind
                break
        segments.append(segment)
    keys = sorted({key for key, _ in parse_qsl(parts.query, keep_blank_values=True)})
    return "/".join(segments) + ("?" + "&".join(keys) if keys else "")


def test_url_pattern_counts_ids_of_one_kind_once():
    assert url_pattern("http://x/calls/3/apply/?page=2") == "/calls/<int>/apply/?page"
    assert url_pattern("http://x/calls/17/apply/?page=9") == "/calls/<int>/apply/?page"
    assert url_pattern("http://x/calls/invite/abcdefghijklmnopqrstuvwxyz123/") == (
        "/calls/invite/<token>/"
    )
    assert url_pattern("http://x/calls/") != url_pattern("http://x/calls/manage/")


class Crawler:
    """One person's crawl: the refused links and the console errors it met."""

    def __init__(self, visitor, who: str):
        self.visitor = visitor
        self.who = who
        self.origin = visitor.base_url
        self.statuses: dict[str, int] = {}
        self.rendered: set[str] = set()
        self.checked: Counter[str] = Counter()
        self.refused: list[str] = []
        self.console: list[str] = []
        self._current = ""
        visitor.page.on("console", self._on_console)
        visitor.page.on("pageerror", self._on_page_error)

    def _on_console(self, message):
        if message.type == "error":
            self.console.append(f"{self.who} on {self._current}: {message.text}")

    def _on_page_error(self, error):
        self.console.append(f"{self.who} on {self._current}: {error}")

    def _same_site(self, url: str) -> str | None:
        url = urldefrag(url).url
        if not url.startswith(self.origin + "/"):
            return None
        path = url[len(self.origin) :]
        if path.startswith(NEVER_FOLLOW):
            return None
        return path

    def _check(self, path: str) -> tuple[int, bool]:
        """The status a GET answers (after redirects), and whether it is an HTML page.

        Downloads (PDF, XLSX, CSV) are only checked this way, never opened in
        the browser: its PDF viewer is not part of the site.
        """
        response = self.visitor.page.context.request.get(self.origin + path)
        is_html = response.headers.get("content-type", "").startswith("text/html")
        response.dispose()
        return response.status, is_html

    def _open(self, path: str) -> None:
        self._current = path
        self.visitor.page.goto(self.origin + path)
        self.visitor.page.wait_for_load_state("load")

    def _links(self) -> list[str]:
        hrefs = self.visitor.page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
        return [path for path in map(self._same_site, hrefs) if path]

    def crawl(self, *starts: str) -> None:
        queue = deque((start, "(start)") for start in starts)
        while queue and len(self.statuses) < LINKS_PER_ACCOUNT:
            path, source = queue.popleft()
            if path in self.statuses:
                continue
            pattern = url_pattern(path)
            if self.checked[pattern] >= LINKS_PER_PATTERN:
                continue
            self.checked[pattern] += 1
            status, is_html = self._check(path)
            new_page = is_html and pattern not in self.rendered
            if status < 400 and new_page and len(self.rendered) < PAGES_PER_ACCOUNT:
                self.rendered.add(pattern)
                self._open(path)
                queue.extend((link, path) for link in self._links())
            self.statuses[path] = status
            if status >= 400:
                self.refused.append(f"{self.who}: {source} -> {path} answers {status}")


def test_no_demo_account_is_linked_to_a_page_that_refuses_it(demo_browser):
    refused: list[str] = []
    console: list[str] = []
    people = [None, *(account.email for account in DEMO_ACCOUNTS)]
    assert len(people) == 13
    for email in people:
        visitor = demo_browser(PHONE)
        crawler = Crawler(visitor, email or "anonymous")
        if email:
            visitor.sign_in(email)
            assert visitor.page.url.endswith("/dashboard/"), email
        # The open calls are public: a visitor reaches them from a shared link.
        crawler.crawl("/dashboard/") if email else crawler.crawl("/", "/calls/")
        # Each person reaches beyond their start page (sign-in and sign-up at least).
        assert len(crawler.rendered) >= 4, (crawler.who, sorted(crawler.rendered))
        refused += crawler.refused
        console += crawler.console
        visitor.page.context.close()
    assert refused == [], "\n".join(refused)
    assert console == [], "\n".join(console)
