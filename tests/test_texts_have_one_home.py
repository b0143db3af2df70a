"""Every user-facing Arabic text has one home (issue 15, "one home for each fact").

What the bot says lives in domain.yml's responses. Where code must build a text, the
text lives in the one texts module of its package, never inline. This test reads the
product packages' sources with `ast` and fails for a string constant holding an Arabic
letter anywhere else. Docstrings and comments are for developers and do not count.

Allowed besides the texts modules, each with its reason below:
- the readers of `arabic_text`: their Arabic is vocabulary for parsing what people type
  (words, stems, patterns), never shown to anyone;
- a few named vocabulary constants in other packages, for the same reason.
"""

from __future__ import annotations

import ast
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = (
    "actions",
    "arabic_text",
    "channels",
    "eligibility",
    "rasa_extensions",
    "review",
    "runner",
    "saudi_locale",
    "status_store",
)

# The one texts module of each package that builds Arabic text in code.
TEXTS_MODULES = frozenset(
    {
        "actions/answers.py",
        "arabic_text/texts.py",
        "channels/whatsapp_texts.py",
        "eligibility/texts_ar.py",
        "rasa_extensions/texts.py",
        "review/texts.py",
        "runner/texts.py",
        "status_store/texts.py",
    }
)

# arabic_text's readers, whole modules: the Arabic in them is what people type, to be
# recognised (dialect words, stems, regular expressions), and never shown to a user.
VOCABULARY_MODULES: dict[str, str] = {
    "arabic_text/abroad.py": "words for time spent abroad, for the residence question",
    "arabic_text/ages.py": "words around an age or a birth year ('عمري', 'مواليد')",
    "arabic_text/answer_flags.py": "words of yes/no facts stated in a sentence (cities, banks, care homes)",
    "arabic_text/answers.py": "correction and 'alone' phrases that steer reading a whole message",
    "arabic_text/corrections.py": "patterns of an amount named as wrong ('مو ٣٠٠٠') and a leading 'no'",
    "arabic_text/offer_replies.py": "patterns of typed replies to offers ('ابي موظف', 'نكمل')",
    "arabic_text/addressed.py": "clause breaks, have-words and slot stems that tell a yes/no from another fact",
    "arabic_text/assets.py": "words naming wealth (land, shares, savings) and what is excluded",
    "arabic_text/dates.py": "Hijri/Gregorian era marks and date filler words typed with a birth date",
    "arabic_text/digit_groups.py": "scale words (الف، مليون) after grouped digits",
    "arabic_text/household.py": "household words in the dialects (children, wife, parents, students)",
    "arabic_text/income.py": "words that limit or negate an income ('بس', 'ما عندي')",
    "arabic_text/income_clauses.py": "words that cut a message into income clauses",
    "arabic_text/income_sources.py": "words naming an income's source (راتب، تقاعد، ايجار)",
    "arabic_text/lexicon.py": "word lists shared by the parsers",
    "arabic_text/matching.py": "the glued و and the article ال, stripped before matching",
    "arabic_text/month_names.py": "month names as people type them, Gregorian and Hijri",
    "arabic_text/nationality.py": "nationality and exception words ('سعودي', 'مقيم يمني')",
    "arabic_text/normalize.py": "the letter variants folded to one spelling (أ إ آ → ا, ة → ه)",
    "arabic_text/number_words.py": "number words (خمسه، مية، الفين)",
    "arabic_text/numbers.py": "the joining و and the teens' عشر while reading numbers",
    "arabic_text/people_words.py": "person words that need their neighbours to be read",
    "arabic_text/periods.py": "period words of an amount (بالسنة، يومية)",
    "arabic_text/quantities.py": "words around amounts and counts ('دخلي', 'عيال')",
    "arabic_text/status_answers.py": "birth/registration words and era marks in the status lookup's answers",
    "arabic_text/yes_no.py": "yes/no words in the dialects",
}

# Named vocabulary constants in other packages: (module, top-level name) -> why.
VOCABULARY_NAMES: dict[tuple[str, str], str] = {
    ("actions/answer_check.py", "_EDIT_WORDS"): "'تعديل' typed instead of pressed, and its dialect stems",
    ("actions/income_answers.py", "_OTHER_WORDS"): "stems of a reply naming a non-work income source",
    ("actions/income_answers.py", "_WORK_WORDS"): "stems of a reply naming income from work",
    ("eligibility/answers.py", "_TRUE"): "yes words the rules engine accepts as a raw answer "
    "(eligibility may not import arabic_text's readers)",
    ("eligibility/answers.py", "_FALSE"): "no words the rules engine accepts as a raw answer",
    ("status_store/reasons.py", "KEYWORDS"): "stems in staff's free-text reasons that pick a category",
    ("status_store/demo.py", "DEMO_APPLICATIONS"): "a sample staff-typed reason (input to reasons.py, "
    "never shown: the applicant reads its category label)",
}


@dataclass(frozen=True)
class ArabicConstant:
    """A string constant with an Arabic letter: its line, the top-level name that holds
    it (an assignment's target, a function's or class's name; None for other
    statements) and its text."""

    line: int
    owner: str | None
    text: str


