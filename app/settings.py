"""Rule settings: which rules run, whether their fixes apply by default, rule options.

Defaults live in ``resources/default-settings.toml``; a house-style preset
(``resources/presets/<name>.toml``: ``print`` or ``web``) and then a user file with the
same shape override them key by key. The rule id is the settings key. A rule option
naming a file (``file``, ``whitelist``) with a relative path is read relative to the
settings file.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

APPLY_MODES = ("auto", "always", "never")
PRESETS = ("print", "web")
# Rule options that name a file; relative paths are read from the settings file's folder.
PATH_OPTIONS = ("file", "whitelist")


class SettingsError(ValueError):
    pass


@dataclass
class RuleSettings:
    enabled: bool = True
    apply: str = "auto"
    options: dict = field(default_factory=dict)


@dataclass
class Settings:
    rules: dict[str, RuleSettings]

    def rule(self, rule_id: str) -> RuleSettings:
        return self.rules.setdefault(rule_id, RuleSettings())

    def to_dict(self) -> dict:
        return {rid: {"enabled": r.enabled, "apply": r.apply, **r.options} for rid, r in self.rules.items()}

    @classmethod
    def from_dict(cls, data: dict, base: "Settings | None" = None, source: str = "settings") -> "Settings":
        rules = {rid: RuleSettings(r.enabled, r.apply, dict(r.options)) for rid, r in (base.rules if base else {}).items()}
        for rid, table in data.items():
            if not isinstance(table, dict):
                raise SettingsError(f"{source}: [{rid}] must be a table of settings")
            r = rules.setdefault(rid, RuleSettings())
            for key, value in table.items():
                if key == "enabled":
                    if not isinstance(value, bool):
                        raise SettingsError(f"{source}: [{rid}] enabled must be true or false")
                    r.enabled = value
                elif key == "apply":
                    if value not in APPLY_MODES:
                        raise SettingsError(f"{source}: [{rid}] apply must be one of {', '.join(APPLY_MODES)}, not {value!r}")
                    r.apply = value
                else:
                    r.options[key] = value
        return cls(rules)


def default_settings() -> Settings:
    text = resources.files("resources").joinpath("default-settings.toml").read_text("utf-8")
    return Settings.from_dict(tomllib.loads(text), source="default-settings.toml")


def load_preset(name: str, base: Settings | None = None) -> Settings:
    """The defaults with the house-style preset *name* (``print`` or ``web``) on top."""
    if name not in PRESETS:
        raise SettingsError(f"unknown preset {name!r}; presets are: {', '.join(PRESETS)}")
    text = resources.files("resources").joinpath("presets", f"{name}.toml").read_text("utf-8")
    return Settings.from_dict(tomllib.loads(text), base or default_settings(), f"presets/{name}.toml")


def load_settings(path: str | Path | None, preset: str | None = None) -> Settings:
    base = load_preset(preset) if preset else default_settings()
    if path is None:
        return base
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except OSError as exc:
        raise SettingsError(f"{path}: cannot be read ({exc.strerror})") from None
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(f"{path}: not valid TOML ({exc})") from None
    for table in data.values():
        # A word list named next to the settings file is found wherever the tool runs.
        for key in PATH_OPTIONS:
            value = table.get(key) if isinstance(table, dict) else None
            if isinstance(value, str) and value:
                named = Path(value).expanduser()
                table[key] = str(named if named.is_absolute() else path.parent / named)
    return Settings.from_dict(data, base, str(path))
