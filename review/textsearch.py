"""Search in Arabic that ignores how a word was spelled (أ/ا, ة/ه, ى/ي, diacritics, tatweel)."""

from __future__ import annotations

from collections.abc import Callable, Iterable


def _project_normalize() -> Callable[[str], str]:
    """arabic_text.normalize, whether the package exports the function or only the module."""
    import arabic_text

    candidate = getattr(arabic_text, "normalize", None)
    if callable(candidate):
        return candidate
    from arabic_text.normalize import normalize

    return normalize


def normalize_for_search(text: str) -> str:
    return _project_normalize()(text or "")


def matches(query: str, texts: Iterable[str]) -> bool:
    """True when the normalised query occurs in any of the normalised texts."""
    needle = normalize_for_search(query)
    if not needle:
        return True
    return any(needle in normalize_for_search(text) for text in texts)
