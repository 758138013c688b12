"""Every link inside the built site leads somewhere: a file, and an element with the #anchor's id."""

from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit


class _Page(HTMLParser):
    """The ids a page defines (an anchor may also name an <a name=...>) and the links it makes (href and src)."""

    def __init__(self, text: str):
        super().__init__()
        self.ids, self.links = set(), []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("id", "name") and value:
                self.ids.add(value)
            elif name in ("href", "src") and value is not None:
                self.links.append(value)


def _broken(site: Path, page: str, link: str, parse) -> str | None:
    """Why an internal link from `page` (its path under the site root) does not resolve, or None."""
    url = urlsplit(urljoin("/" + page, link))
    target = site / unquote(url.path).lstrip("/")
    if url.path.endswith("/") or target.is_dir():
        target /= "index.html"
    if not target.is_file():
        return f"{target.relative_to(site)} does not exist"
    fragment = unquote(url.fragment)
    if fragment and target.suffix == ".html" and fragment not in parse(target).ids:
        return f"no id {fragment!r} in {target.relative_to(site)}"
    return None


def test_internal_links_resolve_and_external_ones_are_listed(site, site_pages, site_report):
    parse = cache(lambda path: _Page(path.read_text(encoding="utf-8")))
    broken, external = [], {}
    for page in site_pages:
        path = site / page / "index.html" if page.endswith("/") or not page else site / page
        for link in parse(path).links:
            scheme = urlsplit(link).scheme
            if scheme in ("http", "https") or link.startswith("//"):
                external.setdefault(link, set()).add("/" + page)
            elif not scheme and (why := _broken(site, page, link, parse)):
                broken.append(f"/{page}: {link}: {why}")
    site_report["external_links"] = {link: sorted(pages) for link, pages in sorted(external.items())}
    broken = list(dict.fromkeys(broken))  # a page often repeats a link (navigation, table of contents)
    assert not broken, f"{len(broken)} broken links:\n" + "\n".join(broken[:30])
