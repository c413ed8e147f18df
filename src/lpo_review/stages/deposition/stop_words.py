"""Words of testimony that carry no content of their own (function words, the examiner's
stock phrases): a restatement's informativeness is counted without them."""

from __future__ import annotations

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
