"""Everything ProofDesk remembers between runs, behind one class.

Preferences (house style, export options, language) and window layout live in one
QSettings INI file. ``PROOFDESK_CONFIG_DIR`` moves it (tests use a temporary folder);
otherwise it is the platform's per-user location for organisation and application
"ProofDesk".
"""

from __future__ import annotations

import os
from pathlib import Path

from app.analyze import RULES
from app.export import CONVERSIONS, ExportOptions
from app.settings import APPLY_MODES, PRESETS, Settings, load_preset

from .qt import QByteArray, QSettings

ORGANIZATION = "ProofDesk"
APPLICATION = "ProofDesk"
CONFIG_DIR_ENV = "PROOFDESK_CONFIG_DIR"
LANGUAGES = ("zh_CN", "en")
SPACING_STYLES = PRESETS  # the house-style preset also sets the CJK-Latin spacing
# Traditional Chinese export: "" keeps simplified; OpenCC configurations otherwise.
EXPORT_CONVERSIONS = ("", "s2t", "s2twp", "s2hk")
MAX_RECENT = 10
DOCX_ROLES = ("headline", "subtitle", "label", "paragraph", "byline")


def _open_settings() -> QSettings:
    folder = os.environ.get(CONFIG_DIR_ENV)
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        return QSettings(str(Path(folder) / "proofdesk.ini"), QSettings.Format.IniFormat)
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)


def _switch(key: str, default: bool, doc: str) -> property:
    """A yes/no preference stored under *key*."""

    def get(self: "Prefs") -> bool:
        return self._get(key, default, bool)

    def put(self: "Prefs", value: bool) -> None:
        self.store.setValue(key, bool(value))

    return property(get, put, doc=doc)


