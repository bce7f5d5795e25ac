"""Which of a sentence's dates belongs to an event: the one in the trigger's own clause.

A sentence often dates several things: "The militants, who seized the town in 2014, attacked the base on
Tuesday" dates the seizure to 2014 and the attack to Tuesday. Both dates hang below "attacked" in the
parse, so being below the trigger is not enough; what tells them apart is how many clause boundaries
(a relative clause, an adverbial clause, a reported clause, a conjunct) lie between the date and the
trigger. The date with the fewest wins; a date the trigger does not govern at all ("police said on
Wednesday that gunmen killed ...") ranks after every governed one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

# Edges into another predicate's clause, whose dates date that predicate.
CLAUSE_EDGES = frozenset({"relcl", "acl", "advcl", "ccomp", "csubj", "parataxis", "conj"})
NOT_GOVERNED = 1_000  # the rank of a date outside the trigger's subtree
_MAX_STEPS = 16


def date_rank(date_token: Token, trigger: Token) -> int:
    """Lower is closer: the number of clause boundaries on the path from the date word up to the
    trigger, or NOT_GOVERNED when the path never reaches the trigger."""
    boundaries = 0
    token = date_token
    for _ in range(_MAX_STEPS):
        if token.i == trigger.i:
            return boundaries
        if token.head.i == token.i:
            return NOT_GOVERNED
        boundaries += token.dep_ in CLAUSE_EDGES
        token = token.head
    return NOT_GOVERNED
