"""Compose the stages into one pipeline: article in, analysis out.

The order is fixed (read happens before, in `lanner.ingest`): nlp → actors → places → dates → events.
Every model, gazetteer and knowledge base lives on the `Pipeline` object, so it can be built twice in
one process, or once per worker, and nothing is loaded at import time.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from lanner.config import Config
from lanner.errors import Code, DataError
from lanner.nlp import NlpStage, Truecaser, gazetteer_places, load_language, restore_original_text
from lanner.nlp.possessives import add_bare_possessives, bare_possessives, possessor_names
from lanner.nlp.truecase import EnglishWords, country_names
from lanner.records import Analysis, Article
from lanner.stage import Stage

if TYPE_CHECKING:
    from spacy.language import Language

    from lanner.actors import ActorKnowledgeBase
    from lanner.geo import Gazetteer


def check_stages(stages: Sequence[Stage]) -> None:
    """Refuse a pipeline in which a stage needs a field that no earlier stage adds."""
    available = {"article"}
    for stage in stages:
        missing = [need for need in stage.needs if need not in available]
        if missing:
            raise DataError(
                Code.PIPELINE_INCOMPLETE,
                f"stage {stage.name!r} needs {', '.join(missing)}, which no earlier stage adds",
            )
        available.update(stage.adds)


def _bare_possessive_forms(language: Language, knowledge_base: ActorKnowledgeBase, gazetteer: Gazetteer) -> list[str]:
    """The glued possessives ("Russias") of the knowledge base's names that are no word or name of their own."""
    known = {name.lower() for name in country_names(knowledge_base.countries)}
    known.update(alias.lower() for actor in knowledge_base.actors() for alias in (actor.name, *actor.aliases))

    is_place = gazetteer_places(gazetteer)  # a notable place: a hamlet called "Assads" does not count

    def is_known_name(form: str) -> bool:
        return form.lower() in known or is_place(form)

    return bare_possessives(possessor_names(knowledge_base), EnglishWords.from_language(language), is_known_name)


class Pipeline:
    """An ordered list of stages; the first is always the nlp stage, which batches."""

    def __init__(self, stages: Sequence[Stage]) -> None:
        check_stages(stages)
        self.stages: list[Stage] = list(stages)

    @classmethod
    def build(cls, config: Config | None = None) -> Pipeline:
        """The full default pipeline (loads the spaCy model, the gazetteer and the actor knowledge base)."""
        from lanner.actors import ActorKnowledgeBase
        from lanner.geo import Gazetteer

        config = config or Config()
        return cls.assemble(
            load_language(config.model),
            ActorKnowledgeBase.load(config.actor_files),
            Gazetteer.open(config.cache_dir),
            batch_size=config.batch_size,
        )

    @classmethod
    def assemble(
        cls, language: Language, knowledge_base: ActorKnowledgeBase, gazetteer: Gazetteer, batch_size: int = 32
    ) -> Pipeline:
        """The default stages around resources already loaded (tests share one model across pipelines)."""
        from lanner.actors import ActorStage
        from lanner.events import EventStage
        from lanner.geo import PlaceStage
        from lanner.time import DateStage

        # Text in capitals is parsed truecased; the names to restore come from the knowledge base and gazetteer.
        names = [name for actor in knowledge_base.named_actors() for name in (actor.name, *actor.aliases)]
        truecaser = Truecaser.build(language, names, gazetteer_places(gazetteer), knowledge_base.countries)
        # Before the actor stage tokenises its aliases: "Assads forces" must split as the text will.
        add_bare_possessives(language, _bare_possessive_forms(language, knowledge_base, gazetteer))
        nlp = NlpStage(language, batch_size=batch_size, truecaser=truecaser)
        return cls(
            [
                nlp,
                ActorStage(knowledge_base, nlp.nlp),
                PlaceStage(gazetteer),
                DateStage(),
                EventStage(knowledge_base),
            ]
        )

    @property
    def names(self) -> list[str]:
        return [stage.name for stage in self.stages]

    def stage(self, name: str) -> Stage:
        for stage in self.stages:
            if stage.name == name:
                return stage
        raise KeyError(name)

    def only(self, *names: str) -> Pipeline:
        """A pipeline of just the named stages (sharing their loaded models), e.g. for evaluation."""
        return Pipeline([stage for stage in self.stages if stage.name in names])

    def __call__(self, article: Article) -> Analysis:
        analysis = Analysis(article=article)
        for stage in self.stages:
            analysis = stage(analysis)
        return restore_original_text(analysis)

    def pipe(self, articles: Iterable[Article]) -> Iterator[Analysis]:
        """Analyse a stream of articles, batching the nlp stage; results come back in input order."""
        first, *rest = self.stages
        analyses: Iterable[Analysis] = (Analysis(article=article) for article in articles)
        analysed = first.pipe(analyses) if isinstance(first, NlpStage) else map(first, analyses)
        for analysis in analysed:
            for stage in rest:
                analysis = stage(analysis)
            yield restore_original_text(analysis)