class Prefs:
    def __init__(self, settings: QSettings | None = None):
        self.store = settings or _open_settings()

    @property
    def path(self) -> str:
        return self.store.fileName()

    def sync(self) -> None:
        self.store.sync()

    def _get(self, key: str, default, kind):
        value = self.store.value(key, default)
        if kind is bool and isinstance(value, str):
            return value.lower() in ("true", "1", "yes")
        try:
            return kind(value)
        except (TypeError, ValueError):
            return default

    # -- interface -----------------------------------------------------------------------

    @property
    def language(self) -> str:
        lang = self._get("ui/language", "zh_CN", str)
        return lang if lang in LANGUAGES else "zh_CN"

    @language.setter
    def language(self, value: str) -> None:
        self.store.setValue("ui/language", value if value in LANGUAGES else "zh_CN")

    @property
    def message_language(self) -> str:
        """The language of the rules' messages ("zh" or "en")."""
        return "en" if self.language == "en" else "zh"

    advance_after_decision = _switch("ui/advance_after_decision", True, "Move to the next issue after a decision.")
    sync_scrolling = _switch("ui/sync_scrolling", True, "Scroll the two panes together.")

    @property
    def font_size(self) -> int:
        return max(8, min(40, self._get("ui/font_size", 14, int)))

    @font_size.setter
    def font_size(self, value: int) -> None:
        self.store.setValue("ui/font_size", int(value))

    # -- house style (maps to the core's rule settings) ------------------------------------

    def preset_settings(self) -> Settings:
        """The core's settings of the chosen preset, before the editor's own choices."""
        return load_preset(self.preset)

    def rule_enabled(self, rule: str) -> bool:
        """On or off as the editor set it, else as the preset has it (cjk-latin-space is
        on only in the web preset)."""
        return self._get(f"rules/{rule}/enabled", self.preset_settings().rule(rule).enabled, bool)

    def set_rule_enabled(self, rule: str, enabled: bool) -> None:
        self.store.setValue(f"rules/{rule}/enabled", bool(enabled))

    def rule_apply(self, rule: str) -> str:
        default = self.preset_settings().rule(rule).apply
        mode = self._get(f"rules/{rule}/apply", default, str)
        return mode if mode in APPLY_MODES else default

    def set_rule_apply(self, rule: str, mode: str) -> None:
        self.store.setValue(f"rules/{rule}/apply", mode if mode in APPLY_MODES else "auto")

    @property
    def preset(self) -> str:
        """The house-style preset, ``print`` or ``web`` (stored where the spacing style
        of earlier versions was: the web spacing style is the web preset)."""
        style = self._get("house/spacing_style", "print", str)
        return style if style in PRESETS else "print"

    @preset.setter
    def preset(self, value: str) -> None:
        self.store.setValue("house/spacing_style", value if value in PRESETS else "print")

    spacing_style = preset

    def rule_settings(self) -> Settings:
        """The core's settings: the defaults, the preset, then the editor's choices."""
        settings = self.preset_settings()
        for rule in RULES:
            rs = settings.rule(rule)
            rs.enabled = self._get(f"rules/{rule}/enabled", rs.enabled, bool)
            mode = self._get(f"rules/{rule}/apply", rs.apply, str)
            rs.apply = mode if mode in APPLY_MODES else rs.apply
        return settings

    # -- export --------------------------------------------------------------------------

    def docx_font(self, role: str) -> tuple[str, str]:
        east, latin = ExportOptions().fonts[role]
        return self._get(f"export/font_{role}_east", east, str), self._get(f"export/font_{role}_latin", latin, str)

    def set_docx_font(self, role: str, east_asian: str, latin: str) -> None:
        self.store.setValue(f"export/font_{role}_east", east_asian.strip())
        self.store.setValue(f"export/font_{role}_latin", latin.strip())

    def export_options(self) -> ExportOptions:
        options = ExportOptions(
            blank_line_between=self._get("export/blank_line_between", False, bool),
            indent=self._get("export/indent", False, bool),
            crlf=self._get("export/crlf", False, bool),
            convert=self.export_conversion or None,
            corner_quotes=self.export_corner_quotes,
        )
        for role in DOCX_ROLES:
            east, latin = self.docx_font(role)
            options.fonts[role] = (east or options.fonts[role][0], latin or options.fonts[role][1])
        return options

    @property
    def export_conversion(self) -> str:
        """"" (keep simplified) or an OpenCC configuration for Traditional Chinese."""
        value = self._get("export/convert", "", str)
        return value if value in CONVERSIONS else ""

    @export_conversion.setter
    def export_conversion(self, value: str) -> None:
        self.store.setValue("export/convert", value if value in CONVERSIONS else "")

    export_corner_quotes = _switch("export/corner_quotes", False, "Quotation marks exported as corner brackets (「」『』).")

    def set_txt_options(self, blank_line_between: bool, indent: bool, crlf: bool) -> None:
        self.store.setValue("export/blank_line_between", bool(blank_line_between))
        self.store.setValue("export/indent", bool(indent))
        self.store.setValue("export/crlf", bool(crlf))

    # -- files ---------------------------------------------------------------------------

    @property
    def recent_files(self) -> list[str]:
        value = self.store.value("files/recent", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or []) if v]

    def add_recent_file(self, path: str | Path) -> None:
        path = str(Path(path).resolve())
        files = [path] + [f for f in self.recent_files if f != path]
        self.store.setValue("files/recent", files[:MAX_RECENT])

    def remove_recent_file(self, path: str) -> None:
        self.store.setValue("files/recent", [f for f in self.recent_files if f != path])

    @property
    def last_folder(self) -> str:
        return self._get("files/last_folder", "", str)

    @last_folder.setter
    def last_folder(self, value: str) -> None:
        self.store.setValue("files/last_folder", value)

    # -- window layout ---------------------------------------------------------------------

    def layout(self, name: str) -> QByteArray | None:
        value = self.store.value(f"window/{name}")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_layout(self, name: str, state: QByteArray) -> None:
        self.store.setValue(f"window/{name}", state)