def has_arabic_letter(text: str) -> bool:
    """True when `text` holds an Arabic letter (a Unicode "Lo" character named ARABIC).

    Arabic-Indic digits, punctuation (، ؟ ؛), the tatweel and bidi marks are not
    letters: digit tables and separators hold no words to translate."""
    return any(unicodedata.category(ch) == "Lo" and "ARABIC" in unicodedata.name(ch, "") for ch in text)


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def _owner(statement: ast.stmt) -> str | None:
    if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
        target = statement.targets[0]
        return target.id if isinstance(target, ast.Name) else None
    if isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
        return statement.target.id
    if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return statement.name
    return None


def arabic_constants(source: str, filename: str = "<source>") -> list[ArabicConstant]:
    """Every string constant of `source` holding an Arabic letter, docstrings excepted.

    Parts of f-strings count (they are constants in the tree); comments are not in
    the tree at all."""
    tree = ast.parse(source, filename=filename)
    docstrings = _docstrings(tree)
    found = []
    for statement in tree.body:
        owner = _owner(statement)
        for node in ast.walk(statement):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and id(node) not in docstrings
                and has_arabic_letter(node.value)
            ):
                found.append(ArabicConstant(node.lineno, owner, node.value))
    return sorted(found, key=lambda c: c.line)


def inline_texts(path: Path, relative: str) -> list[str]:
    """The Arabic constants of one module that have no business there, as "file:line: text"."""
    if relative in TEXTS_MODULES or relative in VOCABULARY_MODULES:
        return []
    return [
        f"{relative}:{c.line}: {c.text[:60]!r}"
        for c in arabic_constants(path.read_text(encoding="utf-8"), relative)
        if (relative, c.owner) not in VOCABULARY_NAMES
    ]


def _sources() -> list[tuple[Path, str]]:
    return [
        (path, path.relative_to(ROOT).as_posix())
        for package in PACKAGES
        for path in sorted((ROOT / package).rglob("*.py"))
    ]


def test_user_facing_arabic_lives_only_in_texts_modules():
    sources = _sources()
    assert len(sources) > 100, "the packages moved; update PACKAGES"
    offenders = [line for path, relative in sources for line in inline_texts(path, relative)]
    assert offenders == [], (
        "Arabic text outside a texts module: move it to its package's texts module "
        "(or to domain.yml), or, if it is vocabulary for parsing, allow it below with a reason:\n"
        + "\n".join(offenders)
    )


@pytest.mark.parametrize("relative", sorted(TEXTS_MODULES | set(VOCABULARY_MODULES)))
def test_every_allowed_module_exists_and_holds_arabic(relative):
    """An allowance that no longer matches anything is removed, so the list stays short."""
    path = ROOT / relative
    assert path.is_file(), f"{relative} is allowed but does not exist"
    assert arabic_constants(path.read_text(encoding="utf-8"), relative), f"{relative} holds no Arabic any more"


@pytest.mark.parametrize("relative, name", sorted(VOCABULARY_NAMES))
def test_every_allowed_vocabulary_name_still_holds_arabic(relative, name):
    constants = arabic_constants((ROOT / relative).read_text(encoding="utf-8"), relative)
    assert any(c.owner == name for c in constants), f"{relative}: {name} is allowed but holds no Arabic"


def test_the_scanner_finds_an_inline_text_and_ignores_docstrings_and_comments(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        '"""وحدة تجريبية: a docstring is for developers."""\n'
        "# تعليق: a comment is not in the tree\n"
        "def reply(name):\n"
        '    """رد: also a docstring."""\n'
        '    return f"أهلًا {name}"\n'
        'DIGITS = "٠١٢٣٤٥٦٧٨٩"\n'
        'SEPARATOR = "، "\n',
        encoding="utf-8",
    )
    found = arabic_constants(sample.read_text(encoding="utf-8"))
    assert [(c.line, c.owner, c.text) for c in found] == [(5, "reply", "أهلًا ")]
    assert inline_texts(sample, "actions/sample.py") == ["actions/sample.py:5: 'أهلًا '"]


def test_a_vocabulary_name_is_allowed_only_in_its_own_module(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text('_EDIT_WORDS = ("تعديل",)\nREPLY = "تم التعديل"\n', encoding="utf-8")
    # In the module where it is allowed, the vocabulary passes and the reply does not.
    assert inline_texts(sample, "actions/answer_check.py") == ["actions/answer_check.py:2: 'تم التعديل'"]
    # Elsewhere, the same name is not an allowance.
    assert len(inline_texts(sample, "actions/other.py")) == 2


def test_the_guards_fallback_notice_is_the_domains_text():
    """rasa_extensions keeps a copy for when the domain's response cannot be rendered;
    the domain's text is the one to edit, and the copy must follow it."""
    from rasa_extensions.texts import TEMPORARILY_UNAVAILABLE_FALLBACK

    # action_server_guard.RESPONSE_NAME, named here so that this test needs no Rasa import.
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    texts = [variant["text"] for variant in domain["responses"]["utter_temporarily_unavailable"]]
    assert texts == [TEMPORARILY_UNAVAILABLE_FALLBACK]
