"""MkDocs hook: keep folded whole scripts and the exercises' folded solutions out of the search index.

Each folded script's key lines are shown open on its page and the prose names what it does, so searching its full
text only adds noise (a search for "freeze" found a variable name) and weight: the index is loaded by every page.
An exercise's question stays open, and searchable; its solution (a `??? success` block) is scripts and outputs
with a few lines about them.
Runs before the search plugin reads the page (higher priority than its default 0).
"""

import re

from mkdocs.plugins import event_priority

_FOLDED = re.compile(r'<details class="(example|success)"')


@event_priority(50)
def on_page_content(content, **_):
    return _FOLDED.sub(r'<details class="\1" data-search-exclude', content)
