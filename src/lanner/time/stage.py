"""The dates stage: every temporal expression spaCy found, resolved against the publication date."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lanner.errors import Code, DataError
from lanner.nlp.text import parsed_text
from lanner.records import Analysis, DateMention
from lanner.time.resolver import DateResolver

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


class DateStage:
    """Fill `analysis.dates` from the doc's DATE entities (and TIME entities that name a day).

    spaCy tags "Monday night" and "last night's" as TIME, not DATE; those are kept when they resolve,
    because they date events as well as any DATE does. Clock times alone ("10 a.m.") resolve to None
    and are left out. Pass `include_time=False` for DATE entities only.

    spaCy also leaves "since" out of "since January"; the mention takes it back in, because it turns a
    month into the months from January to publication ("since January, militants have killed 300").
    """

    name = "dates"
    needs: tuple[str, ...] = ("doc",)
    adds: tuple[str, ...] = ("dates",)

    def __init__(self, resolver: DateResolver | None = None, *, include_time: bool = True) -> None:
        self.resolver = resolver or DateResolver()
        self.include_time = include_time

    def __call__(self, analysis: Analysis) -> Analysis:
        """Replace `analysis.dates` with one mention per entity, in document order."""
        doc = analysis.doc
        if doc is None:
            raise DataError(Code.PIPELINE_INCOMPLETE, "the dates stage needs a parsed doc; run the nlp stage first")
        published = analysis.article.published
        mentions: list[DateMention] = []
        whole_text = parsed_text(doc)  # Doc.text joins every token
        for ent in doc.ents:
            if ent.label_ == "DATE":
                start = _since_start(doc, ent)
                text = whole_text[start : ent.end_char]
                mentions.append(DateMention(start, ent.end_char, text, self.resolver.resolve(text, published)))
            elif ent.label_ == "TIME" and self.include_time:
                resolved = self.resolver.resolve(ent.text, published)
                if resolved is not None:
                    mentions.append(DateMention(ent.start_char, ent.end_char, ent.text, resolved))
        analysis.dates = mentions
        return analysis


def _since_start(doc: Doc, ent: Span) -> int:
    """Where the mention starts: at "since" (or "ever since") just before the entity, else at the entity."""
    if ent.start == 0 or doc[ent.start - 1].lower_ != "since":
        return ent.start_char
    since = doc[ent.start - 1]
    if since.i > 0 and doc[since.i - 1].lower_ == "ever":
        return doc[since.i - 1].idx
    return since.idx
