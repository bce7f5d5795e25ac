"""The actors stage and its knowledge base: who acts in an article about armed conflict.

`ActorKnowledgeBase.load()` reads the package's actor files (plus any user files, which override entries
by id) and generates state actors for every ISO country; `ActorStage` finds those actors in a parsed
article, including "Iraqi forces"-style state mentions and "the group"-style anaphors.
"""

from lanner.actors.knowledge_base import ActorInfo, ActorKnowledgeBase, is_generic, state_actor_id
from lanner.actors.stage import ActorStage

__all__ = ["ActorInfo", "ActorKnowledgeBase", "ActorStage", "is_generic", "state_actor_id"]
