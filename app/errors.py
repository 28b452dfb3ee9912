"""Errors an editor sees. Each says which file, what is wrong and what to do, in English
and in Chinese; ``str()`` gives the English text (logs, the CLI), ``message("zh")`` the
Chinese one (the window)."""

from __future__ import annotations


class UserError(Exception):
    def __init__(self, en: str, zh: str | None = None):
        super().__init__(en)
        self.en = en
        self.zh = zh or en

    def message(self, lang: str = "zh") -> str:
        return self.en if lang == "en" else self.zh


def message_of(exc: BaseException, lang: str = "zh") -> str:
    """The editor-facing text of any exception."""
    return exc.message(lang) if isinstance(exc, UserError) else str(exc)
