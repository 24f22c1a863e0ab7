"""Typed, dated events with actors and evidence, found by rules over reporting language.

Per sentence: trigger patterns propose event types (several per sentence); negation drops an event, and
modality around the trigger sets its status (proposed / scheduled / occurred). Dates come from the nearest
date phrase in the trigger's clause (transform.dates), actors from the gazetteer (names, titles, demonyms),
the location from the place gazetteer. Mentions without an act ("ceasefire talks", "sanctions have bitten")
are not events, and an undated mention of an event already found in the article is merged into it.
See devset/events/GUIDE.md for the conventions these rules implement.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import pairwise

from ceasefire.records import Event
from transform import dates
from transform.gazetteer import Gazetteer
from transform.text import sentences

CAMEO = {
    "call": "041",
    "meeting": "042",
    "negotiation": "046",
    "proposal": "030",
    "agreement": "057",
    "ceasefire": "0871",
    "ceasefire_violation": "1",
    "prisoner_exchange": "0841",
    "attack": "190",
    "sanctions": "163",
    "military_aid": "070",
    "demand": "100",
    "rejection": "120",
}
SPEECH_ACTS = ("proposal", "demand", "rejection")

# Adjectives and group nouns that stand for a state; used only when the gazetteer knows the id.
DEMONYMS = {
    "Russian": "russia",
    "Ukrainian": "ukraine",
    "American": "united_states",
    "Saudi": "saudi_arabia",
    "Turkish": "turkey",
    "British": "united_kingdom",
    "French": "france",
    "German": "germany",
    "European": "european_union",
    "Chinese": "china",
    "Belarusian": "belarus",
    "North Korean": "north_korea",
    "Finnish": "finland",
    "Kremlin": "kremlin",
}

_I = re.IGNORECASE
_DEMONYM_IDS = frozenset(DEMONYMS.values())
_TRUCE = r"(?:cease(?:-|\s)?fire|truce|armistice|moratorium)"
_TRIGGERS: dict[str, re.Pattern[str]] = {
    "call": re.compile(
        r"\b(?:(?:tele)?phone|video)[- ]?(?:call|conversation|talks?|conference)\b|\bvideoconference\b|\bphoned\b"
        r"|\b(?:spoken?|speak|speaks|speaking|talked|talks?)\s+(?:by|over\s+the|on\s+the)\s+(?:tele)?phone\b"
        r"|\b(?:spoken?|speaks|speak|talked)\s+(?=(?:again\s+)?(?:with|to)\s+(?:[A-Z]|the\s+[A-Z]))"
        # not "spoke to Finnish reporters": briefing the press is no call
        r"(?!(?:again\s+)?(?:with|to)\s+(?:the\s+)?(?:[A-Z][\w-]+\s+){0,2}(?:reporters|journalists|press|media"
        r"|students|crowds?|audiences?|supporters|lawmakers|parliament|broadcaster|television|radio|newspaper))"
        r"|\bconversation\s+with\b|\bcall\s+(?:with|between)\b"
        r"|\b(?:the|a|their|his|her|an?\s+[\w-]+|[\w-]+-(?:hour|minute)|two-hour|lengthy)\s+call\b(?!\s+(?:for|on|to)\b)"
        r"|\bto\s+(?:call|phone)\s+(?=[A-Z])|\bpicked\s+up\s+the\s+phone\s+to\b"
        r"|(?<=[a-z][\u2013-])[A-Z][\w]+\s+(?:(?:tele)?phone\s+)?call\b",  # "a Trump–Putin call"
    ),
    "meeting": re.compile(
        r"\b(?:met|meets?|meeting|summit|encounter|talked\s+for\s+(?:\w+\s+){0,2}(?:hours?|minutes)(?!\s+(?:by|over|on)\s"
        r"+(?:the\s+)?(?:tele)?phone))\b"
        r"|\b(?:visit(?:s|ed)?|(?<!the\s)(?<!a\s)visiting|trip|hosted|hosts?|greeted|sat\s+down\s+with)\b"
        r"|\b(?:travel(?:l?ed|l?ing|s)?|flew|fly|flies|arriv(?:ed|es|e|ing))\s+(?:\w+\s+){0,2}?(?:to|in)\s+(?=[A-Z])"
        # "Witkoff is due in Moscow on Thursday", "Fidan received separately the head of the delegation"
        r"|\b(?:is|are)\s+(?:due|expected)\s+(?:back\s+)?in\s+(?=[A-Z])|\bwelcom(?:ed|es|ing)\s+(?=(?:[A-Z][\w.-]*\s+){1,5}"
        r"(?:to|in|at)\s+[A-Z])"
        r"|\breceiv(?:ed|es|e|ing)\s+(?:separately\s+)?(?=[A-Z]|the\s+(?:head|leader|visiting|\w+\s+(?:delegation|president|minister)))"
        r"|\bspent\s+(?:\w+\s+){0,2}(?:hours?|minutes|days?|an\s+evening)\s+with\s+"
        r"|\b(?:spoke|spoken|speak|speaks|talked)\s+face[- ]to[- ]face\b"
        # "travelled to Kyiv and was welcomed by President Zelensky": the host the visitor met
        r"|\b(?:was|were)\s+(?:warmly\s+)?(?:welcomed|received|greeted)\s+by\s+(?=(?:the\s+)?[A-Z])",
        _I,
    ),
    "negotiation": re.compile(
        r"\b(?:talks|negotiations?|(?<!to be )negotiat(?:ed|ing|e)|consultations|round\s+of"
        # "ready to hold a further round": a round of talks, the talks left implicit
        r"|(?<=\bhold\s)(?:a|another|the)\s+(?:new|further|next|second|third|fourth)\s+round"
        r"|(?:delegations|negotiators|negotiating\s+teams)\s+(?:\w+\s+){0,2}?(?:sat|sit)\s+down"
        # "Russian and Ukrainian negotiators agreed in Istanbul on Monday to ...": the talks where they agreed
        r"|(?<=\band\s)(?:[A-Z][\w-]+\s+)(?:negotiators|delegations|delegates)\s+(?=(?:agreed|met)\s+(?:in|at|on)\s)"
        # "the American team held a separate, long session with Russian officials"
        r"|(?<=\bheld\s)(?:a|an|another)\s+(?:[\w-]+,?\s+){0,3}?session\s+with)\b",
        _I,
    ),
    "proposal": re.compile(
        r"\b(?:propos(?:ed|es|e|ing|al|als)|counter-?proposals?|offer(?:ed|s|ing)?|put\s+forward|suggest(?:ed|s)"
        r"|floated|unveiled|tabled|presented|peace\s+plan|(?:\d+|[\w-]+)-point\s+plan|initiative|memorandum"
        r"|framework|road\s*map|invit(?:ed|es|e|ing|ation)"
        r"|(?:gave|handed|sent|delivered)\s+(?:[\w-]+\s+){0,3}?(?:a|an|its|their|the)\s+(?:[\w-]+\s+)?plan)\b",
        _I,
    ),
    "agreement": re.compile(
        r"\b(?:(?:sign(?:s|ed|ing)?|seal(?:s|ed)?|clinch(?:es|ed)?)(?=\s+(?:what\s+(?:[\w-]+\s+){1,3}?called\s+)?(?:[\w-]+\s+){0,3}(?:deal|agreement|accord|memorandum|treaty|declaration"
        r"|document|partnership|pact))|(?:partnership|pact|treaty)\s+signed|reached\s+(?:a|an|the)?\s*(?:deal|agreement|accord|understanding)s?"
        r"|struck\s+a\s+deal|(?:deal|agreement|accord)\s+(?:\w+\s+){0,3}?(?:was|were|has\s+been)\s+(?:supposed\s+to\s+be\s+"
        r"|due\s+to\s+be\s+)?(?:signed|reached)|agreed\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2}?(?:framework|plan|text|deal|roadmap)"
        # "the leaders of the alliance's 32 members adopted a short declaration committing them to spend ..."
        r"|adopted\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:declaration|communiqu\w+)(?=\s+(?:committing|pledging))"
        r"|agreed|agreeing(?=\s+to\s+[a-z])|agreement|accord)\b",
        _I,
    ),
    "ceasefire": re.compile(
        rf"\b(?:{_TRUCE}s?|(?:stop|cease|end)\s+using\s+force|refrain\w*\s+from\s+(?:the\s+)?use\s+of\s+force|eliminat\w*\s+the\s+use\s+of\s+force"
        r"|(?:halt|pause|stop|end|ban)\s+(?:of\s+(?:at\s+least\s+|up\s+to\s+)?[\w-]+\s+days\s+)?(?:to|in|on)\s+"
        r"(?:all\s+|mutual\s+|further\s+)?(?:strikes|attacks"
        r"|fighting|hostilities|the\s+use\s+of\s+force)"
        # "to suspend for 30 days the strikes against ...", "halted attacks on"
        r"|(?:stop|halt|cease|suspend|pause|freeze)(?:s|ed|ing|d)?\s+(?:for\s+(?:\d+|thirty|a\s+month)\s+days?\s+)?"
        r"(?:all\s+|the\s+|(?:[\w-]+\s+)?(?=strikes|attacks))?"
        r"(?:striking|fighting|attacking|firing|military\s+activity|strikes|attacks|hostilities|the\s+use\s+of\s+force))\b",
        _I,
    ),
    "ceasefire_violation": re.compile(
        r"\b(?:violat(?:ed|ing|ions?|es|e)|breach(?:ed|ing|es)?|br(?:oke|oken|eaking|eak)|flout(?:ed|ing)?"
        r"|failed\s+to\s+(?:observe|respect|honou?r))\b",
        _I,
    ),
    "prisoner_exchange": re.compile(
        r"\b(?:prisoner|pow|captive)s?\s+(?:exchange|swap)s?\b"
        r"|\b(?:exchang(?:e|ed|es|ing)|swap(?:s|ped|ping)?|trad(?:e|ed|es|ing)|releas(?:e|ed|es|ing)|repatriat\w*|return(?:s|ed|ing)?"
        r"|free(?:d|s|ing)?|hand(?:ed)?\s+over|(?:gave|give|gives|handed|hands)\s+back)\b(?=[^.;]{0,60}?\b(?:prisoners?"
        r"|pows?|captives|prisoners\s+of\s+war|bodies|soldiers|servicemen|defenders|civilians)\b)"
        r"|\b(?:exchange|swap|release|return|repatriation|handover)s?\s+of\s+(?:[\w,]+\s+){0,4}(?:prisoners?|pows?"
        r"|captives|bodies|soldiers)\b|\b(?:swap|exchange)(?:ped|d)?\b(?=[^.;]{0,40}\beach\b)"
        r"|\b(?:prisoners?|pows?|captives)\b[^.;]{0,50}?\b(?:swapped|exchanged|traded)\b"
        # "Russia and Ukraine each released 1,000 people": a release by both is a swap
        r"|(?<=\beach\s)(?:released|freed|handed\s+over)\b"
        r"|(?<=\bthe\s)(?:exchange|swap)\s+(?:went\s+ahead|took\s+place|was\s+(?:completed|carried\s+out))\b"
        r"|\b(?:prisoners?|pows?|captives|soldiers|servicemen|defenders)\b[^.;]{0,40}?\b(?:crossed\s+back|came\s+(?:back|home)"
        r"|returned\s+home|were\s+brought\s+(?:back|home)|returned\s+from\s+(?:[\w-]+\s+){0,2}captivity)\b"
        r"|\b(?:\d[\d,]*\s+(?-i:[A-Z][a-z]+s)|prisoners?|pows?|captives|bodies|soldiers|each\s+side)\b[^.;]{0,30}?\b(?:was|were|been)"
        r"\s+(?:released|exchanged"
        r"|swapped|returned|freed|handed\s+over|repatriated)\b",
        _I,
    ),
    "attack": re.compile(
        # "Russian missiles and drones killed at least six people"
        r"\b(?:missiles?|drones?|rockets?|shells?|bombs?)\s+(?:and\s+[\w-]+\s+)?(?:killed|injured|wounded)\b|"
        r"\b(?:attack(?:s|ed|ing)?|strikes?|struck|striking|shell(?:ed|ing)|bomb(?:ed|ing|ardment|arded)|pound(?:ed|ing)"
        r"|barrages?|offensive|assault(?:ed)?|(?<!air-)(?<!air\s)raid(?:ed|s)?|(?:launched|fired|unleashed|hurled|followed\s+up\s+with|sent(?!\s+(?:[\w,]+\s+){0,4}\w+\s+to\s))\s+(?:[\w,]+\s+){0,4}(?:drones|missiles"
        r"|rockets)|hit(?:s|ting)?|recapture[ds]?|shot\s+down|glide\s+bombs?|blew\s+up|blow(?:ing|n)?\s+(?:\w+\s+)?up|sabotag\w+"
        r"|(?:destroyed|damaged)(?:\s+or\s+(?:destroyed|damaged))?\s+(?:[\w,-]+\s+){0,4}?(?:aircraft|planes|jets"
        r"|bombers|helicopters|tanks|refiner(?:y|ies)|depots?|air\s*bases?|airfields?|warships?|vessels?))\b",
        _I,
    ),
    "sanctions": re.compile(
        r"\b(?:sanction(?:s|ed|ing)?|tariffs?|price\s+cap|export\s+ban|blacklist(?:ed)?|embargo|penalties"
        r"|\d+(?:st|nd|rd|th)\s+(?:sanctions\s+)?package|(?:financial|economic)\s+consequences"
        # "the designation of Lukoil and Rosneft", "had designated both companies" (the triggers also run on
        # folded text, so no case-sensitive test here)
        r"|designations?\s+of|designated\s+(?:both\s+|the\s+|two\s+|several\s+|\d+\s+)?(?:[\w-]+\s+)?(?:companies|firms"
        r"|banks|producers|entities|individuals|vessels|tankers|oligarchs)"
        # "designated Rosneft and Lukoil, Russia's two largest oil companies": named firms and their class
        r"|designated\s+(?:[\w-]+\s+){1,3}?and\s+[\w-]+,\s+(?:[\w'\u2019-]+\s+){0,5}?(?:companies|firms|banks"
        r"|producers|groups))\b",
        _I,
    ),
    "military_aid": re.compile(
        r"\b(?:(?:military|security|weapons?|arms|defen[cs]e|lethal)\s+(?:aid|assistance|support|deliveries|"
        r"shipments|supplies|package)"
        r"|intelligence(?:[- ]sharing)?(?!\s+(?:agency|agencies|service|services|officers|chief))"
        # money lent to the state at war ("agreed to lend Ukraine 90 billion euros", "the reparations loan")
        r"|(?:lend|lends|lent|lending)\s+(?:[\w-]+\s+){0,2}?(?:up\s+to\s+)?(?:\S{0,2}[\d.,]+\s*(?:billion|million|bn|m)\b)"
        r"|reparations\s+loan"
        # a foreign military sale cleared: "approved a $310 million sale of F-16 training ... to Ukraine"
        r"|(?:approv(?:ed|es|e|ing)|clear(?:ed|s)?)\s+(?:a|an|the)\s+(?:possible\s+|potential\s+)?(?:\S{0,2}[\d.,]+\s*"
        r"(?:billion|million|bn|m)\s+)?(?:\w+\s+){0,2}?(?:sale|sales|transfer)\s+of\b(?=[^.;]{0,120}\b(?:Ukrain\w*|Kyiv)\b)"
        # weapons bought from the United States: "the possibility of Ukraine buying more Patriot systems from"
        r"|(?:buy|buys|buying|bought|purchas\w+)\s+(?:more\s+)?(?:[\w-]+\s+){0,3}?(?:Patriot\w*(?:\s+systems)?|weapons|missiles"
        r"|systems|interceptors|arms)\s+from\s+(?:the\s+)?(?:United\s+States|US|U\.S\.|America|Washington)\b"
        # troops pledged or offered: "offered to put British troops on the ground in Ukraine", "pledged to deploy
        # troops or otherwise contribute to a reassurance force"
        r"|(?:put|send|sent|sending|deploy(?:s|ed|ing)?|station(?:s|ed|ing)?)\s+(?:[\w-]+\s+){0,3}?(?:troops|soldiers"
        r"|peacekeepers|forces)\b(?=[^.;]{0,40}\b(?:Ukrain\w*|Kyiv|reassurance|peacekeeping|multinational))"
        r"|contribut\w*\s+to\s+(?:a|the)\s+(?:[\w-]+\s+){0,2}?(?:reassurance|peacekeeping|multinational)\s+force"
        r"|(?:freeze|pause|halt|suspension|cut-?off)\s+(?:on|of|in)\s+(?:all\s+)?(?:US\s+|U\.S\.\s+|American\s+)?aid\b"
        r"|(?:military\s+|weapons\s+|arms\s+)?aid\s+(?:freeze|pause|halt|suspension|cut-?off)\b"
        r"|deliver(?:y|ies)\s+of\s+(?:[\w,-]+\s+){0,5}?(?:missiles|weapons|ammunition|munitions|interceptors|shells|drones)\b"
        r"|(?:send|sent|sending|supply|supplied|supplying|deliver(?:ed|ing)?|provid(?:e|ed|ing)|transfer(?:red)?)\s+"
        r"(?:[\w,.-]+\s+){0,4}?(?:missiles|weapons|systems|ammunition|munitions|interceptors|tanks|jets|shells|drones"
        r"|launchers|batteries|howitzers|aircraft|fighter\s+jets|armou?red\s+vehicles)(?=\s+to\b)"
        # "would continue to support Ukraine militarily and financially"
        r"|support(?:s|ed|ing)?\s+(?:Ukraine|Kyiv)\s+militarily\b|(?:fund|funds|funded|funding|finance|finances|financed|buy|buys|bought)\s+(?:more\s+)?(?:[\w-]+\s+){0,3}?"
        r"(?:artillery|drones|missiles|weapons|ammunition|shells|air\s+defen[cs]es?)(?:\s+and\s+(?:[\w-]+\s+){0,2}?"
        r"(?:artillery|drones|missiles|weapons|ammunition|shells))?\s+for\s+(?:the\s+)?(?:Ukrain\w*|Kyiv)"
        r"|weapons?|(?:air\s+defen[cs]e|patriot)\s+"
        r"(?:systems?|missiles|batteries|interceptors|deliveries)|deliveries|shipments|tomahawks?|himars|atacms"
        r"|(?:pledg|approv|unveil)(?:ed|es|e|ing)\s+(?:an?\s+|its\s+|another\s+)?(?:new\s+)?(?:[$\u20ac\u00a3]"
        r"[\d.,]+\s*(?:billion|million|bn|m)?\s+(?:\w+\s+)?(?:in\s+|of\s+)?(?:military\s+)?aid|(?:aid\s+)?package"
        r"(?=\s+(?:of|for|to)\s+(?:\w+\s+){0,3}(?:air\s+defen[cs]e|weapons|arms|ammunition|aid|Ukraine|Kyiv))))\b"
        # "£1.6 billion of support for Kyiv's air defences"
        r"|[$\u20ac\u00a3][\d.,]+\s*(?:billion|million|bn|m)?\s+(?:of\s+|in\s+)?(?:support|aid|assistance|funding)\s+for\s+"
        r"(?:[\w'\u2019-]+\s+){0,2}(?:air\s+defen[cs]es?|armed\s+forces|army|military|weapons|drones)\b",
        _I,
    ),
    "demand": re.compile(
        r"\b(?:demand(?:s|ed|ing)?|insist(?:s|ed|ing)?|call(?:s|ed|ing)?\s+(?:on(?!\s+(?:the\s+)?(?:\d|(?:Mon|Tues|Wednes|Thurs"
        r"|Fri|Satur|Sun)day|(?:Jan|Febr)uary|March|April|May|June|July|August|(?:Septem|Octo|Novem|Decem)ber))|for"
        r"|on\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s+(?:for|on\b))"  # "called on Sunday for a tough response"
        r"|urg(?:e|ed|es|ing)|(?:set(?:\s+out)?|attach(?:ed|es|ing)?|la(?:id|ys?)\s+(?:out|down))\s+(?:[\w-]+\s+){0,3}?conditions"
        r"|(?:issued|gave|delivered|set)\s+(?:an?\s+)?ultimatum|as\s+a\s+condition|preconditions?"
        r"|only\s+(?:[\w-]+\s+){0,4}(?:after|if|once)|g(?:ave|ive|iving|iven)\s+\w+\s+(?:\d+|[a-z]+)\s+(?:to\s+(?:\d+|[a-z]+)\s+)?days"
        r"|(?:told|asked)\s+(?:[A-Z]\w+|him|her|them)(?:\s+(?!(?:that|would|will|had|has|have|was|were)\b)\w+){0,5}?"
        r"\s+to\s+(?=[a-z])"
        # deadlines: "the 50-day deadline he set Moscow on July 14", "cutting the deadline to 10 or 12 days",
        # "Russia had ten days from that day to make progress"
        r"|\bdeadline\s+(?:he|she|they|it|Trump|Washington)\s+(?:had\s+)?set\b"
        r"|\b(?:cut|cutting|shortened|shortening)\s+(?:the|his|its|an?)\s+(?:[\w-]+\s+){0,2}?deadline\b"
        r"|\bhad\s+(?:\d+|ten|twelve|fifty|seven|five|two|three)\s+days\s+(?:from\s+(?:\w+\s+){1,3}?)?to\s+(?=[a-z])"
        # "he had asked Mr Trump for more Patriot air defence systems"
        r"|asked\s+(?:(?:Mr|Mrs|Ms|President)\.?\s+)?(?:[A-Z]\w+|him|her|them)\s+for\s+(?=(?:more|new|additional|further"
        r"|long-range|air|weapons|missiles|Patriots?|Tomahawks?|sanctions|help|support|aid)\b)"
        r"|press(?:ed|ing)?\s+(?:[A-Z]\w+|him|them|the\s+(?:allies|Europeans|partners|members|others"
        r"|[A-Z]\w+\s+(?:leader|president|prime\s+minister|government)))\s+to"
        # "said Ukrainian troops must withdraw from the Donbas", "a ceasefire had to come first" (reported: see
        # _keep_trigger)
        r"|must\s+(?:withdraw|leave|pull\s+out|hand\s+over|cede|give\s+up|abandon|renounce|recogni[sz]e)\b"
        r"|(?:had\s+to|must)\s+come\s+first\b"
        # "had pressed Putin during the call for a quick end to the fighting"
        # "asked Trump at the meeting for a long-range weapons system"
        r"|(?:press(?:ed|ing)?|ask(?:ed|s|ing)?)\s+(?:[A-Z]\w+|him|her|them)\s+(?:[a-z]+\s+){0,4}?for\s+(?:a|an|the|more)\b"
        r"|deadline\s+for\s+(?:[\w'\u2019]+\s+){1,3}?to"
        # a deadline named with the wish: "wanted an answer from Kyiv by Thursday", "should say yes by Thanksgiving"
        r"|want(?:s|ed)?\s+(?:an?\s+)?(?:answer|response|reply|decision)\s+(?:from\s+\w+\s+)?by"
        r"|(?:should|must)\s+(?:say\s+yes|accept|agree|sign|respond|answer)\b[^.;]{0,40}?\bby"
        # a deadline set: "had until Thursday, the American Thanksgiving holiday, to accept", "has until Friday to"
        r"|had\s+until\s+[^.;]{0,60}?\bto\s+(?:accept|agree|respond|answer|sign|decide)"
        r"|(?:had|has|have)\s+until\s+[^.;]{2,40}?\s+to"
        # "made the truce conditional on Brussels lifting sanctions"
        r"|ma(?:de|kes?|king)\s+(?:[\w'\u2019-]+\s+){0,5}?(?:conditional|contingent|dependent)\s+(?:on|upon))\b",
    ),
    "rejection": re.compile(
        r"\b(?:reject(?:s|ed|ing|ion)?|refus(?:e|ed|es|ing|al)|dismiss(?:ed|es|ing)?|turn(?:ed|s)?\s+down"
        r"|ruled\s+out|rebuff(?:ed)?|declin(?:ed|es|e)|balk(?:ed|s)?\s+at)\b(?=[^.;]{0,70}\b(?:offer|(?:counter-?)?proposals?|plan|demands?|"
        r"conditions|cease-?fire|truce|idea|document|memorandum|call|ultimatum|recognition|talks|terms|request|"
        r"deal|agree|accept|meet|negotiat\w*|pause|halt|moratorium|gesture|framework|draft|threats?|warnings?)"
        r"|\s+(?:it|them)\b)"
        r"|\bturn(?:ed|s|ing)?\s+(?:the|this|that|their|its)\s+(?:[\w-]+\s+)?(?:idea|offer|proposal|plan|request|invitation"
        r"|demand|ultimatum|terms|conditions?|counter-?proposal)\s+down\b"
        r"|\brul(?:ed|es|ing)\s+out\s+(?!(?:of|that|whether)\b)|\brefus(?:ed|es|ing)\s+to\s+(?=[a-z])",
        _I,
    ),
}
# Word stems that can start a trigger of each type. A sentence is tested against a type's pattern only when
# one of its words opens with a stem (the first five letters, or the whole word when shorter), so most
# sentences cost one set lookup per word. Stems shorter than five letters match only that exact word.
_STEMS: dict[str, str] = {
    "call": "phone phoned telephone video videoconference spoke spoken speak speaks talked talk talks conversation call"
    " calls",
    "meeting": "met meet meets meeting spent face summit encounter talked visit trip hosted host hosts greeted sat"
    " travel flew fly flies arrive due expected received receive receives receiving welcomed welcomes welcoming",
    "negotiation": "talks negotiation negotiate consultations round delegations session",
    "proposal": "proposal propose counterproposal offer offers offered put suggest floated unveiled tabled"
    " presented plan point initiative memorandum framework invite invitation roadmap road",
    "agreement": "sign signs signed signing seal seals sealed clinch reached struck deal deals agreed agreement accord"
    " adopted",
    "ceasefire": "ceasefire cease truce truces armistice moratorium halt pause stop end ban refrain suspend freeze "
    "eliminate eliminating",
    "ceasefire_violation": "violate violation breach broke broken break breaking flout failed",
    "prisoner_exchange": "prisoner prisoners pow pows captive exchange swap swaps swapped swapping release"
    " repatriate return returns returned freed free frees freeing hand handed handover bodies soldiers",
    "attack": "attack strike strikes struck striking shelled shelling bomb bombs bombed bombing bombardment"
    " pounded pounding barrage barrages offensive assault raid raids raided launched fired hit hits hitting"
    " recapture shot glide destroyed damaged unleashed hurled followed sent blew blow blowing blown sabotage"
    " sabotaged killed injured wounded",
    "sanctions": "sanctions tariff price export blacklist embargo penalties package consequences designated"
    " designation designations designates designating",
    "military_aid": "military security weapon arms defence defense lethal intelligence air patriot deliveries freeze"
    " pause halt suspension cut"
    " lend lends lent lending reparations"
    " shipments tomahawk himars atacms aid pledged pledges pledge approved approve unveiled send sent sending"
    " supply supplied supplying deliver delivered delivering provide provided providing transfer transferred"
    " fund funds funded funding finance finances financed buy buys bought put deploy troops contribute station"
    " buying purchase",
    "demand": "demand insist call calls called calling urge urged urges urging ultimatum condition"
    " precondition only told asked press pressed pressing gave give giving given set deadline until"
    " want wants wanted should must cut cutting shortened shortening days",
    "rejection": "reject refuse refusal dismiss turn turned turns ruled rules ruling rebuff decline declined declines"
    " balk balked balks",
}
_STEM_TYPES: dict[str, frozenset[str]] = {}
for _etype, _words in _STEMS.items():
    for _w in _words.split():
        _STEM_TYPES[_w[:5]] = _STEM_TYPES.get(_w[:5], frozenset()) | {_etype}


def _anchors_by_sentence(lowered: str, spans: list[tuple[int, int]]) -> list[dict[str, int]]:
    """Per sentence: each candidate event type and where its first stem opens (relative to the sentence)."""
    out: list[dict[str, int]] = [{} for _ in spans]
    idx = 0
    last = len(spans) - 1
    for m in _ANCHOR.finditer(lowered):
        pos = m.start()
        while idx < last and pos >= spans[idx][1]:
            idx += 1
        s, e = spans[idx]
        if not s <= pos < e:
            continue
        here = out[idx]
        for etype in _STEM_TYPES[m.group()]:
            if etype not in here:
                here[etype] = pos - s
    return out


# Words that make a noun trigger an act rather than a topic label.
_ACT = re.compile(
    r"\b(?:declar\w*|announc\w*|agree\w*|order\w*|accept\w*|propos\w*|offer\w*|back\w*|endors\w*|took\s+effect"
    r"|take\s+effect|came\s+into|come\s+into|begin|began|begins|start\w*|observ\w*|extend\w*|mirror\w*|reach\w*"
    r"|deals?|ready|willing|demand\w*|call\w*\s+for|reject\w*|dismiss\w*|support\w*|impos\w*|adopt\w*|approv\w*"
    r"|unveil\w*|threat\w*|warn\w*|lift\w*|eas(?:e|ed|ing)|target\w*|package|signed|send|sent|sending|provid\w*"
    r"|deliver\w*|suppl\w*|paus\w*|halt\w*|resum\w*|cut|suspend\w*|freez\w*|froze|held|hold\w*|opened|ended"
    r"|(?:led|headed|attended|chaired)\s+by"
    r"|took\s+place|take\s+place|will|would|could|might|may|should|new|further|round|plan\w*|put\s+forward"
    r"|respected|respect|accus\w*|violat\w*|breach\w*|stop|first|second|third|met|meet|resume\w*|discuss\w*"
    r"|secondary|ban|prepar\w*|idea|pressing|push\w*|gave|face|consider\w*|weigh\w*|suggest\w*|culminat\w*|yield\w*|produc\w*|result\w*"
    r"|hand(?:s|ed|ing)?\s+over|submit\w*)\b",
    _I,
)
_NOUN_TYPES = {"ceasefire", "negotiation", "sanctions", "military_aid", "proposal"}
_TOPIC_LABEL = re.compile(
    rf"{_TRUCE}\s+(?:talks|negotiations|efforts|process|push|bid|envoy|monitoring|line|framework|terms)\b"
    rf"|(?:towards?|toward|on|about|for)\s+(?:a|an|the)?\s*(?:\w+\s+)?{_TRUCE}\b(?!\s+(?:from|of|in|on)\b)",
    _I,
)
_NEGATION = re.compile(
    r"(?:\bno|\bnot|n't|\bnever|\bwithout|\bneither|\bnor|\bfail(?:ed|s)?\s+to|\bdenied|\bunsigned)\W+(?:\w+\W+){0,4}$"
    r"|\bno\s+$|\b(?:absence|lack)\s+of\s+(?:an?\s+|any\s+)?$",  # "the absence of a ceasefire": none was made
    _I,
)
_NOT_AGAINST = re.compile(
    r"\b(?:not|n't|never)\s+(?:be\s+|been\s+)?(?:against|opposed\s+to|rul(?:e|ed|ing)\s+out|exclud(?:e|ed|ing))\s+"
    r"(?:\w+\s+){0,2}$",
    _I,
)
_PROPOSED = re.compile(
    r"\b(?:(?-i:may)|might|could|possible|possibility|possibly|probably|perhaps|potential|shelv\w*|scrap\w*|ready|(?<!the\s)willing|prepared|open\s+to|hopes?|hoped|want\w*|seek\w*|sought"
    r"|push\w*\s+for|call\w*\s+for|call\w*\s+on|urg\w*|propos\w*|offer\w*|suggest\w*|demand\w*|insist\w*|threat\w*"
    r"|warn\w*|consider\w*|if|unless|once|only\s+after|idea|plan\s+for|accept\w*|endors\w*"
    r"|(?<!handed\s)(?<!brought\s)(?<!came\s)(?<!come\s)(?<!fought\s)(?<!pulled\s)(?<!sent\s)(?<!looking\s)(?<!look\s)"
    r"(?<!went\s)(?<!go\s)(?<!going\s)(?<!got\s)(?<!get\s)(?<!held\s)(?<!hold\s)(?<!step\s)(?<!stepped\s)(?:backs?|backed)(?!\s+(?:in|to|from|home|on|at|into|down|off|out|up|away|then)\b)"
    r"|support\w*|favou?r\w*|reject\w*|refus\w*|dismiss\w*|declin\w*|ruled\s+out|press(?:ed|ing|es)\b|press\s+for|cancel\w*|postpon\w*"
    r"|arrang(?!ements?\b)\w*|conditions?|agree\s+to|prospect|should|gave|(?<!-)(?<!face\sto\s)face(?!-|\s+to\s+face)|supposed\s+to|invit\w*"
    r"|not\s+to\s+(?:proceed|go\s+ahead)|call(?:ed|s|ing)?\s+off|put\s+on\s+hold)\b",
    _I,
)
_SCHEDULED = re.compile(
    r"\b(?:will|'ll|shall|would|due|set\s+to|set\s+for|scheduled|expected|slated|planned|plans?\s+to|to\s+be\s+held"
    r"|going\s+to|upcoming|agreed\s+that|next(?!\s+(?:day|morning|evening)\b)"  # "the next day Trump received"
    r"|(?:agreed|did\s+agree|agreement|deal)\s+(?:(?:at|in|on|during)\s+(?:[\w'\u2019]+\s+){1,3}?|yesterday\s+|today\s+)?to\s+"
    r"(?!a\b|an\b|the\b|its\b|their\b|\d)"
    r"|(?:pledged|promised|vowed|committed\s+themselves|undertook)\s+to\s+(?!a\b|an\b|the\b|its\b|their\b|\d)"
    r"|(?:is|are)\s+to\s+(?=(?:hold|meet|sign|begin|start|resume|visit|travel|host|take|hand|swap|exchange)\b))\b",
    _I,
)
# The lookahead lists every first character a break can start with: without it the engine tries all
# alternatives at every position (same matches, a third of the time).
_CLAUSE_BREAK = re.compile(
    r"(?=[;,bwsatcA-Z])(?:;|\bbut\b|\bwhile\b|\bwhereas\b|,\s+(?:saying|calling|citing|adding)\b"
    r"|,\s+(?=(?:ruling|rejecting|dismissing|demanding|insisting|proposing|offering)\s)|\bsaying\b|\bafter\b|\bbefore\b|\bwhen\b"
    r"|\bas\s+(?=\w+\s+\w+ed\b)|,\s+which\b|,\s+and\b(?!\s+to\b)|\band\s+that\b|\band\s+(?=(?:has|have|had)\s+\w+ed\b)"
    r"|\band\s+(?=(?:then\s+|later\s+)?(?:held|met|spoke|visited|travell?ed|flew)\s)"  # "arrived on Monday and met ..."
    r"|^[A-Z][^:;,.\u2014\u2013]{0,40}:\s+(?=[A-Z])"
    r"|\b(?:said|says|told|added|announced|confirmed)(?:\s+\w+){0,3}?\s+that\b"
    r"|\b(?:said|says|told\s+\w+|added|announced|confirmed)(?:\s+on\s+\w+|\s+(?:today|yesterday|tonight))?\s+"
    r"(?:that\b|(?=he|she|it|they|the|[A-Z])))",
)
_CONDITIONAL = re.compile(
    r"\b(?:if|unless|(?<!\bat\s)(?<!\bfor\s)once|only\s+after|until(?=\s+(?:a|an|the|its|their)\s))\b", _I
)
_ANAPHOR = re.compile(
    # a bullet and a short label may come first ("• Minerals: The two delegations also agreed ...")
    r"^(?:[\u2022*\u2013\u2014-]\s*)?(?:[A-Z][\w ]{0,25}:\s+)?(?:According\s+to\s+[^,]{1,60},\s+(?=they|he|she))?"
    # "Ukraine, he said, was ready ...": the pronoun of a parenthetical report
    r"(?:[A-Z][\w\u2019'-]*(?:\s+[A-Z][\w\u2019'-]*){0,2},\s+(?:he|she|they)\s+(?:said|says|added)\b"
    # "Zelensky said they discussed air defence": the two of the sentence before
    r"|(?:(?:Afterwards|Later|Then|Earlier|Separately),?\s+)?[A-Z][\w\u2019'-]*\s+(?:said|says)\s+(?:that\s+)?they\s+"
    r"(?:had\s+)?(?:discussed|talked|agreed)\b"
    r"|(?:In\s+return|In\s+exchange|In\s+turn"
    r"|In\s+the\s+same\s+(?:statement|readout|interview|speech)),\s+"
    r"|(?:(?:There|Then|Now|Instead|Also|Afterwards),?\s+)?(?:He|he|She|she|They|they|It|The\s+(?:two|three|four|five)(?![\w-])(?:\s+\w+)?|Both\s+(?:sides|leaders|men|delegations|teams|governments|countries)|The\s+(?:leaders|sides|delegations|participants|"
    r"negotiators|two\s+sides)|Negotiators)\b)"
)
_PAST_ACT = re.compile(
    r"(?:swapped|exchanged|released|freed|returned|held|met|struck|hit|attacked|launched|fired)\b", _I
)
_THAT_EVENT = re.compile(
    r"(?<!after\s)(?<!before\s)\b(?:that|this|the\s+same)\s+(?P<noun>session|meeting|summit|round|call|conversation)\b",
    _I,
)
_SAID_AFTER = re.compile(
    r"\b(?:said|announced|wrote|told\s+\w+)\s+(?:afterwards?|later)\b|\b(?:afterwards?|later)\s+(?:said|announced|wrote)\b",
    _I,
)
_AFTERWARDS = re.compile(
    r"\b(?:afterwards?|later\s+that\s+(?:day|evening|night)|(?:the|that)\s+same\s+(?:day|evening|night)"
    r"|(?:hours|minutes)\s+later"
    r"|within\s+(?:hours|minutes|the\s+hour))\b|^(?:Later|Afterwards|Then)(?=,\s)",
    _I,
)
_HE_FIRST = re.compile(r"(?:(?:[A-Z][\w-]*\s+){1,3}(?:later|earlier|after|before)?,\s+)?(?:He|he|She|she)\s")
_REPORTING = re.compile(  # used with match(): anchored at the end of a name
    r"(?:'s|\u2019s)?\s*(?:,\s*)?(?:(?:readout|statement|spokes\w+)\s+)?(?:said|says|told|announced|confirmed|reported"
    r"|claimed|stated|added|noted|called\s+(?:it\s+)?an?)\b",
    _I,
)  # "in what the White House called a productive meeting": a description by a source
_WAR_NAME = re.compile(r"\s+(?:conflict|war|crisis)\b")
_KIN_OF = re.compile(
    r"(?:[\u2019']s)?\s+(?:son|daughter|son-in-law|daughter-in-law|wife|husband|father|mother|brother|sister|nephew|niece"
    r"|cousin)\b"
)
_ACCORDING = re.compile(r"\baccording\s+to\s+(?:the\s+)?(?:[\w']+\s+){0,5}$", _I)
_LOCATIVE = re.compile(
    r"\b(?:in|at|to|near|outside|inside|into|on|over|across|around|towards?|of|visit(?:s|ed|ing)?)\s+(?:the\s+)?$", _I
)
_ON_BEFORE = re.compile(r"\b(?:on|upon)\s+$")
_CALLED_ON = re.compile(r"\b(?:call(?:s|ed|ing)?|prevail(?:s|ed)?)\s+(?:up)?on\s+$", _I)
_GERUND_SUBJECT = re.compile(
    r"\s+(?!(?:during|following|including|according|regarding|concerning|morning|evening)\b)[a-z]+ing\b"
)
_HOST_BEFORE = re.compile(r"\b(?:in|at|to)\s+(?:the\s+)?$", _I)
_HOST_NOUN = re.compile(r"(?:\s+[a-z][\w-]*){0,2}?\s+(?:city|capital|port|resort|town)\b")
_ATTACK_SKIP = re.compile(
    r"(?:halt|stop|pause|end|refrain\w*|moratorium|ban|truce|cease-?fire|not|stopping|halting)"
    r"\W+(?:\w+\W+){0,3}$",
    _I,
)
_ATTACK_FALSE = re.compile(
    r"^(?:strikes?|struck|hit)\s+(?:a|the|an)?\s*(?:deal|balance|note|chord|tone|out|back)\b"
    r"|^hit\s+(?:\w+\s+){0,3}with\b(?!\s+(?:[\w-]+\s+){0,3}?(?:drones|missiles|rockets|shells|bombs|artillery|strikes))"
    r"|^attacks?\s+on\s+(?:the\s+)?(?:plan|proposal|deal|him|her)\b",
    _I,
)
# Both word lists are matched without their leading \b, which would stop the regex engine from skipping ahead to
# a first letter; _word_matches checks the word start instead. _SPORT runs case-sensitively on the folded text.
_FOREIGN = re.compile(
    r"(?:Gaza\w*|Hamas|Israel\w*|Palestin\w+|Hezbollah|Lebanon|Lebanese|Sudan\w*|RSF|Rapid\s+Support\s+Forces"
    r"|Yemen\w*|Houthis?|Syria\w*|Iran\w*|Congo\w*|M23|Armenia\w*|Azerbaijan\w*|Kashmir|Pakistan\w*|Thai\w*"
    r"|Cambodia\w*|Khan\s+Younis|El\s+Fasher|Tehran)\b"
)
_SPORT = re.compile(
    r"(?:club|fans|supporters|derby|league|matches|match|season(?:-ticket)?|football|coach|referee|tournament"
    r"|players?|stadium|boycott|hockey)\b"
)
_REPORTING_ORG_HINT = re.compile(r"spokes|press\s+secretary", _I)


@dataclass(slots=True)  # not frozen: frozen dataclasses construct several times slower, and none is mutated
class _Mention:
    """An actor or place found in a sentence."""

    start: int
    end: int
    actor: str | None
    place: str | None
    place_country: str | None
    located: bool = False  # a place after "in/at/to/near": a location, never an actor
    reporting: bool = False  # "according to X", "the Kremlin said": a source, not a participant


@dataclass(slots=True)
class _Lexicon:
    """Gazetteer names compiled once into a trie pattern, with the lookups the extractor needs."""

    gazetteer: Gazetteer
    pattern: re.Pattern[str]
    lower_names: tuple[str, ...]
    topic_ids: frozenset[str]
    reporting_ids: frozenset[str]
    host_ids: frozenset[str]  # states other than the parties: where they are named as a venue, a location
    sides: frozenset[str]  # the story's warring parties (config/actors.yaml `sides`)
    resolved: dict[str, tuple[str | None, str | None, str | None]]


_LEXICONS: dict[int, tuple[Gazetteer, _Lexicon]] = {}


def _trie_pattern(words: list[str]) -> str:
    """An alternation factored by common prefixes: the regex engine tests one branch per character, not one
    per name, and a pattern whose branches all open with a capital is scanned at C speed between capitals."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [re.escape(ch) + build(node[ch]) for ch in sorted(k for k in node if k)]
        if not alts:
            return ""
        if len(alts) == 1 and "" not in node:
            return alts[0]
        return "(?:" + "|".join(alts) + (")?" if "" in node else ")")

    return build(trie)


