"""HTML pages reduced to their article's text by trafilatura, a library made for news pages.

A ``.html``/``.htm`` file, or text that starts like an HTML page (standard input, an SDK
string), is not analysed as markup: trafilatura keeps the article (headline, paragraphs,
quotations) and drops navigation, share buttons, related stories, comments and scripts; its
metadata gives the title, date and outlet. The Document's text is the extracted text, marked
``extracted_from="html"``, and every offset points into that text, not into the page.
Chosen over readability-lxml on the test pages (tests/fixtures/html/): on a modern news page
readability glued an inline "Also Read" link into the article text, trafilatura left it out
and lost no paragraph; on an old table-layout page both keep every paragraph (trafilatura, with
tables off, also keeps some navigation lines).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from assistant.errors import InputError

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
_PAGE_START = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
    re.IGNORECASE | re.DOTALL,
)


@dataclass(frozen=True)
class Page:
    text: str
    title: str | None
    date: date | None
    outlet: str | None


def looks_like_html(text: str) -> bool:
    """Whether ``text`` starts as an HTML page does (a doctype, or an html/head/body tag)."""
    return _PAGE_START.match(text[:4096]) is not None


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def article(html: str, where: str) -> Page:
    """The article in an HTML page; InputError when the page holds no article text."""
    import trafilatura  # a few hundred milliseconds to import: only when a page is read

    # tables off: on pages laid out with tables the article is one, and its text came out
    # glued into a single line with the sidebar; without, every paragraph keeps its own line
    text = trafilatura.extract(
        html, output_format="txt", include_comments=False, include_tables=False
    )
    if not text or not text.strip():
        raise InputError(f"{where}: no article text found in this HTML page", path=where)
    meta = trafilatura.extract_metadata(html, extensive=False)  # no date guessed from "© 2026"
    return Page(
        text=text.strip() + "\n",
        title=(meta.title or None) if meta else None,
        date=_date(meta.date) if meta else None,
        outlet=(meta.sitename or None) if meta else None,
    )
