"""The preferences dialog and the keyboard-shortcut overlay."""

from __future__ import annotations

import html
from dataclasses import dataclass


from .actions import MENUS, Spec, plain, shortcut_text
from .colors import color_for
from .names import CATEGORY_OF_RULE, REVIEW_CATEGORIES, RULES_OF_CATEGORY, category_name, rule_name
from .prefs import DOCX_ROLES, EXPORT_CONVERSIONS, Prefs
from .qt import (
    QCheckBox,
    QColor,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPainter,
    QRadioButton,
    QRectF,
    Qt,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    Signal,
    translate,
)

APPLY_MODES = ("auto", "always", "never")
EAST_ASIAN_FONTS = ["宋体", "黑体", "楷体", "仿宋", "方正书宋_GBK", "方正黑体_GBK", "方正楷体_GBK", "微软雅黑", "Noto Serif CJK SC", "Noto Sans CJK SC"]
LATIN_FONTS = ["Times New Roman", "Arial", "Calibri", "Georgia", "Helvetica"]


@dataclass
class PrefsOutcome:
    rules_changed: bool = False  # the document must be analysed again
    language_changed: bool = False


class PreferencesDialog(QDialog):
    """House style, export and interface preferences; writes them to Prefs on OK."""

    def __init__(self, prefs: Prefs, parent: QWidget | None = None):
        super().__init__(parent)
        self.prefs = prefs
        self.setWindowTitle(self.tr("Preferences"))
        self.setMinimumWidth(560)
        tabs = QTabWidget()
        tabs.addTab(self._house_tab(), self.tr("House style"))
        tabs.addTab(self._export_tab(), self.tr("Export"))
        tabs.addTab(self._interface_tab(), self.tr("Interface"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(buttons)

    def _house_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        spacing = QGroupBox(self.tr("House style preset"))
        self.style_print = QRadioButton(self.tr("Print (GB/T 15834): no space between Chinese and Latin letters or digits (6月27日), full-width brackets （）"))
        self.style_web = QRadioButton(self.tr("Web (as pangu does): one space between Chinese and Latin letters or digits (6 月 27 日), added where missing"))
        (self.style_print if self.prefs.spacing_style == "print" else self.style_web).setChecked(True)
        box = QVBoxLayout(spacing)
        box.addWidget(self.style_print)
        box.addWidget(self.style_web)
        layout.addWidget(spacing)

        kinds = QGroupBox(self.tr("Kinds of issue"))
        grid = QGridLayout(kinds)
        grid.addWidget(QLabel(self.tr("Check")), 0, 1)
        grid.addWidget(QLabel(self.tr("In the suggested text")), 0, 2)
        self.enabled: dict[str, QCheckBox] = {}
        self.apply: dict[str, QComboBox] = {}
        labels = [self.tr("by confidence (doubtful ones asked)"), self.tr("always applied"), self.tr("never applied (all asked)")]
        self._initial: dict[str, tuple[bool, str]] = {}
        rules = [rule for category in REVIEW_CATEGORIES for rule in RULES_OF_CATEGORY[category]]
        for row, rule in enumerate(rules, start=1):
            category = CATEGORY_OF_RULE[rule]
            name = QLabel(f"<span style='color:{color_for(category).strong}'>■</span> {html.escape(rule_name(rule))}")
            check = QCheckBox()
            check.setChecked(self.prefs.rule_enabled(rule))
            combo = QComboBox()
            combo.addItems(labels)
            combo.setCurrentIndex(APPLY_MODES.index(self.prefs.rule_apply(rule)))
            grid.addWidget(name, row, 0)
            grid.addWidget(check, row, 1, Qt.AlignmentFlag.AlignHCenter)
            grid.addWidget(combo, row, 2)
            self.enabled[rule], self.apply[rule] = check, combo
            self._initial[rule] = (check.isChecked(), APPLY_MODES[combo.currentIndex()])
        grid.setColumnStretch(2, 1)
        layout.addWidget(kinds)
        note = QLabel(self.tr("Changing these analyses the open document again; your decisions are kept."))
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addStretch(1)
        return page

    def _export_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        txt = QGroupBox(self.tr("Plain text (TXT)"))
        options = self.prefs.export_options()
        self.blank_lines = QCheckBox(self.tr("A blank line between paragraphs"))
        self.blank_lines.setChecked(options.blank_line_between)
        self.indent = QCheckBox(self.tr("Indent paragraphs with two ideographic spaces"))
        self.indent.setChecked(options.indent)
        self.crlf = QCheckBox(self.tr("Windows line ends (CRLF)"))
        self.crlf.setChecked(options.crlf)
        box = QVBoxLayout(txt)
        for w in (self.blank_lines, self.indent, self.crlf):
            box.addWidget(w)
        layout.addWidget(txt)

        convert = QGroupBox(self.tr("Chinese script of the exported text"))
        self.convert = QComboBox()
        labels = {
            "": self.tr("Simplified, as proofread"),
            "s2t": self.tr("Traditional (OpenCC standard forms)"),
            "s2twp": self.tr("Traditional, Taiwan standard and phrasing (软件 → 軟體)"),
            "s2hk": self.tr("Traditional, Hong Kong standard"),
        }
        for value in EXPORT_CONVERSIONS:
            self.convert.addItem(labels[value], value)
        self.convert.setCurrentIndex(EXPORT_CONVERSIONS.index(self.prefs.export_conversion))
        self.corner_quotes = QCheckBox(self.tr("Corner quotation marks 「」『』 (Taiwan, Hong Kong)"))
        self.corner_quotes.setChecked(self.prefs.export_corner_quotes)
        box = QVBoxLayout(convert)
        box.addWidget(self.convert)
        box.addWidget(self.corner_quotes)
        layout.addWidget(convert)

        docx = QGroupBox(self.tr("Word (DOCX) fonts: Chinese / Latin"))
        form = QFormLayout(docx)
        role_names = {
            "headline": self.tr("Headline"),
            "subtitle": self.tr("Subtitle"),
            "label": self.tr("Section label"),
            "paragraph": self.tr("Body text"),
            "byline": self.tr("Byline"),
        }
        self.fonts: dict[str, tuple[QComboBox, QComboBox]] = {}
        for role in DOCX_ROLES:
            east, latin = self.prefs.docx_font(role)
            east_box, latin_box = _font_box(EAST_ASIAN_FONTS, east), _font_box(LATIN_FONTS, latin)
            row = QHBoxLayout()
            row.addWidget(east_box, 3)
            row.addWidget(latin_box, 2)
            form.addRow(role_names[role], row)
            self.fonts[role] = (east_box, latin_box)
        layout.addWidget(docx)
        layout.addStretch(1)
        return page

    def _interface_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.language = QComboBox()
        self.language.addItem("简体中文", "zh_CN")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(0 if self.prefs.language == "zh_CN" else 1)
        form.addRow(self.tr("Language"), self.language)
        self.advance = QCheckBox(self.tr("Move to the next issue after accepting or rejecting"))
        self.advance.setChecked(self.prefs.advance_after_decision)
        form.addRow("", self.advance)
        return page

    def apply_to_prefs(self) -> PrefsOutcome:
        """Write the dialog's values; say what the window must redo."""
        p, out = self.prefs, PrefsOutcome()
        style = "print" if self.style_print.isChecked() else "web"
        if style != p.spacing_style:
            p.spacing_style, out.rules_changed = style, True
        for rule, check in self.enabled.items():
            # Only what the editor changed here is stored; the rest follows the preset
            # (the web preset turns on the web spacing rule).
            was_enabled, was_mode = self._initial[rule]
            if check.isChecked() != was_enabled:
                p.set_rule_enabled(rule, check.isChecked())
                out.rules_changed = True
            mode = APPLY_MODES[self.apply[rule].currentIndex()]
            if mode != was_mode:
                p.set_rule_apply(rule, mode)
                out.rules_changed = True
        p.set_txt_options(self.blank_lines.isChecked(), self.indent.isChecked(), self.crlf.isChecked())
        p.export_conversion = self.convert.currentData()
        p.export_corner_quotes = self.corner_quotes.isChecked()
        for role, (east, latin) in self.fonts.items():
            p.set_docx_font(role, east.currentText(), latin.currentText())
        lang = self.language.currentData()
        if lang != p.language:
            p.language, out.language_changed = lang, True
        p.advance_after_decision = self.advance.isChecked()
        p.sync()
        return out


def _font_box(choices: list[str], current: str) -> QComboBox:
    box = QComboBox()
    box.setEditable(True)
    box.addItems(choices if current in choices else [current, *choices])
    box.setCurrentText(current)
    return box


class HelpOverlay(QWidget):
    """Every shortcut on a card over the window; any key or click closes it."""

    closed = Signal()

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAutoFillBackground(False)
        self.card = QLabel(self)
        self.card.setTextFormat(Qt.TextFormat.RichText)
        self.card.setStyleSheet("QLabel { background: white; border-radius: 10px; padding: 18px 24px; color: #202124; }")
        self.hide()

    def open_over(self, actions: dict) -> None:
        self.card.setText(self._html(actions))
        self.card.adjustSize()
        self.setGeometry(self.parentWidget().rect())
        self._place()
        self.show()
        self.raise_()
        self.setFocus()

    def _html(self, actions: dict) -> str:
        columns = []
        for title, items in MENUS:
            rows = []
            for spec in items:
                if not isinstance(spec, Spec) or not spec.shortcuts:
                    continue
                action = actions.get(spec.key)
                label = plain(action.text() if action else spec.text)
                keys = "".join(f"<span style='background:#f1f3f4;border:1px solid #dadce0;'>&nbsp;{html.escape(k)}&nbsp;</span> " for k in shortcut_text(spec).split(" / "))
                rows.append(f"<tr><td style='padding:2px 14px 2px 0'>{keys}</td><td style='padding:2px 0'>{html.escape(label)}</td></tr>")
            if rows:
                columns.append(f"<p style='margin:8px 0 2px 0'><b>{html.escape(plain(translate('Actions', title)))}</b></p><table>{''.join(rows)}</table>")
        columns.append(self._legend())
        half = (len(columns) + 1) // 2
        heading = html.escape(translate("HelpOverlay", "Keyboard shortcuts"))
        hint = html.escape(translate("HelpOverlay", "Single-letter keys work while the suggested text is not being edited (Esc leaves it). Press any key to close."))
        return (
            f"<h3 style='margin:0 0 6px 0'>{heading}</h3><table><tr>"
            f"<td valign='top' style='padding-right:28px'>{''.join(columns[:half])}</td>"
            f"<td valign='top'>{''.join(columns[half:])}</td></tr></table>"
            f"<p style='color:#5f6b7a;margin-top:10px'>{hint}</p>"
        )

    def _legend(self) -> str:
        """What the colours and marks in the two texts mean."""
        kinds = " ".join(
            f"<span style='background:{color_for(c).light};border-left:3px solid {color_for(c).strong}'>&nbsp;{html.escape(category_name(c))}&nbsp;</span>"
            for c in REVIEW_CATEGORIES
        )
        marks = [
            ("▾", translate("HelpOverlay", "text removed here")),
            ("‿", translate("HelpOverlay", "two lines joined here")),
            ("↵", translate("HelpOverlay", "a line break (removed in the extracted text, added in the suggestion)")),
            ("▴", translate("HelpOverlay", "text goes in here (a moved label)")),
            ("～", translate("HelpOverlay", "wavy underline: a question, applied only if you accept it")),
            ("＿", translate("HelpOverlay", "underline: accepted; grey dots: rejected")),
            ("↖", translate("HelpOverlay", "click a highlight to select it; double-click it in the extracted text to switch it; right-click for a menu")),
        ]
        rows = "".join(f"<tr><td style='padding:1px 10px 1px 0;color:#1c64d8'><b>{m}</b></td><td>{html.escape(t)}</td></tr>" for m, t in marks)
        title = html.escape(translate("HelpOverlay", "Colours and marks"))
        return f"<p style='margin:8px 0 2px 0'><b>{title}</b></p><p style='margin:2px 0 4px 0'>{kinds}</p><table>{rows}</table>"

    def _place(self) -> None:
        size = self.card.sizeHint()
        self.card.resize(size)
        self.card.move(max(0, (self.width() - size.width()) // 2), max(0, (self.height() - size.height()) // 2))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        self._place()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.fillRect(QRectF(self.rect()), QColor(32, 33, 36, 150))

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.dismiss()

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.dismiss()

    def dismiss(self) -> None:
        if self.isVisible():
            self.hide()
            self.closed.emit()


__all__ = ["PreferencesDialog", "PrefsOutcome", "HelpOverlay"]