def _anchor_pattern() -> re.Pattern[str]:
    """One alternation of every stem, matched once over the lower-cased article: a five-letter stem opens a
    word, a shorter one is the whole word. Both sets are factored into tries, which the regex engine walks a
    character at a time instead of trying each stem in turn; every long stem has five letters, so a long
    stem that matches is always the whole stem, and at most one short stem can end at a word end."""
    long = [k for k in _STEM_TYPES if len(k) == 5]
    short = [k for k in _STEM_TYPES if len(k) < 5]
    return re.compile(r"(?<![a-z0-9])(?:" + _trie_pattern(long) + "|(?:" + _trie_pattern(short) + r")(?![a-z0-9]))")


_ANCHOR = _anchor_pattern()


def _lexicon(gaz: Gazetteer) -> _Lexicon:
    cached = _LEXICONS.get(id(gaz))
    if cached is not None and cached[0] is gaz:
        return cached[1]
    names = set(gaz.names()) | {r for r in gaz.roles() if any(c.isupper() for c in r)} | set(gaz.place_names())
    names |= {d for d, aid in DEMONYMS.items() if aid in gaz.actors}
    # "the Kremlin" is looked up without its article, so matching "Kremlin" finds both spellings
    names = {n[4:] if n[:4].lower() == "the " and n[4:5].isupper() else n for n in names}
    upper = [n for n in names if n[:1].isupper()]
    lower = tuple(sorted((n for n in names if not n[:1].isupper()), key=len, reverse=True))
    pattern = re.compile(_trie_pattern(upper) + r"(?:'s|\u2019s)?(?![\w-])")
    sides = frozenset(gaz.sides)
    topic = {a.id for a in gaz.actors.values() if a.id in sides or a.country in sides}
    reporting = {
        a.id
        for a in gaz.actors.values()
        if (a.kind == "organisation" and a.country) or any(_REPORTING_ORG_HINT.search(r) for r in a.roles)
    }
    hosts = {a.id for a in gaz.actors.values() if a.kind == "state" and a.id not in sides}
    lex = _Lexicon(gaz, pattern, lower, frozenset(topic), frozenset(reporting), frozenset(hosts), sides, {})
    if len(_LEXICONS) > 16:
        _LEXICONS.clear()
    _LEXICONS[id(gaz)] = (gaz, lex)
    return lex


