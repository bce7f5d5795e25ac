"""The nlp stage: sentences, tokens, tags, dependency parse and named entities from a trained spaCy pipeline."""

from lanner.nlp.model import NlpStage, load_language
from lanner.nlp.text import parsed_text
from lanner.nlp.truecase import Truecaser, gazetteer_places, restore_original_text

__all__ = ["NlpStage", "Truecaser", "gazetteer_places", "load_language", "parsed_text", "restore_original_text"]
