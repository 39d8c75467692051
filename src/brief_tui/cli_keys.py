"""`brief-tui keys`: every binding with its id, its keys after the user's keymap, where it
applies and what it does; `--json` for scripts. Problems in keymap.toml are one line each."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING

from brief_tui import locations
from brief_tui.keys import CONTEXTS, KEYMAP_FILE, keys_in, read_keymap

if TYPE_CHECKING:
    import argparse
    from pathlib import Path


def cmd_keys(args: argparse.Namespace, data_dir: Path) -> int:
    path = locations.config_dir() / KEYMAP_FILE
    keymap = read_keymap(path)
    for problem in keymap.problems:
        print(f"warning: {problem}", file=sys.stderr)
    records = [
        {
            "id": spec.id,
            "keys": list(keymap.keys_for(spec)),
            "context": context,
            "description": spec.description,
        }
        for context in CONTEXTS
        for spec in keys_in(context)
    ]
    if args.json:
        json.dump(records, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    print(f"Keys ({path} {'changes some' if keymap.keys else 'can change them'}):")
    width = max(len(r["id"]) for r in records)  # type: ignore[arg-type]
    context = ""
    for record in records:
        if record["context"] != context:
            context = str(record["context"])
            print(f"\n{context}")
        keys = " ".join(record["keys"])  # type: ignore[arg-type]
        print(f"  {record['id']:<{width}}  {keys:<24} {record['description']}")
    return 0
