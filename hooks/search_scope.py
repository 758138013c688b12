"""MkDocs hook: keep folded whole scripts out of the search index.

Each folded script's key lines are shown open on its page and the prose names what it does, so searching its full
text only adds noise (a search for "freeze" found a variable name) and weight: the index is loaded by every page.
Runs before the search plugin reads the page (higher priority than its default 0).
"""

import re

from mkdocs.plugins import event_priority

_FOLDED = re.compile(r'<details class="example"')


@event_priority(50)
def on_page_content(content, **_):
    return _FOLDED.sub('<details class="example" data-search-exclude', content)