def _resolve_name(name: str, lex: _Lexicon) -> tuple[str | None, str | None, str | None]:
    """(actor id, place name, place country) of a matched name, memoised per lexicon."""
    hit = lex.resolved.get(name)
    if hit is None:
        gaz = lex.gazetteer
        base = name[:-2] if name.endswith(("'s", "\u2019s")) else name
        actor = gaz.actor(base) or gaz.actor_by_role(base)
        actor_id = (actor.country if actor.state_body else actor.id) if actor else DEMONYMS.get(base)
        if actor_id is not None and actor_id not in gaz.actors:
            actor_id = None
        place = gaz.place(base)
        hit = (actor_id, place.name if place else None, place.country if place else None)
        lex.resolved[name] = hit
    return hit


def _text_mentions(text: str, lex: _Lexicon) -> list[_Mention]:
    """Every gazetteer name in the text, in order: one regex pass plus a literal search per lower-case title."""
    spans: list[tuple[int, int]] = []
    for m in lex.pattern.finditer(text):
        s = m.start()
        if s and (text[s - 1].isalnum() or text[s - 1] in "-_"):
            continue  # a capital inside a word
        spans.append((s, m.end()))
    for name in lex.lower_names:
        pos = text.find(name)
        while pos >= 0:
            end = pos + len(name)
            if text.startswith(("'s", "\u2019s"), end):
                end += 2
            inside = (pos and (text[pos - 1].isalnum() or text[pos - 1] in "-_")) or (
                end < len(text) and (text[end].isalnum() or text[end] in "-_")
            )
            if not inside and not any(a < end and pos < b for a, b in spans):
                spans.append((pos, end))
            pos = text.find(name, pos + 1)
    spans.sort()
    out = []
    gaz = lex.gazetteer
    for s, e in spans:
        actor, place, country = _resolve_name(text[s:e], lex)
        if (
            actor is not None
            and e + 1 < len(text)
            and text[e] == " "
            and text[e + 1].isupper()
            and gaz.actor(text[s:e]) is None
            and gaz.actors[actor].kind == "person"
        ):
            # "Pope Francis", "President Macron": a title before another name is not the title's holder
            actor = None
        out.append(_Mention(s, e, actor, place, country))
    if " and " in text:
        _paired_titles(text, out, lex)
    _drop_appositive_titles(text, out, lex)
    _drop_title_states(text, out, lex)
    return out


_APPOSITIVE_GAP = re.compile(r",\s+(?:the|a|an|its|his|her)\s+(?:[\w-]+\s+){0,2}")


def _drop_appositive_titles(text: str, out: list[_Mention], lex: _Lexicon) -> None:
    """A title in apposition to a named person ("Keith Kellogg, the US special envoy") is that person's
    description, not a second person the title would otherwise name."""
    actors = lex.gazetteer.actors
    for a, b in pairwise(out):
        if a.actor is None or b.actor is None or a.actor == b.actor or b.start - a.end > 40:
            continue
        named = actors.get(a.actor)
        if named is None or named.kind != "person" or lex.gazetteer.actor(text[b.start : b.end]) is not None:
            continue
        if _APPOSITIVE_GAP.fullmatch(text, a.end, b.start):
            b.actor = a.actor


# "the American and Russian presidents": each adjective with the title is a person
_PAIRED_TITLE = re.compile(
    r"\b([A-Z][a-z]+)\s+and\s+([A-Z][a-z]+)\s+((?:foreign\s+|defen[cs]e\s+|prime\s+)?(?:president|leader|minister)s)\b"
)


def _paired_titles(text: str, out: list[_Mention], lex: _Lexicon) -> None:
    """Turn the demonyms of a coordinated title ("the Russian and Ukrainian presidents") into the persons."""
    for m in _PAIRED_TITLE.finditer(text):
        title = m.group(3)[:-1]
        for g in (1, 2):
            actor = lex.gazetteer.actor_by_role(f"{m.group(g)} {title}")
            if actor is None:
                continue
            for x in out:
                if x.start == m.start(g):
                    x.actor, x.place, x.place_country = actor.id, None, None


# words between a state and its titled person ("U.S. envoy", "Russia's chief negotiator", "NATO's chief,")
_TITLE_GAP = re.compile(
    r"(?:'s|\u2019s)?(?:\s+(?!(?:and|or|but|with|to|on|for|in|at|by|from|as|than|that|which|who|the|an?|has|had"
    r"|is|was|were|said|says|told|met|\w+ed)\b)[\w.-]+){0,3}(?<=\w),?\s+"
)


def _drop_title_states(text: str, out: list[_Mention], lex: _Lexicon) -> None:
    """A state or body named as a person's title ("U.S. envoy Steve Witkoff") is the person, not a party."""
    actors = lex.gazetteer.actors
    for a, b in pairwise(out):
        if a.actor is None or b.actor is None or a.actor == b.actor:
            continue
        person = actors.get(b.actor)
        if person is None or person.kind != "person":
            continue
        owner = actors.get(a.actor)
        # "Trump's special envoy Steve Witkoff": the envoy acts, the principal is only his title
        principal = (
            owner is not None
            and owner.kind == "person"
            and (text.startswith(("'s", "\u2019s"), a.end) or text.endswith(("'s", "\u2019s"), a.start, a.end))
        )
        if person.country != a.actor and not principal:
            continue
        if b.start - a.end <= 45 and _TITLE_GAP.fullmatch(text, a.end, b.start):
            a.actor = None


def _by_sentence(
    text: str, folded: str, mentions: list[_Mention], spans: list[tuple[int, int]], lex: _Lexicon
) -> list[list[_Mention]]:
    """Mentions grouped per sentence, with offsets relative to the sentence."""
    reporting_ids, host_ids = lex.reporting_ids, lex.host_ids
    out: list[list[_Mention]] = []
    i = 0
    for s, e in spans:
        while i < len(mentions) and mentions[i].start < s:
            i += 1
        here = []
        while i < len(mentions) and mentions[i].end <= e:
            m = mentions[i]
            ms, me = m.start - s, m.end - s
            located = (
                m.place is not None
                and (
                    _LOCATIVE.search(text, max(s, m.start - 12), m.start) is not None
                    or text.startswith(" time", m.end)  # "six o'clock Moscow time": a time zone, not a party
                    # "- Berlin: Zelensky travels to ...": a place label heading the entry
                    or (text.startswith(":", m.end) and text[s : m.start].strip() in ("", "-", "\u2022", "*", "\u2013"))
                )
            )
            if (
                located
                and _GERUND_SUBJECT.match(text, m.end, e)
                and _ON_BEFORE.search(text, max(s, m.start - 6), m.start)
            ):
                located = False  # "conditional on Brussels lifting sanctions": the subject of the gerund
            elif located and _CALLED_ON.search(text, max(s, m.start - 16), m.start):
                located = False  # "called on Moscow to agree": the addressee, a party
            if m.actor in host_ids and not located:
                # "talks held in Saudi Arabia", "in the Saudi city of Jeddah": a third state as the venue
                located = (
                    _HOST_BEFORE.search(text, max(s, m.start - 12), m.start) is not None
                    or _HOST_NOUN.match(text, m.end, e) is not None
                )
            reporting = m.actor is not None and (
                (
                    folded.find("according", max(s, m.start - 40), m.start) >= 0
                    and _ACCORDING.search(text, max(s, m.start - 40), m.start) is not None
                )
                or (m.actor in reporting_ids and _REPORTING.match(text, m.end, min(e, m.end + 20)) is not None)
                # "Jared Kushner, President Donald Trump's son-in-law, met ...": named for a relative, no party
                or _KIN_OF.match(text, m.end, min(e, m.end + 20)) is not None
                # "India was not neutral in the Ukraine conflict": the war's name, no party to the act
                or _WAR_NAME.match(text, m.end, min(e, m.end + 12)) is not None
            )
            here.append(_Mention(ms, me, m.actor, m.place, m.place_country, located, reporting))
            i += 1
        out.append(here)
    return out


def _dates_by_sentence(found: list[dates.DateMention], spans: list[tuple[int, int]]) -> list[list[dates.DateMention]]:
    """Date mentions grouped per sentence, offsets relative to it; a phrase across a sentence end is dropped."""
    out: list[list[dates.DateMention]] = [[] for _ in spans]
    i = 0
    for idx, (s, e) in enumerate(spans):
        while i < len(found) and found[i].start < s:
            i += 1
        while i < len(found) and found[i].end <= e:
            d = found[i]
            out[idx].append(dates.DateMention(d.start - s, d.end - s, d.text, d.kind, d.parts, d.end_mention))
            i += 1
    return out


_REFERENCE = re.compile(
    r"^(?:In|During|At|After|Following|Before|Ahead\s+of|On)\s+(?:the|their|his|her|this|that|Monday's|Tuesday's|Wednesday's"
    r"|Thursday's|Friday's|Saturday's|Sunday's)\s+(?:[\w-]+\s+){0,3}?(?P<noun>call|conversation|meeting|summit|"
    r"talks|session|visit)\b",
    _I,
)
_AROUND_ARRIVAL = re.compile(
    r"(?:(?:Shortly|Hours|Just|Minutes)\s+)?(?:Before|After)\s+(?:[A-Z][\w'\u2019.-]+\s+){1,3}(?:arrived|landed|met)\b"
)
# "The pause itself was agreed in ...": a sentence about how an act the article told came about
_TOLD_SUBJECT = re.compile(
    rf"(?:The|That|This)\s+(?P<noun>{_TRUCE}|pause|exchange|swap)\s+(?:itself\s+)?(?:was|had\s+been)\s+"
    r"(?:agreed|reached|brokered|arranged|announced|sealed|settled)\b"
)
_REFERENCE_TYPE = {
    "call": "call",
    "conversation": "call",
    "meeting": "meeting",
    "summit": "meeting",
    "encounter": "meeting",
    "visit": "meeting",
    "talks": "negotiation",
    "session": "negotiation",
}
_DEFINITE = re.compile(
    r"\b(?:the|this|that(?!\s+(?:he|she|it|they|we|the|a|an)\b)|these|those|such\s+an?)\s+(?:[\w-]+\s+){0,2}$", _I
)  # "that he would visit": a conjunction, not a determiner
_DAY_OWNER = re.compile(
    r"\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun|yester|to)day|tonight|last\s+night)(?:'s|\u2019s)\s+(?:[\w-]+\s+)?$",
    _I,
)  # "Tuesday's talks"
_OWNER_GAP = re.compile(
    r"^(?:'s|\u2019s)?\s+(?:(?!on\b|with\b|to\b|for\b|of\b|in\b|and\b|its\b|their\b|his\b|her\b|own\b)[\w-]+\s+){0,2}$",
    _I,
)  # "Ukraine has sent Russia its own proposals": the possessive, not the noun before it, owns them
_PROPOSAL_NOUN = re.compile(
    r"^(?:proposals?|counter-?proposals?|offers?|peace\s+plan|[\w-]+-point\s+plan|initiative|memorandum|framework"
    r"|road\s*map)$",
    _I,
)
_MENTION_NOUN = re.compile(
    r"^(?:meeting|summit|encounter|visit|call|conversation|talks|negotiations|truce|cease-?fire|moratorium|offensive|attacks?"
    r"|strikes?|assault|exchange|swap|deal|agreement|accord)$",
    _I,
)
_LEAD_DEFINITE = re.compile(r"(?:the|this|that)\s", _I)
_AFTER_BEFORE = re.compile(r"\b(?:after|before|since|following)\s+$", _I)
_LEAD_DET = re.compile(r"^(?:the|a|an|their|his|her)\s+", _I)
_ANY = re.compile(r"\b(?:any|every)\s+(?:[\w-]+\s+)?$", _I)
_LATER_MODAL = re.compile(r"^\W*(?:\w+\W+){0,5}?(?:could|(?-i:may)|might|would\s+only|if|unless)\b", _I)
_LATER_SCHEDULED = re.compile(
    r"^\W*(?:\w+\W+){0,4}?(?:will|is\s+due|are\s+due|is\s+set|are\s+set)\b"
    # "Britain's military aid to Ukraine, worth £3 billion a year, would continue": the noun's own future
    r"|^\W*(?:\S+\s+){0,8}?would\s+(?:continue|resume|go\s+on|keep\s+flowing|be\s+(?:delivered|sent|extended))\b",
    _I,
)


@dataclass(slots=True)
class _Hit:
    """One trigger match kept for a sentence."""

    type: str
    m: re.Match[str]
    clause: tuple[int, int]


def find_events(text: str, published: dt.date | None, gazetteer: Gazetteer) -> list[Event]:
    """Events in `text`, dates resolved against the publication date."""
    lex = _lexicon(gazetteer)
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters lower-case to two; keep offsets aligned
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    spans = sentences(text)
    folded = _folded(lowered)
    per_sentence = _by_sentence(text, folded, _text_mentions(text, lex), spans, lex)
    dates_by_sentence = _dates_by_sentence(dates.find_dates(text), spans)
    anchors = _anchors_by_sentence(lowered, spans)
    topics = [_has_topic(ms, lex) for ms in per_sentence]
    # other wars and sport, flagged per sentence from one pass over the text each
    foreign = _flag_sentences(_FOREIGN, text, spans)
    sport = _flag_sentences(_SPORT, folded, spans)
    if not any(topics):
        return []  # nothing in the article is about Russia or Ukraine: other wars' truces are not ours
    events: list[Event] = []
    mentioned: set[int] = set()
    prev_actors: tuple[str, ...] = ()
    # the sentence whose first date an anaphoric next sentence inherits, resolved only when one does
    prev_dated: tuple[str, list[dates.DateMention]] | None = None
    last_dated, last_dated_at = prev_dated, 0
    # the last dated sentence that reported nothing ("On Monday it was Europe's turn."): its end, text, dates
    scene: tuple[int, str, list[dates.DateMention]] | None = None
    prev_subject: tuple[str, ...] = ()
    prev_topic = False
    story: tuple[dt.date | None, dt.date | None] = (None, None)
    story_idx = 0
    line_date: tuple[dt.date | None, dt.date | None] = (None, None)
    blog_day: tuple[dt.date | None, dt.date | None] = (published, None)
    day_header = False  # a date-only line heads the entries below it (a portal's or diary's day)
    # the day relative dates count from: a live-blog entry's "tonight" is the evening of the day it covers
    pub = published
    first_end = text.find("\n")
    headline = _HEADLINE.fullmatch(text, 0, first_end) is not None if first_end > 0 else False
    for idx, (start, end) in enumerate(spans):
        mentions = per_sentence[idx]
        sent = text[start:end]
        sent_actors = _actor_ids(sent, mentions)
        date_mentions = dates_by_sentence[idx]
        if headline and end <= first_end:
            continue  # a headline restates what the body reports
        if sent.rstrip().endswith("?") or _INDIRECT_QUESTION.match(sent):
            prev_actors = sent_actors or prev_actors
            continue  # a question ("Did Putin agree to a ceasefire?") reports nothing
        if start == 0 or text[start - 1] == "\n":
            line_date = _line_date(sent, date_mentions, published)
            if date_mentions and date_mentions[0].start == 0 and date_mentions[-1].end >= len(sent.rstrip()) - 5:
                blog_day = line_date = dates.resolve_mention(date_mentions[0], published, "past")
                day_header = True
            elif _CLOCK.match(sent) and not line_date[0]:
                line_date = blog_day  # a live-blog entry happened on the day the blog covers
            elif day_header and sent.strip().isupper():
                day_header = False  # "BACKGROUND", "ALSO POSSIBLE (TBC)": a new section, no longer that day
            elif day_header and not line_date[0] and _BULLET_LINE.match(sent):
                line_date = blog_day  # "Tuesday 18 March 2025" then "- Trump and Putin speak by telephone"
            # a calendar line ("16 May — ... carried out from 23 to 25 May") counts from its own day
            pub = (blog_day[0] or published) if _CLOCK.match(sent) else (line_date[0] or published)
            dateline = _DATELINE.match(sent)
            if dateline:  # "KYIV, May 25 (Wire) -": the filing date, not the date of what is reported
                date_mentions = [d for d in date_mentions if d.start >= dateline.end()]
        topic_here = topics[idx]
        types = anchors[idx]
        if types:
            para_topic = topic_here or prev_topic or (idx + 1 < len(spans) and topics[idx + 1])
            ref = _REFERENCE.match(sent)
            skip_type = _REFERENCE_TYPE[dates.fold(ref.group("noun"))] if ref else None
            anaphoric = _ANAPHOR.match(sent) is not None
            inherited: tuple[dt.date | None, dt.date | None] = (None, None)
            if ref:
                earlier = [e for e in events if e.type == skip_type and e.date is not None]
                # "At the talks ...": the talks that were held, not the ones merely proposed since
                earlier = [e for e in earlier if e.status == "occurred"] or earlier
                if prev_dated and _SAME_SETTING.match(folded, start):
                    # "At the same meeting": the occasion the sentence before dated, however it told it
                    inherited = _first_date(*prev_dated, pub)
                elif earlier:
                    # the main clause of the latest sentence that reported one, not a background event in it
                    last = next(e for e in earlier if e.start == earlier[-1].start)
                    inherited = (last.date, last.date_end)
                elif prev_dated:
                    inherited = _first_date(*prev_dated, pub)
            elif (told := _TOLD_SUBJECT.match(sent)) and (
                known := [e for e in events if e.date is not None and _family(e.type) == _family_noun(told["noun"])]
            ):
                # "The pause itself was agreed in a phone call ...": the call of the day the pause was agreed
                inherited = (known[-1].date, known[-1].date_end)
            elif (
                not date_mentions
                and _AROUND_ARRIVAL.match(sent)
                and (visits := [e for e in events if e.type == "meeting" and e.date and e.status == "occurred"])
            ):
                # "Before Zelensky arrived, Trump spoke by phone with Putin": the day of the visit told
                inherited = (visits[-1].date, None)
            elif anaphoric and (prev_dated or (last_dated and start - last_dated_at < 400)):
                # "They agreed to exchange ...": the sentence before, or the last dated one close behind
                # ("On prisoners, yes." between them)
                inherited = _first_date(*(prev_dated or last_dated), pub)
            elif (
                not date_mentions
                and _SIDE.search(sent)
                and (held := [e for e in _dated_talks(events, ("negotiation",)) if pub is None or e.date <= pub])
            ):
                # "The Ukrainian side proposed a meeting ...": at the round the article told
                inherited = (held[-1].date, held[-1].date_end)
            elif (
                not date_mentions
                and (that := _THAT_EVENT.search(sent))
                and (held := _dated_talks(events, _THAT_TYPES.get(that.group("noun").lower(), _TALK_TYPES)))
            ):
                # "Trump broke off that session to phone Putin", "Putin told Trump in that call": during the
                # meeting or call reported last
                inherited = (held[-1].date, held[-1].date_end)
            elif last_dated and not date_mentions and _AFTERWARDS.search(sent):
                # "... held with Mr Trump afterwards", "The same day, ...": the day of the main act the sentence
                # before reported (not of its background "two days after Witkoff met Putin"), of something that
                # happened (not of a meeting it announced: "will go next week")
                done = [e for e in events if e.date is not None and e.status == "occurred"]
                dated = [e for e in done if e.start >= last_dated_at]
                if dated and last_dated[1] and last_dated[1][0].start <= 4 and last_dated[1][0].kind in ("md", "dm"):
                    # "On 28 April Putin declared a truce from 8 to 10 May. Kyiv dismissed it the same day": the day
                    # the sentence opened on, not the span of what it declared
                    inherited = _first_date(*last_dated, pub)
                else:
                    inherited = (dated[0].date, dated[0].date_end) if dated else _first_date(*last_dated, pub)
                if not dated and done and pub is not None and inherited[0] is not None and inherited[0] > pub:
                    # the sentence before named a day ahead ("agreed to meet again next week"): the same day is
                    # that of the latest act that happened
                    inherited = next((e.date, e.date_end) for e in done if e.start == done[-1].start)
            # "Trump said afterwards that the teams would begin talks": what he announced dates the plan too
            # "At the same meeting he announced that allies would buy ...": announced at that meeting
            announced = inherited[0] is not None and (
                _SAID_AFTER.search(sent) is not None or (ref is not None and _ANNOUNCED_AT.search(sent) is not None)
            )
            anaphor = prev_subject if _HE_FIRST.match(sent) else prev_actors
            ctx = _Context(
                pub,
                lex,
                anaphor,
                inherited,
                topic_here,
                para_topic,
                skip_type,
                types,
                prev_subject,
                foreign[idx],
                sport[idx],
                anaphoric,
                folded[start:end],
                sent_actors,
                line_date[0],
                events,
                _opens_in_quote(text, start),
                announced,
                story[0]
                if story[0] is not None
                and published is not None
                and idx - story_idx == 1
                and (published - story[0]).days > 7
                # the sentence before named the day with its weekday ("On Saturday 19 April"): a narrative
                # that goes on in weekdays of that week
                and prev_dated is not None
                and any(d.kind in ("md", "dm") and (d.get("wd2") or d.get("wd3")) for d in prev_dated[1])
                else None,
            )
            found = _sentence_events(sent, start, mentions, date_mentions, ctx)
            # an act told without a date right after the article dated what it reports belongs to that day
            # (its regexes run only when an undated act asks)
            near_story = idx - story_idx <= 6
            carry: bool | None = None
            before = story  # "the next day" counts from the story as it stood before this sentence
            for ev, is_mention in found:
                if is_mention:
                    mentioned.add(len(events))
                if ev.type in _TARGETED and len(ev.actors) == 1:
                    ev = _with_counterpart(ev, prev_actors, lex)
                if ev.date is not None and ev.date_end is None:
                    ev = _began_span(ev, sent, date_mentions, pub, ctx.low)
                if ev.date is None and ev.status == "scheduled" and not date_mentions:
                    # "at the talks, they agreed to carry out another exchange": announced at a dated event;
                    # in a calendar line ("Thursday 4 September, Paris — ..."), on the line's day
                    day = line_date if line_date[0] else _setting_date(sent, events, ("occurred", "scheduled"))
                    if day[0] is None:
                        # "agreed in Istanbul to exchange ...": at the talks the article dated in that city
                        day = _venue_date(mentions, events)
                    if day[0] is None and (
                        _SAME_DAY_LOW.search(ctx.low) or (near_story and _ANNOUNCED_AHEAD.search(ctx.low))
                    ):
                        # "On the same day the Prime Minister announced that ... would", "He then said the US
                        # would send Patriots": announced on the day the story is told
                        day = (before[0], None)
                    if day[0] is None and near_story and _DELEGATIONS_AGREED.search(ctx.low):
                        # "The delegations also agreed to exchange ...": agreed at the talks just told
                        held = [e for e in _dated_talks(events) if e.status == "occurred"]
                        day = (held[-1].date, None) if held else day
                    if day[0] is not None:
                        ev = replace(ev, date=day[0], date_end=day[1])
                elif (
                    ev.date is None
                    and ev.status != "scheduled"
                    and not date_mentions
                    and (setting := _scene_setting(text, scene, start))
                ):
                    ev = replace(ev, date=_first_date(*setting, pub)[0])
                elif ev.date is None and ev.status != "scheduled":
                    told = near_story and (ev.type in SPEECH_ACTS or ev.status == "proposed")
                    # "Zelensky instead met the host": an act told right after the story's dated one, in the
                    # same narrative, happened that day
                    own = told or (
                        ev.status == "occurred"
                        and idx - story_idx <= 2
                        and not _NOT_STORY_LOW.search(ctx.low)
                        # a second act of the story's own type is another one ("culminated in a limited truce")
                        and not any(e.type == ev.type and e.date == story[0] for e in events)
                    )
                    if told:
                        if carry is None:
                            # a relative clause ("which the Russian side said it had noted") tells
                            # something else; its tense says nothing of the act's day
                            carry = not _NOT_STORY_LOW.search(_RELATIVE_TAIL.sub("", ctx.low)) and (
                                any(e.type in SPEECH_ACTS and e.status == "occurred" for e, _ in found)
                                or _SPEECH_PAST.search(sent) is not None
                            )
                        own = carry
                    day = (
                        line_date
                        if line_date[0]
                        else _story_date(
                            sent, ctx.low, _unclaimed(date_mentions, found, pub), story, before, own, events
                        )
                    )
                    if day[0] is None:
                        day = _setting_date(sent, events)
                    if day[0] is None and ev.type in SPEECH_ACTS:
                        # "Putin demanded in Anchorage that ...": said at the summit the article dated there
                        day = _venue_date(mentions, events)
                    if day[0] is not None:
                        ev = replace(ev, date=day[0], date_end=day[1])
                if ev.status == "occurred" and ev.date is not None and published is not None and ev.date > published:
                    ev = replace(ev, status="scheduled")  # dated ahead by its line or story
                events.append(ev)
                if ev.date is not None and " again " in ctx.low and (again := _again_day(ev, date_mentions, pub, sent)):
                    # "delegations met in Riyadh on Sunday and again on Tuesday": two rounds
                    events.append(replace(ev, date=again, date_end=None))
                if (
                    ev.date is not None
                    and ev.status == "occurred"
                    and (published is None or ev.date <= published)
                    and not (ev.date_end is not None and (ev.date_end - ev.date).days >= 27)  # a month sets no day
                ):
                    story = (ev.date, ev.date_end)
                    story_idx = idx
        prev_actors = sent_actors or prev_actors
        # a month named alone ("arrested in January 2024") dates its own clause, never "the same day" after it
        day_mentions = [d for d in date_mentions if d.kind != "month"]
        prev_dated = (sent, day_mentions) if day_mentions else None
        if prev_dated:
            last_dated, last_dated_at = prev_dated, start
        reported = bool(events) and events[-1].start == start
        scene = (end, sent, date_mentions) if date_mentions and not reported else None
        # "At a meeting with Rutte on Monday, Trump announced ...": "He" next is Trump, not the fronted Rutte
        fronted = _FRONTED_PHRASE.match(sent)
        lead = [x for x in mentions if x.start >= fronted.end()] if fronted else mentions
        prev_subject = _subject(lead, lex) or _subject(mentions, lex) or prev_subject
        prev_topic = topic_here
    _date_from_next(events, text, spans, dates_by_sentence, published)
    _date_by_delegate(events, lex)
    # a definite reference ("the meeting", "the offensive") to a type the article already reported is no new
    # event, though it may tell that a planned one went ahead ("This morning the exchange went ahead")
    kept = []
    # "the prisoner exchange agreed at the Istanbul talks" may come before the paragraph that tells those talks
    told_days: dict[str, list[dt.date]] = {}
    for i, e in enumerate(events):
        if i not in mentioned and e.date is not None and e.status == "occurred":
            told_days.setdefault(_family(e.type), []).append(e.date)
    for i, e in enumerate(events):
        if i not in mentioned:
            kept.append(e)
            continue
        same = [k for k, o in enumerate(kept) if _family(o.type) == _family(e.type)]
        if not same and not (
            # the talks the exchange was agreed at, told further down with the earlier day they were held
            e.type in ("negotiation", "meeting")
            and _AGREED_AT_TALKS.search(e.evidence) is not None
            and e.date is not None
            and any(d < e.date for d in told_days.get(_family(e.type), ()))
        ):
            kept.append(e)
        elif e.status == "occurred" and e.date is not None:
            k = next((k for k in same if kept[k].status == "scheduled" and kept[k].date == e.date), None)
            if k is not None:
                kept[k] = replace(kept[k], status="occurred")
            elif (
                e.type in ("prisoner_exchange", "attack")
                and e.date_end is not None
                and all(kept[k].date != e.date for k in same)
            ):
                # "led to the exchange of 1,000 for 1,000 carried out from May 23 to 25": a span of its own
                # days is another exchange than the one told so far
                kept.append(e)
        if same and _LED_BY.search(e.evidence):
            # "The talks in Jeddah were led by Rubio on the American side and by Yermak": who took part in
            # the talks the article told
            k = same[-1]
            if e.date in (None, kept[k].date) and not set(e.actors) <= set(kept[k].actors):
                kept[k] = replace(kept[k], actors=tuple(sorted({*kept[k].actors, *e.actors})))
    # talks and agreements need a second side: "he would hold consultations on the appointment" is one person's
    # business, "Medinsky said such a meeting could only crown a finished agreement" names no one who agreed,
    # "a summit of the bloc's leaders" is the EU's own gathering, no round of talks
    kept = [e for e in kept if not (len(e.actors) == 1 and _one_sided(e, lex))]
    # a strike, sanction or aid delivery told as done on no day is background ("after a drone strike", "has
    # imposed sanctions since 2022"): those reported as news carry a day, and an undated one counts in no week.
    # A threat or a plan stays, dated or not ("Trump threatened to impose sanctions")
    kept = [
        e
        for e in kept
        if e.date is not None or e.status != "occurred" or e.type not in _DATED_ONLY or _VAGUE_DAY.search(e.evidence)
    ]
    return _merge(kept, lex)


