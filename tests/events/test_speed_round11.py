"""Round 11 (speed of the events stage): the per-document shortcuts the stage now reads must give exactly what
spaCy's own, slower reads give: the words a mention covers, every word's lemma and form, a word's parse depth,
a sentence's entities and the sentence after it; and the verbs `_special_sense` lets through untouched must be
all the verbs it has a rule for."""

from __future__ import annotations

import ast
import inspect
import textwrap

import pytest

from lanner.events import stage as stage_module
from lanner.events.roles import attack_attributions, responsibility_claims
from lanner.events.stage import SPECIAL_SENSE_VERBS, _MentionIndex, _special_sense, _token_range, _TokenRanges
from lanner.nlp.text import WordForms
from lanner.records import Analysis

TEXTS = [
    "Rebels attacked  the town of Deir ez-Zor yesterday,killing five. The army fled!",
    "  US-led strikes hit al-Bab on Monday.\n\nThe Islamic State group claimed responsibility for the attack.",
    "Activists blamed the regime for the bombing in Aleppo. Turkish troops must withdraw, Russia said.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_token_ranges_match_char_span_for_every_offset_pair(nlp, text: str) -> None:
    doc = nlp(text)
    ranges = _TokenRanges(doc)
    for start in range(-1, len(text) + 2):
        for end in range(start, len(text) + 2):
            assert ranges(start, end) == _token_range(doc, start, end), (start, end)


def test_word_forms_are_each_words_lower_cased_lemma_and_form(nlp) -> None:
    forms = WordForms()
    for text in TEXTS:  # one WordForms across documents, as the stage keeps it
        doc = nlp(text)
        lemmas, lowers = forms.of(doc)
        assert lemmas == [token.lemma_.lower() for token in doc]
        assert lowers == [token.lower_ for token in doc]


def _index(pipeline, text: str) -> tuple[Analysis, _MentionIndex]:
    from lanner.records import Article

    analysis = pipeline(Article(text=text))
    events = pipeline.stage("events")
    return analysis, _MentionIndex(analysis, analysis.doc, events.knowledge_base)  # type: ignore[attr-defined]


@pytest.mark.parametrize("text", TEXTS)
def test_sentences_entities_and_depths_match_spacy(pipeline, text: str) -> None:
    analysis, index = _index(pipeline, text)
    doc = analysis.doc
    assert [(s.start, s.end) for s in index.sentences] == [(s.start, s.end) for s in doc.sents]
    for sentence in doc.sents:
        following = index.next_sentence(sentence)
        expected = doc[sentence.end].sent if sentence.end < len(doc) else None
        assert (following is None) == (expected is None)
        if following is not None and expected is not None:
            assert (following.start, following.end) == (expected.start, expected.end)
        inside = [(e.start, e.end) for e in doc.ents if e.start >= sentence.start and e.end <= sentence.end]
        assert [(e.start, e.end) for e in index.ents_in(sentence)] == inside
    for token in doc:
        depth, walker = 0, token
        while walker.head.i != walker.i and depth < 50:
            walker, depth = walker.head, depth + 1
        assert index.depth(token) == depth


def test_names_any_reads_the_whole_document(pipeline) -> None:
    _, with_modal = _index(pipeline, TEXTS[2])
    _, without = _index(pipeline, TEXTS[0])
    assert with_modal.names_any(frozenset({"must"}))
    assert not without.names_any(frozenset({"must"}))


def test_claims_read_the_same_with_the_index_forms(pipeline) -> None:
    for text in TEXTS[1:]:
        analysis, index = _index(pipeline, text)
        doc, forms = analysis.doc, index.word_forms(analysis.doc)

        def asserted(_verb) -> bool:
            return True

        assert responsibility_claims(doc, index.actors_for, asserted, forms) == responsibility_claims(
            doc, index.actors_for, asserted
        )
        assert attack_attributions(doc, index.actors_for, asserted, forms) == attack_attributions(
            doc, index.actors_for, asserted
        )


def _lemmas_tested(function) -> set[str]:
    """Every lemma `function` compares `lemma` with (`lemma == "x"`, `lemma in NAME`, `lemma in ("x", "y")`)."""
    tree = ast.parse(textwrap.dedent(inspect.getsource(function)))
    found: set[str] = set()
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Compare) and isinstance(node.left, ast.Name) and node.left.id == "lemma"):
            continue
        for op, right in zip(node.ops, node.comparators, strict=True):
            if not isinstance(op, (ast.Eq, ast.In)):
                continue
            value = eval(compile(ast.Expression(right), "<rule>", "eval"), vars(stage_module))
            found.update({value} if isinstance(value, str) else value)
    return found


def test_every_verb_a_special_rule_names_passes_the_early_exit() -> None:
    tested = _lemmas_tested(_special_sense)
    assert tested, "the rule's lemma comparisons were not found"
    assert tested <= SPECIAL_SENSE_VERBS, sorted(tested - SPECIAL_SENSE_VERBS)


TRIGGER_TEXTS = [
    "The rebels warned that they would attack the capital. The minister spoke by telephone with the Turkish president.",
    "Russia said Turkey must withdraw its troops. Police baton-charged the protesters, who had gathered in the square.",
    "Gunmen seized two aid workers and set fire to the school; troops later recaptured Palmyra without a fight.",
]


@pytest.mark.parametrize("text", TRIGGER_TEXTS)
def test_triggers_found_by_position_are_those_sense_finds_word_by_word(pipeline, text: str) -> None:
    from lanner.events.stage import TRIGGER_POS

    analysis, index = _index(pipeline, text)
    events = pipeline.stage("events")
    for sentence in analysis.doc.sents:
        grouped = [(t.token.i, t.sense) for group in events._trigger_groups(sentence, index) for t in group]
        every = [(t.i, sense) for t in sentence if t.pos_ in TRIGGER_POS and (sense := events._sense(t, index))]
        assert sorted(grouped, key=lambda pair: pair[0]) == every
