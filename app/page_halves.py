"""Putting back together the halves of a page that a plain extraction read one after the other.

What: where the articles stacked on a page all have a gutter at the same place, and
their two-part headlines (``手机成了“新农具” 直播成了“新农活”``) have their gap there
too, one white strip runs down the page. ``pdftotext`` then reads the page as two
halves: the left columns of every article, top to bottom, then the right columns::

    与往年相比，今年的                 (article 1, left columns: stops in mid-sentence)

    手机成了“新农具”                   (article 2: the left part of its headline,
    “家人们看看，这就……               its left columns)
    ……在村里设立了集货仓，果子从枝头

    招聘会更加注重“精准匹配”……       (article 1, right columns: goes on from 今年的)
    本报记者 闻笛 实习生 白露

    直播成了“新农活”                   (article 2: the right part of its headline)
    到消费者手中最快只要48小时……       (goes on from 果子从枝头)
    记者 甘甜、罗兰

Read in order: article 1 (``今年的招聘会更加注重……``, its byline), then article 2's
headline in one piece, its text (``果子从枝头到消费者手中……``), its byline.

Why: no line rule can repair it, and the pieces are too far apart (whole articles lie
between) for :mod:`app.block_order`'s pairings of nearby pieces. On generated pages
with such strips, pdftotext's character error rate was 12 % where the other
extractors' was 0.05 %.

How: the **left halves** are k runs of text (the first from the start of the text, a
byline or a page break; each next one opening with a head: a standalone line, or a
short line without punctuation before a paragraph's first line) with no byline among
them; the **right halves** follow, k runs each ending with a byline (the first may open
with the right part of a headline or go straight on from a sentence, each next one
opens right after the byline before it). The k-th right half goes with the k-th left
half, and the evidence must agree for every pair (a left half opening with a head goes
on with the article's first paragraph, not with a full line going on from elsewhere:
pdfminer may read a label and headline inside a paragraph): a left half that stops in
mid-sentence is followed by a right half that goes on with a full column line; a left
half that ends its sentence by one that starts a paragraph. At least one pair must go
on from a sentence: two halves that both happen to end cleanly prove nothing. Written:
each left half's head, its right half's head (the line rules join the two parts of a
headline), the left half's text, the right half's text. Nothing moves when the count
or any pair disagrees, when a byline lies among the left halves (an article kept to one
half), or when a page break lies inside.
"""

from __future__ import annotations

from .block_pieces import Piece, column_of, cut_first_line, full_line_going_on, stands_alone
from .layout import PageAnalysis
from .page_lines import INDENT, INDENT_TOLERANCE, _CLAUSE_PUNCT, fills_column
from .text import OPENING_PUNCT, ends_sentence

Move = tuple[int, int, list]


def page_halves(page: PageAnalysis, pieces: list[Piece], text: str, taken: set[int]) -> list[Move]:
    """The moves that put right halves after their left halves (see the module)."""
    moves: list[Move] = []
    r = 0
    while r < len(pieces):
        move, nxt = _halves_from(page, pieces, text, r)
        if move is not None and move[0] not in taken:
            moves.append(move)
            taken.add(move[0])
        r = max(nxt, r + 1)
    return moves


def _halves_from(page: PageAnalysis, pieces: list[Piece], text: str, r: int) -> tuple[Move | None, int]:
    """The move for left halves starting at piece *r* (an article's start), and the piece
    to look from next."""
    if r and not (pieces[r - 1].ends == "byline" or text.startswith("\x0c", page.content_lines[pieces[r].first].start)):
        return None, r + 1
    b = _next_byline(pieces, r)
    if b is None:
        return None, len(pieces)
    heads = [i for i in range(r + 1, b + 1) if _head_lines(page, pieces[i], after_byline=False)]
    for starts, s, first_head in _splits(page, pieces, r, b, heads):
        rights = _right_halves(page, pieces, s, b, len(starts))
        if rights is None:
            continue
        lefts = [(starts[j], (starts + [s])[j + 1] - 1) for j in range(len(starts))]
        region = (pieces[r].start, pieces[rights[-1][1]].end)
        if "\x0c" in text[region[0] : region[1]]:
            continue
        items = _paired(page, pieces, lefts, rights, first_head)
        if items is not None:
            return (region[0], region[1], items), rights[-1][1] + 1
    return None, b + 1


def _next_byline(pieces: list[Piece], i: int) -> int | None:
    """The first piece from piece *i* on that ends with a byline."""
    return next((k for k in range(i, len(pieces)) if pieces[k].ends == "byline"), None)