_LED_BY = re.compile(r"\b(?:were|was)\s+(?:led|headed|attended|chaired)\s+by\b")
# "The breakthrough came late on Tuesday in Jeddah, ...": the sentence names the day of what the one before told
_CAME_ON = re.compile(
    r"(?:The|That|This)\s+(?:[\w-]+\s+)?(?:breakthrough|announcement|agreement|deal|decision|move|offer|accord|"
    r"statement|news|pledge|commitment|concession|shift|step)\s+(?:came|was\s+(?:made|announced|reached|agreed|struck"
    r"|unveiled|confirmed))\b"
)


_AND_AGAIN = re.compile(r"\s+and\s+again\s+(?:on\s+)?$", _I)


def _again_day(ev: Event, mentions: list[dates.DateMention], published: dt.date | None, sent: str) -> dt.date | None:
    """The second day of an act told 'on Sunday and again on Tuesday', when the first is the event's own."""
    for first, second in pairwise(mentions):
        if _AND_AGAIN.fullmatch(sent, first.end, second.start) and (
            dates.resolve_mention(first, published, "past")[0] == ev.date
        ):
            return dates.resolve_mention(second, published, "past")[0]
    return None


def _date_by_delegate(events: list[Event], lex: _Lexicon) -> None:
    """Date, in place, an undated act of a person who took part in the round of talks told last before it ("Mr
    Medinsky said Russia had offered a ceasefire" after the round he led): said or done at that round."""
    held: Event | None = None
    delegates: set[str] = set()
    for i, ev in enumerate(events):
        if ev.type == "negotiation" and ev.date is not None and ev.status == "occurred":
            held, delegates = ev, set(_people(ev.actors, lex))
        elif (
            ev.date is None
            and held is not None
            and ev.start > held.start
            and ev.type not in (*_TALK_TYPES, "call")
            and delegates & set(ev.actors)
        ):
            events[i] = replace(ev, date=held.date, date_end=None)


def _date_from_next(
    events: list[Event],
    text: str,
    spans: list[tuple[int, int]],
    dates_by_sentence: list[list[dates.DateMention]],
    published: dt.date | None,
) -> None:
    """Date, in place, the undated acts of a sentence whose next sentence opens by dating them ("The
    breakthrough came late on Tuesday")."""
    starts = {start: idx for idx, (start, _) in enumerate(spans)}
    for i, ev in enumerate(events):
        idx = starts.get(ev.start)
        if ev.date is not None or ev.status == "scheduled" or idx is None or idx + 1 >= len(spans):
            continue
        nxt_start, nxt_end = spans[idx + 1]
        found = dates_by_sentence[idx + 1]
        if found and _CAME_ON.match(text, nxt_start, nxt_end) and found[0].start < 40:
            day = dates.resolve_mention(found[0], published, "past")
            if day[0] is not None and (published is None or day[0] <= published):
                events[i] = replace(ev, date=day[0], date_end=day[1])


# "- Whether Putin and Zelensky will ever meet.", a quiz's "True or false: Putin travelled to Turkey."
_INDIRECT_QUESTION = re.compile(r"(?:[-\u2022*]\s*)?(?:\d{1,2}[.)]\s+)?(?:Whether\s|True\s+or\s+false\b)", _I)
# a headline has no full stop, though it may abbreviate ("as U.S. halts aid")
_HEADLINE = re.compile(r"(?:[^\n.!?]|(?<=[A-Z])(?<![A-Za-z][A-Z])\.){10,160}[^\n.!?:\"\u201d]")
_DELEGATIONS_AGREED = re.compile(
    r"\b(?:delegations|sides|negotiators|teams)\s+(?:also\s+|had\s+|have\s+)*agreed\s+to\b"
)
_BULLET_LINE = re.compile(r"[-\u2022*\u2013]\s")
_CLOCK = re.compile(r"^(?:\d{1,2}[:.]\d{2}\b|UPDATE\s+\d+\b)")  # a live-blog time or a wire story's update
# An act told as done at an event ("proposed at the talks", "during the meeting") happened on that event's day.
_SETTING = re.compile(
    r"\b(?:at|during|in|after|prior\s+to|ahead\s+of|on\s+the\s+sidelines\s+of)\s+(?:the|that|today's|Monday's|Tuesday's|Wednesday's|Thursday's|Friday's|Saturday's"
    r"|Sunday's)\s+(?:same\s+)?(?P<noun>talks|meeting|table|session|summit|call|negotiations|visit)\b",
    _I,
)
_SETTING_TYPES = {
    "talks": ("negotiation", "meeting"),
    "negotiations": ("negotiation", "meeting"),
    "table": ("negotiation", "meeting"),
    "session": ("negotiation", "meeting"),
    "meeting": ("meeting", "negotiation"),
    "summit": ("meeting", "negotiation"),
    "call": ("call",),
    "visit": ("meeting",),
}


_TALK_TYPES = ("negotiation", "meeting")
_THAT_TYPES = {"call": ("call",), "conversation": ("call",)}  # "in that call": the calls; else talks
# "the Russian side demanded ...", "a source in the Ukrainian delegation": a party at the table of the talks told
_SIDE = re.compile(
    r"\b(?:the|a\s+source\s+in\s+the)\s+(?:Russian|Ukrainian|American|U\.?S\.?)\s+(?:side|delegation|negotiators)\b"
)


def _dated_talks(events: list[Event], types: tuple[str, ...] = _TALK_TYPES) -> list[Event]:
    """The meetings and negotiation rounds (or other types) reported so far with a date, in text order."""
    return [e for e in events if e.type in types and e.date is not None]


def _venue_date(mentions: list[_Mention], events: list[Event]) -> tuple[dt.date | None, dt.date | None]:
    """The day of the talks or meeting the article dated in a city this sentence places its act in."""
    places = {x.place for x in mentions if x.located and x.place}
    venue = [e for e in _dated_talks(events) if e.location in places]
    return (venue[-1].date, None) if venue else (None, None)


def _setting_date(
    sent: str, earlier: list[Event], statuses: tuple[str, ...] = ("occurred",)
) -> tuple[dt.date | None, dt.date | None]:
    """The date of the event an act was told as part of ("at the talks"), when the article dated it."""
    m = _SETTING.search(sent)
    if m is None:
        return None, None
    kinds = _SETTING_TYPES[dates.fold(m.group("noun"))]
    dated = [e for e in earlier if e.type in kinds and e.date is not None and e.status in statuses]
    return (dated[-1].date, None) if dated else (None, None)


_GERUND_LEAD = re.compile(r"\s*(?:meeting|talking|speaking|visiting|hosting|receiving|welcoming)\b", _I)
_FRONTED_PHRASE = re.compile(r"(?:At|In|During|After|Following|Before|Ahead\s+of|Speaking)\s[^,]{3,90},\s")
# "then said the United States would send ...": a past announcement of an act to come
_ANNOUNCED_AHEAD = re.compile(
    r"^(?:(?:he|she|they|it)\s+)?(?:then|later|also|afterwards)\s+(?:said|announced|told\s+\w+)\b[^;]*?\b(?:would|will)\b"
)
_SPEECH_PAST = re.compile(
    r"\b(?:offered|proposed|suggested|floated|tabled|demanded|insisted|urged|called\s+for|rejected|refused|dismissed"
    r"|threatened)\b"
)
# Words that move a sentence off the story's day: a later or earlier act, a perfect tense, a present state.
_NOT_STORY = re.compile(
    # "talks that ended after midnight": a time of day, no later act
    r"\b(?:later|since|earlier|previously|before(?!\s+the\s+(?:end|start|beginning|middle)\s+of\b|\s+dawn)"
    r"|after(?!\s+(?:midnight|dark|dawn|nightfall))|now|still"
    r"|has|have|had|'s\s+been|would|will|is|are)\b",
    _I,
)
_SAME_DAY = re.compile(
    r"\b(?:the\s+same\s+day|that\s+(?:same\s+)?day|later\s+that\s+day|the\s+same\s+(?:night|evening|morning)"
    r"|hours\s+(?:later|earlier|after(?:wards)?|before)|minutes\s+(?:later|after)|(?:earlier|later)\s+that\s+"
    r"(?:day|morning|evening)|(?:earlier|later)\s+in\s+the\s+day|that\s+(?:morning|evening))\b",
    _I,
)
_DATELINE = re.compile(r"^[A-Z][A-Z .'\u2019-]+,\s+[^\n]{3,25}?(?:\([^)]{1,30}\)\s*)?[-\u2013\u2014]\s")
# "4 September, Paris — ", and a table row's cell border "2025-11-21 | "
_LINE_SEP = re.compile(r"(?:,\s+[A-Z][\w .'\u2019-]{0,30}?)?\s*(?:[-\u2013\u2014:|]|\s-)\s")


_TARGETED = frozenset({"sanctions", "military_aid"})


def _family(etype: str) -> str:
    """Talks and meetings are one family: "the meeting" after reported talks is those talks."""
    return "meeting" if etype == "negotiation" else etype


def _with_counterpart(ev: Event, prev_actors: tuple[str, ...], lex: _Lexicon) -> Event:
    """A one-sided sanctions, aid or attack event takes its target from the sentence before ("Britain
    announced its own sanctions" after a sentence about sanctions on Russia)."""
    mine = _states(ev.actors, lex)
    if mine & lex.sides:
        return ev
    other = next((a for a in prev_actors if a in lex.sides and a not in mine), None)
    return replace(ev, actors=tuple(sorted((*ev.actors, other)))) if other else ev


def _line_date(
    sent: str, found: list[dates.DateMention], published: dt.date | None
) -> tuple[dt.date | None, dt.date | None]:
    """The date heading a timeline line ("18 March \u2013 ...", "March 18: ..."): it dates the whole line."""
    if not found or found[0].start != 0 or not _LINE_SEP.match(sent, found[0].end) or found[0].kind == "rel_week":
        return None, None  # "This week: delegations met on Wednesday" is a section label, not a calendar line
    # the line's own act, not what it reports ahead ("... and agree that their teams will start talks")
    head = sent[: _clause_bounds(sent, found[0].end)[1]]
    tense = dates.tense_of(head[: m.start()] if (m := _THAT.search(head)) else head)
    if found[0].kind == "weekday" and not _PAST_VERB.search(sent):
        tense = "future"  # "Monday: Zelensky travels to Paris": a calendar in the present tense looks ahead
    return dates.resolve_mention(found[0], published, tense)


_THAT = re.compile(r"\bthat\b")
_PAST_VERB = re.compile(
    r"\b(?:\w{2,}ed|was|were|had|met|spoke|said|told|flew|held|made|took|went|came|gave|left|began|sent|struck"
    r"|hit|saw|brought|sat|broke|ran|won|lost|fell|led|drew|wrote|rejected)\b",
    _I,
)


_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
_COUNT = r"(?P<n>a|an|one|two|three|four|five|six|seven|[1-7])"
# "Two days later, ...", "the following day", "A day after the call, ...": a day counted from another event.
_SHIFT = re.compile(
    rf"(?:^|[,;]\s*|\band\s+)(?:{_COUNT}\s+(?P<unit>days?|weeks?)\s+(?P<dir>later|earlier))\b"
    # "turned the invitation down the next day": anywhere but after "on" ("on the next day of talks")
    r"|(?<!\bon\s)\bthe\s+(?:next|following)\s+(?P<next>day|week|night)\b"
    rf"|^(?:{_COUNT.replace('n>', 'n2>')}\s+days?|the\s+day)\s+(?P<dir2>after|before)\s+(?:the|his|her|their|that)\s+"
    r"(?:[\w-]+\s+){0,2}?(?P<noun>call|conversation|meeting|summit|talks|visit|strike|attack|exchange|swap)\b",
    _I,
)
# "three days of swaps that began on Friday": the event spans from that day for that many days.
_BEGAN = re.compile(
    rf"\b{_COUNT.replace('n>', 'n3>')}[- ]days?\s+of\s+(?:[\w-]+\s+){{1,3}}?(?:that|which)\s+(?:began|started)"
    r"\s+(?:on\s+)?$",
    _I,
)


# "a 30-day halt to strikes on energy infrastructure that Trump and Putin agreed": the act in a relative clause
_RELATIVE_ACT = re.compile(
    r"(?:[^,;.]{0,50}?|[^;.]{0,80}?,)\s+(?P<rel>that|which)\b[^,;.]{0,60}?\b(?:agreed|declared|announced|accepted|imposed"
    r"|adopted|approved)\b"
)
_AFTER_THAT = re.compile(rf"\b{_COUNT}\s+days?\s+(?:after\s+that|later)\b", _I)


def _next_semicolon(sent: str, pos: int) -> int:
    end = sent.find(";", pos)
    return len(sent) if end < 0 else end


def _count(word: str) -> int:
    return _NUMBER_WORDS.get(word.lower()) or int(word)


def _began_span(ev: Event, sent: str, found: list[dates.DateMention], published: dt.date | None, low: str) -> Event:
    """An event told as N days that began on a date spans those days (`low`: the folded sentence)."""
    if "began" not in low and "started" not in low:
        return ev
    for d in found:
        m = _BEGAN.search(sent, max(0, d.start - 80), d.start)
        if m is None:
            continue
        start, _ = dates.resolve_mention(d, published, "past")
        if start is not None:
            return replace(ev, date=start, date_end=start + dt.timedelta(days=_count(m.group("n3")) - 1))
    return ev


def _scene_setting(
    text: str, scene: tuple[int, str, list[dates.DateMention]] | None, start: int
) -> tuple[str, list[dates.DateMention]] | None:
    """The dated sentence that sets the scene for the sentence at `start`: it directly precedes it in the same
    paragraph, reported nothing and told of no later or earlier act."""
    if scene is None:
        return None
    end, sent, mentions = scene
    gap = text[end:start]
    if gap.strip() or "\n" in gap or _NOT_STORY.search(sent):
        return None
    return sent, mentions


def _unclaimed(
    mentions: list[dates.DateMention], found: list[tuple[Event, bool]], published: dt.date | None
) -> list[dates.DateMention]:
    """The sentence's date phrases that no other event of it took ('demanded a truce starting on Monday':
    Monday is the truce's, so the demand may still take the story's date)."""
    taken = {e.date for e, _ in found if e.date is not None}
    if not taken:
        return mentions
    return [
        d
        for d in mentions
        if dates.resolve_mention(d, published, "past")[0] not in taken
        and dates.resolve_mention(d, published, "future")[0] not in taken
    ]


def _story_date(
    sent: str,
    low: str,
    found: list[dates.DateMention],
    story: tuple[dt.date | None, dt.date | None],
    before: tuple[dt.date | None, dt.date | None],
    carry: bool,
    earlier: list[Event],
) -> tuple[dt.date | None, dt.date | None]:
    """The date an undated act borrows from the story around it: "the same day", "hours later", "two days
    later", "a day after the call", or an act told without a date of its own after the article has dated
    what it reports."""
    if _SAME_DAY_LOW.search(low):
        return story[0], None
    shift = _SHIFT.search(sent)
    if shift is not None and found and shift.start() > 2:
        shift = None  # a date of its own beside a shift inside the sentence; a leading shift dates the main clause
    if shift is not None:
        return _shifted(shift, before, earlier)
    if found or not carry:
        return None, None
    return story[0], None


