"""Each moment of a conversation at 360 px and 1280 px: a screenshot, nothing wider
than the screen, the page exactly one screen tall even after wheel scrolling, and
axe-core's WCAG 2.1 AA audit with no serious or critical violation."""

from __future__ import annotations

import json

import pytest

from tests.webchat.scenes import SCENES
from tests.webchat.servers import DESKTOP, PHONE, REPO

AXE = REPO / "webchat" / "node_modules" / "axe-core" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
WIDTHS = {"360": PHONE, "1280": DESKTOP}

OVERFLOWING = """() => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll('#chat *')]
        .filter(n => !n.closest('.sr-only') && !n.closest('dialog:not([open])'))
        .map(n => [n, n.getBoundingClientRect()])
        .filter(([n, r]) => r.width > 0 && (r.left < -0.5 || r.right > width + 0.5))
        .map(([n, r]) => `${n.tagName}.${n.className} ${Math.round(r.left)}..${Math.round(r.right)}`);
}"""


def axe_violations(page) -> list[dict]:  # type: ignore[no-untyped-def]
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_21_AA)
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("scene", SCENES)
def test_scene_fits_the_screen_and_passes_the_accessibility_audit(
    audit_page, bot, webchat_url, artifacts_dir, scene, width
) -> None:
    page = audit_page
    page.set_viewport_size(WIDTHS[width])
    SCENES[scene](page, bot, webchat_url)
    page.evaluate("document.fonts.ready")
    page.screenshot(path=str(artifacts_dir / f"webchat_{scene}_{width}.png"))

    assert page.evaluate(OVERFLOWING) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= WIDTHS[width]["width"]
    # The wheel over the messages and over the page must never scroll the page itself.
    viewport_height = WIDTHS[width]["height"]
    page.mouse.move(WIDTHS[width]["width"] / 2, viewport_height / 2)
    for _ in range(3):
        page.mouse.wheel(0, 4000)
    page.mouse.move(5, viewport_height - 5)
    page.mouse.wheel(0, 4000)
    assert page.evaluate("document.documentElement.scrollHeight") == viewport_height
    assert page.evaluate("window.scrollY") == 0
    assert page.evaluate("document.querySelector('#chat').getBoundingClientRect().bottom") <= viewport_height + 0.5

    violations = axe_violations(page)
    (artifacts_dir / f"axe_{scene}_{width}.json").write_text(json.dumps(violations, ensure_ascii=False, indent=1))
    assert violations == []
