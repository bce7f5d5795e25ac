"""The actors stage: find the actors of the knowledge base in a parsed article.

Three kinds of evidence, all matched with spaCy's C-level matchers so the stage stays a small fraction
of the parse time:

* names and aliases of knowledge-base actors (`PhraseMatcher` on lower case; short all-caps acronyms
  such as "IS", "SDF", "AQAP" on exact case, so the verb "is" is never Islamic State);
* a demonym or country name followed by a force or government noun ("Iraqi forces", "Turkish jets",
  "the Iraqi government", "Iraq's army", "the Government of Iraq") → the generated state actor;
  "Turkish-backed" and "Russian-led" stay modifiers;
* anaphors ("the group", "its fighters", "the militants") → the named armed group mentioned last in the
  preceding few sentences, or the generic agent when no group is salient.

Overlapping candidates are resolved longest first; the result is sorted by offset and non-overlapping.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from lanner.actors.knowledge_base import ActorKnowledgeBase, is_generic, state_actor_id
from lanner.actors.lexicon import (
    ACTION_NOUNS,
    GROUP_ANAPHORS,
    HYPHEN_BLOCKERS,
    LOCATIVE_PREPOSITIONS,
    MEMBER_ANAPHORS,
    MEMBER_NOUNS,
    MODIFIERS,
    ROLE_NOUNS,
    SALIENCE_SENTENCES,
    SALIENCE_TOKENS,
)
from lanner.errors import Code, DataError
from lanner.nlp.possessives import BARE_POSSESSIVE_NORM
from lanner.nlp.text import fixed_word_ids, parsed_text
from lanner.records import Actor, ActorMention, Analysis

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc, Token
    from spacy.vocab import Vocab

NAMED, STATE, ANAPHOR, GENERIC = 0, 1, 2, 3
# Words that tie unnamed forces to the state ("regime forces", "government troops").
REGIME_WORDS = frozenset({"regime", "government", "pro-government", "loyalist", "pro", "assad"})
AIRCRAFT_WORDS = frozenset(
    {"warplanes", "warplane", "jets", "jet", "aircraft", "helicopter", "helicopters", "gunships", "planes", "drones"}
)
# Nouns "regime" can modify and still name the state's forces acting ("regime airstrikes", "regime warplanes").
REGIME_FORCE_HEADS = frozenset(
    {
        "force",
        "troop",
        "soldier",
        "army",
        "militia",
        "fighter",
        "warplane",
        "jet",
        "aircraft",
        "helicopter",
        "plane",
        "artillery",
        "tank",
        "strike",
        "airstrike",
        "raid",
        "shelling",
        "bombardment",
        "bombing",
        "attack",
        "offensive",
        "fire",
        "barrel",
        "bomb",
        "assault",
        "gunfire",
        "sniper",
        "checkpoint",
    }
)  # priorities among candidates of the same length
# Singular role words that name an attacker only before an attack noun ("rebel shelling"), and whom they name.
ATTACKER_MODIFIERS = {"rebel": "generic.rebels", "insurgent": "generic.militants", "jihadist": "generic.militants"}
ATTACKER_MODIFIER_WORDS = frozenset(ATTACKER_MODIFIERS)
REGIME_WORD = frozenset({"regime"})
_ARABIC_ARTICLE = re.compile(r"\b([Aa]l|[Ee]l)-(?=\w)")
_POSSESSIVE = frozenset({"'s", "’s", "'"})
_GLUED_POSSESSIVE = re.compile(r"\b([A-Z][a-z]+)['’]s\b")  # "Assad's forces" → "Assads forces"
_COORDINATORS = frozenset({"and", "or", ",", "&"})
_NOUN_POS = frozenset({"NOUN", "PROPN"})
_MAX_ROLE = max(len(k) for k in (*ROLE_NOUNS, *ACTION_NOUNS))
_MAX_MODIFIER = max(len(k) for k in MODIFIERS)
_MAX_MEMBER = max(len(k) for k in MEMBER_NOUNS)


def alias_variants(alias: str) -> list[str]:
    """Spelling variants news uses for one alias: curly apostrophes, no apostrophe ("Assads forces"), "al Qaeda"
    for "al-Qaeda", "Shabaab"."""
    variants = [alias]
    for source, target in (("'", "’"), ("’", "'")):
        if source in alias:
            variants.append(alias.replace(source, target))
    variants.extend(_GLUED_POSSESSIVE.sub(r"\1s", v) for v in list(variants) if _GLUED_POSSESSIVE.search(v))
    for variant in list(variants):
        if _ARABIC_ARTICLE.search(variant):
            variants.append(_ARABIC_ARTICLE.sub(r"\1 ", variant))
            stripped = _ARABIC_ARTICLE.sub("", variant, count=1) if _ARABIC_ARTICLE.match(variant) else ""
            if len(stripped) >= 5:
                variants.append(stripped)
    return list(dict.fromkeys(variants))


# Endings of one-word demonyms that are also nouns for one of the people, whose plural adds -s: "Palestinians",
# "Iraqis", "Cypriots", "Greeks", "Czechs", "Uzbeks", "Kazakhs", "Kosovars", "Filipinos", "Montenegrins",
# "Nigeriens", "Yemenites". Not -ese, -ish, -tch, -nch ("Lebanese", "Polish", "Dutch", "French"), nor -ne, whose
# plural can be the country's own name ("Philippines").
PLURAL_DEMONYM_ENDINGS = ("an", "i", "ot", "ek", "ak", "ik", "kh", "ech", "ar", "no", "in", "ien", "ite")


def plural_demonyms(demonyms: Sequence[str]) -> list[str]:
    """ "Palestinians", "Iraqis", "Cypriots": the people of a country, for demonyms whose plural adds -s."""
    return [d + "s" for d in demonyms if d.isalpha() and d[0].isupper() and d.endswith(PLURAL_DEMONYM_ENDINGS)]


def is_case_sensitive(alias: str) -> bool:
    """Acronyms ("IS", "SDF", "LeT", "CJTF-OIR") match on exact case; everything else on lower case."""
    return " " not in alias and sum(ch.isupper() for ch in alias) >= 2


@dataclass(frozen=True)
class _Candidate:
    start: int  # token offsets
    end: int
    actor_id: str  # "" for an anaphor until it is resolved
    priority: int
    extended: bool = False  # a named alias grown by a member noun ("IS" + "fighters")
    anaphor: str = ""  # "group" or "member"
    fallback: str = ""  # generic actor for an anaphor with no salient group


@dataclass(frozen=True)
class _Patterns:
    """Pattern texts split into tokens once, in the constructor; matchers are made from them per vocab."""

    lower: tuple[tuple[str, tuple[str, ...]], ...]  # (actor_id, words)
    exact: tuple[tuple[str, tuple[str, ...]], ...]
    countries: tuple[tuple[str, tuple[str, ...]], ...]  # (country code, words)
    anaphors: tuple[tuple[str, str, tuple[str, ...]], ...]  # (kind, fallback, words)


@dataclass(frozen=True)
class _Matchers:
    vocab: Vocab
    lower: PhraseMatcher
    exact: PhraseMatcher
    countries: PhraseMatcher
    anaphors: PhraseMatcher


class ActorStage:
    """Add `analysis.actors`: knowledge-base actors found in the text, sorted by offset, non-overlapping."""

    name = "actors"
    needs: tuple[str, ...] = ("doc",)
    adds: tuple[str, ...] = ("actors",)

    def __init__(self, knowledge_base: ActorKnowledgeBase, nlp: Language | None = None) -> None:
        """Tokenise every alias once. Pass the pipeline's `nlp` to build the matchers now, on its vocab;
        without it they are built on the vocab of the first document."""
        import spacy

        self.knowledge_base = knowledge_base
        tokenizer = nlp.tokenizer if nlp is not None else spacy.blank("en").tokenizer
        self._order = {actor.actor_id: i for i, actor in enumerate(knowledge_base.actors())}
        self._patterns = _tokenise_patterns(knowledge_base, tokenizer)
        self._names = {c.code: frozenset(c.names) for c in knowledge_base.countries}
        self._plurals = {c.code: frozenset(plural_demonyms(c.demonyms)) for c in knowledge_base.countries}
        self._matchers: _Matchers | None = _build_matchers(nlp.vocab, self._patterns) if nlp is not None else None

    def __call__(self, analysis: Analysis) -> Analysis:
        doc = analysis.doc
        if doc is None:
            raise DataError(Code.PIPELINE_INCOMPLETE, "the actors stage needs a parsed doc; run the nlp stage first")
        analysis.actors = self.recognize(doc)
        return analysis

    def recognize(self, doc: Doc) -> list[ActorMention]:
        """Actor mentions in one parsed document."""
        matchers = self._matchers
        if matchers is None or matchers.vocab is not doc.vocab:
            matchers = self._matchers = _build_matchers(doc.vocab, self._patterns)
        strings = doc.vocab.strings
        country_hits = [(strings[key], s, e) for key, s, e in matchers.countries(doc)]
        country_counts = Counter(code for code, _, _ in country_hits)
        candidates: list[_Candidate] = []
        candidates.extend(self._state_candidates(doc, country_hits))
        candidates.extend(self._alias_candidates(doc, matchers, country_counts))
        anaphors = self._patterns.anaphors
        for key, s, e in matchers.anaphors(doc):
            kind, fallback, _ = anaphors[int(strings[key].partition(":")[2])]
            candidates.append(_Candidate(s, e, "", ANAPHOR, anaphor=kind, fallback=fallback))
        candidates.extend(self._attacker_modifiers(doc))
        home = _home_country(country_counts)
        if home is not None:
            candidates.extend(self._regime_candidates(doc, home))
        chosen = [self._homed(doc, c, home) for c in _select(candidates)]
        return list(self._resolve(doc, chosen))

    def _regime_candidates(self, doc: Doc, home: str) -> list[_Candidate]:
        """ "regime shelling", "regime warplanes", "the regime": in an article about one country, its state.
        Not "regime-held" or "anti-regime", which describe territory or opponents."""
        out: list[_Candidate] = []
        for token in _tokens_spelt(doc, REGIME_WORD):
            if (token.i + 1 < len(doc) and doc[token.i + 1].text == "-") or (
                token.i > 0 and doc[token.i - 1].text == "-"
            ):
                continue
            modifies = token.dep_ in ("compound", "amod", "nmod") and token.head.i != token.i
            if modifies and token.head.lemma_.lower() in REGIME_FORCE_HEADS:
                role = "state_forces"
            elif not modifies:
                role = "government"
            else:
                continue
            actor_id = state_actor_id(home, role)
            if self.knowledge_base.get(actor_id) is not None:
                out.append(_Candidate(token.i, token.i + 1, actor_id, GENERIC))
        return out

    def _attacker_modifiers(self, doc: Doc) -> list[_Candidate]:
        """ "rebel shelling", "a rebel mortar attack", "rebel fire": a singular role word before an attack noun
        names who attacked, though alone ("rebel") it is no alias. Not "rebel-held", which describes territory."""
        out: list[_Candidate] = []
        for token in _tokens_spelt(doc, ATTACKER_MODIFIER_WORDS):
            actor_id = ATTACKER_MODIFIERS.get(token.lower_)
            if actor_id is None or self.knowledge_base.get(actor_id) is None:
                continue
            if (token.i + 1 < len(doc) and doc[token.i + 1].text == "-") or (
                token.i > 0 and doc[token.i - 1].text == "-"
            ):
                continue
            following = doc[token.i + 1 : token.i + 3]
            if any(
                word.lemma_.lower() in REGIME_FORCE_HEADS or word.lower_ in REGIME_FORCE_HEADS for word in following
            ):
                out.append(_Candidate(token.i, token.i + 1, actor_id, GENERIC))
        return out

    def _homed(self, doc: Doc, candidate: _Candidate, home: str | None) -> _Candidate:
        """ "regime forces", "government troops", "the army" with no country named: the forces of the country
        the article is about, when one country dominates it. Aircraft alone stay unattributed: in a war with
        foreign air forces, "warplanes struck" does not say whose."""
        if home is None or candidate.actor_id != "generic.security_forces":
            return candidate
        words = {doc[i].lower_ for i in range(candidate.start, candidate.end)}
        if not words & REGIME_WORDS and words & AIRCRAFT_WORDS:
            return candidate
        actor_id = state_actor_id(home, "state_forces")
        if self.knowledge_base.get(actor_id) is None:
            return candidate
        return replace(candidate, actor_id=actor_id, priority=STATE)

    # --- candidates ---------------------------------------------------------------------------

    def _alias_candidates(self, doc: Doc, matchers: _Matchers, country_counts: Counter[str]) -> list[_Candidate]:
        kb = self.knowledge_base
        strings = doc.vocab.strings
        by_span: dict[tuple[int, int], list[str]] = {}
        for key, s, e in matchers.lower(doc):
            by_span.setdefault((s, e), []).append(strings[key])
        for key, s, e in matchers.exact(doc):
            if e - s == 1 and len(doc[s].text) <= 3 and _in_capitals(doc, s):
                continue  # "WHAT IS HAPPENING": a headline in capitals, not Islamic State
            by_span.setdefault((s, e), []).append(strings[key])
        persons = [(ent.start, ent.end) for ent in doc.ents if ent.label_ == "PERSON"]
        has_tags = doc.has_annotation("TAG") and doc.has_annotation("DEP")
        out: list[_Candidate] = []
        for (s, e), actor_ids in by_span.items():
            if persons and _inside_person_name(doc, s, e, persons):
                continue  # "Richard Wagner" is not the Wagner Group
            if _hyphen_modifier(doc, e):
                continue  # "NATO-member Norway", "Hamas-run Gaza": the name describes something else, it does not act
            actor_id = self._disambiguate(actor_ids, country_counts)
            actor = kb.get(actor_id)
            if actor is None:
                continue
            if e - s > 1 and doc[s].lower_ == "the":
                s += 1  # "the Security Council" must be preceded by "the" to match, but names start after it
            if is_generic(actor_id):
                if has_tags and not _generic_head(doc, s, e):
                    continue
                out.append(_Candidate(s, e, actor_id, GENERIC))
                continue
            info = kb.info(actor_id)
            # "IS fighters" is one mention; a state actor's alias keeps its own span ("Syrian regime forces"
            # must not become "Syrian regime" + "forces").
            end = e if info is not None and info.generated else _extend_with_member_noun(doc, e)
            out.append(_Candidate(s, end, actor_id, NAMED, extended=end != e))
        return out

    def _disambiguate(self, actor_ids: list[str], country_counts: Counter[str]) -> str:
        """One alias, several actors ("SNA"): prefer named over generic, then the country the text is about."""
        unique = list(dict.fromkeys(actor_ids))
        if len(unique) == 1:
            return unique[0]
        named = [a for a in unique if not is_generic(a)] or unique
        kb = self.knowledge_base

        def score(actor_id: str) -> tuple[int, int]:
            # Mentions of the actor's country count for it; a country the text never names counts against
            # it, below a transnational actor ("CJTF" in an article about Iraq is not Nigeria's).
            actor = kb.get(actor_id)
            if actor is None or actor.country is None:
                weight = 0
            else:
                weight = country_counts.get(actor.country, 0) or (-1 if country_counts else 0)
            return (-weight, self._order.get(actor_id, 0))

        return min(named, key=score)

    def _state_candidates(self, doc: Doc, hits: Sequence[tuple[str, int, int]]) -> list[_Candidate]:
        """ "Iraqi forces", "Iraq's army", "the Government of Iraq", "Iraqi and US troops" → state actors."""
        has_pos = doc.has_annotation("POS")
        by_start: dict[int, tuple[str, int]] = {}
        for code, s, e in hits:
            if e - s > by_start.get(s, ("", s))[1] - s:
                by_start[s] = (code, e)
        resolved: dict[int, tuple[str, int, str]] = {}  # start -> (role, end, code)
        out: list[_Candidate] = []
        for s in sorted(by_start, reverse=True):  # right to left, so "Iraqi and US troops" sees "US troops" first
            code, e = by_start[s]
            if _is_modifier_use(doc, s, e):
                continue
            text = doc[s:e].text
            if text in self._plurals.get(code, ()):
                if not has_pos or doc[e - 1].pos_ in _NOUN_POS:
                    out.append(_Candidate(s, e, state_actor_id(code, "civilians"), STATE))  # "Palestinians"
                continue
            is_name = text in self._names.get(code, ())
            found = _role_after(doc, s, e, is_name, has_pos)
            if found is not None:
                role, end, covers_noun = found
                resolved[s] = (role, end if covers_noun else e, code)
                out.append(_Candidate(s, end if covers_noun else e, state_actor_id(code, role), STATE))
                continue
            if is_name:
                before = _role_before_of(doc, s)
                if before is not None:
                    role, start = before
                    out.append(_Candidate(start, e, state_actor_id(code, role), STATE))
                    continue
            role = _coordinated_role(doc, e, resolved)
            if role is not None:
                resolved[s] = (role, e, code)
                out.append(_Candidate(s, e, state_actor_id(code, role), STATE))
        return out

    # --- resolution ---------------------------------------------------------------------------

    def _resolve(self, doc: Doc, chosen: list[_Candidate]) -> Iterator[ActorMention]:
        """Emit mentions in order, resolving anaphors to the salient named armed group."""
        kb = self.knowledge_base
        text = parsed_text(doc)
        has_dep = doc.has_annotation("DEP")
        starts = [sent.start for sent in doc.sents] if doc.has_annotation("SENT_START") else []
        covered = {i for c in chosen for i in range(c.start, c.end)}
        # Organisations that are not armed groups ("Human Rights Watch said ... the group") compete for "the group".
        others = [
            _Org(ent.start, _sentence(starts, ent.start), has_dep and _is_subject(doc, ent.start, ent.end), None)
            for ent in doc.ents
            if ent.label_ == "ORG" and covered.isdisjoint(range(ent.start, ent.end))
        ]
        history: list[_Org] = []  # organisations mentioned so far, in order
        others.sort(key=lambda o: o.start)
        next_other = 0
        for candidate in chosen:
            while next_other < len(others) and others[next_other].start < candidate.start:
                history.append(others[next_other])
                next_other += 1
            sentence = _sentence(starts, candidate.start)
            actor: Actor | None
            if candidate.anaphor:
                actor = self._antecedent(doc, candidate, sentence, history, has_dep, bool(starts))
                if actor is None and candidate.fallback:
                    actor = kb.get(candidate.fallback)
                if actor is None:
                    continue
            else:
                actor = kb.get(candidate.actor_id)
                if actor is None:
                    continue
                named = not is_generic(actor.actor_id)
                if named and actor.kind in ("armed_group", "igo", "other"):
                    subject = has_dep and _is_subject(doc, candidate.start, candidate.end)
                    history.append(_Org(candidate.start, sentence, subject, actor))
            start = doc[candidate.start].idx
            last = doc[candidate.end - 1]
            end = last.idx + len(last.text)
            yield ActorMention(start=start, end=end, text=text[start:end], actor=actor)

    @staticmethod
    def _antecedent(
        doc: Doc, anaphor: _Candidate, sentence: int, history: list[_Org], has_dep: bool, has_sents: bool
    ) -> Actor | None:
        """The named armed group an anaphor stands for, or None.

        Centering first: an anaphor that opens its sentence as subject ("The group said ...") takes the subject
        of the last sentence that named an organisation, if that subject is an armed group (and nothing, for
        "the group", if it is another kind of organisation). Otherwise the most recent armed group in the
        window, unless ("the group" only) an organisation of another kind was named after it.
        """
        window = [
            org
            for org in history
            if (
                sentence - org.sentence <= SALIENCE_SENTENCES
                if has_sents
                else anaphor.start - org.start <= SALIENCE_TOKENS
            )
        ]
        if not window:
            return None
        if has_dep and has_sents and _is_subject(doc, anaphor.start, anaphor.end):
            earlier = [org for org in window if org.sentence < sentence]
            same = [org for org in window if org.sentence == sentence]
            if earlier and not same:
                last_sentence = earlier[-1].sentence
                subjects = [org for org in earlier if org.sentence == last_sentence and org.subject]
                if subjects:
                    first = subjects[0].actor
                    if first is not None and first.kind == "armed_group":
                        return first
                    if anaphor.anaphor == "group":
                        return None
        groups = [org for org in window if org.actor is not None and org.actor.kind == "armed_group"]
        if not groups:
            return None
        salient = groups[-1]
        if anaphor.anaphor == "group" and any(
            org.start > salient.start and (org.actor is None or org.actor.kind != "armed_group") for org in window
        ):
            return None
        return salient.actor


@dataclass(frozen=True)
class _Org:
    """An organisation mentioned before an anaphor: where, whether as subject, and which actor (None: not in KB)."""

    start: int
    sentence: int
    subject: bool
    actor: Actor | None


# --- helpers (pure functions over a Doc) ----------------------------------------------------------


def _tokenise_patterns(kb: ActorKnowledgeBase, tokenizer: Any) -> _Patterns:
    lower: list[tuple[str, tuple[str, ...]]] = []
    exact: list[tuple[str, tuple[str, ...]]] = []
    texts: list[tuple[str, str, bool]] = []
    for actor in kb.actors():
        info = kb.info(actor.actor_id)
        # Generated names ("Military forces of Iraq") are not how news writes; the role patterns cover them.
        names = list(actor.aliases) if info is not None and info.generated else [actor.name, *actor.aliases]
        for alias in names:
            for variant in alias_variants(alias):
                texts.append((actor.actor_id, variant, is_case_sensitive(variant)))
    for (actor_id, _, sensitive), doc in zip(texts, tokenizer.pipe(t for _, t, _ in texts), strict=True):
        words = tuple(token.text for token in doc)
        (exact if sensitive else lower).append((actor_id, words))
    country_texts = [
        (c.code, text)
        for c in kb.countries
        for text in dict.fromkeys((*c.demonyms, *c.names, *plural_demonyms(c.demonyms)))
    ]
    countries = tuple(
        (code, tuple(t.text for t in doc))
        for (code, _), doc in zip(country_texts, tokenizer.pipe(t for _, t in country_texts), strict=True)
    )
    anaphor_texts = [("group", fb, p) for p, fb in GROUP_ANAPHORS.items()]
    anaphor_texts += [("member", fb, p) for p, fb in MEMBER_ANAPHORS.items()]
    anaphors = tuple(
        (kind, fallback, tuple(t.text for t in doc))
        for (kind, fallback, _), doc in zip(anaphor_texts, tokenizer.pipe(p for _, _, p in anaphor_texts), strict=True)
    )
    return _Patterns(lower=tuple(lower), exact=tuple(exact), countries=countries, anaphors=anaphors)


def _build_matchers(vocab: Vocab, patterns: _Patterns) -> _Matchers:
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc

    def fill(matcher: PhraseMatcher, items: Sequence[tuple[str, Sequence[str]]]) -> PhraseMatcher:
        grouped: dict[str, list[Doc]] = {}
        for key, words in items:
            grouped.setdefault(key, []).append(Doc(vocab, words=list(words)))
        for key, docs in grouped.items():
            matcher.add(key, docs)
        return matcher

    anaphor_items = [(f"anaphor:{i}", words) for i, (_, _, words) in enumerate(patterns.anaphors)]
    return _Matchers(
        vocab=vocab,
        lower=fill(PhraseMatcher(vocab, attr="LOWER"), patterns.lower),
        exact=fill(PhraseMatcher(vocab, attr="ORTH"), patterns.exact),
        countries=fill(PhraseMatcher(vocab, attr="ORTH"), patterns.countries),
        anaphors=fill(PhraseMatcher(vocab, attr="LOWER"), anaphor_items),
    )


def _home_country(counts: Counter[str]) -> str | None:
    """The country an article is about: named at least twice, and more often than any other."""
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] >= ranked[0][1]):
        return None
    return ranked[0][0]


def _select(candidates: list[_Candidate]) -> list[_Candidate]:
    """Longest first (then named before state before anaphor before generic), no overlaps, in text order."""
    taken = bytearray()
    chosen: list[_Candidate] = []
    for c in sorted(candidates, key=lambda c: (c.start - c.end, c.priority, c.extended, c.start)):
        if len(taken) < c.end:
            taken.extend(b"\0" * (c.end - len(taken)))
        if any(taken[c.start : c.end]):
            continue
        taken[c.start : c.end] = b"\1" * (c.end - c.start)
        chosen.append(c)
    chosen.sort(key=lambda c: c.start)
    return chosen


def _tokens_spelt(doc: Doc, words: frozenset[str]) -> list[Token]:
    """The tokens whose lower-case form is one of `words`, found by word id: a scan that asks every Token for
    its text builds every Token of the article."""
    from spacy.attrs import LOWER

    ids = fixed_word_ids(words)
    return [doc[i] for i, word in enumerate(doc.to_array(LOWER).tolist()) if word in ids]


def _lower_tuple(doc: Doc, start: int, length: int) -> tuple[str, ...]:
    return tuple(token.lower_ for token in doc[start : start + length])


def _in_capitals(doc: Doc, i: int) -> bool:
    """Is token i inside a run of capitalised words (a headline or a shouted slogan)?"""
    for j in (i - 1, i + 1):
        if 0 <= j < len(doc):
            token = doc[j]
            if token.is_alpha and len(token.text) > 1 and token.text.isupper():
                return True
    return False


def _inside_person_name(doc: Doc, s: int, e: int, persons: list[tuple[int, int]]) -> bool:
    for ps, pe in persons:
        if ps <= s and e <= pe and (pe - ps) > (e - s):
            extra = [doc[i] for i in range(ps, pe) if not s <= i < e]
            if extra and all(t.is_alpha and t.is_title for t in extra):
                return True
    return False


def _generic_head(doc: Doc, s: int, e: int) -> bool:
    """Is a generic alias the head of its phrase ("killed civilians"), not a modifier ("civilian casualties",
    "terrorist attack", "police station") or a word of an unknown name ("al-Nasr Army")?"""
    last = doc[e - 1]
    if last.pos_ not in _NOUN_POS or last.dep_ in ("compound", "amod"):
        return False
    first = doc[s]
    if first.is_title and s > 0:
        before = doc[s - 1]
        if before.pos_ == "PROPN" and before.text[:1].isupper() and not before.is_sent_start:
            return False
    return True


def _extend_with_member_noun(doc: Doc, e: int) -> int:
    """ "IS" + "fighters" → one mention "IS fighters"; also across a possessive ("Hezbollah's leader")."""
    start = e + 1 if e < len(doc) and _is_possessive(doc[e]) else e
    for length in range(_MAX_MEMBER, 0, -1):
        if start + length <= len(doc) and _lower_tuple(doc, start, length) in MEMBER_NOUNS:
            return start + length
    return e


def _is_possessive(token: Token) -> bool:
    """ "'s", or the "s" the tokenizer split from a name written without its apostrophe ("Russias")."""
    return token.text in _POSSESSIVE or token.norm_ == BARE_POSSESSIVE_NORM


def _hyphen_modifier(doc: Doc, e: int) -> bool:
    """Is a name followed by a hyphenated participle or "member" ("NATO-member", "Hamas-run", "IS-held")?"""
    return (
        e + 1 < len(doc)
        and doc[e].text == "-"
        and (doc[e + 1].lower_ in HYPHEN_BLOCKERS or doc[e + 1].lower_ == "member")
    )


def _is_modifier_use(doc: Doc, s: int, e: int) -> bool:
    """ "Turkish-backed", "pro-Iranian", "anti-American": the country modifies something else."""
    if e + 1 < len(doc) and doc[e].text == "-" and doc[e + 1].lower_ in HYPHEN_BLOCKERS:
        return True
    return s >= 2 and doc[s - 1].text == "-" and doc[s - 2].lower_ in ("pro", "anti", "non", "ex")


def _role_after(doc: Doc, s: int, e: int, is_name: bool, has_pos: bool) -> tuple[str, int, bool] | None:
    """The role noun after a demonym or country name: (role, end token, whether the mention covers it)."""
    start = e
    if e + 1 < len(doc) and doc[e].text == "-" and doc[e + 1].lower_ == "led":
        start = e + 2  # "Vietnamese-led forces", "US-led troops": forces that state commands
    elif is_name:
        if e < len(doc) and _is_possessive(doc[e]):
            start = e + 1
        elif _preceded_by_locative(doc, s):
            return None  # "fighting in Syria troops ...": a place, not a modifier
    best: tuple[str, int, bool] | None = None
    position = start
    for skipped in range(3):  # up to two modifiers: "Iraqi government forces", "Syrian army special forces"
        found = _role_at(doc, position, has_pos)
        if found is not None and (best is None or found[1] > best[1]):
            best = found
        step = _modifier_length(doc, position)
        if not step or skipped == 2:
            break
        position += step
    return best


def _preceded_by_locative(doc: Doc, s: int) -> bool:
    j = s - 1
    if j >= 0 and doc[j].lower_ == "the":
        j -= 1
    return j >= 0 and doc[j].lower_ in LOCATIVE_PREPOSITIONS


def _role_at(doc: Doc, position: int, has_pos: bool) -> tuple[str, int, bool] | None:
    for length in range(_MAX_ROLE, 0, -1):
        end = position + length
        if end > len(doc):
            continue
        words = _lower_tuple(doc, position, length)
        role = ROLE_NOUNS.get(words)
        covers = True
        if role is None:
            role = ACTION_NOUNS.get(words)
            covers = False
        if role is None:
            continue
        if has_pos and doc[end - 1].pos_ not in _NOUN_POS:
            continue  # "Syrian general election": "general" is an adjective here
        return role, end, covers
    return None


def _modifier_length(doc: Doc, position: int) -> int:
    for length in range(_MAX_MODIFIER, 0, -1):
        if position + length <= len(doc) and _lower_tuple(doc, position, length) in MODIFIERS:
            return length
    return 0


def _role_before_of(doc: Doc, s: int) -> tuple[str, int] | None:
    """ "the Government of Iraq", "the armed forces of Ukraine", "King Hassan of Morocco": (role, start).

    A title may be followed by up to three capitalised name words before "of" ("President X Y of Z"); then only
    government titles count, so "Minister Ali of Iraq" is Iraq's government but "Ali of Iraq" is nothing."""
    j = s - 1
    if j >= 0 and doc[j].lower_ == "the":
        j -= 1
    if j < 1 or doc[j].lower_ != "of":
        return None
    for skipped in range(4):
        end = j - skipped
        if skipped and (end < 1 or not doc[end].is_title or not doc[end].is_alpha):
            break
        for length in range(_MAX_ROLE, 0, -1):
            start = end - length
            if start >= 0:
                role = ROLE_NOUNS.get(_lower_tuple(doc, start, length))
                if role is not None and (not skipped or (role == "government" and doc[start].is_title)):
                    return role, start
    return None


def _coordinated_role(doc: Doc, e: int, resolved: dict[int, tuple[str, int, str]]) -> str | None:
    """ "Iraqi and US troops": the first demonym takes the role of the conjunct that has a noun."""
    position = e
    steps = 0
    while position < len(doc) and doc[position].lower_ in _COORDINATORS and steps < 2:
        position += 1
        steps += 1
    if steps and position in resolved:
        return resolved[position][0]
    return None


def _sentence(starts: list[int], token: int) -> int:
    return bisect_right(starts, token) - 1 if starts else 0


def _is_subject(doc: Doc, start: int, end: int) -> bool:
    """Is the span the subject of its clause (directly, or as the first conjunct of one)?"""
    root = doc[start:end].root
    while root.dep_ == "conj" and root.head is not root:
        root = root.head
    return root.dep_ in ("nsubj", "nsubjpass")
