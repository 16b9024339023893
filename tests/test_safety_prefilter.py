"""The page guard's fast path (safety.might_be_unsafe) never hides what the parser finds.

Most pages skip the HTML parse: a regex check says they cannot hold scripts, event
handlers or script URLs. Every XSS payload of tests/xss/payloads.txt, raw and inside
attributes, and random markup from Hypothesis must reach the full parse whenever the
parse finds something.
"""

from __future__ import annotations

import html
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from shnor_site.build.guard import might_be_unsafe, scan_html, unsafe_page_html

PAYLOADS = [line for line in
            (Path(__file__).parent / "xss" / "payloads.txt").read_text(encoding="utf-8")
            .splitlines() if line.strip() and not line.startswith("##")]
WRAPPERS = ["<p>{}</p>", '<a href="{}">x</a>', "<a href='{}'>x</a>", "<a href={}>x</a>",
            '<img src="{}">', '<div title="{}">x</div>', "<p>{}", '<a title="x" {}>x</a>']


def test_every_payload_that_the_parser_flags_is_caught_by_the_fast_path() -> None:
    checked = flagged = 0
    for payload in PAYLOADS:
        for wrap in WRAPPERS:
            for text in (payload, html.escape(payload, quote=False)):
                page = wrap.format(text)
                found = scan_html(page)
                checked += 1
                flagged += bool(found)
                assert not found or might_be_unsafe(page), page
                assert unsafe_page_html(page) == found
    assert checked > 1000 and flagged > 300


def test_ordinary_pages_skip_the_parse(built_site: Path) -> None:
    """The real pages' bodies mostly need no parse (that is what saves the time)."""
    pages = sorted(built_site.rglob("index.html"))
    bodies = [p.read_text(encoding="utf-8").split('<article class="md-content__inner')[-1]
              .split("</article>")[0] for p in pages]
    skipped = sum(1 for b in bodies if not might_be_unsafe(b))
    assert skipped >= 0.8 * len(bodies)
    assert all(scan_html(b) == [] for b in bodies)


ALPHABET = st.sampled_from(["<", ">", "a", "script", "iframe", "on", "click", "=", '"', "'",
                            "/", " ", "\t", "\n", "\x01", "href", "src", "java", "script:",
                            "javascript:", "data:", "vbscript:", "&#106;", "&#x6A;", "&colon;",
                            "&Tab;", "&", "#", ";", "x", "p", "img", "body", "ONLOAD",
                            "HREF", "SrC", "jav&#x09;ascript:", "xlink:href",
                            # non-ASCII: the fast path looks at an ASCII view of the page
                            "\u212a", "\u0130", "\u2003", "\xa0", "\x1c", "ж", "Ж", "оn"])


@settings(max_examples=3000, deadline=None)
@given(st.lists(ALPHABET, max_size=24).map("".join))
def test_random_markup_never_slips_through(text: str) -> None:
    """(`оn` above starts with a Cyrillic «о».)"""
    found = scan_html(text)
    assert not found or might_be_unsafe(text)


def test_non_ascii_that_lower_cases_to_ascii_is_caught() -> None:
    """The Kelvin sign lower-cases to «k», and a handler's name may go on in Cyrillic."""
    for page in ["<lin\u212a rel=x>", '<p title="x"\u2003onclick="a()">x</p>',
                 '<p title="x" onж="a()">x</p>', '<a href="x"\u00a0ONLOAD=y>x</a>']:
        assert scan_html(page), page
        assert might_be_unsafe(page), page
