"""Run the rules over a document: the one entry point from text to fixes.

Rules run in priority order; where two fixes would edit the same text, the fix of the
higher-priority rule is kept (a byline's line break wins over the stray space it
replaces), except that a question never displaces a fix applied by default (see
:func:`resolve_conflicts`). All fixes come back in raw-text coordinates.

The house-style rules come after the extraction repairs: odd-char first (it leaves to
stray-space the zero-width characters stray-space removes), then punctuation, quotes,
the word list, traditional/simplified forms, and the web style's spaces last (an
insertion, it yields to any edit of the characters around it).
"""

from __future__ import annotations

from bisect import insort
from dataclasses import dataclass, field
from operator import itemgetter

from .document import Document
from .engine import EditIndex, drop_conflicting, review_order
from .fixes import Confidence, Fix
from .follow_up import settle
from .gc_pause import gc_paused
from .layout import PageAnalysis
from .rules import (
    byline,
    cjk_latin_space,
    dup_glyph,
    line_join,
    odd_char,
    punct_width,
    quote_pairs,
    section_label,
    stray_space,
    trad_simp,
    word_list,
)
from .settings import Settings, default_settings

# Priority order: earlier rules win conflicts.
RULES = {
    section_label.RULE_ID: section_label,
    byline.RULE_ID: byline,
    dup_glyph.RULE_ID: dup_glyph,
    line_join.RULE_ID: line_join,
    stray_space.RULE_ID: stray_space,
    odd_char.RULE_ID: odd_char,
    punct_width.RULE_ID: punct_width,
    quote_pairs.RULE_ID: quote_pairs,
    word_list.RULE_ID: word_list,
    trad_simp.RULE_ID: trad_simp,
    cjk_latin_space.RULE_ID: cjk_latin_space,
}
PRIORITY = {rid: n for n, rid in enumerate(RULES)}


@dataclass
class AnalysisResult:
    fixes: list[Fix]
    page: PageAnalysis
    # Fixes a higher-priority fix superseded (kept for diagnostics, never shown).
    superseded: list[Fix] = field(default_factory=list)
    applied_by_default: frozenset[str] = frozenset()


def default_applied(fix: Fix, settings: Settings) -> bool:
    mode = settings.rule(fix.rule).apply
    if mode == "always":
        return True
    if mode == "never":
        return False
    return fix.confidence.applied_by_default


def rule_options(rid: str, settings: Settings) -> dict | None:
    """The options a rule's ``check`` receives (None for a rule without options)."""
    module = RULES[rid]
    if not hasattr(module, "DEFAULT_OPTIONS"):
        return None
    options = {**module.DEFAULT_OPTIONS, **settings.rule(rid).options}
    if rid == odd_char.RULE_ID:
        # odd-char leaves to stray-space the zero-width characters stray-space removes.
        ss = settings.rule(stray_space.RULE_ID)
        options["stray_space"] = rule_options(stray_space.RULE_ID, settings) if ss.enabled else None
    return options


def run_rules(page: PageAnalysis, settings: Settings, *, questions: bool = True) -> list[Fix]:
    """The fixes of every enabled rule. Without *questions*, the fixes that can only be
    questions under *settings* may be left out (the follow-up passes keep only default
    fixes): a rule set to never apply, or whose fixes are all DOUBTFUL (``ONLY_ASKS``),
    does not run, and a rule with a ``check_defaults`` runs that instead of ``check``."""
    found: list[Fix] = []
    for rid, module in RULES.items():
        rs = settings.rule(rid)
        if not rs.enabled:
            continue
        check = module.check
        if not questions:
            by_confidence = rs.apply not in ("always", "never")
            if rs.apply == "never" or (by_confidence and getattr(module, "ONLY_ASKS", False)):
                continue
            if by_confidence and hasattr(module, "check_defaults"):
                check = module.check_defaults
        options = rule_options(rid, settings)
        found.extend(check(page) if options is None else check(page, options))
    return found


def resolve_conflicts(found: list[Fix], settings: Settings) -> tuple[list[Fix], list[Fix]]:
    """(kept, dropped): the fixes applied by default settle their conflicts first, by
    rule priority; a question (a fix not applied by default) is kept only where it
    conflicts with none of them. Were a question to win, the default fix it displaced
    would come back on a second pass over the suggested version, once the question is
    gone: the suggested version would not be clean."""
    applied = _DefaultApplied(settings)
    by_default = [applied(f) for f in found]
    kept, dropped = drop_conflicting([f for f, d in zip(found, by_default) if d], PRIORITY)
    questions = [f for f, d in zip(found, by_default) if not d]
    if not questions:
        return kept, dropped
    kept_q, dropped_q = drop_conflicting(questions, PRIORITY)
    taken = EditIndex([(e, None) for f in kept for e in f.edits])

    def blocked(f: Fix) -> bool:
        return any(taken.conflicts(e) for e in f.edits)

    free = [f for f in kept_q if not blocked(f)]
    kept = list(kept)  # in review order already: the few questions are put in place
    for f in free:
        insort(kept, f, key=review_order)
    return kept, dropped + dropped_q + [f for f in kept_q if blocked(f)]


@gc_paused()
def analyse(doc: Document, settings: Settings | None = None) -> AnalysisResult:
    settings = settings or default_settings()
    page = doc.take_page() or PageAnalysis(doc.text)
    fixes, dropped = _one_pass(doc, page, settings)
    by_default = _DefaultApplied(settings)
    # The suggested version, reopened, must get no default fix (app/follow_up.py).
    fixes, displaced = settle(doc.raw, fixes, by_default, lambda text: _one_pass(Document(text), None, settings, questions=False)[0])
    applied = frozenset(f.id for f in fixes if by_default(f))
    return AnalysisResult(fixes, page, dropped + displaced, applied)


_RULE_AND_CONFIDENCE = itemgetter(0, 3)  # (fix.rule, fix.confidence) in one C call


class _DefaultApplied:
    """:func:`default_applied` for one settings, remembered per rule and confidence
    (all it depends on): the follow-up check asks it for every fix several times."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self._known: dict[tuple[str, Confidence], bool] = {}

    def __call__(self, fix: Fix) -> bool:
        key = _RULE_AND_CONFIDENCE(fix)
        known = self._known.get(key)
        if known is None:
            known = self._known[key] = default_applied(fix, self.settings)
        return known


def _one_pass(doc: Document, page: PageAnalysis | None, settings: Settings, *, questions: bool = True) -> tuple[list[Fix], list[Fix]]:
    """(kept, dropped) fixes of one run of the rules, in raw-text coordinates; without
    *questions*, the default fixes alone (the defaults settle their conflicts among
    themselves, so the questions cannot change which of them are kept)."""
    found = run_rules(page or PageAnalysis(doc.text), settings, questions=questions)
    if not questions:
        applied = _DefaultApplied(settings)
        found = [f for f in found if applied(f)]
    kept, dropped = resolve_conflicts(found, settings)
    return [doc.to_raw_fix(f) for f in kept], [doc.to_raw_fix(f) for f in dropped]


def analyse_text(text: str, settings: Settings | None = None) -> AnalysisResult:
    return analyse(Document(text), settings)


__all__ = ["analyse", "analyse_text", "AnalysisResult", "RULES", "Confidence"]
