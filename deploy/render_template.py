"""Render a {{NAME}} template: `python deploy/render_template.py IN OUT NAME=VALUE ...`.

Only {{NAME}} placeholders are replaced, so nginx's own $variables pass through.
Fails when a placeholder has no value, rather than writing a broken config.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

_PLACEHOLDER = re.compile(r"{{([A-Z0-9_]+)}}")


def render(template: str, values: dict[str, str]) -> str:
    missing = sorted({name for name in _PLACEHOLDER.findall(template) if name not in values})
    if missing:
        raise KeyError(f"no value for: {', '.join(missing)}")
    return _PLACEHOLDER.sub(lambda match: values[match.group(1)], template)


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    source, target, *pairs = argv
    values = dict(pair.split("=", 1) for pair in pairs)
    # Multi-line values (server lists) arrive with literal \n.
    values = {name: value.replace("\\n", "\n") for name, value in values.items()}
    Path(target).write_text(render(Path(source).read_text(encoding="utf-8"), values), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
