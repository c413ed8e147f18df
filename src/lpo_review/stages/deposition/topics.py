"""Topic labels for runs of testimony, from the key phrases of the questions (RAKE-style).

A phrase is a run of content words between stop words and punctuation; it scores the sum of
its words' frequencies across the questions of a block, so a noun the examiner keeps returning
to ("forklift", "loading dock") wins over one-off words.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

STOP_WORDS = frozenset(
    """a about above after again against all also am an and any anyone anything are aren't
    around as ask asked at back be because been before being below between both but by can
    can't could couldn't day did didn't do does doesn't doing don't done down during each
    else ever every few first for from further get go going got had hadn't has hasn't have
    haven't having he he'd he's her here hers herself him himself his how i i'd i'm i've if
    in into is isn't it it's its itself just know last let like look made make many may me
    might more most much must my myself never next no nor not now of off okay on once one
    only or other our ours out over own point put really recall remember right said same say
    saw see seen she should since so some something sort still such sure take tell than that
    that's the their theirs them then there there's these they they're thing things think this
    those through time to too under until up upon us very was wasn't way we well were weren't
    what what's when where whether which while who whom why will with would wouldn't yeah yes
    you you're your yours yourself correct true fair mean kind anybody somebody someone
    today understand question questions testified testimony mr ms mrs dr sir ma'am
    would've you've you'd you'll how's where's who's let's gonna want wanted please
    describe explain remember recall happened happen actually approximately exactly
    already always another again two three four five six seven eight nine ten near
    good morning afternoon evening recognize shown show showing shows notice noticed
    inspect inspected write wrote told tell work worked noticed reported report saw seen
    else anything nothing everything anyone everyone
    level highest lowest second third page pages part kind type lot bit cannot give given
    complete refer referred mention mentioned discuss discussed current currently""".split()
)
_TOKEN = re.compile(r"<[A-Z_]+_\d+>|[A-Za-z][A-Za-z'\-]*|[.,;:?!()\"]")


@lru_cache(maxsize=4096)
def phrases(text: str) -> tuple[str, ...]:
    """Candidate key phrases (lower case, up to three words) in order of appearance."""
    out: list[str] = []
    run: list[str] = []
    for tok in _TOKEN.findall(text):
        word = tok.lower().strip("'-")
        is_content = (tok.startswith("<") or (len(word) > 2 and word not in STOP_WORDS
                                              and word.isascii() and word[:1].isalpha()))
        if is_content:
            run.append(tok if tok.startswith("<") else word)
            continue
        if run:
            out.append(" ".join(run[-3:]))
        run = []
    if run:
        out.append(" ".join(run[-3:]))
    return tuple(out)


def topic(texts: list[str], limit: int = 2) -> str:
    """The ``limit`` best key phrases of ``texts``, joined by ``"; "`` (``"general"`` if none)."""
    cands = [p for text in texts for p in phrases(text)]
    if not cands:
        return "general"
    freq = Counter(w for p in cands for w in p.split())
    order = {p: i for i, p in reversed(list(enumerate(cands)))}

    def score(p: str) -> tuple[float, int]:
        words = p.split()
        placeholder_penalty = 0.5 if all(w.startswith("<") for w in words) else 1.0
        return (sum(freq[w] for w in words) * placeholder_penalty, -order[p])

    chosen: list[str] = []
    for p in sorted(set(cands), key=score, reverse=True):
        if any(set(p.split()) & set(c.split()) for c in chosen):
            continue
        chosen.append(p)
        if len(chosen) == limit:
            break
    return "; ".join(chosen)