def _shifted(
    m: re.Match[str], story: tuple[dt.date | None, dt.date | None], earlier: list[Event]
) -> tuple[dt.date | None, dt.date | None]:
    """The day (or week) a counted shift lands on, from the referenced event or the story's last date."""
    base = story[0]
    noun = m.group("noun")
    if noun:
        kind = _REFERENCE_TYPE.get(noun.lower()) or {"strike": "attack", "attack": "attack"}.get(
            noun.lower(), "prisoner_exchange"
        )
        dated = [e.date for e in earlier if e.type == kind and e.date is not None]
        base = dated[-1] if dated else base
    if base is None:
        return None, None
    if m.group("next") == "week":
        monday = base - dt.timedelta(days=base.weekday()) + dt.timedelta(weeks=1)
        return monday, monday + dt.timedelta(days=6)
    if m.group("next") == "day":
        return base + dt.timedelta(days=1), None
    if m.group("next") == "night":
        return base + dt.timedelta(days=1), base + dt.timedelta(days=2)  # the night after the night told
    n = _count(m.group("n") or m.group("n2") or "1")
    days = n * 7 if (m.group("unit") or "").startswith("week") else n
    sign = -1 if (m.group("dir") or m.group("dir2") or "").lower() in ("earlier", "before") else 1
    return base + dt.timedelta(days=sign * days), None


@dataclass(slots=True)
class _Context:
    """What a sentence's events may borrow from the article around them."""

    published: dt.date | None
    lex: _Lexicon
    prev_actors: tuple[str, ...]
    inherited: tuple[dt.date | None, dt.date | None]
    topic_here: bool
    para_topic: bool
    skip_type: str | None
    types: dict[str, int]
    subject: tuple[str, ...] = ()
    foreign: bool = False
    sport: bool = False
    anaphoric: bool = False  # the sentence opens with "He", "They", "The two sides"...
    low: str = ""  # the sentence folded to lower case (see _folded)
    actors: tuple[str, ...] = ()  # every actor named in the sentence outside a location (_actor_ids)
    line_day: dt.date | None = None  # the date heading a timeline line or live-blog entry
    earlier: list[Event] | None = None  # the events the article reported before this sentence
    in_quote: bool = False  # the sentence opens inside a quotation begun in an earlier sentence
    announced: bool = False  # its plans were announced on the inherited day ("said afterwards that ... would")
    # the day the sentence before told an act on, when it lies over a week before publication: a bare weekday
    # next ("On Saturday 19 April Putin declared a truce. By Sunday morning ...") counts on from it
    narrative: dt.date | None = None


def _first_date(
    sent: str, found: list[dates.DateMention], published: dt.date | None
) -> tuple[dt.date | None, dt.date | None]:
    return dates.resolve_mention(found[0], published, dates.tense_of(sent[: found[0].end])) if found else (None, None)


def _subject(mentions: list[_Mention], lex: _Lexicon) -> tuple[str, ...]:
    """The first person named in a sentence, which 'he' or 'she' in the next sentence most often means; a source
    ('According to Kremlin aide Yuri Ushakov, Putin told ...') only when no one else is named."""
    source: tuple[str, ...] = ()
    for m in mentions:
        actor = lex.gazetteer.actors.get(m.actor or "")
        if actor is not None and actor.kind == "person":
            if not m.reporting:
                return (actor.id,)
            source = source or (actor.id,)
    return source


def _flag_sentences(pattern: re.Pattern[str], text: str, spans: list[tuple[int, int]]) -> list[bool]:
    """Which sentences hold a match of pattern at a word start, from one scan of the text."""
    flags = [False] * len(spans)
    starts = [s for s, _ in spans]
    for m in _word_matches(pattern, text):
        i = bisect_right(starts, m.start()) - 1
        if i >= 0 and m.end() <= spans[i][1]:
            flags[i] = True
    return flags


def _word_matches(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """Non-overlapping matches of a pattern whose every match opens with a word character, kept where a word
    starts: the same matches as the pattern led by a word boundary, found by skipping ahead to candidate letters."""
    pos = 0
    search = pattern.search
    while True:
        m = search(text, pos)
        if m is None:
            return
        s = m.start()
        if s and (text[s - 1].isalnum() or text[s - 1] == "_"):
            pos = s + 1
            continue
        yield m
        pos = m.end()


# Characters that IGNORECASE matches to an ASCII letter although str.lower() does not map them to it.
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})


def _folded(lowered: str) -> str:
    """The lower-cased text on which a lower-case pattern matched case-sensitively finds exactly what it finds
    with IGNORECASE on the original (ASCII-letter patterns only)."""
    if lowered.isascii() or not any(c in lowered for c in "\u0130\u0131\u017f"):
        return lowered
    return lowered.translate(_FOLD)


