"""How a message is cut for reading income (used by arabic_text.income): which numbers can
be amounts, where one statement ends and the next begins, and the source words in each.

Cuts fall at punctuation, at و that starts a new statement (و٨٠٠، وتقاعد، وعندي، وما) and at
بس / غير / الا / سوى / فقط. A range ("بين ١٠٠٠ و١٥٠٠") is one amount at its middle.
"""

from __future__ import annotations

import itertools

from arabic_text import lexicon
from arabic_text.income_sources import EARNED, GENERIC, OTHER, is_relative, source_at
from arabic_text.matching import bare
from arabic_text.numbers import NumberSpan

_BREAKS = frozenset("بس غير الا سوى فقط مع وبس وكذلك وايضا كمان وكمان + and".split())
# Words that start a statement after a glued و ("وعندي"، "واملك"); verbs of earning
# ("وبطلع"، "واتقاضى") are income words (income_sources), which cut a clause anyway.
_NEW_STATEMENT = frozenset("عندي عندنا عنده عندها عندهم لي لنا فيه في يجيني ياتيني املك نملك يملك معي".split())
_BIRTH = frozenset("مواليد مواليدي تولد ولدت ميلادي".split())
_DURATION = frozenset("من قبل بعد صارلي صار مده خلال اخر لمده".split())


def money_spans(tokens: list[str], spans: list[NumberSpan]) -> list[NumberSpan]:
    """The numbers that can be amounts: not counts of people ("٣ عيال"), ages, durations
    ("من ٣ سنين") or birth years ("مواليد ٨٥")."""
    kept = []
    for span in spans:
        after = tokens[span.end] if span.end < len(tokens) else ""
        before = tokens[max(0, span.start - 2) : span.start]
        counts_people = bare(after, lexicon.DEPENDENT_NOUNS) and not (
            after.startswith("و") and after not in lexicon.DEPENDENT_NOUNS
        )  # "٥٠٠ وابوي ٣٠٠"
        if counts_people or after in lexicon.AGE_AFTER:  # "٤٥ سنة" is an age; "السنة" a period
            continue
        if any(bare(t, lexicon.AGE_BEFORE) or t in _BIRTH for t in before):
            continue
        if before and before[-1] in _DURATION and after in lexicon.AGE_AFTER:
            continue
        kept.append(span)
    return _merge_ranges(tokens, kept)


_RANGE_WORDS = frozenset("الي الى لين لغايه حتى او - – ل".split())


def _merge_ranges(tokens: list[str], spans: list[NumberSpan]) -> list[NumberSpan]:
    """ "بين ١٠٠٠ و١٥٠٠", "من ٣٠٠٠ الى ٤٠٠٠", "٣٠٠٠-٤٠٠٠", "٣٠٠٠ او ٤٠٠٠": one amount, the
    middle of the range (a varying income's usual month), not two amounts added up."""
    merged: list[NumberSpan] = []
    for span in spans:
        last = merged[-1] if merged else None
        between = tokens[last.end : span.start] if last else []
        after_between = last is not None and "بين" in tokens[max(0, last.start - 2) : last.start]
        if last and (between in ([w] for w in _RANGE_WORDS) or (after_between and between == ["و"])):
            merged[-1] = NumberSpan((last.value + span.value) / 2, last.start, span.end)
        else:
            merged.append(span)
    return merged


def _is_break(tokens: list[str], index: int) -> bool:
    token = tokens[index]
    if not any(ch.isalnum() for ch in token) or token in _BREAKS or token == "و":
        return True
    if token.startswith("و") and len(token) > 2:
        rest = token[1:]
        return (
            rest in _NEW_STATEMENT
            or rest in lexicon.NEGATORS
            or bare(rest, lexicon.ASSET_WORDS) is not None  # "راتبي ٢٠٠٠ ومدخراتي ٥٠ ألف"
            or is_relative(rest)
            or source_at([rest, *tokens[index + 1 : index + 2]], 0) is not None
        )
    return False


def clauses(tokens: list[str], spans: list[NumberSpan]) -> list[tuple[int, int]]:
    inside = {i for span in spans for i in range(span.start + 1, span.end)}
    cuts = [i for i in range(len(tokens)) if i not in inside and _is_break(tokens, i)]
    edges = [0, *cuts, len(tokens)]
    return [(a, b) for a, b in itertools.pairwise(edges) if b > a]


def _negated(tokens: list[str], start: int, index: int) -> bool:
    """A negator in the three words before tokens[index], inside its clause ("ما عندي راتب")."""
    return any(
        (t in lexicon.NEGATORS or (t.startswith("و") and t[1:] in lexicon.NEGATORS)) and t != "غير"
        for t in tokens[max(start, index - 3) : index]
    )


_BUT_SOMEONE = frozenset("غيري غيره غيرها غيرنا غيرهم الا سوي".split())

# (token index, category, kind, negated): one income source word found in a clause.
Source = tuple[int, str, str, bool]


def sources_in(tokens: list[str], start: int, end: int, spans: list[NumberSpan]) -> list[Source]:
    """[(index, category, kind, negated)] in tokens[start:end], qualifiers applied."""
    numbered = {i for span in spans for i in range(span.start, span.end)}
    found = []
    index = start
    while index < end:
        hit = source_at(tokens, index)
        if hit is None and is_relative(tokens[index]) and index > start and tokens[index - 1] == "من":
            hit = (OTHER, "help", 1)
        if hit is not None:
            negated = _negated(tokens, start, index) and not (
                hit[1] == "work" and any(t in _BUT_SOMEONE for t in tokens[index + hit[2] : index + hit[2] + 2])
            )  # "ما احد يشتغل غيري": someone does work
            found.append((index, hit[0], hit[1], negated))
            index += hit[2]
        else:
            index += 1

    # Two sources side by side name one: "راتب التقاعد", "معاش الضمان" (a pension), "ايجار
    # محل" (rent): the other source wins over a salary, work or generic word next to it.
    def adjacent(a: Source, b: Source) -> bool:
        low, high = sorted((a[0], b[0]))
        between = tokens[low + 1 : high]
        return high - low == 1 or (high - low == 2 and is_relative(between[0]) and not numbered & {low + 1})

    return [
        source
        for source in found
        if not (
            source[1] in (EARNED, GENERIC) and any(other[1] == OTHER and adjacent(source, other) for other in found)
        )
    ]
