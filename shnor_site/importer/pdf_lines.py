"""Lines of a PDF's text layer and how they join back into the paragraphs they came from.

A line is built from the characters themselves, so every space the writer put down stays:
double spaces inside a line, and the spaces Word leaves hanging at the end of a line it
wrapped (a soft wrap). A document that marks its wraps that way is read exactly: a line
ending in spaces goes on with the next, a line ending without one ends its paragraph, a
line ending in a hyphen goes on only where the next word part would not have fitted. A
document without such marks falls back to the fit test alone: a line is taken as wrapped
where the next line's first word would not have fitted on it.
"""

from __future__ import annotations

from dataclasses import dataclass

_SPACES = " \u00a0\t"
_SPACE_EM = 0.32  # a space's width as a share of the font size (DejaVu, Times, Arial)
_GAP_EM = 0.15    # a gap between two glyphs wider than this share is a missing space


@dataclass
class Line:
    """One line of text: its words as written, the spaces it ends with, where it stands."""

    text: str
    tail: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    head: float  # width of the first word part (up to a space or after a hyphen)

    @property
    def hyphen(self) -> bool:
        """True when the line ends in a hyphen right after a letter (a word broken there)."""
        return len(self.text) > 1 and self.text[-1] == "-" and self.text[-2].isalpha()


def lines_of(chars: list[dict]) -> list[Line]:
    """The lines the characters form, top to bottom."""
    rows: list[list[dict]] = []
    for char in sorted(chars, key=lambda c: (c["top"], c["x0"])):
        if rows and abs(rows[-1][0]["top"] - char["top"]) < 0.4 * rows[-1][0]["size"]:
            rows[-1].append(char)
        else:
            rows.append([char])
    return [_line(sorted(row, key=lambda c: c["x0"])) for row in rows]


def _line(chars: list[dict]) -> Line:
    text, prev = "", None
    for char in chars:
        glyph = " " if char["text"] in _SPACES else char["text"]
        gap = char["x0"] - prev["x1"] if prev is not None else 0.0
        if prev is not None and glyph != " " and text[-1:] != " " and \
                gap > _GAP_EM * char["size"]:
            text += " "
        text += glyph
        prev = char
    body = text.rstrip(" ")
    inked = [c for c in chars if c["text"] not in _SPACES]
    size = max(c["size"] for c in chars)
    return Line(body.lstrip(" "), text[len(body):], inked[0]["x0"] if inked else chars[0]["x0"],
                inked[-1]["x1"] if inked else chars[-1]["x1"], min(c["top"] for c in chars),
                max(c["bottom"] for c in chars), size, _head(inked))


def _head(chars: list[dict]) -> float:
    """Width of the first word part: up to the first space or gap, or through a hyphen."""
    if not chars:
        return 0.0
    end = chars[0]
    for n, char in enumerate(chars[1:], start=1):
        if char["x0"] - end["x1"] > _GAP_EM * char["size"]:
            break
        end = char
        if char["text"] == "-" and chars[n - 1]["text"].isalpha() and n + 1 < len(chars) \
                and chars[n + 1]["text"].isalpha():
            break
    return end["x1"] - chars[0]["x0"]


def marks_wraps(groups: list[list[Line]]) -> bool:
    """True when the document leaves spaces at the end of the lines it wrapped (as Word's
    PDF export does): at least a third of the lines that go on in the same block do."""
    inner = [line for group in groups for line in group[:-1]]
    marked = sum(1 for line in inner if line.tail)
    return bool(inner) and marked >= max(1, len(inner) / 3)


def wrapped(prev: Line, line: Line, right: float, marked: bool) -> bool:
    """True when `line` goes on the paragraph of `prev` (a wrap, not a new line)."""
    if prev.tail:
        return True
    room = 0.0 if prev.hyphen else _SPACE_EM * prev.size
    fits = prev.x1 + room + line.head <= right + 0.5
    if prev.hyphen or not marked:
        return not fits
    return False


def paragraphs(lines: list[Line], right: float, marked: bool) -> list[str]:
    """The group's lines joined where they were only wrapped: one text per paragraph."""
    out: list[str] = []
    for n, line in enumerate(lines):
        if n and wrapped(lines[n - 1], line, right, marked):
            prev = lines[n - 1]
            out[-1] += (prev.tail or ("" if prev.hyphen else " ")) + line.text
        else:
            out.append(line.text)
    return out


def blocks_of(lines: list[Line]) -> list[list[Line]]:
    """Lines outside tables grouped into blocks: a gap wider than an empty line's share of
    the font size between two lines starts a new block."""
    groups: list[list[Line]] = []
    for line in lines:
        if groups and line.top - groups[-1][-1].bottom <= 0.6 * line.size:
            groups[-1].append(line)
        else:
            groups.append([line])
    return groups
