"""The nlp stage: sentences, tokens, tags, dependency parse and named entities from a trained spaCy pipeline."""

from lanner.nlp.model import NlpStage, load_language

__all__ = ["NlpStage", "load_language"]
