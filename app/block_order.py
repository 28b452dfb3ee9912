"""Putting column pieces that a plain extraction read too early back in reading order.

What: a plain extraction (``pdftotext`` without ``-layout`` above all) orders a page's
text blocks by its own reading-order heuristics; where an article's columns do not line
up (a headline over some columns, a picture, a short last column) it may read the top
of the next column *before* the bottom of the one it continues. The text then holds, in
this order, a piece that starts in mid-sentence and a piece that stops in mid-sentence::

    ……完赛后，来自杭州的跑者小周高兴地说。        (a paragraph ends)

    医疗人员420名，沿途设置补给站21个……              (goes on from somewhere: full first line)
    ……通过跑者佩戴的芯片实时监测心率等身体状况。

    为保障赛事顺利进行，组委会共安排安保人员          (a new paragraph ...)
    3,200名、志愿者2,600名、                           (... stopping in mid-sentence)

    近年来，我市不断推进……                          (a new paragraph: indented first line)

Read in order: ``为保障……志愿者2,600名、医疗人员420名，沿途设置……身体状况。`` then
``近年来……``. :func:`restore_block_order` puts such pieces back; :mod:`app.document`
does it when a file opens (the editor is told, and may review the file as it is).

Why: no line rule can repair it. Joining ``志愿者2,600名、`` to the paragraph below
glues two paragraphs; leaving it cuts a sentence; the piece read too early stays in the
wrong paragraph. A character error rate counts such a piece twice (deleted here,
missing there): on generated pages, 1–2 % of pdftotext's text came out so, about 2.7
points of its error rate.

Whole page halves read one after the other (the left columns of every article on the
page, then the right ones) are put back first, by :mod:`app.page_halves`.

How, from the line evidence of :mod:`app.layout` (column width, indent, punctuation).
The text is cut into **pieces** at blank lines (a blank line the line rules would
bridge, a sentence going on in a piece of two or more lines, stays inside its piece):

* an **open end**: a piece whose last line fills its column (or ends with a comma)
  without ending its sentence, followed by a piece that starts a paragraph (indented,
  or short of the column by the two-em indent; a final comma may hang past the margin,
  a number that did not fit may leave it shorter) or an article's head.
* a **loose start**: a piece whose first line fills its column, after a line that ends
  a sentence (not after a byline: a full-width headline looks the same). Alone this is
  no evidence: a paragraph may go on after a column break at a sentence end.
* m open ends in a row (m ≤ :data:`MAX_PIECES` / 2), right after m loose starts: the
  k-th loose start goes on from the k-th open end, when each can (it ends a sentence,
  or its byline, when what followed the open end was an article's head; its first line
  is an em at least wider than the first lines of the paragraphs the open end starts
  (or may start) or that follow it, a full line being two ems wider), nothing
  between them starts an article, no page break lies in the run, and the piece before
  the run is no lone paragraph tail (``借通还。``) that might be the one that goes on
  (after a sentence end, or after anything but a head, a byline or a piece that stops
  in mid-sentence: pdfminer reads a paragraph's last line between an article's first
  line and the rest of its first paragraph).
  The run is written open end first, its loose start right after it (one line break:
  the line rules join them), pairs separated by a blank line. An open end may also be a
  paragraph's first line cut by the column end (two ems short, after a sentence end or
  a byline: ``百姓的笑脸，是最好的答`` before the next article's head).
* one open end, and one loose start a few whole paragraphs before it (pdftotext read
  the top of a column, the paragraphs of the column before, then its open bottom): the
  loose start goes after the open end, the paragraphs between keep their place, when
  nothing else could pair (no other loose start in the article, no other piece after
  the open end that stops in mid-sentence, no lone paragraph tail right before the
  loose start), and its first line is no paragraph's first line whose comma hangs
  past the margin (``如今，随着农村电商的发展，``: a full line less one em)
  (:func:`_distant_loose_start`).
* an article's **tail read before its own head**: right after the article above (its
  byline), a piece whose first line fills its column and whose last line is a byline,
  then the article's head (a label, a headline: pdftotext writes one set with wide
  tracking letter by letter, ``书 香 浸 润 全 城``), then a body that stops in
  mid-sentence at the margin just before the next article's head (or the end of the
  text), with no byline of its own: the tail goes after that body
  (:func:`_tails_before_heads`); the body may also stop short of the margin by the
  number opening the tail (``组委会共安排安保人员`` / ``3,200名、……``, which did not
  fit). A tail's first line short by a character pushed down
  with the marks after it (kinsoku: ``也开心，比看电视还过`` / ``瘾！”据了解……``) counts
  as full when the body stops in mid-sentence. A tail that itself
  stops in mid-sentence (the first line of a paragraph cut by the column end) goes
  between the body and the rest of it, read after the body (full lines going on up to
  the byline, then the next head; the rest may open the next page). A tail that starts
  a paragraph (its first line two ems short) and ends with the byline goes after the
  body when that body ends its last sentence right before the next article's head and
  has no byline of its own (:func:`_closed_body_end`).
* an article's **second column read before its first**, right under its headline: the
  body opens with a full column line holding a clause mark (an article's text starts
  with a paragraph's first line; a subtitle holds no clause mark; a first line opening
  a quotation may look full, so none that does) and stops in mid-sentence before a
  piece that starts a paragraph (its first line narrower by an em or more: the real
  start lost two ems to its indent); that piece, after a column break where it stops in
  mid-sentence, goes on with a full line. Read: head, first column, second, third
  (:func:`_second_column_first`).
* the **start of a paragraph read after its article's byline**, stopping in mid-sentence
  before the next article's head, its rest read earlier in the article (the one piece
  there that goes on from elsewhere): the start goes back before its rest
  (:func:`_open_end_after_byline`).
* an article's **first column read after its byline** (pdfminer orders boxes by
  nearness): under the head (and a one-line subtitle) the body opens with a full column
  line going on from elsewhere and runs to the byline; right after it, whole paragraphs,
  the first starting a paragraph, the last stopping in mid-sentence at the margin just
  before the next article's head or the end of the text: they go back under the head,
  the body's first line right after their open end (:func:`_first_column_after_byline`).

Pieces move as whole lines, their indents and invisible characters with them (a page
break opening a piece stays in place): only line breaks change, and the spaces of blank
lines between moved pieces. Nothing moves when the evidence is not all there; text in reading order has no open end
before a new paragraph, so it never changes. Where two shapes claim the same text, the
one found first (in the order above) stands: a piece is written once. Not handled:
pairings that more than one piece could make, whole paragraphs read out of place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .block_pieces import (
    HANGING, Piece, column_of, cut_first_line, cut_pieces, fills_first, first_line, full_line_going_on, hangs_past, line_ending, lone_tail,
    opens_paragraph, short_by_unit, stands_alone,
)
from .columns import Restored
from .page_halves import page_halves
from .page_lines import fills_column
from .layout import PageAnalysis
from .text import OPENING_PUNCT

if TYPE_CHECKING:
    from .document import Document

MAX_PIECES = 6  # pieces (blank-line separated) between a loose start and its open end
_CLAUSE_MARK = re.compile("[，、；,;]")


@dataclass(frozen=True)
class OrderReport:
    """What :func:`restore_block_order` moved."""

    moved: int = 0  # pieces put back after the text they continue

    @property
    def changed(self) -> bool:
        return self.moved > 0


def _continues(s: Piece, e: Piece) -> bool:
    """Loose-start piece *s* can go on from open-end piece *e*: what follows *e* then
    follows *s*, so *s* ends a paragraph before a paragraph, an article before a head."""
    return s.loose and (s.ends == "closed" or (s.ends == "byline" and e.followed == "article"))


def _wider_than_first_lines(page: PageAnalysis, pieces: list[Piece], s: int, e: int) -> bool:
    """The first line of loose start *s* is wider, by an em at least, than the first
    lines of the paragraphs open end *e* starts (or may start: a line as full after a
    sentence end) and that follow it: a full line is two ems wider than a first line,
    and one only as wide may be a first line itself, the column narrower than it looked
    (``分产业看，第一产业增`` and ``工业生产较快增长。上``, both 10 ems, pdfminer)."""
    lines = page.content_lines
    width = lines[pieces[s].first].width
    firsts = [pieces[e].first] if opens_paragraph(page, pieces[e]) or pieces[e].loose else []
    if pieces[e].followed == "paragraph" and e + 1 < len(pieces):
        firsts.append(pieces[e + 1].first)
    # (A first line's final comma may hang past the margin: ``在行政服务中心大厅，``.)
    return all(width >= lines[k].width - (page.punct_width if lines[k].collapsed[-1:] in HANGING else 0.0) + 1.0 for k in firsts)


def find_moves(page: PageAnalysis, text: str) -> list[tuple[int, int, list]]:
    """The spans of text to rewrite: (start, end, items), items being (start, end) ranges
    of the text and separators (line breaks) in their new order."""
    if not page.content_lines:
        return []
    pieces = cut_pieces(page)
    lines = page.content_lines

    def cut(i: int) -> bool:
        """An article boundary before piece *i* (a head, a byline ending the piece before)."""
        return pieces[i].head or pieces[i - 1].head or pieces[i - 1].ends == "byline" or lines[pieces[i].first].standalone

    # Whole page halves read one after the other first: their pairing rests on the
    # most evidence (every pair agrees, bylines close every right half).
    moves = page_halves(page, cut_pieces(page, bridge=False), text, set())
    i = 0
    while i < len(pieces):
        e = pieces[i]
        if not e.stops or not e.followed:
            i += 1
            continue
        # Open ends in a row, then as many loose starts right before them: the k-th
        # loose start goes on from the k-th open end (pdftotext read a column's top
        # before the bottom of the one before it).
        j = i
        while j + 1 < len(pieces) and pieces[j + 1].stops and pieces[j + 1].followed and not cut(j + 1):
            j += 1
        m = j - i + 1
        lo = i - m
        if (
            lo >= 0
            and m <= MAX_PIECES // 2
            and all(_continues(pieces[lo + k], pieces[i + k]) and _wider_than_first_lines(page, pieces, lo + k, i + k) for k in range(m))
            and not (lo and (pieces[lo - 1].dangling or lone_tail(page, pieces, lo - 1)))  # another piece may go on from it
            and not any(cut(k) for k in range(lo + 1, i))
            and (not cut(i) or pieces[i - 1].ends == "byline")
            and "\x0c" not in text[pieces[lo].start : pieces[j].end]  # a page break: continued elsewhere
        ):
            items: list = []
            for k in range(m):
                items += ["\n\n"] if k else []
                items += [(pieces[i + k].start, pieces[i + k].end), "\n", (pieces[lo + k].start, pieces[lo + k].end)]
            moves.append((pieces[lo].start, pieces[j].end, items))
        elif m == 1:
            s = _distant_loose_start(page, pieces, i, cut)
            if s is not None and "\x0c" not in text[pieces[s].start : e.end]:
                # The pieces between keep their order; the loose start follows the open end.
                moves.append((pieces[s].start, e.end, [(pieces[s + 1].start, e.end), "\n", (pieces[s].start, pieces[s].end)]))
        i = j + 1
    taken = {m[0] for m in moves}
    moves += _tails_before_heads(page, pieces, text, taken)
    moves += _second_column_first(page, pieces, text, taken)
    moves += _open_end_after_byline(page, pieces, text, taken)
    moves += _first_column_after_byline(page, pieces, text, taken)
    # Each shape pairs pieces on its own evidence; where two claim the same text, the
    # one found first (the stronger shape) stands: a piece is written once.
    kept: list[tuple[int, int, list]] = []
    for move in moves:
        if all(move[1] <= k[0] or k[1] <= move[0] for k in kept):
            kept.append(move)
    return sorted(kept)


def _distant_loose_start(page: PageAnalysis, pieces: list[Piece], i: int, cut) -> int | None:
    """The one loose start that can go on from open end *i*, read a few whole
    paragraphs before it (pdftotext read the top of a column, then the rest of the column
    before, then its open bottom): every piece between ends its last sentence and none
    could go on from the open end itself; no other loose start in the article, before it
    or after the open end, and no other piece after it that stops in mid-sentence (the
    loose start might go on from that one)."""
    e = pieces[i]
    for s in range(i - 2, max(-1, i - 1 - MAX_PIECES), -1):
        between = pieces[s + 1 : i]
        if cut(s + 1) or any(p.head or p.stops or p.ends != "closed" or p.loose or p.dangling for p in between):
            return None
        if pieces[s].loose:
            if (s and (pieces[s - 1].dangling or lone_tail(page, pieces, s - 1))) or not _continues(pieces[s], e):
                return None
            if hangs_past(page, pieces[s].first):
                return None  # it may start its paragraph: moved this far, a piece needs a line nothing else explains
            # No rival: another loose start before it in the article, or after the open end.
            before = next((p for p in reversed(pieces[max(0, s - MAX_PIECES) : s]) if p.loose or p.head or p.ends == "byline"), None)
            after = next((p for p in pieces[i + 1 : i + 1 + MAX_PIECES] if p.loose or p.head or p.ends != "closed"), None)
            if (before is not None and before.loose) or (after is not None and (after.loose or not (after.head or after.ends == "byline"))):
                return None
            return s
    return None


def _tails_before_heads(page: PageAnalysis, pieces: list[Piece], text: str, taken: set[int]) -> list[tuple[int, int, list]]:
    """An article's last column read before its own head, right after the article
    above: after a byline, a piece (or two, cut by a column break mid-sentence); then
    the article's head (a label, a headline); then its body, with no byline of its own.
    The tail goes after that body:

    * a tail whose first line fills its column (it goes on from a sentence) and that
      ends with the byline, when the body stops in mid-sentence at the margin just
      before the next article's head;
    * such a tail that itself stops in mid-sentence, when the rest of it follows the
      body (full lines going on, up to the byline, then the next head): the tail goes
      between;
    * a tail that starts a paragraph and ends with the byline, when the body ends its
      last sentence just before the next article's head.

    "Before the next article's head" includes where the text ends; "at the margin"
    includes short of it by the number opening the tail (it did not fit)."""
    lines = page.content_lines
    moves = []
    for h in range(2, len(pieces)):
        first_head = lines[pieces[h].first]
        if not (pieces[h].head or (first_head.standalone and not first_head.byline)):
            continue
        for n in (1, 2):  # the tail: one or two pieces right before the head, after a byline
            a = h - n
            if a < 1 or pieces[a - 1].ends != "byline":
                continue
            tail_end = "open" if cut_first_line(page, pieces[h - 1].last) else pieces[h - 1].ends
            if tail_end not in ("byline", "open"):
                continue
            tail = pieces[a:h]
            if any(p.head or p.ends == "byline" for p in tail[:-1]) or any(lines[p.first].standalone for p in tail):
                continue
            # A tail's first line may look both full and two ems short (a character
            # pushed down with its marks): the body's end tells which it is.
            open_end = _open_body_end(page, pieces, h, pieces[a])
            if tail_end == "byline" and opens_paragraph(page, pieces[a]) and not (open_end is not None and fills_first(page, pieces[a])):
                e = rest_end = _closed_body_end(page, pieces, h)
            elif fills_first(page, pieces[a]):
                e = open_end
                if e is None:
                    rest_end = None
                elif tail_end == "byline":
                    # The tail closes the article: the next article's head, or the text ends.
                    rest_end = e if pieces[e].followed == "article" or e == len(pieces) - 1 else None
                else:
                    rest_end = _rest_of_tail(page, pieces, e)
            else:
                continue
            if e is None or rest_end is None:
                break
            start, end = pieces[a].start, pieces[rest_end].end
            # No page break inside, except where the rest of the tail opens the next
            # page (the tail was the last column of the page before).
            inside = text[start:end]
            if rest_end > e:
                inside = text[start : pieces[e].end] + text[pieces[e + 1].start : end].lstrip("\x0c")
            if "\x0c" in inside or start in taken:
                break
            items: list = [(pieces[h].start, pieces[e].end), "\n", (start, pieces[h - 1].end)]
            if rest_end > e:
                # From its line's start: a page break opening the rest stays with it.
                items += ["\n", (lines[pieces[e + 1].first].start, end)]
            moves.append((start, end, items))
            taken.add(start)
            break
    return moves


def _second_column_first(page: PageAnalysis, pieces: list[Piece], text: str, taken: set[int]) -> list[tuple[int, int, list]]:
    """An article's second column read before its first, right under its headline: the
    body opens with a full column line going on from elsewhere (``公里，设置收费车道8条，``:
    an article's text starts with a paragraph's first line) and stops in mid-sentence;
    the next piece starts a paragraph (the real start) and, after a column break where
    it stops in mid-sentence, goes on with a full line (the third column). Read in
    order: the head, the first column, the second, the third."""
    lines = page.content_lines
    moves = []
    for i in range(len(pieces) - 1):
        p, q = pieces[i], pieces[i + 1]
        if not (p.stops and p.followed == "paragraph") or p.start in taken:
            continue
        b0 = next((k for k in range(p.first, p.last + 1) if not lines[k].standalone), None)
        heads = lines[p.first : b0] if b0 is not None else []
        if b0 is None or b0 >= p.last or not (heads or (i and pieces[i - 1].head)) or any(ln.byline for ln in heads):
            continue
        first = lines[b0].collapsed
        if not full_line_going_on(page, b0, p.last) or not _CLAUSE_MARK.search(first) or first[:1] in OPENING_PUNCT:
            continue  # (a subtitle as wide as the column holds no clause mark; a first line opening a quotation may look full)
        if any(stands_alone(ln) for ln in lines[b0 : p.last + 1]):
            continue
        if lines[q.first].width > lines[b0].width - 1.0:
            continue  # the real start lost two ems to its indent: it is the narrower line
        # Where the first column ends in mid-sentence and the third goes on.
        m = next(
            (
                k
                for k in range(q.first + 1, q.last + 1)
                if lines[k].index > lines[k - 1].index + 1 and line_ending(page, k - 1) == "open" and full_line_going_on(page, k, q.last)
            ),
            None,
        )
        if m is None or "\x0c" in text[p.start : q.end]:
            continue
        body = lines[b0].start
        items: list = []
        if body > p.start:
            items.append((p.start, body))  # the head, with its line break
        items += [(q.start, lines[m - 1].content_end), "\n", (body, p.end), "\n", (lines[m].start, q.end)]
        moves.append((p.start, q.end, items))
        taken.add(p.start)
    return moves


def _open_end_after_byline(page: PageAnalysis, pieces: list[Piece], text: str, taken: set[int]) -> list[tuple[int, int, list]]:
    """The start of a paragraph read after its article's byline, stopping in
    mid-sentence before the next article's head (or the end of the text), its rest read
    earlier inside the article: the one piece there that goes on from elsewhere (a full
    first line after a sentence end, or a lone last line ``合阅读率达到91.6%。``). The
    start goes back before its rest (``为提升妇女就业技`` / ``能，市妇联联合市人力资`` +
    ``源和社会保障局开展……``)."""
    lines = page.content_lines
    moves = []
    for i in range(2, len(pieces)):
        e = pieces[i]
        if not (e.stops and pieces[i - 1].ends == "byline") or (e.followed != "article" and i != len(pieces) - 1):
            continue
        if e.head or e.start in taken or any(stands_alone(ln) for ln in lines[e.first : e.last + 1]):
            continue
        # The article above: back to its head or the byline before it.
        a = i - 1
        while a > 0 and not pieces[a - 1].head and pieces[a - 1].ends != "byline":
            a -= 1
        rests = [k for k in range(a, i - 1) if (pieces[k].loose or pieces[k].dangling) and pieces[k].ends == "closed"]
        if len(rests) != 1 or rests[0] == a:
            continue  # none, several, or the article's first piece (no sentence end before it)
        r = rests[0]
        if "\x0c" in text[pieces[r].start : e.end]:
            continue
        moves.append((pieces[r].start, e.end, [(e.start, e.end), "\n", (pieces[r].start, pieces[i - 1].end)]))
        taken.add(pieces[r].start)
    return moves


MAX_ARTICLE_PIECES = 40  # pieces from an article's head to its byline


def _first_column_after_byline(page: PageAnalysis, pieces: list[Piece], text: str, taken: set[int]) -> list[tuple[int, int, list]]:
    """An article's first column read after its byline (pdfminer orders boxes by
    nearness): under the head the body opens with a full column line going on from
    elsewhere (``天，才把一封大学录取通知书送``) and runs to the byline; right after the
    byline, whole paragraphs, the first one starting a paragraph (``天还没亮，55岁的乡村
    邮递``), end in mid-sentence at the margin (``……他在``) just before the next
    article's head (or the end of the text). Read: the head, those paragraphs, then the
    body from its full line on (one line break: the line rules join the open end and
    the full line), the byline last."""
    lines = page.content_lines
    moves = []
    for h in range(1, len(pieces)):
        if not pieces[h].head or pieces[h - 1].head:
            continue
        s = _body_start(pieces, h)
        if s + 1 < len(pieces) and pieces[s].first == pieces[s].last and pieces[s].ends == "":
            s += 1  # a subtitle: one short line, no sentence end (``记乡村邮递员潘志刚``)
        if s >= len(pieces) or pieces[s].start in taken or not fills_first(page, pieces[s]):
            continue
        col = column_of(page, pieces[s].first)
        if col is None or first_line(page, pieces[s].first + 1, col):
            continue  # a line as wide as the column over a paragraph's first line: a headline
        b = next((k for k in range(s, min(len(pieces), s + MAX_ARTICLE_PIECES)) if pieces[k].head or pieces[k].ends == "byline"), None)
        if b is None or pieces[b].head or b + 1 >= len(pieces):
            continue
        e = next((k for k in range(b + 1, min(len(pieces), b + 1 + MAX_PIECES)) if pieces[k].ends != "closed"), None)
        if e is None or pieces[e].ends != "open" or not (pieces[e].followed == "article" or e == len(pieces) - 1):
            continue
        if not opens_paragraph(page, pieces[b + 1]) or any(p.head or any(stands_alone(ln) for ln in lines[p.first : p.last + 1]) for p in pieces[b + 1 : e + 1]):
            continue
        if "\x0c" in text[pieces[s].start : pieces[e].end]:
            continue
        moves.append((pieces[s].start, pieces[e].end, [(pieces[b + 1].start, pieces[e].end), "\n", (pieces[s].start, pieces[b].end)]))
        taken.add(pieces[s].start)
    return moves


def _body_start(pieces: list[Piece], h: int) -> int:
    """The first piece after the head pieces that start at piece *h*."""
    while h < len(pieces) and pieces[h].head:
        h += 1
    return h


def _open_body_end(page: PageAnalysis, pieces: list[Piece], h: int, tail: Piece) -> int | None:
    """The piece where the body of the article whose head starts at piece *h* stops in
    mid-sentence at the margin (or short of it by the unit opening *tail*, which did not
    fit: ``组委会共安排安保人员`` / ``3,200名、……``), with no byline or head on the way."""

    def stops(p: Piece) -> bool:
        return p.ends == "open" or (p.ends == "" and short_by_unit(page, p.last, tail.first))

    e = _body_start(pieces, h)
    while e < len(pieces) and not stops(pieces[e]) and pieces[e].ends != "byline" and not (e > h and pieces[e].head):
        e += 1
    return e if e < len(pieces) and stops(pieces[e]) else None


def _closed_body_end(page: PageAnalysis, pieces: list[Piece], h: int) -> int | None:
    """The last piece of the article whose head starts at piece *h*, when its body ends
    a sentence right before the next article's head (or the end of the text) and holds
    no byline."""
    e = _body_start(pieces, h)
    for k in range(e, min(len(pieces), e + MAX_PIECES + 1)):
        p = pieces[k]
        first = page.content_lines[p.first]
        if p.head or p.ends == "byline" or first.byline or (k > e and stands_alone(first)):
            return None  # (the first piece may open with the headline itself)
        if p.followed == "article" or k == len(pieces) - 1:  # the next article's head, or the text ends
            return k if p.ends == "closed" else None
    return None


def _rest_of_tail(page: PageAnalysis, pieces: list[Piece], e: int) -> int | None:
    """After open end *e*: pieces that go on from a sentence (their first line a full
    column line), up to one that ends with a byline, then an article's head or the end
    of the text. Returns the index of the byline piece, or None."""
    lines = page.content_lines
    for r in range(e + 1, min(len(pieces), e + 1 + MAX_PIECES)):
        p = pieces[r]
        first = lines[p.first]
        if not (p.ends == "byline" and r > e + 1):  # (a byline piece may be the byline alone)
            indented = first.content_start > first.start and first.text[: first.content_start - first.start] != "\x0c"
            if p.head or stands_alone(first) or indented:
                return None
            if r == e + 1:
                col = column_of(page, p.first)
                if col is None or not fills_column(first.width, col):
                    return None
        if p.ends == "byline":
            after = pieces[r + 1] if r + 1 < len(pieces) else None
            return r if after is None or after.head or lines[after.first].standalone else None
        if p.ends == "closed" and r + 1 < len(pieces) and pieces[r + 1].ends != "byline":
            return None  # the sentence ended and something other than a byline follows
    return None


def restore_block_order(text: str) -> Restored | None:
    """*text* with the pieces read too early put back after the text they continue, or
    None when nothing is out of order. Line ends are kept as the file has them."""
    from .document import Document  # which opens files through this module

    return restore_block_order_of(Document(text))[0]


def restore_block_order_of(doc: Document) -> tuple[Restored | None, PageAnalysis]:
    """The same for a document's raw text, with the analysis of its text as the review
    reads it (CRLF and CR as LF), which the review can use instead of measuring it again
    when the text stays as it is."""
    page = PageAnalysis(doc.text)
    moves = find_moves(page, doc.text)
    if not moves:
        return None, page
    # The pieces are copied from the raw text, so the map of the result goes to the file.
    text = doc.raw
    newline = "\r\n" if "\r\n" in text else "\n"
    out: list[str] = []
    pieces: list[tuple[int, int, int]] = []
    n = 0
    pos = 0

    def copy(a: int, b: int) -> None:
        nonlocal n
        # An end at a line feed that was a CRLF stays before its CR.
        a, b = doc.to_raw_start(a), doc.to_raw_start(b)
        if b > a:
            pieces.append((n, a, b - a))
            out.append(text[a:b])
            n += b - a

    def write(s: str) -> None:
        nonlocal n
        out.append(s)
        n += len(s)

    moved = 0
    for start, end, items in moves:
        copy(pos, start)
        for item in items:
            if isinstance(item, str):
                write(item.replace("\n", newline))
            else:
                copy(*item)
        moved += sum(1 for item in items if item == "\n")
        pos = end
    copy(pos, len(doc.text))
    return Restored("".join(out), OrderReport(moved), pieces), page  # type: ignore[arg-type]


def block_order_notice(report: OrderReport) -> tuple[str, str]:
    """What :func:`restore_block_order` did, for the editor (English, Chinese)."""
    n = report.moved
    en = (
        f"{n} piece{'s' if n != 1 else ''} of text that the extraction read out of order "
        f"{'were' if n != 1 else 'was'} put back in reading order (a sentence cut at a column end "
        "went on in a piece extracted elsewhere). ProofDesk reviews that text: rejecting every fix gives it back, not the file "
        "byte for byte; line and column numbers still refer to the file. To review the file as it is: --columns keep "
        "(in the window: File ▸ Put Columns in Reading Order, off)."
    )
    zh = (
        f"提取时有 {n} 段文字顺序错乱（栏末断开的句子接在别处提取的一段里），已移回阅读顺序。"
        "ProofDesk 校对的是移回后的文字：全部拒绝修改时得到的是移回后的文字，而不是原文件的逐字节内容；行号和列号仍指原文件。"
        "如需按原样校对：--columns keep（窗口中取消勾选“文件 ▸ 按阅读顺序排列分栏”）。"
    )
    return en, zh


ORDER_KEPT_EN = (
    "pieces of this text look read out of order (a sentence cut at a column end goes on in a piece extracted "
    "elsewhere); reviewed as it is, by request. Such sentences stay cut and the pieces stay where the extraction "
    "put them. To put them back: open it without --columns keep (in the window: File ▸ Put Columns in Reading Order)."
)
ORDER_KEPT_ZH = (
    "这份文字中有几段看起来提取顺序错乱（栏末断开的句子接在别处提取的一段里）；已按要求按原样校对，"
    "这些句子仍是断开的，各段仍在提取时的位置。如需移回：打开时不用 --columns keep（窗口中勾选“文件 ▸ 按阅读顺序排列分栏”）。"
)
