"""On clean copy the default suggestions change nothing.

The corpus (tests/corpus/articles/*.json) holds 40 articles written for the purpose:
reduplications (常常, 人人, 八八战略), dates, numbers, Latin acronyms, quotes, lists,
slogans with a meaningful space. Each is laid out as ProofDesk exports it: one block
per line, with or without blank lines between blocks, the label before the article."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .helpers import default_fixes

ARTICLES = sorted((Path(__file__).parent / "corpus" / "articles").glob("*.json"))


def layout(article: dict, sep: str) -> str:
    blocks = [article["label"], article["headline"], article["subtitle"], *article["paragraphs"], article["byline"]]
    return sep.join(b for b in blocks if b) + "\n"


def page(articles: list[dict], sep: str) -> str:
    return sep.join(layout(a, sep) for a in articles)


def test_corpus_is_large_enough():
    assert len(ARTICLES) >= 20


@pytest.mark.parametrize("sep", ["\n", "\n\n"], ids=["lines", "blank-lines"])
@pytest.mark.parametrize("path", ARTICLES, ids=[p.stem for p in ARTICLES])
def test_no_default_change_on_clean_article(path, sep):
    text = layout(json.loads(path.read_text("utf-8")), sep)
    changes = [(f.rule, text[max(0, f.start - 8) : f.end + 8]) for f in default_fixes(text)]
    assert changes == []


@pytest.mark.parametrize("sep", ["\n", "\n\n"], ids=["lines", "blank-lines"])
def test_no_default_change_on_a_page_of_articles(sep):
    articles = [json.loads(p.read_text("utf-8")) for p in ARTICLES]
    text = page(articles, sep)
    changes = [(f.rule, text[max(0, f.start - 8) : f.end + 8]) for f in default_fixes(text)]
    assert changes == []
