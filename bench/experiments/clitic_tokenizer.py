"""Experiment for issue 12: whitespace tokens whose lemma has its proclitics split off.

Candidate only (bench/configs/normalized_clitics.yml), measured by `python -m bench.nlu_cv
--configs normalized_clitics`. The segmentation comes from Tashaphyne's light stemmer
(PyPI `tashaphyne`, offline, pure Python); only the proclitics و ف ب ل ك and the article
ال are taken from its prefix, and only when at least three letters remain, because its
prefixes also swallow stem letters ("ابي" → "بي"). The token text stays as typed, so a
CountVectorsFeaturizer with `use_lemma: false` sees words and one with `use_lemma: true`
sees the split forms ("والضمان" → "ضمان").
"""

from __future__ import annotations

import re
from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.tokenizers.tokenizer import Token
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.nlu.training_data.message import Message
from tashaphyne.stemming import ArabicLightStemmer

# The proclitics issue 12 names (و، ف، ب، ل، ال) with ك, in the orders Arabic stacks them.
_CLITICS = re.compile(r"^(?:[وف]?(?:[بلك]?ال|لل|[بلك])?|[وف])$")
_MIN_STEM_LETTERS = 3


def split_proclitics(word: str, stemmer: ArabicLightStemmer) -> str:
    """The word without its leading clitics, or the word itself when none can be split."""
    stemmer.light_stem(word)
    prefix = stemmer.get_prefix() or ""
    # Take the longest allowed clitic run inside Tashaphyne's prefix.
    for size in range(len(prefix), 0, -1):
        head = prefix[:size]
        if _CLITICS.fullmatch(head) and len(word) - size >= _MIN_STEM_LETTERS:
            return word[size:]
    return word


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER, is_trainable=False)
class CliticLemmaTokenizer(WhitespaceTokenizer):
    """WhitespaceTokenizer whose tokens carry the clitic-split form as their lemma."""

    def __init__(self, config: dict[str, Any]) -> None:
        super().__init__(config)
        self._stemmer = ArabicLightStemmer()

    def tokenize(self, message: Message, attribute: str) -> list[Token]:
        tokens = super().tokenize(message, attribute)
        for token in tokens:
            token.lemma = split_proclitics(token.text, self._stemmer)
        return tokens
