"""Run the rules over a document: the one entry point from text to fixes.

Rules run in priority order; where two fixes would edit the same text, the fix of the
higher-priority rule is kept (a byline's line break wins over the stray space it
replaces). All fixes come back in raw-text coordinates.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .document import Document
from .engine import drop_conflicting
from .fixes import Confidence, Fix
from .layout import PageAnalysis
from .rules import byline, dup_glyph, line_join, section_label, stray_space
from .settings import Settings, default_settings

# Priority order: earlier rules win conflicts.
RULES = {
    section_label.RULE_ID: section_label,
    byline.RULE_ID: byline,
    dup_glyph.RULE_ID: dup_glyph,
    line_join.RULE_ID: line_join,
    stray_space.RULE_ID: stray_space,
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


def run_rules(page: PageAnalysis, settings: Settings) -> list[Fix]:
    found: list[Fix] = []
    for rid, module in RULES.items():
        rs = settings.rule(rid)
        if not rs.enabled:
            continue
        if rid == stray_space.RULE_ID:
            found.extend(module.check(page, {**stray_space.DEFAULT_OPTIONS, **rs.options}))
        else:
            found.extend(module.check(page))
    return found


def analyse(doc: Document, settings: Settings | None = None) -> AnalysisResult:
    settings = settings or default_settings()
    page = PageAnalysis(doc.text)
    kept, dropped = drop_conflicting(run_rules(page, settings), PRIORITY)
    fixes = [doc.to_raw_fix(f) for f in kept]
    applied = frozenset(f.id for f in fixes if default_applied(f, settings))
    return AnalysisResult(fixes, page, [doc.to_raw_fix(f) for f in dropped], applied)


def analyse_text(text: str, settings: Settings | None = None) -> AnalysisResult:
    return analyse(Document(text), settings)


__all__ = ["analyse", "analyse_text", "AnalysisResult", "RULES", "Confidence"]