def _splits(page: PageAnalysis, pieces: list[Piece], r: int, b: int, heads: list[int]):
    """Where the left halves (piece *r* and the heads after it) may end and the first
    right half start, and whether that one opens with a head: at the last head (the
    right part of a headline), or at the one piece after every head that goes on from
    a sentence (the first article's headline spans both halves: its right half has
    none)."""
    if len(heads) >= 2:
        yield [r] + heads[:-1], heads[-1], True
    loose = [i for i in range(heads[-1] + 1, b + 1) if pieces[i].loose] if heads else []
    if len(loose) == 1:
        yield [r] + heads, loose[0], False


def _right_halves(page: PageAnalysis, pieces: list[Piece], s: int, b: int, k: int) -> list[tuple[int, int]] | None:
    """k runs of pieces from piece *s*, the first ending with the byline at piece *b*,
    each ending with a byline (and the lone byline pieces after it) and each next one
    opening with a head right after it; None when there are fewer."""
    rights = []
    start, end = s, b
    while True:
        while end + 1 < len(pieces) and pieces[end + 1].ends == "byline" and pieces[end + 1].first == pieces[end + 1].last:
            end += 1  # a byline cut over two lines
        rights.append((start, end))
        if len(rights) == k:
            return rights
        start = end + 1
        if start >= len(pieces) or not _head_lines(page, pieces[start], after_byline=True):
            return None
        end = _next_byline(pieces, start)
        if end is None or any(_head_lines(page, pieces[i], after_byline=False) for i in range(start + 1, end + 1)):
            return None


def _head_lines(page: PageAnalysis, p: Piece, *, after_byline: bool) -> int:
    """How many lines at the start of piece *p* make an article's head: standalone lines
    (headlines, labels), else a first line that is short, holds no clause mark and ends
    no sentence (``手机成了“新农具”``), before a line that does not go on from it (a
    paragraph's first line) unless a byline precedes (after a byline comes a head)."""
    lines = page.content_lines
    n = 0
    while p.first + n <= p.last and stands_alone(lines[p.first + n]) and not lines[p.first + n].byline:
        n += 1
    if n or p.first == p.last:
        return n
    first = lines[p.first]
    col = column_of(page, p.first)
    if col is None or first.byline or ends_sentence(first.collapsed) or _CLAUSE_PUNCT.search(first.collapsed) or fills_column(first.width, col):
        return 0
    if after_byline or first.width < col - INDENT - INDENT_TOLERANCE:
        return 1
    return 0 if full_line_going_on(page, p.first + 1, p.last) or fills_column(lines[p.first + 1].width, col) else 1


def _paired(page: PageAnalysis, pieces: list[Piece], lefts: list[tuple[int, int]], rights: list[tuple[int, int]], first_head: bool) -> list | None:
    """The items writing each left half with its right half, or None when a pair
    disagrees (a left half stopping in mid-sentence before a right half that does not go
    on with a full column line) or none goes on from a sentence. (A left half ending
    its sentence may be followed by a new paragraph or by the rest of its own: a
    sentence may end at the column's end.)"""
    lines = page.content_lines
    items: list = []
    went_on = False
    for j, ((l0, l1), (r0, r1)) in enumerate(zip(lefts, rights)):
        right_heads = _head_lines(page, pieces[r0], after_byline=j > 0) if j or first_head else 0
        body = pieces[r0].first + right_heads
        if body > pieces[r1].last:
            return None
        left_end = pieces[l1].last
        if cut_first_line(page, left_end):
            if not full_line_going_on(page, body, pieces[r1].last):
                return None
            went_on = True
        elif not ends_sentence(lines[left_end].collapsed):
            return None
        items += ["\n\n"] if j else []
        if not right_heads:
            items += [(pieces[l0].start, pieces[l1].end), "\n", (pieces[r0].start, pieces[r1].end)]
            continue
        left_body = pieces[l0].first + _head_lines(page, pieces[l0], after_byline=False)
        if left_body == pieces[l0].first or left_body > left_end:
            return None
        if full_line_going_on(page, left_body, left_end) and lines[left_body].collapsed[:1] not in OPENING_PUNCT:
            return None  # an article's text starts with a paragraph's first line: no head of its own
        items += [(pieces[l0].start, lines[left_body - 1].end), "\n", (pieces[r0].start, lines[body - 1].end), "\n"]
        items += [(lines[left_body].start, pieces[l1].end), "\n", (lines[body].start, pieces[r1].end)]
    return items if went_on else None