def _lower_case(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """A case-insensitive ASCII-letter pattern in lower case without IGNORECASE: on the folded text it finds the
    same matches at the same offsets, faster, because the engine compares characters without folding them."""
    assert pattern.flags & re.IGNORECASE and "(?-i" not in pattern.pattern
    return re.compile(re.sub(r"(?<!\\)[A-Z]", lambda c: c.group().lower(), pattern.pattern))


_ACT_LOW = _lower_case(_ACT)
_TOPIC_LABEL_LOW = _lower_case(_TOPIC_LABEL)
_SAME_DAY_LOW = _lower_case(_SAME_DAY)
_NOT_STORY_LOW = _lower_case(_NOT_STORY)
_RELATIVE_TAIL = re.compile(r",\s+(?:which|who|whom)\b[^,;]*")


def _has_topic(mentions: list[_Mention], lex: _Lexicon) -> bool:
    return any(m.actor in lex.topic_ids or m.place_country in lex.sides for m in mentions)


def _actor_ids(
    sentence: str, mentions: list[_Mention], lo: int = 0, hi: int | None = None, *, parties: bool = False
) -> tuple[str, ...]:
    """Actors named between lo and hi, outside locations; with `parties`, not those named only as a source."""
    ids: list[str] = []
    for m in mentions:
        actor = m.actor
        if actor is None or m.located or m.start < lo or (hi is not None and m.end > hi) or actor in ids:
            continue
        if parties and m.reporting:
            continue
        ids.append(actor)
    return tuple(ids)


def _sources(sentence: str, mentions: list[_Mention], lex: _Lexicon) -> set[str]:
    """Actors who only report ('the Kremlin said', 'according to Peskov')."""
    return {m.actor for m in mentions if m.reporting and m.actor is not None}


def _location(mentions: list[_Mention], any_prep: bool, lex: _Lexicon) -> tuple[str | None, str | None]:
    """(place, its country) named in the sentence; else a third state named as the venue ("in Saudi Arabia")."""
    for m in mentions:
        if m.place is not None and (any_prep or m.located):
            return m.place, m.place_country
    for m in mentions:
        if m.located and m.actor in lex.host_ids:
            return lex.gazetteer.actors[m.actor].name, m.actor
    return None, None


@lru_cache(maxsize=256)
def _breaks(sentence: str) -> tuple[list[int], list[int]]:
    """Starts and ends of the clause breaks in a sentence (both ascending: the matches do not overlap)."""
    found = [(m.start(), m.end()) for m in _CLAUSE_BREAK.finditer(sentence)]
    return [b for b, _ in found], [e for _, e in found]


def _clause_bounds(sentence: str, pos: int) -> tuple[int, int]:
    """(start, end) of the clause around pos: between breaks such as 'but', 'while', 'said that'."""
    starts, ends = _breaks(sentence)
    if not starts:
        return 0, len(sentence)
    i = bisect_right(ends, pos)
    j = bisect_right(starts, pos)
    return (ends[i - 1] if i else 0), (starts[j] if j < len(starts) else len(sentence))


_TRIGGER_ORDER = {etype: i for i, etype in enumerate(_TRIGGERS)}
# The case-insensitive triggers in lower case, matched case-sensitively on the folded sentence (see _folded):
# the same matches at the same offsets, found faster because the engine compares characters without folding.
_LOWER_TRIGGERS: dict[str, re.Pattern[str]] = {
    etype: re.compile(re.sub(r"(?<!\\)[A-Z]", lambda c: c.group().lower(), p.pattern))
    for etype, p in _TRIGGERS.items()
    if p.flags & re.IGNORECASE
}


_ANNOUNCED_AT = re.compile(r"\b(?:announced|said|pledged|promised|confirmed|unveiled)\b")
_SAME_SETTING = re.compile(r"(?:in|during|at|on)\s+(?:the\s+same|that\s+same|that)\s")
_DESCRIBED_AS = re.compile(
    r"\b(?:what|which)\s+(?:[\w'\u2019.-]+\s+){1,4}?(?:called|described\s+as|termed|hailed\s+as)\s+(?:an?|the)\s+"
    r"(?:[\w-]+\s+){0,3}$"
)
_BACKGROUND_REF = re.compile(r"\b(?:after|before|since|following|ahead\s+of)\s+(?P<det>the\s+)?$")


def _reported(etype: str, earlier: list[Event] | None) -> bool:
    return any(_family(e.type) == _family(etype) for e in earlier or ())


# Trigger endings whose pattern asks for a capital next ("travelled to Kyiv", "received Witkoff"): the triggers
# run on the lower-cased text, so the capital is checked on the sentence itself ("received the head of" passes).
_CAPITAL_AFTER_TYPES = frozenset({"call", "meeting"})
_CAPITAL_AFTER = re.compile(
    r"(?:\b(?:to|in|with)|(receiv(?:ed|es|e|ing))(?:\s+separately)?|welcom\w+|to\s+(?:call|phone))\s+$", _I
)
_THE_NEXT = re.compile(r"the\s")
_RECEIVED_THE = re.compile(r"the\s+(?:head|leader|visiting|\w+\s+(?:delegation|president|minister))|(?:at|in|by)\s")


def _find_hits(sent: str, ctx: _Context) -> list[_Hit]:
    hits: list[_Hit] = []
    types = ctx.types
    low = ctx.low
    after_truce = bool(ctx.earlier) and ctx.earlier[-1].type == "ceasefire"
    for etype in sorted(types, key=_TRIGGER_ORDER.__getitem__) if len(types) > 1 else types:
        if etype == ctx.skip_type and (_reported(etype, ctx.earlier) or _SAME_SETTING.match(low)):
            # "At the talks, ...": the talks reported before; told first here, they are news. "At the same
            # meeting he announced ...": the setting of the sentence before, whatever it was told as
            continue
        first = types[etype]
        lower = _LOWER_TRIGGERS.get(etype)
        clauses: dict[tuple[int, int], int] = {}
        # a trigger opens at most a few words before its stem ("a lengthy call", "issued an ultimatum")
        found = (
            _TRIGGERS[etype].finditer(sent, max(0, first - 40))
            if lower is None
            else lower.finditer(low, max(0, first - 40))
        )
        for m in found:
            clause = _clause_bounds(sent, m.start())
            if clause in clauses:
                # "The 28-point plan, drawn up by ... and presented to Kyiv last week": the verb is the act
                i = clauses[clause]
                if (
                    etype in SPEECH_ACTS
                    and _ACT_VERB.match(m.group())
                    and _DEFINITE.search(sent, max(0, hits[i].m.start() - 30), hits[i].m.start())
                    and not _ACT_VERB.match(hits[i].m.group())
                    and _keep_trigger(etype, m, sent, low)
                ):
                    hits[i] = _Hit(etype, m, clause)
                elif (
                    _SETTING_PREP.search(sent, max(0, hits[i].m.start() - 30), hits[i].m.start())
                    and _INDEFINITE.search(sent, max(0, m.start() - 12), m.start())
                    and _keep_trigger(etype, m, sent, low)
                ):
                    # "proposed at the meeting a meeting between X and Y": the setting, then the act's object
                    hits[i] = _Hit(etype, m, clause)
                continue
            if not _keep_trigger(etype, m, sent, low, after_truce):
                continue
            if (
                etype in _CAPITAL_AFTER_TYPES
                and (cap := _CAPITAL_AFTER.search(m.group())) is not None
                and not sent[m.end() : m.end() + 1].isupper()
                and not (_RECEIVED_THE if cap.group(1) else _THE_NEXT).match(low, m.end())
            ):
                continue  # matched on the lower-cased text: "received the same number", "flew to safety"
            if (
                etype == "meeting"
                and "face" in m.group().lower()
                and _GROUP_WORDS.search(sent, max(0, m.start() - 25), m.start())
            ):
                continue  # "where the two sides last talked face to face": delegations, told as talks
            if etype in _TALK_TYPES and _DESCRIBED_AS.search(low, max(0, m.start() - 70), m.start()):
                continue  # "met ..., in what the White House called a very productive meeting": the same one
            ref = _BACKGROUND_REF.search(low, max(0, m.start() - 16), m.start())
            if ref and (ref.group("det") or low.startswith("the ", m.start())) and _reported(etype, ctx.earlier):
                continue  # "hours after the call": the call the article already reported, not a new event
            clauses[clause] = len(hits)
            hits.append(_Hit(etype, m, clause))
    return hits


def _sentence_events(
    sent: str, offset: int, mentions: list[_Mention], date_mentions: list[dates.DateMention], ctx: _Context
) -> list[tuple[Event, bool]]:
    """(event, is a definite mention) for each trigger kept in the sentence."""
    if ctx.foreign and not ctx.topic_here:
        return []
    hits = _find_hits(sent, ctx)
    if not hits:
        return []
    if " without " in sent or "sidelines" in sent:
        # "talks in Riyadh, without Ukraine or the Europeans in the room": the absent are no parties; nor is
        # the body whose gathering was the venue ("on the sidelines of the UN General Assembly")
        mentions = [x for x in mentions if not _NOT_PARTY_LEAD.search(sent, max(0, x.start - 40), x.start)]
    # "They had agreed to meet": the two people of the sentence before
    pair = ctx.anaphoric and len(_people(ctx.prev_actors, ctx.lex)) == 2 == len(ctx.prev_actors)
    hits = _resolve_overlaps(hits, sent, mentions, ctx.lex, pair)
    lex = ctx.lex
    sources = _sources(sent, mentions, lex)
    all_actors = list(_actor_ids(sent, mentions, parties=True)) or list(ctx.actors)
    speech = [h for h in hits if h.type in SPEECH_ACTS]
    # "The strike came two days after X met Y": the event after the gap is dated back from the main clause
    gap = _GAP_AFTER.search(ctx.low, 1) if " after " in ctx.low else None
    out: list[tuple[Event, bool]] = []
    agents_of: dict[int, list[str]] = {}  # a speech act's participants, which the object it governs falls back on
    for hit in hits:
        etype, m = hit.type, hit.m
        if etype in ("ceasefire", "ceasefire_violation") and not (ctx.para_topic and not ctx.sport):
            continue
        governor = None
        if etype not in SPEECH_ACTS:
            governor = next((h for h in reversed(speech) if h.m.start() < m.start() and h.clause == hit.clause), None)
        if _quoted(sent, m.start(), ctx.in_quote):
            continue
        if etype in SPEECH_ACTS and _object_of_act(hit, speech, sent, _reported(etype, ctx.earlier)):
            continue
        status = _status(etype, m, sent, hit.clause, governor is not None, ctx.low)
        if status is None:
            continue
        # "urged the US to press Russia to accept a truce": the act's parties; "a U.S. proposal for a truce"
        # names only the owner, so the sentence's actors stay the fallback
        ruled = agents_of.get(id(governor)) if governor and not _PROPOSAL_NOUN.match(governor.m.group()) else None
        actors = _event_actors(hit, sent, mentions, sources, ruled or all_actors, governor, ctx)
        if actors is None:
            continue
        if etype == "meeting" and (one := _MEMBERS_OF_ONE.search(sent, max(0, m.start() - 70), m.start())):
            # a body's own gathering is that body's, not of what it decided on
            body = [x.actor for x in mentions if x.actor and one.start() <= x.start < one.end()]
            actors = body[:1] or actors
        agents_of[id(hit)] = actors
        if etype == "military_aid" and not lex.sides.intersection(actors):
            # "troops on the ground in Ukraine": the side the aid goes to, even when named as the place
            actors = (
                actors
                + [
                    x.actor
                    for x in mentions
                    if x.actor in lex.sides and m.end() <= x.start <= m.end() + 60 and x.actor not in actors
                ][:1]
            )
        after_gap = gap is not None and m.start() >= gap.end() and ";" not in sent[gap.end() : m.start()]
        if after_gap:
            # the event told as background to the main clause has only the parties named after the gap
            own = _actor_ids(sent, mentions, gap.end())
            actors = [a for a in actors if a in own]
            if _HE_FIRST.match(sent, gap.end()):
                # "Putin's visit came two days after he received Witkoff": the pronoun is the main clause's person
                lead = _people(_actor_ids(sent, mentions, 0, gap.start()), ctx.lex)[:1]
                actors = lead + [a for a in actors if a not in lead]
        elif gap is not None and m.end() <= gap.start() and not _actor_ids(sent, mentions, 0, gap.start()):
            # "The aid freeze was ordered on March 3, three days after the meeting between X and Y": X and Y
            # are the earlier event's; the main clause's parties are those of the sentence before
            actors = list(ctx.prev_actors)
        location, country = _location(mentions, etype == "attack", lex)
        if etype == "attack":
            if not (set(actors) & lex.sides or country in lex.sides):
                continue
            if country and country in lex.gazetteer.actors and country not in actors:
                actors.append(country)
            if len(lex.sides) == 2 and len(named := lex.sides.intersection(actors)) == 1:
                actors += lex.sides - named  # a strike in this war lands on the other side
        if etype == "prisoner_exchange" and len(lex.sides) == 2 and (actors or ctx.para_topic):
            # an exchange is between the two sides whoever brokered or announced it
            actors = sorted(lex.sides)
        if not actors:
            continue
        date, date_end = _event_date(hit, sent, date_mentions, ctx, status, governor)
        if after_gap and not any(d.start >= gap.end() for d in date_mentions):
            date, date_end = _before_anchor(gap, sent, date_mentions, ctx)
        elif date is None and (later := _AFTER_THAT.search(sent, hit.clause[0], _next_semicolon(sent, m.end()))):
            # "...ordered on March 3; intelligence sharing was cut two days after that": from the clause before
            base = [d for d in date_mentions if d.end <= hit.clause[0]]
            # the day of the act the sentence told before, not of a background 'days after ... on Feb. 28'
            told = next((e.date for e, _ in reversed(out) if e.date is not None), None)
            day = told or (dates.resolve_mention(base[-1], ctx.published, "past")[0] if base else None)
            if day is not None:
                date = day + dt.timedelta(days=_count(later.group("n")))
                if out and not _actor_ids(sent, mentions, hit.clause[0], later.start()):
                    actors = list(out[-1][0].actors)  # the same parties as the act it follows
        if status == "occurred" and date is not None and ctx.published is not None and date > ctx.published:
            status = "scheduled"
        # a noun needs an act around it to be more than a topic; a verb ("proposed", "offered") is the act
        needs_act = (etype == "ceasefire" and not _TO_HALT.match(ctx.low, max(0, m.start() - 3))) or (
            etype in _NOUN_TYPES and date is None and not _ACT_VERB.match(m.group())
        )
        rel = _RELATIVE_ACT.match(ctx.low, m.end(), m.end() + 140) if needs_act else None
        if needs_act and not rel and not _ACT_LOW.search(_window(ctx.low, m, 80, 50)):
            continue
        if rel and date is None:
            # "the designation of Lukoil and Rosneft, ..., which the United States announced on October 22"
            inside = [d for d in date_mentions if rel.start("rel") <= d.start <= rel.end() + 30]
            if inside:
                date, date_end = _first_date(sent, inside, ctx.published)
                actors += [a for a in _actor_ids(sent, mentions, rel.start("rel"), rel.end()) if a not in actors]
        # "proposed extending the truce": an act on the truce already reported is a new event
        is_mention = (
            (
                governor is None
                or governor.m.end() > m.start()  # "made the truce conditional on": the truce inside the act
                or _SETTING_PREP.search(sent, governor.m.end(), m.start()) is not None
                # "who had proposed the Istanbul talks": the talks the article reported, not new ones
                or (
                    etype in ("negotiation", "meeting", "call")
                    and ctx.published is not None
                    and date is not None
                    and date < ctx.published
                    and _reported(etype, ctx.earlier)
                )
            )
            and _mention_noun(m.group())
            and bool(
                _DEFINITE.search(sent[max(0, m.start() - 30) : m.start()])
                # "described the call with Trump": but "a day after the call, X spoke to Y" is a new call
                or (
                    _LEAD_DEFINITE.match(m.group())
                    and not _AFTER_BEFORE.search(sent, max(0, m.start() - 10), m.start())
                )
                # "Tuesday's talks followed ...": the talks of that day the article told already
                or (
                    _DAY_OWNER.search(sent, max(0, m.start() - 30), m.start()) is not None
                    and any(_family(e.type) == _family(etype) and e.date == date for e in ctx.earlier or ())
                )
            )
        )
        ev = Event(
            type=etype,
            evidence=sent,
            start=offset,
            end=offset + len(sent),
            date=date,
            date_end=date_end,
            actors=tuple(sorted(actors)),
            location=location,
            status=status,
            cameo_code=CAMEO[etype],
        )
        split = _split_by_days(ev, hit, sent, mentions, date_mentions, ctx) if not is_mention else []
        if split:
            out.extend((e, False) for e in split)
            continue
        out.append((ev, is_mention))
        if etype in ("call", "meeting") and not is_mention:
            out.extend((g, False) for g in _gapped_parties(ev, hit, sent, mentions, date_mentions, ctx))
        if date is not None and len(date_mentions) > 1:
            out.extend((replace(ev, date=d, date_end=None), False) for d in _further_days(m, sent, date_mentions, ctx))
    return out


# "swapped 390 prisoners on Friday and 307 on Saturday": a second figure with a date of its own is a second act
_FURTHER = re.compile(
    r"\s*,?\s+(?:and|then|followed\s+by)\s+(?:another\s+|(?:a|the)\s+(?:further|final|last|second|third|remaining)\s+)?"
    r"\d[\d,]*\s+(?:[\w-]+\s+){0,2}?on\s+$",
    _I,
)


def _further_days(m: re.Match[str], sent: str, found: list[dates.DateMention], ctx: _Context) -> list[dt.date]:
    """The days of further same-type acts coordinated after the trigger, each with its own figure and date."""
    days: list[dt.date] = []
    for prev, nxt in pairwise(found):
        if prev.start < m.end() or not _FURTHER.fullmatch(sent, prev.end, nxt.start):
            continue
        day = dates.resolve_mention(nxt, ctx.published, dates.tense_of(sent[: nxt.end]))[0]
        if day is not None:
            days.append(day)
    return days


# "spoke by phone with Zelensky, and then with European leaders": the same act again with other parties
_DAY_GAP = re.compile(r",?\s+and\s+(?:then\s+)?(?:with\s+)?(?:(?:an?|the)\s+)?(?:[\w\u2019'-]+\s+){1,3}?on\s+", _I)
_GAPPED_WITH = re.compile(r",?\s+and\s+(?:then\s+|later\s+|afterwards\s+|also\s+)?with\s+", _I)


def _split_by_days(
    ev: Event, hit: _Hit, sent: str, mentions: list[_Mention], found: list[dates.DateMention], ctx: _Context
) -> list[Event]:
    """'to meet a Ukrainian team on Sunday and a Russian one on Monday': one event per party and day."""
    if ev.type not in ("negotiation", "meeting", "call"):
        return []
    after = [d for d in found if hit.m.end() <= d.start <= hit.m.end() + 120]
    if len(after) < 2:
        return []
    d1, d2 = after[0], after[1]
    link = sent[d1.end : d2.start]
    if not _DAY_GAP.fullmatch(link):
        return []
    first = set(_actor_ids(sent, mentions, hit.m.end(), d1.start))
    second = set(_actor_ids(sent, mentions, d1.end, d2.start))
    if not first or not second or first & second:
        return []
    agents = {a for a in ev.actors if a not in first | second}
    if not agents:
        return []
    out = []
    for parties, d in ((first, d1), (second, d2)):
        day, day_end = dates.resolve_mention(d, ctx.published, dates.tense_of(sent[: d.end]))
        out.append(replace(ev, actors=tuple(sorted(agents | parties)), date=day, date_end=day_end))
    return out


def _gapped_parties(
    ev: Event, hit: _Hit, sent: str, mentions: list[_Mention], found: list[dates.DateMention], ctx: _Context
) -> list[Event]:
    """Further calls or meetings elided after the first ("..., and with Zelensky on Monday")."""
    gap = _GAPPED_WITH.search(sent, hit.m.end(), min(len(sent), hit.m.end() + 120))
    if gap is None:
        return []
    # the first act's parties but the one it was with ("he would speak with Putin, and afterwards with ...")
    partner = _actor_ids(sent, mentions, hit.m.end(), gap.start())
    agents = tuple(a for a in ev.actors if a not in partner)
    stop = sent.find(", and ", gap.end())
    stop = len(sent) if stop < 0 else stop
    others = [a for a in _actor_ids(sent, mentions, gap.end(), stop, parties=True) if a not in agents]
    if not others:
        return []
    date, date_end = ev.date, ev.date_end
    own = [d for d in found if gap.end() <= d.start < stop]
    if own:
        date, date_end = dates.resolve_mention(own[0], ctx.published, dates.tense_of(sent[: own[0].end]))
    return [replace(ev, actors=tuple(sorted({*agents, *others})), date=date, date_end=date_end)]


_GAP_AFTER = re.compile(
    rf"(?<=[\w,] )(?:{_COUNT.replace('n>', 'g>')}\s+(?P<unit>days?|weeks?)|the\s+day|(?P<vague>days|weeks|months)"
    r"|(?P<hours>hours|minutes|(?:an?|one|two|three|several)\s+hours?))\s+after\s+"
)
_MAIN_NOUN = re.compile(
    r"^(?:[^,]{0,30}[-\u2013\u2014:]\s+)?(?:the|this|that|their|his|her|its|(?-i:[A-Z])[\w-]+[\u2019']s)\s+(?:[\w-]+\s+){0,2}?"
    r"(?P<noun>call|conversation|meeting"
    r"|summit|talks|visit|strikes?|attacks?|exchange|swap)\b",
    _I,
)


def _before_anchor(
    gap: re.Match[str], sent: str, found: list[dates.DateMention], ctx: _Context
) -> tuple[dt.date | None, dt.date | None]:
    """The day of an event told as N days before the main clause's: the main clause's date (its own date
    phrase, the line's date, or the dated event its subject refers to) moved back by N days."""
    if gap.group("vague"):
        return None, None  # "days after the Oval Office row": some days, not a date
    before = [d for d in found if d.end <= gap.start()]
    if before:
        base = dates.resolve_mention(before[-1], ctx.published, "past")[0]
    else:
        base = None
        subject = _MAIN_NOUN.match(sent)
        if subject is not None and ctx.earlier:
            noun = subject.group("noun").lower()
            noun = noun[:-1] if noun in ("strikes", "attacks") else noun
            kind = _REFERENCE_TYPE.get(noun) or {"strike": "attack", "attack": "attack"}.get(noun, "prisoner_exchange")
            dated = [e.date for e in ctx.earlier if e.type == kind and e.date is not None]
            base = dated[-1] if dated else None
        if base is None:
            base = ctx.line_day
    if base is None:
        return None, None
    if gap.group("hours"):
        return base, None  # "hours after missiles struck Ternopil": the same day
    n = _count(gap.group("g")) if gap.group("g") else 1
    days = n * 7 if (gap.group("unit") or "").startswith("week") else n
    return base - dt.timedelta(days=days), None


@lru_cache(maxsize=1024)
def _mention_noun(trigger: str) -> bool:
    """Whether a trigger is a noun that can refer back to an event ("meeting", "the truce")."""
    return _MENTION_NOUN.match(_LEAD_DET.sub("", trigger).split(" ", 1)[0]) is not None


def _event_actors(
    hit: _Hit,
    sent: str,
    mentions: list[_Mention],
    sources: set[str],
    all_actors: list[str],
    governor: _Hit | None,
    ctx: _Context,
) -> list[str] | None:
    """Participants: the speaker of a speech act, the object's parties, else the clause's actors."""
    m = hit.m
    if hit.type in SPEECH_ACTS:
        if _PROPOSAL_NOUN.match(m.group()):
            owner = [
                x.actor
                for x in mentions
                if x.actor and x.end <= m.start() and _OWNER_GAP.match(sent[x.end : m.start()])
            ]
            if owner:
                return owner[-1:]
            if _DEFINITE.search(sent[max(0, m.start() - 30) : m.start()]):
                return None  # "the offer": a mention of a proposal reported elsewhere
        before = _actor_ids(sent, mentions, 0, m.start())
        # "according to Umerov, Ukraine proposed": the source is not the agent, unless no one else is named
        # the subject inside the act's own clause ("..., which Russia refused") before anyone named earlier
        lo = hit.clause[0]
        own_clause = lo > 0 and not _REPORTING_BREAK.search(sent, max(0, lo - 45), lo)
        agents = list(_actor_ids(sent, mentions, lo, m.start(), parties=True)) if own_clause else []
        if lo == m.start() and sent.endswith(",", 0, sent.rfind(" ", 0, lo)):
            # "..., ruling out US ground forces": the act of the main clause's subject
            agents = list(_subject([x for x in mentions if x.end <= lo], ctx.lex))
        elif lo > 0 and not agents and _AND_LEAD.search(sent, max(0, lo - 8), lo):
            # "He said ... would send weapons to Ukraine, and gave Russia 50 days": the verb shares the subject
            agents = list(
                ctx.subject if _HE_FIRST.match(sent) else _subject([x for x in mentions if x.end <= lo], ctx.lex)
            )
        agents = agents or list(_actor_ids(sent, mentions, 0, m.start(), parties=True))
        if not agents and _PRONOUN_SUBJECT.search(sent, max(0, m.start() - 25), m.start()):
            agents = list(ctx.subject or ctx.prev_actors)
        elif ctx.prev_actors and (group := _GROUP_SUBJECT.search(sent, max(0, m.start() - 60), m.start())):
            # "..., the visiting leaders demanded": the group the previous sentence named, not a name in a
            # fronted phrase ("At a news conference with Zelensky")
            own = _actor_ids(sent, mentions, group.start(), m.start())
            agents = list(own) if own else list(ctx.prev_actors)
        agents = agents or list(before)
        agents += [a for a in _actor_ids(sent, mentions, m.start(), m.end() + 25) if a not in agents]
        actors = agents or list(all_actors)
    elif hit.type == "ceasefire_violation":
        return [a for a in ctx.actors if a not in sources] or list(ctx.prev_actors)
    elif governor is not None:
        between = _BETWEEN.match(sent, m.end())
        if between:
            own = list(_actor_ids(sent, mentions, between.end(), between.end() + 60))
            if len(own) >= 2:
                return own[:2]
        # "demanded that Russia accept a ceasefire": the parties named between the act and its object
        inside = _actor_ids(sent, mentions, governor.m.end(), m.start(), parties=True)
        if inside:
            return list(inside)
        return all_actors or list(ctx.prev_actors)
    else:
        lo, hi = hit.clause
        between = _BETWEEN.match(sent, m.end()) if hit.type in ("call", "meeting", "negotiation") else None
        if between:
            # "did not rule out a meeting between Putin and Trump": the two it names, not the speaker
            own = list(_actor_ids(sent, mentions, between.end(), between.end() + 60))
            if len(own) >= 2:
                return own[:2]
        actors = list(_actor_ids(sent, mentions, lo, hi, parties=True)) or [a for a in all_actors if a not in sources]
        if lo > 0 and hit.type in (*_TALK_TYPES, "call") and _TITLED_FIRST.fullmatch(sent, 0, lo):
            # "The US president, Donald Trump, and the Russian president, Vladimir Putin, spoke": the first of
            # the two titled names the commas broke off
            actors += [a for a in _actor_ids(sent, mentions, 0, lo, parties=True) if a not in actors]
        if lo > 0 and hit.type in _TALK_TYPES and _HEADED_SUBJECT.match(sent, 0, lo):
            # "The Russian delegation, headed by Medinsky, and the Ukrainian delegation, headed by Umerov, met":
            # the subject the appositives broke into clauses
            actors += [a for a in _actor_ids(sent, mentions, 0, lo, parties=True) if a not in actors]
        # "the two men had spoken by phone", "a phone call between the two presidents"
        pair = _TWO_PEOPLE.search(sent, lo, m.start() + 6) or (between and _TWO_PEOPLE.match(sent, between.end()))
        if pair and not _actor_ids(sent, mentions, pair.start(), m.start()):
            # "the two men had spoken by phone": the two people the sentence before named, or this one before
            # them ("After a call with Putin, Trump announced that the two would meet")
            own = _people(_actor_ids(sent, mentions, 0, pair.start()), ctx.lex)
            people = own if len(own) == 2 else _people(ctx.prev_actors, ctx.lex)
            if not people:
                # the sentence before named nobody: the last two people an act of the article had
                pairs = [p for e in ctx.earlier or () if len(p := _people(e.actors, ctx.lex)) == 2]
                people = pairs[-1] if pairs else people
            if len(people) == 2:
                return people
        if (
            lo > 4
            and (
                sent.endswith("and ", 0, lo)
                or (_GERUND_LEAD.match(sent, lo) and sent[:lo].rstrip().endswith(("after", "before", "while")))
            )
            and not _actor_ids(sent, mentions, lo, m.start(), parties=True)
        ):
            # "X arrived in Kyiv on Monday and held talks with Y", "X spoke after meeting Y": the verb shares X
            subject = _subject([x for x in mentions if x.end <= lo], ctx.lex)
            actors = [*subject, *(a for a in actors if a not in subject)]
        if _OWN_ACT.search(sent, max(0, m.start() - 20), m.start()):
            # "Zelensky backed the idea after his own call with Trump": the subject's call
            subject = _subject([x for x in mentions if x.end <= m.start()], ctx.lex)
            actors = [*subject, *(a for a in actors if a not in subject)]
        if _RELATIVE.search(sent, max(0, lo - 8), lo):
            head = [x.actor for x in mentions if x.actor and not x.located and x.end <= lo and lo - x.end <= 30]
            actors += [a for a in head[-1:] if a not in actors and a not in sources]
        elif lo > 0 and _SELF_CLAIM.fullmatch(sent, lo, m.start()):
            # "Ukraine says it destroyed dozens of aircraft": the sayer is the agent of its own claim
            actors += [a for a in _actor_ids(sent, mentions, 0, lo) if a not in actors]
        elif lo > 0 and _CLAUSE_PRONOUN.search(sent, lo, m.start()):
            # "Zelensky announced that he would visit Washington": the pronoun is the person of the clause before
            before = _clause_bounds(sent, max(0, lo - 1))[0]
            sayer = _SAYER_VERB.search(sent, 0, lo)
            # "Trump said that he was not happy with Putin and that he was considering sanctions": the sayer
            person = (sayer and _subject([x for x in mentions if x.end <= sayer.start()], ctx.lex)) or ()
            person = (
                person
                or _subject([x for x in mentions if before <= x.start and x.end <= lo], ctx.lex)
                or _subject([x for x in mentions if x.end <= lo], ctx.lex)
            )
            actors += [a for a in person if a not in actors]
    if hit.type == "sanctions" and ctx.subject and _PRONOUN_LEAD.search(sent, max(0, hit.clause[0] - 1), m.start()):
        # "Last Wednesday he threatened Russia with sanctions": who threatens is the one the pronoun means
        actors = [*(a for a in ctx.subject if a not in actors), *actors]
    if (
        ctx.anaphoric
        or (not actors and hit.type in ("prisoner_exchange", "attack", "ceasefire"))
        # "The swap had been agreed at the first round of direct talks": the talks of the swap's parties
        or (not actors and hit.type == "negotiation" and _TOLD_SUBJECT.match(sent) is not None)
        # "At that meeting the two agreed to ...": the group the sentence before named
        or (not actors and _GROUP_SUBJECT.search(sent, max(0, m.start() - 60), m.start()))
        # "At their last direct talks, in Istanbul on 23 July, the two sides agreed ...": theirs
        or (not actors and _THEIR.search(sent, max(0, m.start() - 30), m.start()))
    ):
        actors += [a for a in ctx.prev_actors if a not in actors]
    return actors


_PRONOUN_LEAD = re.compile(
    r"\b(?:he|she)\s+(?:\w+\s+){0,2}?(?:threatened|imposed|announced|warned|vowed|promised)\b", _I
)
_ACT_VERB = re.compile(r"^(?:\w+ed|put\s+forward)$", _I)
_AND_LEAD = re.compile(r",?\s+and\s*$")
_PRONOUN_SUBJECT = re.compile(r"\b(?:he|she)\s+(?:also\s+|then\s+|later\s+|had\s+|has\s+)?$", _I)
# a clause opened by reporting ("X said on Monday that ..."): the sayer stays the agent of the act in it
_REPORTING_BREAK = re.compile(r"\b(?:said|says|told|added|announced|confirmed)\b[^,;]{0,30}$")
_SELF_CLAIM = re.compile(
    r"\s*(?:that\s+)?(?:it|they|we)\s+(?:had\s+|has\s+|have\s+|(?:would|will)\s+(?:[a-z]+\s+){1,3}?(?:its|their|the)\s+(?:[a-z-]+\s+){0,2}?(?:on|of)\s+)?",
    _I,
)
_HEADED_SUBJECT = re.compile(r"(?:The|A)\s+[^.;]{0,40}?\b(?:delegation|team|side)s?,\s+(?:headed|led)\s+by\b[^.;]*$")
_TITLED_FIRST = re.compile(
    r"(?:The|the)\s+[^,.;]{0,40}?\b(?:president|leader|minister|chancellor|envoy|secretary),\s+[^,.;]{3,40},\s+and\s*"
)
_THEIR = re.compile(r"\btheir\s+(?:[\w-]+\s+){0,3}$", _I)
_GROUP_SUBJECT = re.compile(
    r"\b(?:the|both|all)\s+(?:[a-z-]+\s+){0,2}?(?:leaders|ministers|presidents|envoys|heads\s+of\s+state"
    r"|heads\s+of\s+government|delegations|negotiators|allies|two|sides)\s+(?:also\s+|then\s+|jointly\s+|later\s+|have\s+|had\s+)?$",
    _I,
)
_SAYER_VERB = re.compile(r"\b(?:said|says|announced|told|added|warned|insisted)\b(?=[^.;]*\bthat\b)", _I)


_DATED_ONLY = frozenset({"attack", "sanctions", "military_aid"})
# "Ukrainian drones hit refineries earlier this month": dated, if only vaguely, so news all the same
_VAGUE_DAY = re.compile(
    r"\b(?:(?:earlier|later)\s+this\s+(?:week|month|year)|recently|in\s+recent\s+(?:days|weeks)|this\s+week)\b", _I
)


def _one_sided(ev: Event, lex: _Lexicon) -> bool:
    """Whether a one-actor event is of a type that needs two sides and its actor is a person or a body."""
    actor = lex.gazetteer.actors.get(ev.actors[0])
    kind = actor.kind if actor else None
    return (ev.type == "negotiation" and kind in ("person", "organisation")) or (
        ev.type == "agreement" and kind == "person"
    )


def _people(actors: Iterable[str], lex: _Lexicon) -> list[str]:
    """The persons among the actor ids."""
    return [a for a in actors if (x := lex.gazetteer.actors.get(a)) and x.kind == "person"]


_OWN_ACT = re.compile(r"\b(?:his|her)\s+(?:own\s+)?(?:[\w-]+\s+)?$", _I)
_TWO_PEOPLE = re.compile(
    r"\b(?:the|both)\s+two\s+(?:men|women|leaders|presidents|heads\s+of\s+state)\b"
    # "Trump announced that the two would meet in Budapest": the two people just named
    r"|\bthe\s+two\s+(?=(?:would|will|could|might|should|had|have|met|meet)\b)",
    _I,
)
_RELATIVE = re.compile(r"\b(?:which|who)\s*$", _I)
_CLAUSE_PRONOUN = re.compile(
    r"\b(?:he|she)\s+(?:\w+\s+){0,2}?(?:would|will|had|has|was|is|could|might|planned|plans|hoped|hopes|wanted"
    r"|wants|intended|intends|expected|expects)\b",
    _I,
)
_BETWEEN = re.compile(r"\s+(?:\w+\s+){0,2}?between\s+", _I)


_ACT_NOUN = re.compile(
    r"^(?:demands?|ultimatum|offer|(?:counter-?)?proposals?|plan|conditions?|calls?(?:\s+for)?|requests?|memorand(?:um|a|ums))$",
    _I,
)
_NOUN_LEAD = re.compile(r"\b(?:the|this|that|its|his|her|their|an?)\s+(?:[\w-]+\s+){0,2}$", _I)
_POSSESSOR_LEAD = re.compile(r"[\w-][\u2019']s\s+(?:[\w-]+\s+){0,2}$", _I)


def _object_of_act(hit: _Hit, speech: list[_Hit], sent: str, reported: bool) -> bool:
    """Whether a speech-act noun is the object of an earlier speech act in its clause.

    'rejected the offer' always; 'rejected Putin's demand' and 'turned the demand down' (the outer act's match
    closes around the noun) when the article already reported an act of that type.
    """
    m = hit.m
    if not _ACT_NOUN.match(m.group()):
        return False
    lead = _NOUN_LEAD.search(sent, max(0, m.start() - 30), m.start())
    if any(h is not hit and h.m.end() <= m.start() and not sent[h.m.end() : m.start()].strip() for h in speech):
        return True  # "rejected calls for a ceasefire": the bare noun right after the act is its object
    if lead is None and not (reported and _POSSESSOR_LEAD.search(sent, max(0, m.start() - 30), m.start())):
        return False
    for h in speech:
        if h is hit or h.clause != hit.clause:
            continue
        if h.m.end() <= m.start() if lead is not None and not reported else h.m.start() < m.start():
            return True
    return False


def _quoted(sent: str, pos: int, opened: bool = False) -> bool:
    """Whether pos lies inside a quotation: a speaker's words are opinion, not the report of an event."""
    before = sent[:pos]
    curly = before.count("\u201c") - before.count("\u201d") + opened
    return curly > 0 or (before.count('"') + opened) % 2 == 1


def _opens_in_quote(text: str, start: int) -> bool:
    """Whether a sentence starting at `start` continues a quotation opened earlier in its paragraph."""
    para = text.rfind("\n", 0, start) + 1
    if para == start:
        return False
    before = text[para:start]
    # a '"' after a digit marks seconds or inches (0'40"), not a quotation
    return before.count("\u201c") > before.count("\u201d") or len(_STRAIGHT_QUOTE.findall(before)) % 2 == 1


_STRAIGHT_QUOTE = re.compile(r'(?<![\d\'])"')


def _window(sent: str, m: re.Match[str], before: int, after: int) -> str:
    return sent[max(0, m.start() - before) : m.start()] + " " + sent[m.end() : m.end() + after]


_GENERIC_SWAPS = re.compile(r"(?:prisoner|pow|captive)s?\s+(?:exchanges|swaps)", _I)
_SWAP_DET = re.compile(r"\b(?:the|two|three|four|five|several|their|its|these|those|latest|\d+)\s+(?:[\w-]+\s+)?$", _I)


_OPEN_QUESTION = re.compile(
    r"\b(?:say|said|know|asked|ask|tell|told|clear|unclear|decide|wondering)\s+whether\b[^.;]*$", _I
)
_NOT_ARMS_TRUCE = re.compile(r"\b(?:trade|tariff|price|pay|salary|media|political)[- ]$")
_DISCUSSED_LIST = re.compile(r"\bdiscuss(?:ed|es|ing)?\s+(?:the\s+)?(?:[\w-]+\s+){0,4}?(?:[\w-]+,\s+){1,3}(?:the\s+)?$")
_RATHER_THAN = re.compile(r"\b(?:rather\s+than|instead\s+of)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}$")
_DECLINED_TO_SAY = re.compile(r"declin\w*\s+to\s+(?:say|comment|confirm|disclose|elaborate|specify|give)\b")


def _keep_trigger(etype: str, m: re.Match[str], sent: str, low: str, after_truce: bool = False) -> bool:
    """Whether a trigger match reads as its type here (`low`: the sentence folded to lower case)."""
    start = m.start()
    if low.find("whether", max(0, start - 60), start) >= 0 and _OPEN_QUESTION.search(sent, max(0, start - 60), start):
        return False  # "He declined to say whether Putin would take a call from Trump": an open question
    if etype == "rejection" and _DECLINED_TO_SAY.match(low, start):
        return False  # declining to comment refuses nothing
    if (
        etype in ("sanctions", "ceasefire", "military_aid", "prisoner_exchange")
        and low.find("discuss", max(0, start - 60), start) >= 0
        and _DISCUSSED_LIST.search(low, max(0, start - 60), start)
    ):
        return False  # "they had discussed the talks in Istanbul, sanctions and the situation": a topic
    if (
        low.find("rather than", max(0, start - 30), start) >= 0
        or low.find("instead of", max(0, start - 30), start) >= 0
    ) and _RATHER_THAN.search(low, max(0, start - 30), start):
        return False  # "going straight for a full peace deal rather than a ceasefire": the road not taken
    if etype == "military_aid" and _STRIKE_WITH.search(low, max(0, start - 60), start):
        return False  # "delivered a massive strike with long-range precision weapons": the arms of an attack
    if etype == "attack":
        return not (
            _ATTACK_SKIP.search(sent[max(0, start - 50) : start]) or _ATTACK_FALSE.match(sent[start : start + 40])
        )
    if etype == "ceasefire":
        if _NOT_ARMS_TRUCE.search(low, max(0, start - 12), start):
            return False  # "a one-year trade truce", "the tariff truce": a deal about trade, no halt in fighting
        around = low[max(0, start - 40) : m.end() + 30]
        return not (_TOPIC_LABEL_LOW.search(around) and not _ACT_LOW.search(low[max(0, start - 25) : start]))
    if etype == "prisoner_exchange" and _GENERIC_SWAPS.fullmatch(m.group()):
        # "the channel is useful for prisoner exchanges": a bare plural with no day is no one exchange
        bare = not _SWAP_DET.search(sent[max(0, start - 30) : start])
        return not (bare and not dates.find_dates(sent))
    if etype == "demand":
        if m.group()[:5].lower() == "only ":
            # "would sign only after a ceasefire", not "learned of the call only after it had taken place"
            return _ONLY_AS_CONDITION.search(sent, max(0, start - 60), start) is not None
        if m.group()[:2].lower() in ("mu", "ha"):
            # "Putin said Ukrainian troops must withdraw": a demand reported, not the writer's own view
            return _REPORTED_MUST.search(sent, max(0, start - 90), start) is not None
        # "this call for the Kremlin": the noun, not "called for"
        return not (
            m.group()[:5].lower() in ("call ", "calls")
            and (_DET_BEFORE.search(sent[max(0, start - 50) : start]) or sent.endswith(("'s ", "\u2019s "), 0, start))
        )
    if etype == "ceasefire_violation":
        # "... ended at midnight. Kyiv said Russian forces had violated it": the truce just reported
        return _TRUCE_WORD.search(sent) is not None or (after_truce and _IT_OBJECT.match(low, m.end()) is not None)
    return not (etype == "meeting" and _MILITARY_MEETING.match(sent, start))


_REPORTED_MUST = re.compile(
    r"\b(?:said|says|told|insisted|insists|warned|repeated)\b[^.;:]{0,60}?\bthat\b|\b(?:said|says)\s+(?-i:[A-Z])"
)
# "agreed, during a long call ..., to suspend for 30 days the strikes": the infinitive is the act itself
_TO_HALT = re.compile(r"to\s(?:cease|suspend|freeze|refrain)")
_ONLY_AS_CONDITION = re.compile(
    r"\b(?:would|will|could|can|said|says|insist\w*|agree\w*|ready|prepared|willing|accept\w*|sign\w*|talk|"
    r"negotiat\w*|meet|withdraw|stop|lift\w*|consider\w*|possible|come|begin|start)\b",
    _I,
)
_NOT_PARTY_LEAD = re.compile(
    r"\bwithout\s+(?:the\s+)?(?:[\w\u2019'-]+\s+(?:or|and|nor)\s+(?:the\s+)?)?$|\bsidelines\s+of\s+(?:the\s+|a\s+|an\s+)?$",
    _I,
)
_INDEFINITE = re.compile(r"\b(?:a|an)\s+(?:[\w-]+\s+)?$", _I)
_IT_OBJECT = re.compile(r"\s+it\b")
_IN_BREACH = re.compile(r",\s+in\s+(?:\w+\s+)?$", _I)
_SETTING_PREP = re.compile(
    r"\b(?:at|in|during|after|before|on|of|since|to|over|about|against)\s+(?:the|this|that|its)\s+(?:[\w-]+\s+)?$", _I
)
_DET_BEFORE = re.compile(r"\b(?:the|this|that|a|his|her|their|its)\s+$", _I)
_TRUCE_WORD = re.compile(_TRUCE + r"|\bpause\b|\bagreement\b|\bdeal\b", _I)
_MILITARY_MEETING = re.compile(r"meeting\s+of\s+(?:\w+\s+){0,2}(?:commanders|officers|troops)")
_TALKS_WITH = re.compile(r"\btalks\s+with\b|\bheld\b", _I)
_REFUSAL = re.compile(r"\b(?:refus|reject|dismiss|declin)\w*", _I)
_WILL = re.compile(r"\b(?:will|'ll|shall|set\s+to|due\s+to|expected\s+to)\b", _I)
_FROM_LEAD = re.compile(r"\b(?:from|starting|until|by|(?:starting|beginning)\s+(?:on|from))\s+$", _I)
_MEMBERS_OF_ONE = re.compile(
    r"\b(?:EU|European\s+Union|NATO|G7|G20|the\s+bloc[\u2019']s|the\s+alliance[\u2019']s)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:leaders|ministers|ambassadors|heads\s+of\s+(?:state|government)|member\s+states)\b[^,.;]{0,40}$"
)
_GROUP_OBJECT = re.compile(r"\s+(?:an?|the|their)\s+(?:[\w-]+\s+){0,2}?(?:delegation|team|negotiators)\b")
_GROUP_WITH = re.compile(
    r"(?:\s+(?:in|at)\s+(?-i:[A-Z][\w-]+)(?:\s+on\s+\w+)?)?\s+with\s+(?:(?:an?|the|their)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:delegations?|teams?|officials|negotiators|diplomats)\b",
    _I,
)
_GROUP_WORDS = re.compile(
    r"\b(?:delegations?|officials|teams?|diplomats|negotiators|sides|countries|Americans|Ukrainians|Russians)\b", _I
)


def _resolve_overlaps(
    hits: list[_Hit], sent: str, mentions: list[_Mention], lex: _Lexicon, pair: bool = False
) -> list[_Hit]:
    """One reading per phrase: a violated truce is not a new truce, talks between two people are a meeting."""
    types = {h.type for h in hits}
    drop: set[str] = set()
    if "ceasefire_violation" in types:
        drop |= {"ceasefire", "agreement"}
        # "drones hit a substation, in violation of the moratorium": the strike is reported in its own right;
        # otherwise the attack words only describe the violation ("accused Moscow of breaking the truce with strikes")
        violations = [h for h in hits if h.type == "ceasefire_violation"]
        if not any(_IN_BREACH.search(sent, 0, v.m.start()) for v in violations):
            # a strike told in a clause of its own before the accusation ("drones struck Mykolaiv, and on
            # Wednesday Kyiv accused Moscow of breaking the truce") is reported in its own right
            hits = [
                h
                for h in hits
                if h.type != "attack" or all(h.clause != v.clause and h.m.end() < v.m.start() for v in violations)
            ]
    if "ceasefire" in types or "prisoner_exchange" in types:
        drop.add("agreement")
    if "ceasefire" in types and "attack" in types:
        # "a halt of 30 days to strikes by long-range drones": the strikes are what the truce would stop
        truces = [(h.m.start(), h.m.end()) for h in hits if h.type == "ceasefire"]
        hits = [h for h in hits if h.type != "attack" or not any(a <= h.m.start() < b for a, b in truces)]
    out = [h for h in hits if h.type not in drop] if drop else list(hits)
    if "agreement" in types and "proposal" in types:
        # "signed a memorandum", "sealed the framework": the document signed is the agreement, not a proposal
        signed = [
            h.m.end() for h in out if h.type == "agreement" and h.m.group()[:4].lower() in ("sign", "seal", "clin")
        ]
        spans = [(h.m.start(), h.m.end()) for h in out if h.type == "agreement"]
        out = [
            h
            for h in out
            if not (
                h.type == "proposal"
                and (
                    any(0 <= h.m.start() - e <= 40 for e in signed)
                    or any(a <= h.m.start() < b for a, b in spans)  # "agreed an updated framework"
                )
            )
        ]
    if "agreement" in types:
        # a bare "agreed" is read through what was agreed ("agreed to a truce"); "agreed a framework" stands
        agreed = [h for h in out if h.type == "agreement" and h.m.group().lower() == "agreed"]
        if agreed:
            a = agreed[0]
            if any(h.type not in SPEECH_ACTS and h.type != "agreement" and h.m.start() > a.m.start() for h in out):
                out.remove(a)
    if "meeting" not in types and "negotiation" not in types:
        return out  # the rest only rereads talks and meetings
    if "call" in types:
        calls = [h for h in out if h.type == "call"]
        out = [
            h
            for h in out
            if not (
                h.type in ("meeting", "negotiation")
                and any(c.m.start() - 12 <= h.m.start() < c.m.end() + 1 for c in calls)  # "hosted a video call"
            )
        ]
    if any(h.type == "meeting" and _TRAVEL.match(h.m.group()) for h in out):
        # "flew to Abu Dhabi on Sunday for talks on ...", "arrived ... and held talks with Mr Ramaphosa": the
        # talks of a visit are the visit, or a meeting with the person they name ("and held talks with
        # Zelensky on Tuesday"), unless delegations hold them
        actors = lex.gazetteer.actors
        visit: list[_Hit] = []
        for h in out:
            if (
                h.type != "negotiation"
                or _GROUP_WORDS.search(sent, h.clause[0], h.clause[1])
                or _GROUP_WITH.match(sent, h.m.end())
            ):
                visit.append(h)
            elif any(
                x.actor in actors and actors[x.actor].kind == "person" and h.m.end() <= x.start < h.clause[1]
                for x in mentions
            ):
                visit.append(_Hit("meeting", h.m, h.clause))
        out = visit
    welcomed = next((h for h in out if h.type == "meeting" and _WELCOMED_BY.match(h.m.group())), None)
    trip = welcomed and next((h for h in out if h.type == "meeting" and h.m.start() < welcomed.m.start()), None)
    if trip:
        # "travelled to Kyiv ..., and was welcomed by President Zelensky": one visit, its host among those met
        joined = _Hit(trip.type, trip.m, (trip.clause[0], max(trip.clause[1], welcomed.clause[1])))
        out = [joined if h is trip else h for h in out if h is not welcomed]
    for clause in {h.clause for h in out if h.type in ("meeting", "negotiation")}:
        lo, hi = clause
        mine = [h for h in out if h.clause == clause and h.type in ("meeting", "negotiation")]
        if pair or _PERSONS_ANAPHOR.match(sent) or any(_TRAVEL.match(h.m.group()) for h in mine):
            continue  # "the two leaders agreed to meet", "leaders travelled to Kyiv": people, not delegations
        people = {
            x.actor
            for x in mentions
            if x.actor and x.place is None and x.actor not in _DEMONYM_IDS and lo <= x.start < hi
        }
        if lo > 4 and sent.endswith("and ", 0, lo):  # "X arrived on Monday and held talks with Y"
            people.update(_subject([x for x in mentions if x.end <= lo], lex))
        first = min(h.m.start() for h in mine)
        if _MEMBERS_OF_ONE.search(sent, max(0, first - 70), first):
            # "EU foreign ministers meeting in Brussels on Monday", "NATO leaders met in The Hague": a body's
            # own gathering, a meeting (the test of talks is two sides)
            kept_one = mine[0]
            out = [h for h in out if h not in mine or h is kept_one]
            out = [_Hit("meeting", h.m, h.clause) if h is kept_one else h for h in out]
            continue
        # "Kyiv's team proposed a meeting between Putin and Zelensky": the leaders meet, not the team
        group = (
            _GROUP_WORDS.search(sent[lo:first]) is not None
            # "... met a Ukrainian team headed by", "held talks in Paris with officials from Ukraine"
            or any(_GROUP_OBJECT.match(sent, h.m.end()) or _GROUP_WITH.match(sent, h.m.end()) for h in mine)
        ) and not any(h.type == "meeting" and _between_leaders(h, sent, mentions, lex) for h in mine)
        kinds = {h.type for h in mine}
        if kinds == {"meeting", "negotiation"}:
            loser = "meeting" if group or not people else "negotiation"
            out = [h for h in out if not (h.clause == clause and h.type == loser)]
        elif (
            kinds == {"meeting"}
            and (group or not people)
            and not _TWO_PEOPLE.search(sent, lo, first + 6)
            # "Trump and Zelensky sat on two chairs ..., their first meeting since February": the two people's
            and not (
                not group
                and _THEIR_LEAD.search(sent, max(0, first - 30), first)
                and len(_people({x.actor for x in mentions if x.actor and x.end <= first}, lex)) >= 2
            )
        ):
            # "the two leaders talked": people, though the clause names none
            out = [_Hit("negotiation", h.m, h.clause) if h in mine else h for h in out]
        elif (
            kinds == {"negotiation"}
            and not group
            and people
            and (
                # "Umerov ... held talks with Witkoff and Kushner": envoys and negotiators hold rounds; a leader's
                # talks with another are a meeting
                (
                    len(people) >= 2
                    and _TALKS_WITH.search(sent, lo, hi)
                    and any(
                        _LEADER_ROLE.search(" ".join(r.roles)) for a in people if (r := lex.gazetteer.actors.get(a))
                    )
                )
                # "Prime Minister Narendra Modi and Russian President Vladimir Putin held talks": two leaders by title
                or len(_LEADER_TITLE.findall(sent, lo, first)) >= 2
            )
        ):
            out = [_Hit("meeting", h.m, h.clause) if h in mine else h for h in out]
    return out


_LEADER_TITLE = re.compile(
    r"\b(?:President|Prime\s+Minister|Chancellor|King|Emir|Crown\s+Prince)\s+(?:[A-Z][\w-]+\s+)*[A-Z]"
)
_LEADER_ROLE = re.compile(
    r"\b(?:[Ff]oreign [Mm]inister|[Ss]ecretary of [Ss]tate|[Pp]resident|[Pp]rime [Mm]inister|[Cc]hancellor|[Kk]ing"
    r"|[Pp]ope|[Cc]rown [Pp]rince|[Ee]mir)\b"
)


def _between_leaders(hit: _Hit, sent: str, mentions: list[_Mention], lex: _Lexicon) -> bool:
    between = _BETWEEN.match(sent, hit.m.end())
    if between is None:
        return False
    actors = lex.gazetteer.actors
    named = [
        x.actor
        for x in mentions
        if x.actor and between.end() <= x.start < between.end() + 60 and actors[x.actor].kind == "person"
    ]
    return len(set(named)) >= 2


_PERSONS_ANAPHOR = re.compile(
    r"^(?:He|She|The\s+(?:two|three|four|five)\s+(?:[A-Z]\w+\s+)?(?:leaders|men|women|presidents)|Both\s+(?:leaders|men))\b"
)
_WELCOMED_BY = re.compile(r"(?:was|were)\s", _I)
_TRAVEL = re.compile(r"(?:travel|flew|fly|flies|arriv)", _I)


def _cues(words: str) -> re.Pattern[str]:
    """Literals of which every match of a cue regex holds one, matched case-sensitively on the folded lower-case
    sentence: a cheap test that lets the full regex run only where it can match."""
    return re.compile(_trie_pattern(words.split()))


# One cue set per regex of _status (each regex match contains one of its literals, in lower case).
_NEGATION_CUES = _cues("no n't never without neither fail denied unsigned absence lack")
_ANY_CUES = _cues("any every")
_CONDITIONAL_CUES = _cues("if unless once only until")
_PROPOSED_CUES = _cues(
    "may might could possib probab perhap shelv scrap potential ready willing prepared hope want seek"
    " sought push call urg propos offer suggest demand insist threat warn consider if unless once only"
    " idea plan accept endors back support favo reject refus dismiss declin ruled press cancel postpon"
    " arrang condition agree prospect should gave face supposed invit open proceed ahead hold"
)
_LATER_MODAL_CUES = _cues("could may might would if unless")
_SCHEDULED_CUES = _cues(
    "will 'll shall would due set scheduled expected slated plan held going upcoming agreed agreement deal next is to"
    " pledged promised vowed committed undertook"
    " are to"
)
_LATER_SCHEDULED_CUES = _cues("will due set would")
_LATER_CANCEL_CUES = _cues("off cancel postpon shelv scrap hold")
_LATER_CANCEL = re.compile(
    r"[^.;]{0,120}?\b(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:also\s+|since\s+|later\s+)?(?:called\s+off"
    r"|cancel+ed|postponed|shelved|scrapped|put\s+on\s+hold)\b",
    _I,
)


def _status(etype: str, m: re.Match[str], sent: str, clause: tuple[int, int], governed: bool, low: str) -> str | None:
    """Status from negation, conditions and modality around a trigger; `low` is the sentence folded to lower
    case, in which each regex's cue words are looked up before the regex itself runs."""
    c_start, c_end = clause
    m_start, m_end = m.start(), m.end()
    n_start = max(c_start, m_start - 45)
    if _NEGATION_CUES.search(low, n_start, m_start):
        near = sent[n_start:m_start]
        if _NEGATION.search(near) and not _REFUSAL.search(near) and not _AND_PAST.match(sent, m_start - 4, m_end):
            if _NOT_AGAINST.search(near):
                return "proposed"  # "not against meeting Zelensky", "did not rule out talks": open to it
            return None
    if _ANY_CUES.search(low, n_start, m_start) and _ANY.search(sent[n_start:m_start]):
        return None
    if _CONDITIONAL_CUES.search(low, max(0, c_start - 12), m_start) and _CONDITIONAL.search(
        sent, max(0, c_start - 12), m_start
    ):
        return None
    if (
        (low.find("should", 0, m_start) >= 0 or low.find("must", 0, m_start) >= 0 or low.find("ought", 0, m_start) >= 0)
        and (own := _OWN_VOICE.match(sent)) is not None
        and own.end() <= m_start
    ):
        return None  # "The Europeans must insist that ...", "Washington should make clear ...": the writer's advice
    if etype in SPEECH_ACTS:
        return "scheduled" if _WILL.search(sent[c_start:m_start]) else "occurred"
    if etype == "ceasefire_violation":
        return "occurred"
    if low.find("during", max(c_start, m_start - 40), m_start) >= 0 and _DURING.search(
        sent, max(0, m_start - 40), m_start
    ):
        return "occurred"  # "agreed to meet during a phone call": the call is the setting, it took place
    if (
        governed
        or (_PROPOSED_CUES.search(low, c_start, m_start) and _PROPOSED.search(sent[c_start:m_start]))
        or (_LATER_MODAL_CUES.search(low, m_end, c_end) and _LATER_MODAL.match(sent[m_end:c_end]))
    ):
        return "occurred" if etype == "attack" else "proposed"
    if _LATER_CANCEL_CUES.search(low, m_end, c_end) and _LATER_CANCEL.match(sent, m_end, c_end):
        return "proposed"  # "a meeting ..., planned for the following week, was also called off"
    if etype in ("negotiation", "meeting") and _WHICH_ENDED.match(sent, m_end):
        return "occurred"  # "their first direct talks ..., which ended after less than two hours"
    scheduled = _SCHEDULED_CUES.search(low, c_start, m_end) and _SCHEDULED.search(sent[c_start:m_start] + m.group())
    if scheduled and etype == "ceasefire" and scheduled.group()[:3].lower() in ("agr", "did"):
        return "occurred"  # "agreed to halt strikes": agreeing to a truce is the truce
    if scheduled and _HAD_BEEN_DUE.search(sent, max(c_start, scheduled.start() + c_start - 16), m_start + 1):
        return "proposed"  # "Zelensky and Trump had been scheduled to meet that day": a plan that fell through
    if scheduled or (_LATER_SCHEDULED_CUES.search(low, m_end, c_end) and _LATER_SCHEDULED.match(sent[m_end:c_end])):
        return None if etype == "attack" else "scheduled"
    return "occurred"


# "was not seeking peace and called on the US to respond": a past-tense verb after 'and' is a new, positive act
# (not "did not meet and talk")
_AND_PAST = re.compile(r"and\s(?:[a-z]+ed|met|spoke|held|sent|gave|made|took)\b")
# a sentence whose first verb is the writer's own 'should'/'must', with nobody reported saying it
_OWN_VOICE = re.compile(
    r"^(?:(?:But|And|So|Now|Still|Instead),?\s+)?(?:The\s+|This\s+)?(?:(?!(?:said|says|told|tells|argued|argues|insisted"
    r"|wrote|writes)\b)[\w\u2019'-]+\s+){0,3}?(?:should|must|ought\s+to)\s"
    r"(?![^.;]*\b(?:said|says|told|tells|argued|argues|according|insisted|insists|warned|warns)\b)"
)
_STRIKE_WITH = re.compile(
    r"\b(?:strikes?|attacks?|struck|hit|fired|bombarded|shelled)\b[^.;]{0,40}\bwith\s+(?:[\w-]+\s+){0,3}$"
)
_AGREED_AT_TALKS = re.compile(
    r"\b(?:agreed|reached|signed|decided)\s+(?:at|during)\s+(?:the|their)\s+(?:[\w-]+\s+){0,2}?(?:talks|meeting|summit"
    r"|negotiations)\b",
    _I,
)
_THEIR_LEAD = re.compile(r"\btheir\s+(?:[\w-]+\s+){0,2}$", _I)
_HAD_BEEN_DUE = re.compile(r"\bhad\s+been\s+(?:due|scheduled|expected|set|supposed|slated|planned)\s+to\b", _I)
_WHICH_ENDED = re.compile(
    r"[^.;:]{0,80}?,\s+(?:which|that)\s+(?:ended|lasted|took\s+place|were\s+held|was\s+held|broke\s+up|began)\b", _I
)
_DURING = re.compile(r"\bduring\s+(?:a|an|the|their|his|her|its)\s+(?:[\w-]+\s+){0,2}$", _I)
_FOR_DATE = re.compile(
    r"\b(?:for|from|starting|beginning|until|(?:starting|beginning)\s+(?:on|from))\s+(?:the\s+)?$", _I
)
_AFTER_BACKGROUND = re.compile(
    r"\b(?:after|following)\s+(?:the\s+|a\s+|an\s+|their\s+|last\s+week's\s+)?(?:[\w-]+\s+)?(?:talks|meeting|meetings"
    r"|negotiations|consultations|call|summit|round|session)\b[^.;,]{0,70}$",
    _I,
)


def _after_background(sent: str, trigger_end: int, date_start: int) -> bool:
    """Whether a date after the trigger sits in an 'after talks ... on Sunday' modifier of the event's object."""
    return date_start > trigger_end and _AFTER_BACKGROUND.search(sent, trigger_end, date_start) is not None


_DEADLINE_LEAD = re.compile(
    r"\b(?:by|until)\s+(?:the\s+)?(?:(?-i:[A-Z])[\w-]+,\s+)?$", _I
)  # "by Thanksgiving, 27 November"
_ACCUSE = re.compile(r"\b(?:accus\w+|charged|claimed|said|says)\b", _I)


_PAIR_NEXT = re.compile(r"\s*(?:the|both)\s+(?:two\s+)?(?:men|women|leaders|presidents)\s+(?:then\s+)?[a-z]+ed\b", _I)
_PAIR_LEADS = (" before", " and", " when", " where")


def _event_date(
    hit: _Hit,
    sent: str,
    mentions: list[dates.DateMention],
    ctx: _Context,
    status: str,
    governor: _Hit | None,
) -> tuple[dt.date | None, dt.date | None]:
    if hit.type == "demand":
        # "wanted an answer from Kyiv by Thursday": the deadline is what is demanded, not when
        mentions = [
            d
            for d in mentions
            if d.start < hit.m.end() or not _DEADLINE_LEAD.search(sent, max(0, d.start - 30), d.start)
        ]
    if mentions and (" after " in sent or " following " in sent):
        # "presented a revised plan, reworked after talks in Florida on Sunday": that day is the talks'
        mentions = [d for d in mentions if not _after_background(sent, hit.m.end(), d.start)]
    if _HAD_AT.search(sent, hit.clause[0], hit.clause[1]) and not (governor is not None and hit.type in _TALK_TYPES):
        # "Zelensky said on Thursday that he had asked Trump at the meeting for ...": the day of that meeting
        setting = _setting_date(sent[hit.clause[0] : hit.clause[1]], ctx.earlier or [])
        if setting[0] is not None:
            return setting
    if not mentions:
        return ctx.inherited if status != "scheduled" or ctx.anaphoric or ctx.announced else (None, None)
    if len(mentions) > 1 and ctx.published is not None:
        # "On Friday, ..., his fourth meeting this year": a vague period dates nothing, the day named does
        concrete, vague = [], []
        for d in mentions:
            (concrete if dates.resolve_mention(d, ctx.published, "past")[0] is not None else vague).append(d)
        if concrete and vague and concrete[0].end <= hit.m.start() <= vague[0].start:
            mentions = concrete
    if (
        governor is None
        and hit.type != "ceasefire_violation"
        and not any(d.start >= hit.clause[0] and d.end <= hit.clause[1] for d in mentions)
    ):
        # "X said on Tuesday (that) ...": a reported act, or a plan announced without a date of its own,
        # takes the date of the report
        said = [d for d in mentions if d.end <= hit.clause[0] and hit.clause[0] - d.end <= 12]
        if said and _SAID_GAP.match(sent, said[-1].end, hit.clause[0]):
            return dates.resolve_mention(said[-1], ctx.published, "past")
        # "Trump said on Sunday that he was not happy ... and that he was considering sanctions": every
        # 'that' clause the dated verb reports
        said = [
            d for d in mentions if d.end <= hit.clause[0] and _REPORTED_ON.search(sent, max(0, d.start - 30), d.start)
        ]
        if (
            said
            and _THAT_NEXT.match(sent, said[-1].end)
            and _AND_THAT.search(sent, max(0, hit.clause[0] - 12), hit.m.start())
            and ";" not in sent[said[-1].end : hit.m.start()]
        ):
            return dates.resolve_mention(said[-1], ctx.published, "past")
        # "On Wednesday, before the truce began, drones attacked ...": a fronted date scopes over the sentence
        first = mentions[0]
        aside = _SUBJECT_ASIDE.match(sent)
        if (
            (
                (_FRONTED.fullmatch(sent, 0, first.start) and _FRONTED_END.match(sent, first.end))
                # "Donald Trump, in a sharp rebuke on Thursday, told ...": the aside dates the subject's acts
                or (aside is not None and aside.start(1) <= first.start and first.end <= aside.end(1))
            )
            and not _RELATIVE.search(sent, max(0, hit.clause[0] - 8), hit.clause[0])  # ", which was ...": background
        ):
            # "On Sunday, Umerov is due to lead ...": the tense of the clause the fronted date opens
            return dates.resolve_mention(
                first, ctx.published, dates.tense_of(sent[: _clause_bounds(sent, first.end + 2)[1]])
            )
        # "flew to Ankara on Thursday and met Erdogan": the coordinated verb shares the day
        opens = hit.clause[0] + len(sent[hit.clause[0] :]) - len(sent[hit.clause[0] :].lstrip())
        if (
            hit.clause[0] > 4
            and sent[: hit.clause[0]].rstrip().endswith(" and")
            and not sent.startswith(("has ", "have ", "had "), opens)  # a perfect tells another time
        ):
            prior = [d for d in mentions if d.end <= hit.clause[0]]
            if prior and _clause_bounds(sent, prior[-1].start)[1] == hit.clause[0] - 4:
                return dates.resolve_mention(prior[-1], ctx.published, dates.tense_of(sent[: prior[-1].end]))
            # "demanded on Saturday that Russia accept a truce from Monday, and threatened sanctions": the
            # subject's next act shares the day of its first, not the day its object was set for
            acts = [d for d in prior if not _OWNER_LEAD.search(sent, max(0, d.start - 20), d.start)]
            if acts and (_VERB_START.match(sent, opens) or sent.startswith(("was ", "were "), opens)):
                return dates.resolve_mention(acts[0], ctx.published, "past")
        # "was welcomed by Zelensky yesterday before the two men signed ...": the pair's next act, that day
        prior = [d for d in mentions if d.end <= hit.clause[0]]
        if prior and _PAIR_NEXT.match(sent, hit.clause[0]) and sent[: hit.clause[0]].rstrip().endswith(_PAIR_LEADS):
            return dates.resolve_mention(prior[-1], ctx.published, "past")
        # "came home on 24 August, Independence Day, when Russia and Ukraine swapped ...": the day it names
        prior = [d for d in mentions if d.end <= hit.clause[0] and hit.clause[0] - d.end <= 45]
        if prior and _WHEN_AFTER_DATE.fullmatch(sent, prior[-1].end, hit.clause[0]):
            return dates.resolve_mention(prior[-1], ctx.published, "past")
        # "The breakthrough came late on Tuesday in Jeddah, where a US delegation ... met ...": the day of the place
        prior = [d for d in mentions if d.end <= hit.clause[0]]
        where = _WHERE_AFTER_DATE.match(sent, prior[-1].end) if prior else None
        if where and where.end() <= hit.m.start() and dates.tense_of(sent[: prior[-1].end]) == "past":
            return dates.resolve_mention(prior[-1], ctx.published, "past")
        # "Ukraine said yesterday it was ready ..., after eight hours of talks": talks that the reported act
        # followed ended the day it was reported
        after = _AFTER_PHRASE.search(sent, max(0, hit.m.start() - 70), hit.m.start())
        if after and hit.type in ("negotiation", "meeting", "call"):
            prior = [d for d in mentions if d.end <= after.start()]
            if prior:
                return dates.resolve_mention(prior[-1], ctx.published, "past")
        # "... in the Oval Office that day": the day the sentence named before
        if _THAT_DAY.search(sent, hit.clause[0], hit.clause[1]):
            prior = [d for d in mentions if d.end <= hit.clause[0]]
            if prior:
                return dates.resolve_mention(prior[-1], ctx.published, "past")
        return (None, None)
    anchor = hit.m.start()
    c_start, c_end = hit.clause
    if hit.type == "ceasefire_violation":
        acc = [a for a in _ACCUSE.finditer(sent) if a.start() < anchor]
        if acc:
            anchor = acc[0].start()
            c_start, c_end = _clause_bounds(sent, anchor)
    if governor is not None:
        own = [d for d in mentions if d.start > governor.m.end()]
        pool = own or mentions
        anchor = anchor if own else governor.m.start()
    else:
        in_clause = [d for d in mentions if d.start >= c_start and d.end <= c_end]
        pool = in_clause or (mentions if hit.type == "ceasefire_violation" else [])
    if status == "scheduled" and pool:
        # "talks on Wednesday ended with an agreement to exchange prisoners": the day of the agreement,
        # not of the exchange it schedules
        agreed = [a.end() for a in _AGREED_TO.finditer(sent, c_start, hit.m.start())]
        if agreed:
            first = pool[0]
            pool = [d for d in pool if d.start > agreed[-1]]
            if not pool and _FRONTED.fullmatch(sent, 0, first.start) and _FRONTED_END.match(sent, first.end):
                # "At their last talks, in Istanbul on 23 July, the two sides agreed to swap ...": agreed then
                return dates.resolve_mention(first, ctx.published, "past")
    if not pool:
        return None, None
    span_end = hit.m.end() if anchor == hit.m.start() else anchor
    m_end = hit.m.end()
    free = [d for d in pool if not _owned_by_other(d, hit, sent)]
    if len(free) > 1:
        # "Tuesday's talks followed a call ... last Wednesday": Tuesday is the talks', the call has its own day
        free = [d for d in free if not _possessed_by_other(d, hit, sent)] or free
    own = [d for d in free if 0 <= d.start - m_end <= 60 and _FOR_DATE.search(sent[max(0, d.start - 20) : d.start])]
    if not free:
        # "demanded a truce starting on Monday": Monday is the truce's; the act takes an earlier date of the
        # sentence ("On Saturday 10 May, ... demanded ...") or none
        earlier = [d for d in mentions if d.end <= hit.m.start() and not _owned_by_other(d, hit, sent)]
        if not earlier:
            return None, None
        free = earlier[-1:]
    pool = own or free
    # "a truce for May 8-10", "a ceasefire from Monday": the noun's own date, which other acts do not take
    best = min(pool, key=lambda d: d.start - span_end if d.start >= span_end else anchor - d.end)
    lead = sent[max(0, best.start - 20) : best.start]
    b_start, _ = _clause_bounds(sent, best.start)
    led = _FROM_LEAD.search(lead)
    if led and led.group().lower().startswith("by") and _PAST_BY.match(sent, best.end):
        led = None  # "By Sunday morning the president was accusing ...": a past deadline, told in the past
    if led and best.start > hit.m.end() and _PAST_ACT.match(hit.m.group()):
        led = None  # "swapped 1,000 prisoners each from Friday to Sunday": the days it was done, gone by
    # a date before the trigger takes the tense of the words up to the trigger ("On Sunday, X is due to lead")
    # (not a report's day: "said Tuesday he would meet" is past)
    reported = _SAID_BEFORE.search(sent, max(0, best.start - 60), best.start) or _REPORT_VERB.search(
        sent, best.end, max(best.end, hit.m.start())
    )
    upto = best.end if reported else max(best.end, hit.m.start())
    tense = "future" if led else dates.tense_of(sent[b_start:upto])
    if (
        governor is not None
        and best.kind == "weekday"
        and hit.type in _TALK_TYPES
        and governor.type in ("proposal", "demand")
        and best.start > hit.m.end()
        and not _REPORT_VERB.search(sent, hit.m.end(), best.start)
    ):
        tense = "future"  # "proposed that the two sides resume talks in Istanbul on Thursday": what is asked lies ahead
    base = ctx.published
    if governor is not None and tense == "future" and best.start > governor.m.end():
        # "demanded on Saturday a truce from Monday": the Monday after the demand, not after publication
        told = [d for d in mentions if d.end <= best.start]
        if told:
            base = dates.resolve_mention(told[-1], ctx.published, "past")[0] or base
    elif ctx.narrative is not None and best.kind == "weekday" and not best.get("wmod") and tense == "past":
        base = ctx.narrative + dt.timedelta(days=6)  # the first such weekday after the day the story told
    return dates.resolve_mention(best, base, tense)


_HAD_AT = re.compile(r"\bhad\s+(?:\w+\s+){0,3}?(?:at|during)\s+(?:the|that)\s+(?:meeting|talks|summit|call)\b", _I)
_SAID_BEFORE = re.compile(r"\b(?:said|says|told|announced|wrote|confirmed|added)\b[^,;]{0,50}$", _I)
_REPORT_VERB = re.compile(
    r"\b(?:said|says|told|announced|wrote|confirmed|added|indicated|signalled|signaled|suggested|hinted|warned)\b", _I
)
_AGREED_TO = re.compile(r"\b(?:agreed|agreement|deal)\s+to\b", _I)
_SAID_GAP = re.compile(r"(?:\s+(?:\w+\s+){0,2}?(?:that|it|he|she|they|the))?\s*$|\s+that\b", _I)
# A leading "• Jeddah deal: " or dateline "Warsaw – ", then "On Friday, ...", "Speaking in Ankara on Wednesday, ...".
_FRONTED = re.compile(
    r"(?:[\u2022*\u2013-]\s*)?(?:[A-Z][^:,.]{0,30}:\s+|[A-Z][\w .'/-]{0,30}\s[\u2013\u2014-]\s)?"
    r"(?:(?:Speaking|Writing|Talking|Appearing|Addressing)\b[^,]{0,40}?\s+|(?:In|At|During)\s+(?:an?|the|his|her|their|its)"
    r"\s+[^,]{0,90}?(?:,\s+in\s+(?-i:[A-Z][\w-]+))?\s+(?=on\s)|(?:After|Following)\s+[^,]{0,70}?\s+)?(?:(?:On|Late|Early|Earlier|Later|By|In\s+the\s+(?:early|small)\s+hours\s+of)\s+(?:on\s+)?)?",
    _I,
)  # "On Friday, ...", "Speaking in Ankara on Wednesday, ...", "In an interview on Friday, ..."
_FRONTED_END = re.compile(
    r"(?:\s+(?:morning|afternoon|evening|night))?(?:\s+(?:after|before|following)\s+(?:the\s+)?[\w-]+)?"
    r"(?:\s+in\s+(?-i:[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?))?"  # "On 3 September in Beijing, ..."
    r"(?:,|(?-i:\s+(?=[A-Z][a-z]|the\s+[A-Z])))",  # "On Friday, ...", "On Friday Trump said", "... the White House"
    _I,
)
_PAST_BY = re.compile(r"(?:\s+(?:morning|afternoon|evening|night))?,?\s+(?:[\w'-]+\s+){1,4}?(?:was|were|had)\b", _I)
_VERB_START = re.compile(r"(?:also\s+|then\s+|later\s+)?[a-z]+ed\b")
_SUBJECT_ASIDE = re.compile(r"[A-Z][^,]{1,40},(\s+(?:in|at|during|speaking|writing|on)\b[^,]{3,70}),\s+[a-z]")
_WHERE_AFTER_DATE = re.compile(r"(?:\s+(?:in|at)\s+[^,;]{1,40})?,\s+where\b")
_WHEN_AFTER_DATE = re.compile(r"(?:,\s+[^,;]{1,30})?,?\s+when\s*")
_REPORTED_ON = re.compile(
    r"\b(?:said|says|announced|told\s+[\w ]{1,30}?|added|confirmed|warned)\s+(?:(?:late|early)\s+)?(?:on\s+)?$", _I
)
_THAT_NEXT = re.compile(r"(?:\s+(?:morning|afternoon|evening|night))?,?\s+that\b", _I)
_AND_THAT = re.compile(r"\b(?:and|but)\s+that\b", _I)
_AFTER_PHRASE = re.compile(r",\s+(?:just\s+)?(?:after|following)\s+[^,;]*$", _I)
_THAT_DAY = re.compile(r"\bthat\s+(?:same\s+)?day\b", _I)
_OWNER_LEAD = re.compile(
    r"\b(?:from|for|starting|beginning|until(?:\s+[A-Z][\w-]*,)?|(?:starting|beginning)\s+(?:on|from))\s+(?:the\s+)?$",
    _I,
)


_POSSESSIVE_DATE = re.compile(r"(?:'s|\u2019s)\s")
_OWN_NOUN_GAP = re.compile(r"(?:[\w-]+\s+)?")  # "Tuesday's lengthy call": at most one word before the noun
_BARE_AFTER_NOUN = re.compile(r"\b(?:talks|negotiations|meeting|summit|truce|ceasefire|exchange|swap|call)\s+$", _I)


def _owned_by_other(d: dates.DateMention, hit: _Hit, sent: str) -> bool:
    """A date led by 'from/for' right after a noun of another event ("a truce from Monday 12 May") is that
    event's date, not the date of the act around it."""
    if (
        hit.type in SPEECH_ACTS
        and hit.m.start() < d.start
        and d.end <= hit.m.end()
        and "until" in sent[hit.m.start() : d.start]
    ):
        return True  # "Kyiv had until Thanksgiving, 27 November, to accept": the deadline, not the demand's day
    if (
        hit.type in SPEECH_ACTS
        and d.start >= hit.m.end()
        and _BARE_AFTER_NOUN.search(sent, max(0, d.start - 25), d.start)
        and _names_other_event(hit, sent[hit.m.end() : d.start])
        # "had proposed the Istanbul talks last Sunday": a day gone by dates the act; talks offered lie ahead
        and not d.text.lower().startswith(("last ", "yesterday", "earlier this"))
    ):
        return True  # "Kyiv had offered Moscow a new round of talks this week": the talks' week, not the offer's
    part = _PARTICIPLE_LEAD.search(sent, max(0, d.start - 30), d.start)
    if part and part.start() > hit.m.end() and _names_other_event(hit, sent[hit.m.end() : part.start()]):
        return True  # "a ceasefire ..., after talks that brought a promise to lift the freeze imposed last week"
    if not _OWNER_LEAD.search(sent, max(0, d.start - 20), d.start):
        return False
    if d.start < hit.m.end():
        # "demanded a ceasefire from Monday 12 May, threatening new sanctions": the truce's date, not theirs
        return d.end <= hit.m.start() and _names_other_event(hit, sent[max(0, d.start - 40) : d.start])
    return _names_other_event(hit, sent[hit.m.end() : d.start])


def _possessed_by_other(d: dates.DateMention, hit: _Hit, sent: str) -> bool:
    """Whether the date is a possessive ("Tuesday's talks") of a noun other than the hit's trigger."""
    own = _POSSESSIVE_DATE.match(sent, d.end)
    return own is not None and not _OWN_NOUN_GAP.fullmatch(sent, own.end(), max(own.end(), hit.m.start()))


def _names_other_event(hit: _Hit, text: str) -> bool:
    """Whether `text` holds a noun of an event of another type than the hit's ("the truce" for a demand)."""
    return any(_family_noun(n.group()) != hit.type for n in _OTHER_NOUN.finditer(text))


def _family_noun(noun: str) -> str:
    """The event type an event noun names ("swap" -> prisoner_exchange)."""
    word = noun.lower()
    if word in ("exchange", "swap"):
        return "prisoner_exchange"
    if word in ("talks",):
        return "negotiation"
    if word in ("meeting", "summit"):
        return "meeting"
    return "ceasefire"


_OTHER_NOUN = re.compile(rf"\b(?:{_TRUCE}s?|talks|meeting|summit|exchange|swap|pause|halt|freeze)\b", _I)
# a past participle right before a date: the date of the noun it qualifies ("the freeze imposed last week")
_PARTICIPLE_LEAD = re.compile(
    r"\b(?:imposed|ordered|announced|introduced|declared|unveiled|adopted|approved|agreed|signed|reached|held)"
    r"\s+(?:(?:on|in|earlier|late|early)\s+)?$",
    _I,
)


def _merge(events: list[Event], lex: _Lexicon) -> list[Event]:
    """One event per type + date + actors in an article; undated mentions fold into a dated one."""
    # per kept event: its actors and the states behind them, computed once rather than on every comparison
    kept: list[tuple[Event, set[str], set[str]]] = []
    by_type: dict[str, list[tuple[Event, set[str], set[str]]]] = {}
    for ev in sorted(events, key=lambda e: (e.date is None, e.start)):
        actors = set(ev.actors)
        states = _states(ev.actors, lex) if ev.date is not None and ev.type != "ceasefire_violation" else actors
        row = (ev, actors, states)
        same_type = by_type.setdefault(ev.type, [])
        match = next((i for i, k in enumerate(same_type) if _same(row, k)), None)
        if match is None and any(k[0].start == ev.start and k[0].date == ev.date and actors <= k[2] for k in same_type):
            # "Pope Leo XIV received Zelensky ..., in a private meeting that the Holy See described as brief": the
            # same meeting again, told by the body of one who took part
            continue
        if match is None:
            same_type.append(row)
            kept.append(row)
            continue
        first = same_type[match][0]
        if first.start == ev.start and first.date == ev.date and not actors <= same_type[match][1]:
            # "flew to Ankara on Thursday and met Erdogan": one visit, told twice in one sentence, with everyone
            union = tuple(sorted({*first.actors, *ev.actors}))
            merged = (replace(first, actors=union), set(union), _states(union, lex))
            kept[kept.index(same_type[match])] = merged
            same_type[match] = merged
    return sorted((k[0] for k in kept), key=lambda e: (e.start, e.type))


def _states(actors: tuple[str, ...], lex: _Lexicon) -> set[str]:
    out = set(actors)
    for a in actors:
        actor = lex.gazetteer.actors.get(a)
        if actor is not None and actor.country:
            out.add(actor.country)
    return out


def _same(row_a: tuple[Event, set[str], set[str]], row_b: tuple[Event, set[str], set[str]]) -> bool:
    """Whether two events of one type are one event; each row holds an event, its actors and, for a dated
    event, the states behind them (its actors alone for a violation: one side's accusation is not the
    other side's)."""
    a, b = row_a[0], row_b[0]
    if a.date is not None and b.date is not None:
        if a.date != b.date:
            return False
        sa, sb = row_a[2], row_b[2]
    else:
        if a.status != b.status or (a.type == "attack" and a.location and b.location and a.location != b.location):
            return False
        sa, sb = row_a[1], row_b[1]
    if not sa or not sb:
        return True
    if a.date is None and b.date is not None:
        # an undated mention echoes a dated event only if it names no party the dated one lacks, and then it
        # does ("their second round of talks ended" beside the round its delegations and heads were named in)
        if not sa <= row_b[2]:
            return False
        if a.status == "occurred":
            return True
    return len(sa & sb) / len(sa | sb) >= 0.5


def event_key(event: Event) -> str:
    """A key for linking the same real-world event across articles: type, date and sorted actors."""
    day = event.date.isoformat() if event.date else "undated"
    return f"{event.type}|{day}|{','.join(sorted(event.actors))}"
