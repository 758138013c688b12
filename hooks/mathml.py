"""MkDocs hook: turn the TeX that pymdownx.arithmatex marks up into MathML at build time.

Browsers render MathML natively, so the site needs no math JavaScript and nothing from a CDN.
"""

import html
import re

from latex2mathml.converter import convert

_MATH = re.compile(
    r'<span class="arithmatex">\\\((?P<inline>.+?)\\\)</span>|<div class="arithmatex">\\\[(?P<block>.+?)\\\]</div>',
    re.DOTALL,
)


def _to_mathml(match: re.Match) -> str:
    tex = match.group("inline") or match.group("block")
    display = "inline" if match.group("inline") else "block"
    return convert(html.unescape(tex).strip(), display=display)


def on_page_content(content, **_):
    return _MATH.sub(_to_mathml, content)
