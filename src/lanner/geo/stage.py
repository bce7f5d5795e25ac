"""The places stage: recognise toponyms in the parsed article and resolve them against the gazetteer."""

from __future__ import annotations

from dataclasses import replace

from lanner.countries import CountryTable
from lanner.errors import Code, DataError
from lanner.geo.gazetteer import Gazetteer
from lanner.geo.recognize import (
    demonym_first_words,
    demonym_mentions,
    embedded_mentions,
    gazetteer_mentions,
    named_countries,
    ner_mentions,
    reading,
    repeated_mentions,
    settlement_mentions,
)
from lanner.geo.resolve import SHARED_ADMIN1_CODES, Resolver, Weights
from lanner.records import Analysis, PlaceMention


class PlaceStage:
    """Fill `analysis.places` with every toponym of the article, sorted by start offset."""

    name = "places"
    needs: tuple[str, ...] = ("doc",)
    adds: tuple[str, ...] = ("places",)

    def __init__(
        self, gazetteer: Gazetteer, weights: Weights | None = None, countries: CountryTable | None = None
    ) -> None:
        self.gazetteer = gazetteer
        self.resolver = Resolver(gazetteer, weights)
        self.demonyms = (countries or CountryTable.load()).demonym_places()
        self.demonym_first_words = demonym_first_words(self.demonyms)

    def __call__(self, analysis: Analysis) -> Analysis:
        doc = analysis.doc
        if doc is None:
            raise DataError(Code.PIPELINE_INCOMPLETE, "the places stage needs the parsed doc of the nlp stage")
        analysis.places = self.places(doc)
        return analysis

    def places(self, doc: object) -> list[PlaceMention]:
        """Recognise and resolve the toponyms of one parsed `spacy.tokens.Doc`."""
        from spacy.tokens import Doc

        if not isinstance(doc, Doc):
            raise DataError(Code.PIPELINE_INCOMPLETE, "the places stage needs a spaCy Doc")
        with reading(doc):  # the recognisers share one read of the document's entities and word ids
            # countries the recogniser's own place entities name, to vet the names it missed or mislabelled
            countries = named_countries(doc, self.gazetteer)
            mentions = ner_mentions(doc, self.gazetteer, countries)
            mentions += gazetteer_mentions(doc, self.gazetteer, countries)
            mentions += settlement_mentions(doc, mentions, countries)
            taken = {i for m in mentions for i in range(m.token_start, m.token_end)}
            mentions += repeated_mentions(doc, mentions, taken)
            taken = {i for m in mentions for i in range(m.token_start, m.token_end)}
            mentions += embedded_mentions(doc, self.gazetteer, taken)
            taken = {i for m in mentions for i in range(m.token_start, m.token_end)}
            mentions += demonym_mentions(doc, self.demonyms, taken, self.demonym_first_words)
        mentions.sort(key=lambda m: m.start)
        return [self._with_division_name(m) for m in self.resolver.resolve(doc, mentions)]

    def _with_division_name(self, mention: PlaceMention) -> PlaceMention:
        """`admin1` as users read it: the division's name ("Nineveh"), not the code the sources join on ("15").

        A division names itself; a town (GeoNames) carries GeoNames' code, and in the US every source uses the
        postal code; other entries keep what their source gave."""
        place = mention.place
        if place is None:
            return mention
        if place.feature == "admin1":
            name: str | None = place.name
        elif place.feature == "city" or place.country in SHARED_ADMIN1_CODES:
            name = self.gazetteer.admin1_name(place.country, place.admin1)
        else:
            return mention
        if not name or name == place.admin1:
            return mention
        return replace(mention, place=replace(place, admin1=name))
