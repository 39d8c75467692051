"""Small user preferences (the theme) kept in `settings.json` in the data directory.

A settings file that cannot be read is never overwritten: it is set aside under a new name
the first time a preference has to be saved, so nothing the user had is lost.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path

SETTINGS_FILE = "settings.json"


@dataclass
class Settings:
    path: Path
    values: dict[str, object]
    unreadable: bool = False

    @classmethod
    def load(cls, data_dir: Path) -> Settings:
        path = data_dir / SETTINGS_FILE
        try:
            values = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls(path, {})
        except (OSError, ValueError, RecursionError):  # RecursionError: nested absurdly deep
            return cls(path, {}, unreadable=True)
        return cls(path, values if isinstance(values, dict) else {}, not isinstance(values, dict))

    def get(self, key: str, default: str | None = None) -> str | None:
        value = self.values.get(key, default)
        return value if isinstance(value, str) else default

    def set(self, key: str, value: str) -> str | None:
        """Store a preference; returns a one-sentence problem if it could not be saved."""
        self.values[key] = value
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            if self.unreadable and self.path.exists():
                self.path.rename(
                    self.path.with_name(f"{SETTINGS_FILE}.unreadable-{int(time.time())}")
                )
                self.unreadable = False
            temp = self.path.with_name(f".{SETTINGS_FILE}.tmp")
            temp.write_text(json.dumps(self.values, indent=2), encoding="utf-8")
            temp.replace(self.path)
        except OSError as exc:
            return f"Could not save settings to {self.path} ({exc.strerror or exc})."
        return None
