"""The table-driven attribute ruler and lemmatizer, and the layers multiplying through NumPy rather than BLIS,
assign exactly what spaCy's stock pipeline assigns."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lanner.nlp import load_language
from lanner.nlp.lookups import LookupAttributeRuler, LookupLemmatizer

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

# Sentences that reach the rules beyond one token's tag and word: existential "there is/are" (a two-token rule
# on the parse), "gets"/"got" (a rule that sets the lemma), runs of spaces and line breaks, capitals.
CRAFTED = [
    "There is no sign that the militants will return, and there were reports of shelling near Raqqa.",
    "He gets the message. The convoy got through to Deir ez-Zor   on Tuesday.\n\n\nNo one was hurt.",
    "GUNMEN ATTACKED A POLICE STATION IN KIRKUK ON MONDAY, KILLING THREE OFFICERS.",
    "Daesh's fighters didn't retreat; they're said to have been shelled by Iraqi forces ( reportedly ) at dawn.",
]


def article_texts() -> list[str]:
    texts = [(EXAMPLES / "mosul-aftermath.txt").read_text(encoding="utf-8")]
    with (EXAMPLES / "news" / "articles.jsonl").open(encoding="utf-8") as handle:
        texts.extend(json.loads(line)["text"] for line in handle if line.strip())
    return texts + CRAFTED


@pytest.fixture(scope="module")
def stock():
    return load_language(lookup_components=False, numpy_matmul=False)


def annotations(doc) -> list[tuple]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_) for t in doc]


@pytest.mark.model
def test_the_pipeline_runs_the_lookup_components_under_the_stock_names(nlp, stock):
    assert nlp.pipe_names == stock.pipe_names
    assert isinstance(nlp.get_pipe("attribute_ruler"), LookupAttributeRuler)
    assert isinstance(nlp.get_pipe("lemmatizer"), LookupLemmatizer)


def _blas_of_layers(language) -> set[bool]:
    """Whether each trained layer's ops multiply through BLIS (True) or NumPy (False)."""
    return {
        layer.ops.use_blis
        for _name, component in language.pipeline
        if getattr(component, "model", None) is not None
        for layer in component.model.walk()
    }


@pytest.mark.model
def test_every_layer_multiplies_through_numpy_and_the_stock_pipeline_through_blis(nlp, stock):
    assert _blas_of_layers(nlp) == {False}
    assert _blas_of_layers(stock) == {True}


@pytest.mark.model
def test_numpys_blas_runs_on_one_thread_once_the_model_is_loaded():
    """A second BLAS thread only spins on matrices this small (70 ms of CPU per article instead of 42). Loaded
    here, not through the session's fixture: other tests import libraries with BLAS of their own (SciPy's)
    after that load, which spaCy never calls."""
    from threadpoolctl import threadpool_info

    load_language()
    blas = [library for library in threadpool_info() if library["user_api"] == "blas"]
    assert blas, "no BLAS library loaded"
    assert {library["num_threads"] for library in blas} == {1}


@pytest.mark.model
def test_every_token_gets_the_stock_pipelines_tags_lemmas_parse_and_entities(nlp, stock):
    texts = article_texts()
    for ours, theirs in zip(nlp.pipe(texts), stock.pipe(texts), strict=True):
        assert annotations(ours) == annotations(theirs)


@pytest.mark.model
def test_rules_spanning_tokens_still_apply(nlp, stock):
    """'There is' makes 'is' a VERB through a two-token rule on the parse (one-token rules make it AUX)."""
    stock_is = next(t for t in stock(CRAFTED[0]) if t.lower_ == "is")
    assert stock_is.pos_ == "VERB", "the sentence no longer exercises the two-token rule"
    assert [t.pos_ for t in nlp(CRAFTED[0])] == [t.pos_ for t in stock(CRAFTED[0])]


@pytest.mark.model
def test_a_regular_expression_rule_applies(nlp, stock):
    """ "ain't": the rule tests the next word with a regular expression and sets the lemma 'be'."""
    text = "They ain't coming back, y'all said."
    assert [t.lemma_ for t in nlp(text)] == [t.lemma_ for t in stock(text)]
    assert [t.lemma_ for t in nlp(text)][1] == "be"


@pytest.mark.model
def test_a_lemma_set_by_an_attribute_rule_is_kept(nlp):
    doc = nlp("The convoy got through.")
    assert [t.lemma_ for t in doc][2] == "get"
