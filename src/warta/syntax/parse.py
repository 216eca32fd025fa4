"""Load the shipped dependency parsers and parse warta's own tokens with them.

The models are spaCy pipelines (tok2vec, morphologizer for UPOS and features, parser) trained by
`warta.syntax.train` on UD treebanks re-cut to warta's tokens, so a caller hands over exactly the
tokens the event coder made and gets one head and relation per token, with no re-tokenizing and
no alignment. Each model loads once per process; loading reads only the package's own files.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from warta.errors import InputError

LANGS = ("id", "en")


def model_path(lang: str) -> Path:
    """The shipped model folder for `lang` ('id' or 'en')."""
    if lang not in LANGS:
        raise ValueError(f"no parser for language {lang!r} (have: {', '.join(LANGS)})")
    root = resources.files("warta.syntax") / "models" / lang
    if not isinstance(root, Path):  # a zipped install: spaCy needs real files
        raise InputError(f"parser model for {lang!r} is not on the file system: {root}")
    return root


@functools.cache
def load_parser(lang: str) -> Any:
    """The `lang` parser as a spaCy `Language`, loaded once per process.

    Its tokenizer is replaced by warta's token regex, so `nlp(text)` cuts text as the event coder
    does (the models were trained on those tokens).
    """
    import spacy

    path = model_path(lang)
    if not (path / "config.cfg").is_file():
        raise InputError(f"no parser model for {lang!r} at {path} (`warta train parser --lang {lang}`)")
    # spaCy's own tokenizer is never used, and building it (tens of thousands of exceptions for
    # Indonesian) is most of the load time: swap in the regex one before the pipeline is built.
    _register_tokenizer()
    return spacy.load(path, exclude=["tokenizer"],
                      config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER_NAME}}})


TOKENIZER_NAME = "warta.RegexTokenizer.v1"


@functools.cache
def _register_tokenizer() -> None:
    from spacy.util import registry

    def make(nlp: Any) -> RegexTokenizer:
        return RegexTokenizer(nlp.vocab)

    registry.tokenizers.register(TOKENIZER_NAME, func=lambda: make)


class RegexTokenizer:
    """A spaCy tokenizer with warta's regex (`warta.syntax.conllu.TOKEN`); not serialised."""

    def __init__(self, vocab: Any) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Any:
        from spacy.tokens import Doc

        from warta.syntax.conllu import TOKEN

        matches = list(TOKEN.finditer(text))
        words = [m.group() for m in matches]
        spaces = [m.end() < len(text) and text[m.end()].isspace() for m in matches]
        return Doc(self.vocab, words=words, spaces=spaces)


def make_doc(nlp: Any, words: Sequence[str], spaces: Sequence[bool] | None = None,
             one_sentence: bool = True) -> Any:
    """An unparsed Doc of exactly `words`; with `one_sentence`, the parser may not split it."""
    from spacy.tokens import Doc

    if any(not word or word.isspace() for word in words):
        raise ValueError("words must be non-empty and not whitespace")
    starts: list[bool | int | None] | None = [i == 0 for i in range(len(words))] if one_sentence else None
    return Doc(nlp.vocab, words=list(words), spaces=list(spaces) if spaces is not None else None,
               sent_starts=starts)


def run_pipeline(nlp: Any, words: Sequence[str], spaces: Sequence[bool] | None = None,
                 one_sentence: bool = True) -> Any:
    """Run `nlp`'s components over a Doc of exactly `words` (see `parse_words`)."""
    doc = make_doc(nlp, words, spaces, one_sentence)
    if not words:
        return doc
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc


def parse_words(lang: str, words: Sequence[str], spaces: Sequence[bool] | None = None,
                one_sentence: bool = True) -> Any:
    """A parsed spaCy Doc over exactly `words` (one token each), in the caller's order.

    `spaces[i]` says whether a space follows word i (default: a space after every word; it only
    affects `doc.text`). With `one_sentence` (the default) the words are one sentence: the parser
    gives one root and every other token a head inside it. Each token has `.head`, `.dep_` (UD
    relation with subtype, "ROOT" for the root), `.pos_` (UPOS) and `.morph`.
    """
    return run_pipeline(load_parser(lang), words, spaces, one_sentence)


def parse_batch(lang: str, sentences: Iterable[tuple[Sequence[str], Sequence[bool] | None]],
                batch_size: int = 64) -> Iterator[Any]:
    """`parse_words` over many (words, spaces) sentences, in order; faster than one by one."""
    nlp = load_parser(lang)
    docs = (make_doc(nlp, words, spaces) for words, spaces in sentences)
    yield from nlp.pipe(docs, batch_size=batch_size)


def parse_text(lang: str, text: str) -> Any:
    """A parsed Doc of `text`, cut into tokens by warta's regex; sentences are the parser's."""
    return load_parser(lang)(text)
