"""MkDocs hook: keep code blocks, recorded outputs and folded blocks out of the search index, so that it holds the
pages' prose (inline code included) and headings; on the notebook pages, their Markdown cells.

The index is loaded by every page, and the heaviest page (the interactive map, with BokehJS) must stay under 2 MB:
with the derivation, recipe and exercise pages, the code and outputs had pushed it past. Searching code added noise
too (a search for "freeze" found a variable name): each block's prose names what it does, and an exercise's
question stays open and searchable while its folded solution does not.
Runs before the search plugin reads the page (higher priority than its default 0).
"""

import re

from mkdocs.plugins import event_priority

_FOLDED = re.compile(r'<details class="(example|success)"')
_CODE = re.compile(r'<div class="language-(\w+) highlight"')  # scripts, their named sections, outputs, pip lines
# A notebook's code and text outputs (each a <pre>) and the hidden copies of its cells for the copy button. Marked
# where no element of the same tag nests inside: the search plugin tracks excluded elements by tag, so an inner
# </div> would end an outer div's exclusion.
_PRE = re.compile(r"<pre(?=[ >])")
_COPIES = re.compile(r'<div class="clipboard-copy-txt"')


@event_priority(50)
def on_page_content(content, **_):
    content = _FOLDED.sub(r'<details class="\1" data-search-exclude', content)
    content = _PRE.sub("<pre data-search-exclude", content)
    content = _COPIES.sub('<div class="clipboard-copy-txt" data-search-exclude', content)
    return _CODE.sub(r'<div class="language-\1 highlight" data-search-exclude', content)
