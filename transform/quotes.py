"""Direct quotations and their speakers.

Three passes over one article: pair quote marks paragraph by paragraph (every common style, apostrophes
excluded, unbalanced marks dropped, multi-paragraph quotes joined), register the people and organisations
the article names (with the roles its appositives give them), then attribute each quote from the words
around it (reporting verbs, "according to", colons, appositives, pronouns, surnames, titles).
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field, replace

from ceasefire.records import Quote
from transform.gazetteer import Actor, Gazetteer
from transform.text import ABBREVIATIONS, paragraphs, sentences

# --- gazetteer-derived lookups, built once per gazetteer ----------------------------------------------------


def _norm(name: str) -> str:
    """Lookup key for a name (the same folding as the gazetteer's, without its regexes)."""
    k = " ".join(name.replace("\u2019", "'").split()).casefold()
    return k[4:] if k.startswith("the ") else k


class _Rules:
    """Everything quote attribution derives from one Gazetteer: folded name, role and place tables."""

    _MEMO_LIMIT = 50_000

    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz
        self.names: dict[str, Actor] = {}
        self.roles: dict[str, Actor] = {}
        for actor in gaz.actors.values():
            for name in (actor.name, *actor.aliases):
                self.names.setdefault(_norm(name), actor)
            for role in actor.roles:
                self.roles.setdefault(_norm(role), actor)
        self.places = {_norm(n) for p in gaz.places for n in (p.name, *p.aliases)}
        # Aliases the capitalised-name scan cannot see: "Ukraine's air force", "Zelensky's office"
        lower = sorted(
            {
                n
                for a in gaz.actors.values()
                if a.kind != "person"
                for n in a.aliases
                if n[:1].isupper() and any(w[:1].islower() for w in n.split()[1:])
            },
            key=len,
            reverse=True,
        )
        self.lower_aliases = (
            re.compile("|".join(re.escape(n).replace("'", "['\u2019]") for n in lower) + r"\b") if lower else None
        )
        self.lower_alias_starts = {n.split()[0].replace("'", "\u2019") for n in lower} | {n.split()[0] for n in lower}
        self.first_words = {k.split()[0] for k in self.names}
        self.first_words |= {w.rstrip(".") for w in self.first_words}
        self.longest = max((len(k.split()) for k in self.names), default=0)
        self._starts: dict[str, bool] = {}
        self._plans: dict[tuple[str, ...], _Plan] = {}
        self.inert: set[str] = set()  # single capitalised words that name nothing ("The", "But", "Monday")
        self._actor_info: dict[str, tuple[frozenset[str], frozenset[str], str | None]] = {}

    def actor(self, name: str) -> Actor | None:
        """The actor a name or alias refers to, or None."""
        key = _norm(name)
        hit = self.names.get(key)
        if hit is None and "ministry of " in key:
            # 'the Russian Ministry of Foreign Affairs' is listed as 'Russian Foreign Ministry'
            m = _MINISTRY_OF.fullmatch(key)
            if m is not None:
                hit = self.names.get(" ".join(filter(None, (m.group(1), m.group(2), "ministry"))))
        return hit

    def actor_by_role(self, role: str) -> Actor | None:
        """The actor a title refers to ('the Kremlin spokesman'), or None."""
        return self.roles.get(_norm(role))

    def place(self, name: str) -> bool:
        """Whether a name is a known place."""
        return _norm(name) in self.places

    def plan(self, toks: tuple[str, ...]) -> _Plan:
        """The memoised reading of a capitalised sequence (see _plan_sequence)."""
        plan = self._plans.get(toks)
        if plan is None:
            if len(self._plans) > self._MEMO_LIMIT:
                self._plans.clear()
                self.inert.clear()
            plan = self._plans[toks] = _plan_sequence(toks, self)
        return plan

    def actor_info(self, actor: Actor) -> tuple[frozenset[str], frozenset[str], str | None]:
        """(name words, role words, gender) of a gazetteer actor."""
        info = self._actor_info.get(actor.id)
        if info is None:
            words = frozenset(w.casefold() for n in (actor.name, *actor.aliases) for w in _NAME_WORD.findall(n))
            roles = frozenset(w.casefold() for r in actor.roles for w in r.split())
            gender = _gender_of(actor.name.split()[0], set()) if actor.kind == "person" else None
            info = self._actor_info[actor.id] = (words, roles, gender)
        return info

    def may_start(self, tok: str) -> bool:
        """Whether some gazetteer name starts with this token (skips lookups for most capitalised words)."""
        hit = self._starts.get(tok)
        if hit is None:
            t = tok.replace("\u2019", "'").casefold()
            hit = t in self.first_words or t.rstrip(".") in self.first_words or t[:-2] in self.first_words
            if len(self._starts) > self._MEMO_LIMIT:
                self._starts.clear()
            self._starts[tok] = hit
        return hit


_MINISTRY_OF = re.compile(r"(?:(.+?) )?ministry of (?:the )?(.+?)(?: affairs)?")

# Keyed by id(); the Gazetteer is kept in the value so its id cannot be reused while the entry lives.
_RULES: dict[int, tuple[Gazetteer, _Rules]] = {}


def _rules_for(gaz: Gazetteer) -> _Rules:
    """The compiled rules for a gazetteer, built on first use and cached by identity."""
    hit = _RULES.get(id(gaz))
    if hit is not None and hit[0] is gaz:
        return hit[1]
    if len(_RULES) >= 8:
        _RULES.pop(next(iter(_RULES)))
    rules = _Rules(gaz)
    _RULES[id(gaz)] = (gaz, rules)
    return rules


# Capital letters that start a name in the patterns below (Latin, with the Central European ones).
_CAPS = r"[A-Z\u00c0-\u00d6\u00d8-\u00de\u0141\u015a\u017b\u0179\u0106\u0143\u0160\u017d\u010c\u0158\u0110]"
# Lower-case particles inside personal names ('Annelies van der Berg', 'Rhodri ap Dafydd'), up to three in a row.
_PARTICLE_WORDS = "de der van von bin binti bint ibn al da di du la le ter ten den dos das del ap ab"
_PARTICLE_RUN = r"(?:(?:" + "|".join(_PARTICLE_WORDS.split()) + r")\s+){0,3}"
# Patterns used inside per-quote and per-name helpers, compiled once.
_POSS_S = re.compile(r"[\u2019']s$")
_HEAD_NP = re.compile(
    r"\s*(?:(?P<pron>he|she|they|it|He|She)\b|(?P<det>the|a|an|one|its|his|her|their|One|An|A)\s+(?P<desc>[^,.;:\u2013\u2014]{1,80})"
    r"|(?P<name>(?:" + _CAPS + r"[\w\u2019'.\-]*\s+" + _PARTICLE_RUN + r"){0,4}" + _CAPS + r"[\w\u2019'\-]*))"
)
_TRAILING_NAME = re.compile(r"(" + _CAPS + r"[\w\u2019'\-]+(?:\s+" + _CAPS + r"[\w\u2019'\-]+)+)\s*$")
_STOP_PUNCT = re.compile(r"[.!?](?=\s|$)")
_BLANK = re.compile(r"[\s]*")
_ACCORDING_AFTER = re.compile(r"[\s,\u2013\u2014-]*according to\s+", re.I)
_DESC_CUT = re.compile(r"\s+(?:who|which|in|on|at|told|said|says|during|after|when|speaking)\b")
_DESC_PREP = re.compile(r"\s+(?:of|for|at|from|with|to)\s+")
# 'which Kyiv says is meaningless' is a relative clause about the phrase, not its attribution
_FOLLOWED_BY_CUE = re.compile(
    r"\s*[,\u2013\u2014-]\s*+(?!(?:which|that|who|as|and|but)\b)[\w\s]{0,40}?\b(?:said|says|added|told|asked)\b"
)
_NON_SLUG = re.compile(r"[^a-z0-9]+")
_INITIALS = re.compile(r"(?:" + _CAPS + r"\.)+")
_HYPHEN_LOWER = re.compile(r"-[a-z]")
# Capitalised words that describe rather than name: 'Ex-Para', 'Former-Marine', 'Geneva-based', 'Kremlin-backed'
_PREFIX_DESC = re.compile(r"(?:ex|former)-\w+|\w+-(?:based|born|backed|linked|led|run|owned|funded|affiliated)", re.I)
_ENDS_SENTENCE = re.compile(r"[.!?\u2026]$")
_LEADING_SEP = re.compile(r"\s*[,\u2013\u2014\-:]?\s*")
_ROLE_WORD = re.compile(r"[\w'\u2019-]+")
_HEADLINE_END = re.compile(r"[.!?][\"'\u201d\u2019\u00bb]?$")
_NAME_WORD = re.compile(r"[\w']+")
_QUAL_WORD = re.compile(r"[\w'-]+")


def _words(spaced: str) -> frozenset[str]:
    """A word list written as one spaced string (keeps long vocabularies compact)."""
    return frozenset(spaced.split())


# --- quote marks ------------------------------------------------------------------------------------------

_DOUBLE = '"\u201c\u201d\u201e\u201f'
_SINGLE = "'\u2018\u2019\u201a\u201b"
_GUIL = "\u00ab\u00bb"
_GUIL1 = "\u2039\u203a"
_FAMILY = {**dict.fromkeys(_DOUBLE, "D"), **dict.fromkeys(_SINGLE, "S"), **dict.fromkeys(_GUIL, "G")}
_FAMILY.update(dict.fromkeys(_GUIL1, "g"))
_MARK_RE = re.compile("[" + re.escape(_DOUBLE + _SINGLE + _GUIL + _GUIL1) + "]")
_OPENERS = "\u201c\u201e\u201f\u2018\u201a\u201b\u00ab\u2039\"'"
_CLOSERS = "\u201d\u2019\u00bb\u203a\"'"
# Characters that may sit right before an opening mark / right after a closing mark.
_BEFORE_OPEN = set("([{\u2014\u2013-/") | set(_OPENERS)
_AFTER_CLOSE = set(".,;:!?)]}\u2014\u2013-\u2026") | set("\u201d\u2019\u00bb\u203a\"'")
# Elisions written with an apostrophe at the start of a word: '90s, 'n', 'em, 'til, 'cause, 'tis.
_ELISION = re.compile(r"[\u2019\u2018'](?:\d0s|\d\d\b|n[\u2019']|em\b|til\b|cause\b|tis\b|twas\b)", re.I)


@dataclass(slots=True)
class _Span:
    """One quoted stretch inside one paragraph."""

    open_pos: int  # index of the opening mark
    start: int  # first character of the quoted words
    end: int  # one past the last quoted word
    close_pos: int | None  # index of the closing mark, None for an unclosed multi-paragraph part
    para: int
    group: int = -1  # multi-paragraph group id
    fragment: bool = False
    speaker: str | None = None
    speaker_id: str | None = None
    cue: str | None = None
    attr_end: int = -1
    resolved: bool = False
    in_name: bool = False  # a nickname inside a name: a fragment that does not split the sentence around it
    indefinite: str | None = None  # head noun of an unnamed speaker ("an analyst"), named later perhaps


def _classify(para: str, i: int) -> tuple[bool, bool]:
    """(can_open, can_close) for the mark at para[i], from the mark and its neighbours."""
    ch = para[i]
    prev = para[i - 1] if i > 0 else None
    nxt = para[i + 1] if i + 1 < len(para) else None
    left = (prev is None or prev.isspace() or prev in _BEFORE_OPEN) and nxt is not None and not nxt.isspace()
    right = prev is not None and not prev.isspace() and (nxt is None or nxt.isspace() or nxt in _AFTER_CLOSE)
    fam = _FAMILY[ch]
    if fam == "S":
        if prev is not None and nxt is not None and prev.isalnum() and nxt.isalnum():
            return False, False  # Kyiv's, don't
        if _ELISION.match(para, i):
            return False, False
    if ch in "\u201e\u201a\u201f\u201b":
        return nxt is not None and not nxt.isspace(), False
    # Guillemets point outwards in French and Russian («…») and inwards in German, Czech and Danish (»…«):
    # the usual direction always works, the other one only when the neighbours say so.
    if ch in "\u00ab\u2039":
        return nxt is not None, prev is not None and not prev.isspace() and (nxt is None or nxt.isspace())
    if ch in "\u00bb\u203a":
        return left, prev is not None
    if ch == "\u201c":
        return nxt is not None and not nxt.isspace(), right
    if ch == "\u201d":
        return left, prev is not None and not prev.isspace()
    return left, right


def _possessive(para: str, i: int) -> bool:
    """A right single mark after -s followed by a word (the Saudis' offer), or closing a word-final elision
    (Scots 'wi’ good English', 'talkin’ aboot'): likely an apostrophe."""
    if not (i > 0 and i + 2 < len(para) and para[i + 1] == " " and para[i + 2].isalnum()):
        return False
    return para[i - 1] in "sS" or _FINAL_ELISION.search(para, max(0, i - 12), i) is not None


# Words whose last letter is dropped in dialect spelling: 'wi’' (with), 'an’' (and), 'o’' (of), 'no’' (not),
# and lower-case gerunds in -in’ ('talkin’', 'permittin’').
_FINAL_ELISION = re.compile(r"(?:(?<![\w\u2019'])(?:wi|an|o|a|no|fi|ca)|[a-z]{3,}in)$")


def _pair_marks(para: str) -> tuple[list[tuple[int, int]], int | None]:
    """Closed (open, close) index pairs in a paragraph, and the index of a final unclosed opener."""
    marks = [(m.start(), *_classify(para, m.start())) for m in _MARK_RE.finditer(para)]
    pairs: list[tuple[int, int]] = []
    k = 0
    n = len(marks)
    while k < n:
        pos, can_open, _ = marks[k]
        if not can_open:
            k += 1
            continue
        fam = _FAMILY[para[pos]]
        fallback = None
        close_k = None
        for j in range(k + 1, n):
            pj, oj, cj = marks[j]
            if _FAMILY[para[pj]] != fam:
                continue
            if cj and pj > pos + 1:
                if fam == "S" and _possessive(para, pj):
                    if fallback is None:
                        fallback = j
                    continue
                close_k = j
                break
            if oj and not cj and fam != "S":
                break  # a fresh opener of the same kind: the first one was stray
        if close_k is None and fallback is not None:
            close_k = fallback
        if close_k is not None:
            pairs.append((pos, marks[close_k][0]))
            k = close_k + 1
            continue
        # Unclosed: a multi-paragraph part only when no later mark of its family follows in the paragraph.
        if not any(_FAMILY[para[p]] == fam for p, _, _ in marks[k + 1 :]):
            return pairs, pos
        k += 1
    return pairs, None


def _join_broken_lines(text: str, paras: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Rejoin a paragraph broken by a line break inside a quote: a line left with an open quote whose
    closing mark comes early in the next line (which does not start a new quoted paragraph)."""
    out: list[tuple[int, int]] = []
    k = 0
    while k < len(paras):
        ps, pe = paras[k]
        while k + 1 < len(paras):
            ns, ne = paras[k + 1]
            nxt = text[ns:ne]
            # cheap tests on the next line first: it must close a quote before opening one
            first = _MARK_RE.search(nxt)
            if first is None or first.start() > 400 or _lead(nxt) is not None:
                break  # no mark, or a quote running over paragraphs rather than a broken line
            can_open, can_close = _classify(nxt, first.start())
            if can_open or not can_close:
                break
            _, unclosed = _pair_marks(text[ps:pe])
            if unclosed is None or _FAMILY[text[ps + unclosed]] != _FAMILY[first.group()]:
                break
            pe = ne
            k += 1
        out.append((ps, pe))
        k += 1
    return out


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def _find_spans(text: str, paras: list[tuple[int, int]]) -> list[_Span]:
    spans: list[_Span] = []
    next_group = 0
    pending: int | None = None  # group whose last part ended a paragraph unclosed
    for pi, (ps, pe) in enumerate(paras):
        para = text[ps:pe]
        pairs, unclosed = _pair_marks(para)
        lead = _lead(para)
        continues = (
            pending is not None and lead is not None and ((bool(pairs) and pairs[0][0] == lead) or unclosed == lead)
        )
        if pending is not None and not continues:
            spans = [s for s in spans if s.group != pending]  # not continued after all: a stray mark
        for a, b in pairs:
            s, e = _trim(text, ps + a + 1, ps + b)
            if e > s and any(c.isalnum() for c in text[s:e]):
                g = pending if (continues and a == lead) else -1
                spans.append(_Span(ps + a, s, e, ps + b, pi, group=g if g is not None else -1))
        new_pending = None
        if unclosed is not None and pi + 1 < len(paras):
            ns, ne = paras[pi + 1]
            lead_next = _lead(text[ns:ne])
            if lead_next is not None and _FAMILY[text[ns + lead_next]] == _FAMILY[para[unclosed]]:
                s, e = _trim(text, ps + unclosed + 1, pe)
                if e > s:
                    if continues and unclosed == lead and pending is not None:
                        g = pending
                    else:
                        g = next_group
                        next_group += 1
                    spans.append(_Span(ps + unclosed, s, e, None, pi, group=g))
                    new_pending = g
        pending = new_pending
    return spans


def _lead(para: str) -> int | None:
    """Index of the opening mark a paragraph starts with, or None."""
    i = 0
    while i < len(para) and para[i].isspace():
        i += 1
    if i < len(para) and para[i] in _OPENERS + "\u201d\u00bb":
        return i
    return None


# --- names and entities -----------------------------------------------------------------------------------

_TOKEN = re.compile(r"[^\W\d_][\w\u2019'.\-]*|\d[\w.,]*|[^\w\s]")
_CONNECTORS = {"of", "for", "the", "on", "and"}
_PARTICLES = _words(_PARTICLE_WORDS)
_TITLES = _words(
    """
    mr mrs ms miss dr prof professor father colonel col gen general lt sir dame lord lady ambassador
    senator sen rep president prime minister chancellor secretary deputy vice chief commander brigadier
    major captain sgt sergeant mayor governor judge bishop archbishop patriarch metropolitan rabbi imam
    foreign defence defense interior finance mp mep envoy spokesman spokeswoman adm admiral soldier mum
    dad dr. mr. mrs. ms. prof. st analyst expert lawmaker historian lawyer economist maritime student
    volunteer ex former retired furious military political senior lieutenant
    canon rev revd reverend fr cardinal pastor sheikh deacon abbot monsignor archimandrite hieromonk cllr
    councillor baroness baron cpl corporal pte maj capt lt. col. gen. sgt. insp inspector detective supt
    superintendent constable marshal presenter correspondent reporter anchor host moderator interviewer td msp
    mla justice hosts presenters amb amb. hon hon. engr engr. barr barr. alhaji reader listener viewer
    datuk dato datin tun toh puan sri seri sheriff univ.-prof. univ.-prof mag. mag dipl.-ing. dipl.-ing ing.
    doc. mgr. ph.d. smt smt. shri pani pan archpriest mme mme. mlle sister brother capt. maj. brig. cmdr. atty atty.
    batoni kalbatoni eng eng. staff lance petty warrant private pak bu ibu bapak attorney me gm im fm wgm wim arbiter
    sig sig. sig.ra sig.na dott dott. dott.ssa prof.ssa avv avv. ing mons mons. arch. geom. rag. on. sen.
    cdre cdre. air wg sqn ldr cdr cdr. lt-col vice-marshal air-marshal mama mzee
    khun begum pol asst assoc legislator executive herder farmer shepherd fisherman grocer nurse teacher miner
    doña dona ald ald. alderman alderwoman ceo cfo coo
    """
)
# Honorifics written after a given name ('Murat Bey', 'Selin Hanım', 'Ayşe Hoca'): the person of that name.
_POST_HONORIFICS = _words("bey hanım hanim hoca efendi sahib sahiba")
# Letters after a name ('Rupert Vane-Tempest KC') are no part of it.
_POSTNOMINAL = re.compile(
    r"(?:,?\s+(?:KC|QC|SC|MP|MEP|MSP|MS|TD|OBE|CBE|MBE|KBE|DBE|PhD|DPhil|MD|RN|FRCS|FRCP|MBBS|MSc|LLB|OAM|MW|OSB|SJ"
    r"|CEng|FREng|FRS|GS|[\u2019']\d\d))+$"
)
_NATIONAL = _words(
    """
    us u.s. uk u.k. eu un american russian ukrainian british french german polish turkish italian czech
    swedish norwegian austrian greek dutch belgian finnish danish estonian latvian lithuanian romanian
    hungarian slovak spanish portuguese saudi chinese japanese indian israeli iranian belarusian
    georgian moldovan canadian swiss irish scottish european western kremlin nato white
    """
)
# Country adjectives, for bodies written in lower case ('the Dutch defence ministry').
# Capitals that stand for their governments as speakers ("Copenhagen said"); the gazetteer lists its own
# states' capitals as aliases.
_CAPITALS = {
    "copenhagen": "Denmark",
    "budapest": "Hungary",
    "oslo": "Norway",
    "stockholm": "Sweden",
    "warsaw": "Poland",
    "tallinn": "Estonia",
    "riga": "Latvia",
    "vilnius": "Lithuania",
    "prague": "Czech Republic",
    "bratislava": "Slovakia",
    "vienna": "Austria",
    "bern": "Switzerland",
    "rome": "Italy",
    "madrid": "Spain",
    "lisbon": "Portugal",
    "athens": "Greece",
    "bucharest": "Romania",
    "sofia": "Bulgaria",
    "dublin": "Ireland",
    "the hague": "Netherlands",
    "amsterdam": "Netherlands",
    "reykjavik": "Iceland",
    "chisinau": "Moldova",
    "tbilisi": "Georgia",
    "baku": "Azerbaijan",
    "yerevan": "Armenia",
    "astana": "Kazakhstan",
    "tehran": "Iran",
    "tokyo": "Japan",
    "seoul": "South Korea",
    "new delhi": "India",
    "ottawa": "Canada",
    "canberra": "Australia",
    "wellington": "New Zealand",
    "brasília": "Brazil",
    "brasilia": "Brazil",
    "pretoria": "South Africa",
    "nairobi": "Kenya",
    "jakarta": "Indonesia",
    "islamabad": "Pakistan",
    "cairo": "Egypt",
    "belgrade": "Serbia",
    "zagreb": "Croatia",
    "ljubljana": "Slovenia",
    "sarajevo": "Bosnia and Herzegovina",
    "skopje": "North Macedonia",
    "tirana": "Albania",
    "podgorica": "Montenegro",
    "valletta": "Malta",
    "nicosia": "Cyprus",
    "luxembourg": "Luxembourg",
    "berlin": "Germany",
    "paris": "France",
    "london": "United Kingdom",
    "washington": "United States",
    "moscow": "Russia",
    "kyiv": "Ukraine",
    "beijing": "China",
    "ankara": "Turkey",
    "riyadh": "Saudi Arabia",
    "helsinki": "Finland",
    "minsk": "Belarus",
    "doha": "Qatar",
    "abu dhabi": "United Arab Emirates",
    "brussels": "Belgium",
    "bangkok": "Thailand",
    "ulaanbaatar": "Mongolia",
    "ulan bator": "Mongolia",
    "taipei": "Taiwan",
    "hanoi": "Vietnam",
    "manila": "Philippines",
    "kuala lumpur": "Malaysia",
    "singapore": "Singapore",
    "dhaka": "Bangladesh",
    "colombo": "Sri Lanka",
    "kathmandu": "Nepal",
    "kabul": "Afghanistan",
    "tashkent": "Uzbekistan",
    "bishkek": "Kyrgyzstan",
    "dushanbe": "Tajikistan",
    "ashgabat": "Turkmenistan",
    "muscat": "Oman",
    "amman": "Jordan",
    "beirut": "Lebanon",
    "baghdad": "Iraq",
    "kuwait city": "Kuwait",
    "manama": "Bahrain",
    "jerusalem": "Israel",
    "abuja": "Nigeria",
    "accra": "Ghana",
    "addis ababa": "Ethiopia",
    "dakar": "Senegal",
    "kigali": "Rwanda",
    "kampala": "Uganda",
    "dodoma": "Tanzania",
    "harare": "Zimbabwe",
    "lusaka": "Zambia",
    "maputo": "Mozambique",
    "windhoek": "Namibia",
    "gaborone": "Botswana",
    "rabat": "Morocco",
    "algiers": "Algeria",
    "tunis": "Tunisia",
    "mexico city": "Mexico",
    "buenos aires": "Argentina",
    "bogota": "Colombia",
    "caracas": "Venezuela",
    "havana": "Cuba",
    "montevideo": "Uruguay",
    "quito": "Ecuador",
}
_DEMONYMS = {
    "american": "United States",
    "russian": "Russia",
    "ukrainian": "Ukraine",
    "british": "United Kingdom",
    "french": "France",
    "german": "Germany",
    "polish": "Poland",
    "turkish": "Turkey",
    "italian": "Italy",
    "czech": "Czech Republic",
    "swedish": "Sweden",
    "norwegian": "Norway",
    "austrian": "Austria",
    "greek": "Greece",
    "dutch": "Netherlands",
    "belgian": "Belgium",
    "finnish": "Finland",
    "danish": "Denmark",
    "estonian": "Estonia",
    "latvian": "Latvia",
    "lithuanian": "Lithuania",
    "romanian": "Romania",
    "hungarian": "Hungary",
    "slovak": "Slovakia",
    "spanish": "Spain",
    "portuguese": "Portugal",
    "saudi": "Saudi Arabia",
    "chinese": "China",
    "japanese": "Japan",
    "indian": "India",
    "israeli": "Israel",
    "iranian": "Iran",
    "belarusian": "Belarus",
    "georgian": "Georgia",
    "moldovan": "Moldova",
    "canadian": "Canada",
    "swiss": "Switzerland",
    "irish": "Ireland",
    "korean": "South Korea",
    "south korean": "South Korea",
    "north korean": "North Korea",
    "emirati": "United Arab Emirates",
    "qatari": "Qatar",
    "egyptian": "Egypt",
    "brazilian": "Brazil",
    "mexican": "Mexico",
    "australian": "Australia",
    "bulgarian": "Bulgaria",
    "croatian": "Croatia",
    "serbian": "Serbia",
    "slovenian": "Slovenia",
    "kazakh": "Kazakhstan",
    "azerbaijani": "Azerbaijan",
    "armenian": "Armenia",
    "vatican": "Holy See",
    "south african": "South Africa",
    "nigerian": "Nigeria",
    "kenyan": "Kenya",
    "indonesian": "Indonesia",
    "malaysian": "Malaysia",
    "filipino": "Philippines",
    "philippine": "Philippines",
    "pakistani": "Pakistan",
    "icelandic": "Iceland",
    "luxembourgish": "Luxembourg",
    "maltese": "Malta",
    "cypriot": "Cyprus",
}
_PORTFOLIOS = {"foreign": "Foreign Affairs", "defence": "Defence", "defense": "Defence", "interior": "the Interior"}
# Portfolios whose ministry copy names by the portfolio ("the Foreign Ministry", "the Dutch defence ministry").
_PORTFOLIO_WORDS = _words(
    "foreign defence defense interior justice finance economy energy health agriculture education culture transport"
)
# A state's body named without its state ("the Ministry of Energy", "the Chancellery of the Prime Minister"):
# every word is one of these, and one is a head.
_STATE_BODY_HEADS = _words(
    "ministry department chancellery inspectorate commissariat directorate service bureau agency treasury"
)
_STATE_BODY_WORDS = _STATE_BODY_HEADS | _words(
    """
    of the and for on prime minister president's national foreign affairs defence defense interior internal justice
    finance finances economy economic energy health agriculture education culture transport infrastructure
    emergencies emergency trade industry environment digital transformation social policy labour labor
    development reintegration veterans strategic situations general maritime state anti-corruption security
    intelligence border migration customs tax statistics investigation investigations insular fisheries
    shipping aviation communications information telecommunications sport sports youth family families
    tourism regional foreign-affairs
    """
)
_COUNTRY_NAMES = sorted({*_DEMONYMS.values(), *_CAPITALS.values()} - {"Holy See"}, key=len, reverse=True)
_COUNTRY_ALT = "|".join(re.escape(c) for c in _COUNTRY_NAMES)  # longest first, so one alternation takes the whole name
# short forms copy uses for the states it names most
_COUNTRY_SHORT = {
    "UK": "United Kingdom",
    "U.K.": "United Kingdom",
    "Britain": "United Kingdom",
    "US": "United States",
    "U.S.": "United States",
    "USA": "United States",
    "America": "United States",
}
_COUNTRY_WORD = re.compile(
    r"\b(?:(?P<name>"
    + _COUNTRY_ALT
    + r")|(?P<short>"
    + "|".join(re.escape(c) for c in sorted(_COUNTRY_SHORT, key=len, reverse=True))
    + r")|(?P<dem>"
    + "|".join(re.escape(d.title()) for d in sorted(_DEMONYMS, key=len, reverse=True))
    + r"))(?![\w-])"
)
# a body's report that names its own state first: "said Lithuania would", "said that Greece had"
_SAID_STATE = re.compile(
    r"[^.;\n]{0,80}?\b(?:said|says|stated|added)\s+(?:on\s+\w+\s+)?(?:that\s+)?(?P<name>"
    + _COUNTRY_ALT
    + r")\s+(?:would|will|had|has|was|is|could|remained|remains|stood|stands|supports|supported)\b"
)


_DATELINE = re.compile(
    # "CHISINAU — ...", and the colon of South Asian papers ("ISLAMABAD: ...")
    r"^([A-Z][A-Za-z\u00c0-\u017e]+(?: [A-Z][A-Za-z\u00c0-\u017e]+)?)(?:,[^\n\u2014\u2013]{0,30})?"
    r"(?:\s+[\u2014\u2013-]|:)\s",
    re.M,
)


# US federal departments as copy names them ("the Justice Department"); no other government styles its own so
_US_DEPARTMENT = re.compile(
    r"(Justice|Commerce|Defense|Energy|Agriculture|Labor|Interior|Homeland Security|Transportation|Education"
    r"|Veterans Affairs|Health and Human Services) Department"
)


def _with_state(name: str, words: set[str] | frozenset[str], text: str, pos: int, end: int | None = None) -> str:
    """A state's body named without its state ("the Ministry of National Defence" in a Romanian paper, "the
    Chancellery of the Prime Minister") with the state's name added; any other name as it is."""
    first, _, rest = name.partition(" ")
    rest_words = {w.casefold() for w in rest.split()}
    if first.casefold() in _DEMONYMS and rest_words <= _STATE_BODY_WORDS and rest_words & _STATE_BODY_HEADS:
        return f"{rest} of {_DEMONYMS[first.casefold()]}"  # 'the Dutch Ministry of Defence': the official form
    if not (words <= _STATE_BODY_WORDS and words & _STATE_BODY_HEADS):
        return name
    us_style = _US_DEPARTMENT.fullmatch(name)
    if us_style:
        return f"United States Department of {us_style.group(1)}"  # "the Justice Department": only Washington's
    if name.startswith("Department for "):
        return name  # "the Department for Transport": Whitehall's style, its name in full
    seat = _POSTED_IN.match(text, end) if end is not None else None
    # "the Ministry of Energy in Chișinău": the state of the capital it sits in
    country = (seat and _CAPITALS.get(slug(seat.group(1)).replace("_", " "))) or _country_before(text, pos)
    return f"{name} of {country}" if country else name


def _country_before(text: str, pos: int) -> str | None:
    """The country named most often (by name or demonym; the first named on a tie) in the body's paragraph, else in
    the copy before pos: the state a paper's own ministries belong to, or the one the story is about."""
    dateline = _DATELINE.search(text, 0, min(pos, 600))
    if dateline and dateline.group(1).casefold() in _CAPITALS:
        return _CAPITALS[dateline.group(1).casefold()]  # "CHISINAU — ...": the paper's own capital
    # "The Ministry of Foreign Affairs said Lithuania would not accept ...": the state its own report speaks of
    said = _SAID_STATE.match(text, pos, min(len(text), pos + 140))
    if said is not None:
        return said.group("name")
    # the paragraph the body speaks in first ("... the Ministry of Defence said: “UK support for Ukraine ...”"),
    # then the copy before it
    lo = text.rfind("\n", 0, pos) + 1
    hi = text.find("\n", pos)
    for a, b in ((lo, hi if hi >= 0 else len(text)), (0, pos)):
        counts: dict[str, tuple[int, int]] = {}
        for m in _COUNTRY_WORD.finditer(text, a, b):
            country = (
                m.group("name")
                or _COUNTRY_SHORT.get(m.group("short") or "")
                or _DEMONYMS.get(m.group("dem").casefold())
            )
            if country:
                n, first = counts.get(country, (0, -m.start()))
                counts[country] = (n + 1, first)
        if counts:
            return max(counts, key=counts.__getitem__)
    return None


_LOWER_MINISTRY = re.compile(
    r"\b(?P<dem>(?:South |North )?[A-Z][a-z]+)\s+(?P<port>"
    + "|".join(sorted(_PORTFOLIO_WORDS | {"infrastructure", "emergencies", "trade"}))
    + r")\s+ministry\b"
)


# "the city's military administration", "the city military administration"
_CITY_ADMINISTRATION = re.compile(r"\b[Tt]he\s+city(?:[\u2019']s)?\s+(?P<body>military\s+administration|council)\b")
# Ukrainian cities with a city military administration of their own
_UKRAINIAN_CITIES = _words(
    "Kyiv Kharkiv Odesa Dnipro Zaporizhzhia Lviv Mykolaiv Kherson Sumy Chernihiv Poltava Vinnytsia"
    " Zhytomyr Cherkasy Chernivtsi Rivne Lutsk Ternopil Uzhhorod Khmelnytskyi Kropyvnytskyi Ivano-Frankivsk"
    " Kramatorsk Sloviansk Pokrovsk Nikopol"
)
# "The Ukrainian embassy in Brasília", "the US Embassy in New Delhi", "Russia's embassy in Pretoria"
_LOWER_MISSION = re.compile(
    r"\b(?P<dem>[A-Z][a-z]+|U\.?S\.?|(?P<owner>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)[\u2019']s)\s+(?P<kind>[Ee]mbassy|[Cc]onsulate)"
    r"\s+in\s+(?P<place>[A-Z][\w\u2019'-]+(?:\s+[A-Z][\w\u2019'-]+)?)"
)


_STOP_CAP = _words(
    """
    the a an his her their its our my your in on at as but and or so when while after before since asked
    shared posted published written speaking writing talking
    meanwhile however then this that these those if for from to with by of according across outside
    inside every each one both neither another some many most all there here it he she they we i you
    what why how who where yes no not nobody even still now today yesterday tomorrow last next only also
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december easter christmas gmt bst cet utc q read related photo
    update watch listen interview analysis opinion live breaking exclusive editor consider others other
    officials talks furious catch whether thirty twice because although though until once during without
    within under over about like diplomatic sources unnamed anonymous several two three writes wrote says
    asks adds tells notes
    """
)
# Words that make a name a firm's ("Fenwick Capital", "Konkan Refining Ltd"): 'the company said' finds it.
_FIRM_WORDS = _words(
    "company corp ltd llc inc plc gmbh capital commodities securities partners holdings consulting associates "
    "analytics insurance shipping refining solutions industries logistics airlines group sa ag nv bv spa srl "
    "asa oyj llp aluminium aluminum steel metals mining chemicals pharmaceuticals petroleum refineries refinery "
    "telecom motors airways"
)
_ORG_WORDS = (
    _words(
        """
    ministry institute institut centre center council congress forum group union committee lab laboratory watch
    agency fund foundation university observatoire review bank chamber headquarters office service staff
    force forces army navy command commission parliament assembly association network initiative club
    party news times post press television tv radio company corp ltd authority administration department
    mission organisation organization cross church court tribunal guard society school academy board
    bureau directorate alliance coalition federation confederation movement front kremlin house government cabinet
    embassy delegation programme program project trust studies media journal affairs league consulate base states
    intelligence research secretariat parish college diocese archdiocese eparchy archeparchy exarchate
    patriarchate synod cathedral monastery
    hospital clinic museum theatre orchestra choir brigade
    battalion regiment corps desk monitor appeal charity chancellery inspectorate commissariat treasury
    """
    )
    | _FIRM_WORDS
)
_PLACE_WORDS = _words(
    """
    sea river ocean gulf street square palace region oblast city island mountains bay strait hotel lakes woods
    airport station bridge plant cathedral road avenue district province europe asia africa america
    balkans caucasus valley port peninsula coast lake county republic
    """
)
_PLACE_FIRST = _words(
    """
    st saint san santa new north south east west upper lower
    """
)
_FEMALE_WORDS = _words(
    """
    ms mrs miss dame lady spokeswoman woman mother mum wife grandmother daughter sister chairwoman
    businesswoman congresswoman widow granddaughter niece aunt
    """
)
_MALE_WORDS = _words(
    """
    mr sir lord father spokesman man husband son brother grandfather chairman businessman congressman
    grandson nephew uncle
    widower dad
    """
)
_MALE_A = _words(
    """
    mykola nikita ilya ilia luka luca kuzma foma savva andrea joshua jonah akira sasha misha dima kolya
    vova petya sergiya issa musa mustafa hamza osama attila costa garcia jukka mika pekka juha ilkka
    takuya kazuya tetsuya ryota yuta shota kenta aditya krishna surya chaitanya chukwuemeka nikola
    """
)
_MALE_NAMES = _words(
    """
    john james david michael peter paul mark thomas richard robert william george charles edward henry
    hugh alistair dominic fergus colin gary rupert stefan klaus matthias gerhard hans jean pierre hervé
    herve jonas pieter ahmet bulent edvard marek tomasz dariusz piotr leonid dmitri dmitry sergei sergey
    oleh oleg ihor igor taras serhiy serhii yaroslav bohdan vasyl roman petro andriy andrii oleksandr
    alexander aleksei alexei anatoly fyodor viktor victor yuri yury vladimir volodymyr mykhailo mikhail
    maksym artem pavlo pavel kostiantyn konstantin lubomyr svyatoslav gennady ivan ulrich yannis rafael
    farid steve keith marco donald emmanuel friedrich recep hakan rustem kyrylo dmytro vadym vadim
    tomas dave daniel martin jan lars anders henrik jakub lukas gavin ivo
    nikolai mykola mustafa luca
    """
)
_FEMALE_NAMES = _words(
    """
    ingrid hanne margit ilse anaïs anais élise elise sabine beatrix rosalind deborah mathilde natalie
    karen helen sarah rachel claire elizabeth catherine ruth esther agnes ann anne kate jane alice grace
    susan lyubov marie sophie chloe zoe emily lucy amy mary margaret caroline charlotte louise julie
    isabelle camille ines inès mercedes carmen dolores beatrice marine elisabeth gwen siobhan niamh
    aoife eileen doris hildegard gudrun birgit astrid sigrid kirsten karin katrin christine nicole
    michelle jennifer kimberly ashley hannah yasmin leah miriam judith edith madeleine adele jacqueline
    ségolène segolene hélène helene brigitte gisele liv maj inger kaja nadezhda svetlana lyudmyla olha
    iryna oksana love jasmine harriet
    """
)

_PRONOUNS = {"he": "m", "she": "f", "they": "p", "it": "o"}


@dataclass(slots=True)
class _Entity:
    """A person or organisation named in the article."""

    name: str
    id: str
    kind: str  # person | organisation | state
    gender: str | None = None
    roles: set[str] = field(default_factory=set)
    words: set[str] = field(default_factory=set)
    guessed: bool = False  # gender read from the given name's ending alone ('Chukwuemeka' is a man's name)


@dataclass(slots=True)
class _Mention:
    start: int
    end: int
    ent: _Entity
    quoted: bool
    subject: bool | None = None


def slug(name: str) -> str:
    """A stable snake_case id for a name: 'Alexander Vershbow' -> 'alexander_vershbow'."""
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
    return _NON_SLUG.sub("_", s).strip("_")


_CLEANED: dict[str, str] = {}


def _clean_tok(tok: str) -> str:
    """A token without a possessive 's or a sentence full stop (memoised: the same names recur)."""
    out = _CLEANED.get(tok)
    if out is None:
        if len(_CLEANED) > 100_000:
            _CLEANED.clear()
        out = _CLEANED[tok] = _clean_tok_uncached(tok)
    return out


def _clean_tok_uncached(tok: str) -> str:
    tok = _POSS_S.sub("", tok)
    if tok.endswith(".") and not _INITIALS.fullmatch(tok) and tok.casefold() not in _TITLES:
        tok = tok[:-1]
    return tok


def _is_cap(tok: str) -> bool:
    return tok[:1].isupper() or (tok[:1] in "ae" and _ARTICLE_NAME.match(tok) is not None)


_QUOTE_OPENS = re.compile(r"[\"“‘«„‹'‚]|[\u2013\u2014]\s")
_ARTICLE_NAME = re.compile(r"(?:al|el|ad|ar|as|ash|az)-[A-Z]")  # 'al-Kanawi said'


def _is_descriptor(w: str) -> bool:
    return w in _TITLES or w in _NATIONAL or w in _STOP_CAP


# Title words after which a capitalised sequence turns into the holder's name.
_HEAD_TITLES = _words(
    """
    minister secretary ambassador spokesman spokeswoman spokesperson commander chief president governor mayor
    envoy director adviser advisor chairman chairwoman head representative commissioner mp mep senator
    sen rep congressman congresswoman lawmaker councillor cllr td msp mla judge justice magistrate prosecutor arbiter
    """
)

_ACADEMIC = ("academic", "scholar", "don", "researcher")
_ROLE_SYNONYMS: dict[str, tuple[str, ...]] = {
    "ald": ("alderman",),
    "ald.": ("alderman",),
    "cllr": ("councillor",),
    "dr": ("doctor", *_ACADEMIC),
    "dr.": ("doctor", *_ACADEMIC),
    "prof": ("professor", *_ACADEMIC),
    "prof.": ("professor", *_ACADEMIC),
    "professor": _ACADEMIC,
    "scientist": _ACADEMIC,
    "lecturer": _ACADEMIC,
    "researcher": _ACADEMIC,
    "scholar": _ACADEMIC,
    "historian": _ACADEMIC,
    "colonel": ("officer",),
    "brigadier": ("officer",),
    "general": ("officer",),
    "major": ("officer",),
    "captain": ("officer",),
    "lieutenant": ("officer",),
    "admiral": ("officer",),
    "mp": ("lawmaker",),
    "mep": ("lawmaker",),
    "msp": ("lawmaker",),
    "td": ("lawmaker",),
    "senator": ("lawmaker",),
    "father": ("priest",),
    "spokeswoman": ("spokesperson",),
    "spokesman": ("spokesperson",),
    # the short forms copy uses on second reference
    "capt": ("captain",),
    "capt.": ("captain",),
    "col": ("colonel",),
    "col.": ("colonel",),
    "gen": ("general",),
    "gen.": ("general",),
    "amb": ("ambassador",),
    "amb.": ("ambassador",),
    "veteran": ("vet",),
    "lawyer": ("attorney",),
    "attorney": ("lawyer",),
    "pensioner": ("retiree",),
    "retiree": ("pensioner",),
}


_RANK_WORDS = frozenset({"captain", "colonel", "general", "ambassador"})


def _with_synonyms(words: set[str]) -> set[str]:
    return words | {syn for w in words for syn in _ROLE_SYNONYMS.get(w, ())}


def _guessed_female(first: str, context_words: set[str]) -> bool:
    """Whether _gender_of says 'f' from the ending -a alone, with no word or listed name behind it."""
    f = first.casefold()
    return not (context_words & _FEMALE_WORDS) and f not in _FEMALE_NAMES and f.endswith("a")


_FEMALE_O = _words("aino consuelo amparo rosario socorro rocio rocío")


def _gender_of(first: str, context_words: set[str]) -> str | None:
    if context_words & _FEMALE_WORDS:
        return "f"
    if context_words & _MALE_WORDS:
        return "m"
    if not first:
        return None
    f = first.casefold()
    if f in _FEMALE_NAMES:
        return "f"
    if f in _MALE_A:
        return "m"
    if f.endswith("a"):
        return "f"
    if f in _MALE_NAMES:
        return "m"
    if len(f) > 3 and f.endswith("o") and not f.endswith("ko") and f not in _FEMALE_O:
        return "m"  # Ernesto, Rodolfo, Dmytro, Paulo; the Japanese '-ko' (Yoko, Keiko) are women's names
    return None


_SUBJ_AFTER = re.compile(
    r"(?:\s*,[^.;\n]{0,140}?,|\s*,)?\s+(?:\w+ly\s+|also\s+|later\s+|has\s+|had\s+)?(?:said|says|told|tells|added|adds|"
    r"noted|warned|argued|wrote|writes|posted|explained|insisted|was|is|agreed|disagreed|disagrees|shook|"
    r"put|replied|answered|gave|spent|has|had|reported|reports|called|described)\b"
)
# A subject's speech or cognition verb, after an optional appositive: 'X, like several officials, questions'
_SPEECH_AFTER = re.compile(
    r"(?:\s*,[^.;\n]{0,140}?,)?\s+(?:\w+ly\s+|also\s+|later\s+|has\s+|had\s+)?(?:said|says|told|tells|added|adds"
    r"|noted|notes|warned|warns|argued|argues|wrote|writes|insisted|insists|explained|explains|cautioned|cautions"
    r"|questioned|questions|doubted|doubts|believed|believes|thought|thinks|feared|fears|suspected|suspects"
    r"|contended|contends|reckoned|reckons|predicted|predicts|disagreed|disagrees|countered|counters|recalled"
    r"|recalls|maintained|maintains|worried|worries|stressed|stresses|pointed out|points out|put it|puts it)\b"
)
# A subject described by a copula rather than speaking: 'Y is a property developer', 'Y was the envoy'
_DESCRIBED_AFTER = re.compile(
    r"(?:\s*,[^.;\n]{0,140}?,)?\s+(?:is|was|has been|had been|remains|remained|became)\s+(?:also\s+|still\s+|now\s+)?"
    r"(?:a|an|the|not|one|among|both)\b"
)
_SUBJ_BEFORE = re.compile(
    r"(?:(?:^|\n|[.!?:]\s+|\u2013\s+)(?:[A-Za-z\-]+\s+){0,3}"
    r"|\b(?:said|says|added|noted|argued|warned|according to)\s+)$"
)


class _Registry:
    """Entities named in one article, their mentions in text order, and lookups for attribution."""

    def __init__(self, gaz: _Rules) -> None:
        self.gaz = gaz
        self.by_key: dict[str, _Entity] = {}
        self.mentions: list[_Mention] = []
        self.starts: list[int] = []
        self.surnames: dict[str, list[_Entity]] = {}
        self.by_suffix: dict[str, list[_Entity]] = {}  # 'van der berg' -> Annelies van der Berg
        # the first word of a name, for references by given name ('Danylo said') or by a family name
        # written first ('Fang Qiuyue ... says Fang'), used when no surname matches
        self.first_words: dict[str, list[_Entity]] = {}
        self.middles: dict[str, list[_Entity]] = {}
        self.by_prefix: dict[str, list[_Entity]] = {}
        self.given_only: set[str] = set()  # relatives the text names by given name only ('Her son, Maksym,')
        self.text = ""

    def entity_for_actor(self, actor: Actor) -> _Entity:
        key = "gaz:" + actor.id
        ent = self.by_key.get(key)
        if ent is None:
            words, roles, gender = self.gaz.actor_info(actor)
            ent = _Entity(actor.name, actor.id, actor.kind, gender, set(roles), set(words))
            self.by_key[key] = ent
            if actor.kind == "person":
                for alias in (actor.name, *actor.aliases):
                    self.surnames.setdefault(alias.split()[-1].casefold(), []).append(ent)
        return ent

    def entity_for_name(self, name: str, kind: str, ctx: set[str]) -> _Entity:
        if kind == "person":
            name = _POSTNOMINAL.sub("", name) or name
            toks = name.split()
            if len(toks) >= 2 and toks[-1].casefold() in _POST_HONORIFICS:
                # 'Murat Bey said' after 'Murat Karaca': the person of that given name; 'Awan Sahib' after
                # 'Tariq Mehmood Awan': of that surname
                name = " ".join(toks[:-1])
                known = self.first_words.get(name.casefold()) or self.surnames.get(name.casefold())
                if known:
                    return known[-1]
            # 'Van der Berg' or 'De Santis' after 'Annelies van der Berg': the surname of someone introduced
            earlier = self.by_suffix.get(name.casefold()) or self.by_prefix.get(name.casefold())
            if earlier and " " in name:
                return earlier[-1]
        # 'the Farnesina said': the ministry its seat names, by the ministry's own name
        name = _METONYM_BODIES.get(name, name)
        key = slug(name)
        ent = self.by_key.get(key)
        if ent is None:
            gender = _gender_of(name.split()[0], ctx) if kind == "person" else None
            words = {w.casefold() for w in name.split()}
            ent = _Entity(name, key, kind, gender, set(), words)
            ent.guessed = gender == "f" and _guessed_female(name.split()[0], ctx)
            self.by_key[key] = ent
            if kind == "person":
                toks = name.split()
                # 'Ernesto Dimaculangan Jr.': the generation suffix is part of the name, not the surname
                last = -2 if len(toks) >= 3 and toks[-1].casefold().rstrip(".") in ("jr", "sr") else -1
                self.surnames.setdefault(toks[last].casefold(), []).append(ent)
                if len(toks) >= 3 and _HYPHEN_LOWER.search(toks[-1]):
                    # 'Winnie Lau Ka-yan': a Cantonese given name follows the family name 'Lau'
                    self.surnames.setdefault(toks[-2].casefold(), []).append(ent)
                for tok in toks[1:-1]:
                    # 'Ignacio Ferrer Sanz ... Ferrer asked': a first surname, used when no last name matches
                    if tok[:1].isupper():
                        self.middles.setdefault(tok.casefold(), []).append(ent)
                if len(toks) > 1:
                    self.first_words.setdefault(toks[0].casefold(), []).append(ent)
                for k in range(1, len(toks) - 1):
                    self.by_suffix.setdefault(" ".join(toks[k:]).casefold(), []).append(ent)
                for k in range(2, len(toks)):
                    # 'said Ahmad Faizal' after 'Ahmad Faizal Mohd Noor', 'Mykola Ivanovych' after his full name
                    self.by_prefix.setdefault(" ".join(toks[:k]).casefold(), []).append(ent)
        return ent

    def add(self, start: int, end: int, ent: _Entity, quoted: bool) -> None:
        self.mentions.append(_Mention(start, end, ent, quoted))

    def insert(self, start: int, end: int, ent: _Entity) -> None:
        """Add a mention found while attributing (after finish), keeping text order."""
        k = bisect.bisect_left(self.starts, start)
        self.mentions.insert(k, _Mention(start, end, ent, False))
        self.starts.insert(k, start)

    def finish(self, text: str) -> None:
        self.text = text
        self.mentions.sort(key=lambda m: m.start)
        self.starts = [m.start for m in self.mentions]

    def is_subject(self, m: _Mention) -> bool:
        """Whether a mention is the subject of its clause (computed on demand: only pronouns need it)."""
        if m.subject is None:
            text = self.text
            m.subject = bool(_SUBJ_AFTER.match(text, m.end)) or bool(
                _SUBJ_BEFORE.search(text, max(0, m.start - 40), m.start)
            )
        return m.subject

    def before(self, pos: int) -> list[_Mention]:
        """Mentions starting before pos, most recent first."""
        k = bisect.bisect_left(self.starts, pos)
        return self.mentions[:k][::-1]


def _upper_class() -> str:
    """A regex character class of every upper- and title-case letter below U+2000."""
    cps = [c for c in range(0x2000) if unicodedata.category(chr(c)) in ("Lu", "Lt")]
    ranges, lo, prev = [], cps[0], cps[0]
    for c in [*cps[1:], -1]:
        if c != prev + 1:
            ranges.append(re.escape(chr(lo)) + ("-" + re.escape(chr(prev)) if prev > lo else ""))
            lo = c
        prev = c
    return "[" + "".join(ranges) + "]"


_UPPER = _upper_class()
# A capitalised word (the same characters as _TOKEN's words). Matches starting inside a word (al-Assad)
# are dropped by the caller: a lookbehind here would triple the cost of the scan.
_CAP_WORD = re.compile(_UPPER + r"[\w\u2019'.\-]*")
_PARTICLE = "(?:" + "|".join(sorted(_PARTICLES)) + ")"
_JOINER = re.compile(  # 'Annelies van der Berg': up to three particles in a name
    r" (?:(?P<part>" + _PARTICLE + r"(?: " + _PARTICLE + r"){0,2})"
    r"|(?P<conn>(?:of|for|the|on|and)(?: (?:of|for|the|on|and))?)) "
)


def _mask_nicknames(text: str, spans: list[_Span]) -> tuple[str, dict[int, str]]:
    """The text with short quoted nicknames between two parts of a name, and rank notes such as "(Ret’d)",
    replaced by spaces, and the offsets where such a blanked gap starts, with the nickname blanked there."""
    gaps: dict[int, str] = {}
    parts = []
    last = 0
    for s in spans:
        if not s.fragment or s.close_pos is None or s.close_pos - s.open_pos > 40:
            continue
        o, c = s.open_pos, s.close_pos
        if (
            o >= 2
            and text[o - 1] == " "
            and text[c + 1 : c + 2] == " "
            and text[c + 2 : c + 3].isupper()
            and text[s.start].isupper()
            and _NAME_BEFORE.search(text, max(0, o - 40), o)
        ):
            parts.append(text[last:o])
            parts.append(" " * (c + 1 - o))
            last = c + 1
            s.in_name = True
            gaps[o - 1] = text[s.start : s.end]
    parts.append(text[last:])
    work = "".join(parts) if gaps else text

    def blank(m: re.Match[str]) -> str:
        gaps[m.start() - 1] = ""
        return " " * len(m.group())

    # 'Col. (Ret’d) Dale Ferris': a rank's parenthetical note sits inside the name
    return _RANK_NOTE.sub(blank, work), gaps


_RANK_NOTE = re.compile(r"(?<=[A-Za-z.] )\((?:[Rr]et(?:[\u2019']?d|\.|ired)?|[Rr]es\.?|[Rr]etd\.?)\)(?= [A-Z])")
_NAME_BEFORE = re.compile(r"(?<![\w.])" + _CAPS + r"[\w\u2019'\-]+ $")


def _register(
    text: str, gaz: _Rules, quoted: list[tuple[int, int]], nick_gaps: dict[int, str] | None = None
) -> _Registry:
    """Find capitalised name sequences, resolve them to gazetteer actors or new people/organisations."""
    reg = _Registry(gaz)
    qstarts = [a for a, _ in quoted]

    def in_quote(pos: int) -> bool:
        k = bisect.bisect_right(qstarts, pos) - 1
        return k >= 0 and quoted[k][0] <= pos < quoted[k][1]

    # One pass over the capitalised words: join neighbours separated by one space, a name particle
    # (de, van) or, after an organisation word, one or two connectors ("Institute for the Study of War").
    seq: list[tuple[int, int, str]] = []
    nickname = ""  # 'Anthony “Big Tony” Scarpelli': the nickname of the name being read
    inert = gaz.inert
    alias_starts = []  # where an alias the scan cannot join may start ("Ukraine's air force")
    for m in _CAP_WORD.finditer(text):
        i = m.start()
        tok = m.group()
        if i and (text[i - 1].isalnum() or text[i - 1] in "_.-"):
            art = _ARABIC_ARTICLE.search(text, max(0, i - 4), i) if text[i - 1] == "-" else None
            if art is None:
                continue
            i, tok = art.start(), text[art.start() : m.end()]  # 'Sani Abdullahi al-Kanawi'
        elif i > 2 and text[i - 1] in "\u2019'" and text[i - 2] in "dl" and text[i - 3] == " " and seq:
            i, tok = i - 2, text[i - 2 : m.end()]  # 'the Quai d’Orsay', 'Côte d’Ivoire': an elided particle
        if tok in gaz.lower_alias_starts:
            alias_starts.append(i)
        if seq:
            _, prev_e, prev = seq[-1]
            gap = i - prev_e
            joined = False
            if prev.endswith(".") and len(prev) > 3 and prev.casefold() not in _TITLES:
                pass  # "... Moscow. Kyiv" is two sentences, not one name
            elif (gap == 1 and text[prev_e] == " ") or (nick_gaps and prev_e in nick_gaps):
                joined = True
                if nick_gaps and nick_gaps.get(prev_e):
                    nickname = nick_gaps[prev_e]
            elif gap <= 13 and text[prev_e] == " " and text[i - 1] == " ":
                j = _JOINER.fullmatch(text, prev_e, i)
                if j is not None and (
                    j.group("part")
                    or _clean_tok(prev).casefold() in _ORG_WORDS
                    # 'Institute for the Documentation of Crimes of Occupation': later links stay in the name
                    or (
                        (
                            j.group("conn").split()[0] in ("of", "for")
                            # 'Ministry for European and International Affairs': 'and' after an 'of'/'for' link
                            or (j.group("conn") == "and" and any(t in ("of", "for") for _, _, t in seq))
                        )
                        and any(_clean_tok(t).casefold() in _ORG_WORDS for _, _, t in seq)
                    )
                ):
                    seq.extend((w.start(), w.end(), w.group()) for w in _WORD_SPLIT.finditer(text, prev_e, i))
                    joined = True
            if not joined:
                if len(seq) > 1 or seq[0][2] not in inert:
                    _resolve_sequence(text, seq, reg, in_quote)
                    _add_acronym(text, seq[-1][1], reg)
                    if nickname:
                        _add_nickname(reg, nickname)
                nickname = ""
                seq = []
        seq.append((i, m.end(), tok))
    if seq:
        _resolve_sequence(text, seq, reg, in_quote)
    for i in alias_starts:
        m = gaz.lower_aliases.match(text, i)
        actor = gaz.actor(m.group()) if m else None
        if actor is not None:
            reg.add(m.start(), m.end(), reg.entity_for_actor(actor), in_quote(m.start()))
    _seat_labels(text, reg)
    reg.finish(text)
    _add_roles(text, reg)
    return reg


_SEAT_LABEL = re.compile(r" \((?:(?P<party>[A-Z][\w .'\u2019-]{1,40}?),\s+)?(?P<seat>[A-Z][\w .'\u2019-]{2,40}?)\)")


def _seat_labels(text: str, reg: _Registry) -> None:
    """'Eleanor Pask (Labour, Morden Cross)': a party and seat label names no one; later 'the Member for
    Morden Cross' or 'the Labour member' is that MP."""
    inside: list[tuple[int, int]] = []
    for m in list(reg.mentions):
        if m.ent.kind != "person":
            continue
        label = _SEAT_LABEL.match(text, m.end)
        if label is None or (not label.group("party") and len(label.group("seat").split()) < 2):
            continue
        words = {w.casefold() for w in re.findall(r"[\w'\u2019-]+", label.group(0))}
        appos = _APPOS.match(text, label.end())  # '..., his party's foreign affairs spokesperson, noted'
        if appos:
            words |= {w.casefold() for w in _ROLE_WORD.findall(appos.group(0))} - {"a", "an", "the", "his", "her"}
        m.ent.roles.update(_with_synonyms(words) | {"member", "mp"})
        inside.append((label.start(), label.end()))
    if inside:
        reg.mentions = [
            m for m in reg.mentions if not any(a <= m.start < b for a, b in inside) or m.ent.kind == "state"
        ]


_ARABIC_ARTICLE = re.compile(r"(?<![\w-])(?:al|el|ad|ar|as|ash|az)-$")
_ACRONYM = re.compile(r" \(([A-Z][A-Z&]{1,7})\)")


def _add_acronym(text: str, end: int, reg: _Registry) -> None:
    """'the Federal Department of Foreign Affairs (FDFA)': the acronym names that body from then on."""
    m = _ACRONYM.match(text, end)
    if m is None or not reg.mentions or reg.mentions[-1].end != end or reg.mentions[-1].ent.kind == "person":
        return
    ent = reg.mentions[-1].ent
    reg.by_key.setdefault(slug(m.group(1)), ent)
    ent.words.add(m.group(1).casefold())


def _add_nickname(reg: _Registry, nickname: str) -> None:
    """Let a nickname given inside a person's name ('Big Tony', 'Lucy') refer to that person later."""
    if not reg.mentions or reg.mentions[-1].ent.kind != "person":
        return
    ent = reg.mentions[-1].ent
    key = " ".join(nickname.split()).casefold()
    (reg.by_suffix if " " in key else reg.surnames).setdefault(key, []).append(ent)


_WORD_SPLIT = re.compile(r"\S+")
_KIN_GIVEN = re.compile(
    r"\b([Hh]is|[Hh]er|[A-Z][\w-]*[\u2019']s?)\s+"
    r"(mother|father|wife|husband|son|daughter|sister|brother|grandson|granddaughter|nephew|niece)\s*,?\s$"
)
_OFFICE_AFTER = re.compile(r"\s*\(([A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,3})\)")
_OFFICE_BEFORE = re.compile(
    r"(?:^|(?<=[.!?:;]\s)|(?<=\n))[Tt]he\s+([A-Z][a-z]+(?:\s+(?:of\s+the\s+|of\s+)?[A-Z][a-z]+){0,3})"
    r"(?:\s+\(|,\s+)(?:[A-Z][a-z]{1,5}\.?\s+)?$"
)
_ROLE_BEFORE = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n)|(?<=,\s))(?:[Tt]he|[Oo]ur)\s+((?:[A-Z][\w-]+\s+)?[a-z][\w\s\u2019'-]{2,80}),\s$"
)
# 'His mother, Halyna Tkach,' / 'Kravets’s father, Ivan Kravets,' / 'her yiayia, Despina Marinou,': a kin noun
# (in any language) or another relation set before the name
_KIN_BEFORE = re.compile(r"\b(?:[Hh]is|[Hh]er|[Tt]heir|[A-Z][\w-]*[\u2019']s?)\s+([a-z]{2,20})\s*,\s$")


@dataclass(frozen=True, slots=True)
class _Plan:
    """What a capitalised sequence is, decided from its words alone (so it is computed once per wording)."""

    actors: tuple[tuple[int, int, Actor], ...]  # (first token, one past last token, actor) gazetteer matches
    kind: str  # none | org | single | person
    rest: int = 0  # first token after the gazetteer matches
    core: int = 0  # first token of the name proper (after titles)
    name: str = ""
    words: frozenset[str] = frozenset()  # org: its words; person: title words before the name


def _plan_sequence(toks: tuple[str, ...], gaz: _Rules) -> _Plan:
    """Gazetteer matches (longest first, left to right), then what the remaining words name."""
    n = len(toks)
    i = 0
    while i < n and _clean_tok(toks[i]).casefold() in _STOP_CAP:
        i += 1
    if i >= n:
        return _Plan((), "none")
    actors = []
    k = i
    rest_start = i
    while k < n:
        found = None
        if not gaz.may_start(toks[k]):
            k += 1
            continue
        for j in range(min(n, k + gaz.longest), k, -1):
            joined = " ".join(toks[k:j])
            actor = gaz.actor(joined.rstrip("."))
            if actor is None and toks[j - 1].endswith(("\u2019s", "'s")):
                actor = gaz.actor(joined[:-2])
            if actor is not None:
                found = (j, actor)
                break
        if found:
            j, actor = found
            lead = [_clean_tok(t).casefold() for t in toks[rest_start:k]]
            if len(lead) >= 2 and lead[-1] == "of" and set(lead) & _ORG_WORDS and not actors:
                # 'Consulate General of Ukraine', 'Embassy of Ukraine': the state names the body's owner
                words = [_clean_tok(t) for t in toks[rest_start:j]]
                org_words = frozenset(w.casefold() for w in words) - {"the", "of"}
                return _Plan((), "org", rest_start, rest_start, " ".join(words), org_words)
            actors.append((k, j, actor))
            k = j
            rest_start = j
        else:
            k += 1
    words = [_clean_tok(t) for t in toks[rest_start:]]
    lw = [w.casefold() for w in words]
    m = 0
    title_ctx: set[str] = set()
    while m < len(words) and (
        _is_descriptor(lw[m])
        or _HYPHEN_LOWER.search(words[m])
        or _PREFIX_DESC.fullmatch(words[m])
        or lw[m : m + 2] == ["tan", "sri"]
    ):
        title_ctx.update(lw[m].split("-"))
        m += 1
    # 'Deputy Energy Minister Oksana Tarnavska': the name follows the last title word
    last_title = max((t for t in range(m, len(lw) - 1) if lw[t] in _HEAD_TITLES), default=-1)
    # ('Opposition Congress MP Pradeep Kulkarni': a party's name before the title is no body's name either)
    if last_title >= 0 and not (set(lw[last_title + 1 :]) & _ORG_WORDS):
        title_ctx.update(lw[m : last_title + 1])
        m = last_title + 1
    found_actors = tuple(actors)
    core = rest_start + m
    if core >= n:
        return _Plan(found_actors, "none")
    cw = words[m:]
    while len(cw) > 2 and _POSTNOMINAL.fullmatch(" " + cw[-1]):
        cw = cw[:-1]  # 'Anselm Kowalczyk OSB': the letters after a name are no part of it
    if 2 <= len(cw) <= 3 and len(cw[0]) > 1 and cw[0].isupper() and all(w[1:].islower() for w in cw[1:]):
        # 'NAKAMURA Tetsuo', 'OTA Ryoko': a family name written first in capitals, then the given name
        cw = [cw[0].capitalize(), *cw[1:]]
    lcw = {w.casefold() for w in cw}
    name = " ".join(cw)
    if all(w.isupper() and len(w) > 1 for w in cw) and len(cw) > 1:
        return _Plan(found_actors, "none")  # datelines and shouted headlines
    if len(cw) <= 3 and cw[-1].casefold() in _HEAD_TITLES:
        return _Plan(found_actors, "none")  # 'the Conservative MP for X': a role, whoever holds it
    all_words = frozenset(lw[m:]) - {"the"}  # "Staff Sergeant X": a title word is no body
    if all_words & _ORG_WORDS:
        lead = 0  # 'Geneva-based' describes where the body sits; it is no part of its name
        while lead < len(words) - 1 and _PREFIX_DESC.fullmatch(words[lead]):
            lead += 1
        org_words = frozenset(lw[lead:]) - {"the"}
        return _Plan(found_actors, "org", rest_start, core, " ".join(words[lead:]), org_words)
    if lcw & _PLACE_WORDS or cw[0].casefold() in _PLACE_FIRST or gaz.place(name):
        return _Plan(found_actors, "none")
    if len(cw) == 1:
        return _Plan(found_actors, "single", rest_start, core, cw[0].casefold())
    # particles do not count: 'João Pedro dos Santos Ferreira' is a name of four words
    if sum(1 for w in cw if w[:1].isupper()) > 4 or any(w.isupper() and len(w) > 2 for w in cw):
        return _Plan(found_actors, "none")
    return _Plan(found_actors, "person", rest_start, core, name, frozenset(title_ctx))


_BODY_APPOS_HEADS = (
    r"company|firm|group|operator|refiner|refinery|bank|lender|insurer|producer|exporter|importer|utility|carrier"
    r"|airline|agency|fund|depository|consortium|maker|manufacturer|giant|monopoly|supplier|distributor|trader"
    r"|conglomerate|shipowner|broker|exchange|regulator|watchdog|charity|network"
)
_FIRM_APPOS = re.compile(
    r",\s+(?:(?:the|a|an|its)\s+)?(?:[\w\u2019'-]+\s+){0,5}?(?:" + _BODY_APPOS_HEADS + r")\b|,\s+owned\s+by\b"
)
_SINGLE_ORG_AFTER = re.compile(
    r",\s+(?:(?:the|a|an|its)\s+)(?:[\w\u2019'-]+\s+){0,5}?(?:"
    + _BODY_APPOS_HEADS
    + r")\b|,\s+owned\s+by\b|\s+itself\b|,\s+which\s+(?:was|is|has|had)\b"
)
# "commodities trader Gunvor", "the state-owned trading company Yugoimport SDPR": a firm's name after its trade
_KIND_BEFORE = re.compile(
    r"\b(group|organi[sz]ation|charity|network|campaign|coalition|watchdog|monitor|association|foundation|union)\s+$",
    re.IGNORECASE,
)
_MID_THE = re.compile(r"(?:\b(?:of|for|with|by|from|and|in|at|to)|[a-z],)\s+The\s+$")
_OF_LEAD = re.compile(r"(?<![\w-])([A-Z][\w\u2019'-]+(?:\s+[A-Z][\w\u2019'-]+)?)\s+(?:of|for)\s+$")
_FIRM_BEFORE = re.compile(
    r"\b(?:company|firm|refiner|manufacturer|conglomerate|lender|insurer|utility|(?:oil|gas|steel|shipping)\s+group)"
    r"\s+$"
)
# before a one-word name also a trade that people ply, as copy rarely writes "trader Smith" for a person
_FIRM_BEFORE_ONE = re.compile(
    r"\b(?:company|firm|refiner|manufacturer|conglomerate|lender|insurer|utility|group|trader|producer|exporter"
    r"|supplier|carrier)\s+$"
)
_POSTED_BODIES = frozenset({"embassy", "consulate", "mission"})
_POSTED_IN = re.compile(r" in (" + _CAPS + r"[\w\u2019'\-]+(?: " + _CAPS + r"[\w\u2019'\-]+)?)\b")


def _title_in_marks(text: str, m: _Mention) -> bool:
    """Whether a mention is a name set in quote marks on its own (the ship “Rioni Star”): a title, no person."""
    return m.start > 0 and text[m.start - 1] in _OPENERS and text[m.end : m.end + 1] in _CLOSERS


_HOME_OF = re.compile(r"(?:,\s+\d{1,3},\s+|\b(?:residents?|natives?)\s+)of\s+$")


def _ministry_name(port: str, country: str | None, federal: bool = False) -> str:
    """The official form of '<Portfolio> Ministry' ("Japan Ministry of Foreign Affairs", "Federal Ministry of the
    Interior"): one spelling however the copy words it."""
    title = f"{'Federal ' if federal else ''}Ministry of {_PORTFOLIOS.get(port, port.capitalize())}"
    return f"{country} {title}" if country else title


_SHORT_MINISTRY = re.compile(
    r"(?:(?P<federal>Federal)\s+)?(?:(?P<dem>[A-Z][a-z]+)\s+)?(?P<port>[A-Z][a-z]+)\s+Ministry"
)


def _short_ministry(name: str, owner: str | None) -> str | None:
    """'Saudi Arabia's Foreign Ministry', 'the Japanese Foreign Ministry', 'the Federal Interior Ministry' in
    their official form (with the owner or demonym's state when the copy names one), or None for other names."""
    m = _SHORT_MINISTRY.fullmatch(name)
    if m is None or m.group("port").casefold() not in _PORTFOLIO_WORDS:
        return None
    dem = m.group("dem")
    country = owner or (dem if dem in _COUNTRY_NAMES else _DEMONYMS.get(dem.casefold()) if dem else None)
    if dem and country is None:
        return None
    return _ministry_name(m.group("port").casefold(), country, m.group("federal") is not None)


def _state_owner(seq: list[tuple[int, int, str]], plan: _Plan) -> str | None:
    """The state named right before a ministry's name ("Saudi Arabia's Foreign Ministry", "Saudi Foreign
    Ministry"), or None."""
    parts = plan.name.split()
    if not plan.actors or len(parts) != 2 or parts[1] != "Ministry" or parts[0].casefold() not in _PORTFOLIO_WORDS:
        return None
    _, j, actor = plan.actors[-1]
    return actor.name if j == plan.rest and actor.kind == "state" else None


# Foreign ministries that copy names by their seat (metonyms the gazetteer does not list as speakers)
_METONYM_BODIES = {
    "Farnesina": "Ministry of Foreign Affairs and International Cooperation of Italy",
    "Itamaraty": "Ministry of Foreign Affairs of Brazil",
    "Quai d’Orsay": "Ministry for Europe and Foreign Affairs of France",
    "Quai d'Orsay": "Ministry for Europe and Foreign Affairs of France",
}
_PRESS_WORDS = frozenset({"press", "office", "service", "media", "centre", "center"})
_STATE_VOICE = re.compile(r"(?:[\u2019']s)?\s+(?:delegation|negotiating\s+team|government|side)\b")
_CITY_BODY_LEAD = frozenset({"City", "Regional", "Oblast", "Municipal"})


def _resolve_sequence(text: str, seq: list[tuple[int, int, str]], reg: _Registry, in_quote) -> None:
    """Add the mentions a capitalised sequence makes to the registry."""
    if _HOME_OF.search(text, max(0, seq[0][0] - 40), seq[0][0]):
        return  # 'Nadiya Petrash-Coleman, 44, of Citrus Heights': where she lives, nobody who speaks
    plan = reg.gaz.plan(tuple(t[2] for t in seq))
    if plan.kind == "none" and not plan.actors and len(seq) == 1:
        reg.gaz.inert.add(seq[0][2])
        return
    # 'the Kyiv City Military Administration': the city is in the body's name, not a state beside it
    city_led = (
        plan.kind == "org"
        and plan.core > 0
        and seq[plan.core][2] in _CITY_BODY_LEAD
        and any(j == plan.core and j - k == 1 for k, j, _ in plan.actors)
    )
    for k, j, actor in plan.actors:
        if not (city_led and j == plan.core):
            reg.add(seq[k][0], seq[j - 1][1], reg.entity_for_actor(actor), in_quote(seq[k][0]))
    if plan.kind == "none":
        if not plan.actors and len(seq) <= 3 and _FIRM_BEFORE.search(text, max(0, seq[0][0] - 20), seq[0][0]):
            # "the trading company Yugoimport SDPR": a firm's name in capitals, told by its trade
            ent = reg.entity_for_name(" ".join(_clean_tok(t) for _, _, t in seq), "organisation", set())
            ent.words.add("company")
            reg.add(seq[0][0], seq[-1][1], ent, in_quote(seq[0][0]))
        return
    start, end = seq[plan.core][0], seq[-1][1]
    if city_led:
        start = seq[plan.core - 1][0]
        plan = replace(plan, name=f"{_clean_tok(seq[plan.core - 1][2])} {plan.name}")
    if end - start > 0 and text[end - 2 : end] in ("\u2019s", "'s"):
        end -= 2
    if plan.kind == "org" and plan.actors and plan.actors[-1][1] == plan.rest and plan.words <= _PRESS_WORDS:
        # 'the Holy See Press Office', 'the Kremlin press service': the voice of the body it serves
        k, _, actor = plan.actors[-1]
        ent = reg.entity_for_actor(actor)
        ent.words.update(plan.words)
        reg.add(seq[k][0], end, ent, in_quote(seq[k][0]))
        return
    if plan.kind == "org":
        owner = _state_owner(seq, plan)
        for prev in reversed(reg.mentions) if owner is None else ():
            if prev.ent.kind != "person" and plan.words <= prev.ent.words:
                reg.add(seq[plan.rest][0], end, prev.ent, in_quote(start))
                return
        name = plan.name
        if owner is not None:
            # "Saudi Arabia's Foreign Ministry" after "Ukraine's Foreign Ministry": another state's ministry
            name = _short_ministry(name, owner) or name
            reg.add(start, end, reg.entity_for_name(name, "organisation", set()), in_quote(start))
            return
        name = _short_ministry(name, None) or name
        post = _POSTED_IN.match(text, end) if plan.words & _POSTED_BODIES else None
        if post:
            # "the Embassy of Ukraine in Kenya", "Consulate General of Ukraine in Chicago": the posting is in the name
            # "The Russian Embassy in New Delhi", "the US Embassy in ..." (US read as an actor before the core)
            dem = name.split() if " " in name else [seq[plan.core - 1][2] if plan.core else "", name]
            mission = _mission_name(_POSS_S.sub("", dem[0]), dem[1], post.group(1)) if len(dem) == 2 else None
            # 'the Embassy of Ukraine in Nairobi' is its embassy in Kenya too (a capital stands for its country)
            name, end = mission or f"{name} in {_CAPITALS.get(post.group(1).casefold(), post.group(1))}", post.end()
        name = _with_state(name, plan.words, text, start, None if post else end)
        ent = reg.entity_for_name(name, "organisation", set())
        if _FIRM_BEFORE_ONE.search(text, max(0, start - 20), start):
            ent.words.add("company")  # "the trading company Dunarex SpA": 'the company said' finds it
        kind = _KIND_BEFORE.search(text, max(0, start - 24), start)
        if kind:
            ent.words.add(kind.group(1).casefold())  # "the environmental group Baltic Sea Watch": 'the group says'

        reg.add(start, end, ent, in_quote(start))
    elif plan.kind == "single" and _clean_tok(seq[plan.core][2]) in _METONYM_BODIES:
        ent = reg.entity_for_name(_clean_tok(seq[plan.core][2]), "organisation", set())
        reg.add(start, end, ent, in_quote(start))  # 'Itamaraty said ... the ministry added'
    elif plan.kind == "single":
        cands = reg.surnames.get(plan.name) or reg.first_words.get(plan.name)
        kin = _KIN_GIVEN.search(text, max(0, start - 30), start) if not cands and text.startswith(",", end) else None
        want = {"his": "m", "her": "f"}.get(kin.group(1).casefold()) if kin else None
        named = reg.surnames.get(_POSS_S.sub("", kin.group(1)).casefold()) if kin and want is None else None
        owner = named[-1] if named else _kin_owner(reg, text, want)
        if kin and owner is not None and " " in owner.name:
            # 'Her daughter Sofiia, 15,': a relative named by the given name carries the family's surname, but the
            # surname alone ('Ms Koval') still means the person it was introduced with
            family = owner.name.split()[-1]
            ent = reg.entity_for_name(f"{_clean_tok(seq[plan.core][2])} {family}", "person", set())
            listed = reg.surnames.get(family.casefold(), [])
            if ent in listed:
                listed.remove(ent)
            reg.given_only.add(ent.id)
            ent.roles.add(kin.group(2))
            ent.gender = _KIN[kin.group(2)]
            reg.add(start, end, ent, in_quote(start))
        elif cands:
            # 'Ms. Tkachenko' after her grandson Bohdan Tkachenko: the honorific tells which one
            title = _HONORIFIC_GENDER.get(seq[plan.core - 1][2].casefold().rstrip(".")) if plan.core else None
            fits = [c for c in cands if c.gender in (title, None)] if title else cands
            reg.add(start, end, (fits or cands)[-1], in_quote(start))
        elif not in_quote(start):
            ctx = _given_name_context(text, start, end)
            if ctx is not None:
                name = _clean_tok(seq[plan.core][2])
                reg.add(start, end, reg.entity_for_name(name, "person", ctx), False)
            elif _SINGLE_ORG_AFTER.match(text, end) or _FIRM_BEFORE_ONE.search(text, max(0, start - 20), start):
                # "Transpetrol, the state-owned operator of ...", "Slovnaft, owned by MOL", "Euroclear itself":
                # a one-word name that copy describes as a body; "Voices of Captivity, a group ...": with the
                # words its "of" joins
                name = _clean_tok(seq[plan.core][2])
                lead = _OF_LEAD.search(text, max(0, start - 40), start)
                if lead and not _STOP_CAP & {lead.group(1).split()[0].casefold()}:
                    name, start = f"{' '.join(lead.group().split())} {name}", lead.start()
                ent = reg.entity_for_name(name, "organisation", set())
                firm = _FIRM_APPOS.match(text, end) or _FIRM_BEFORE_ONE.search(text, max(0, start - 20), start)
                ent.words.update({"company"} if firm else set())
                reg.add(start, end, ent, False)
    else:
        for prev in reversed(reg.mentions):
            if prev.ent.kind == "organisation" and prev.ent.name.startswith(plan.name + " "):
                # 'Harbor Point' after 'Harbor Point Petroleum LLC': the firm's short name
                reg.add(start, end, prev.ent, in_quote(start))
                return
        if (
            _PLACE_LEAD.search(text, max(0, start - 8), start)
            or plan.name.rsplit(" ", 1)[-1] in _COUNTRY_TAILS
            # 'a man in a Chicago Bears cap': a name behind an indefinite article qualifies a thing
            or (start >= 2 and text.endswith((" a ", " an "), 0, start))
        ):
            # 'a fertilizer dealer in Great Bend, who asked not to be named', 'that Northern Ireland had its own
            # experience': a place, not a speaker
            return
        # 'allowed the Manchester Evening Ledger to share': a name behind a lower-case article is a title or a
        # body, no person ('the Ukrainian President Volodymyr Zelensky' has the title in the run)
        kind = (
            "organisation"
            if not plan.words
            and (
                (start >= 4 and text.endswith("the ", 0, start))
                or _FIRM_BEFORE.search(text, max(0, start - 20), start)
                # 'frontman of The Steppe Cats': a capitalised article inside a sentence opens a title or a band
                or _MID_THE.search(text, max(0, start - 12), start)
            )
            else "person"
        )
        ent = reg.entity_for_name(plan.name, kind, set(plan.words))
        ent.roles.update(_with_synonyms(plan.words) - (_STOP_CAP - _RANK_WORDS))
        reg.add(start, end, ent, in_quote(start))


_COUNTRY_TAILS = frozenset(
    {n.rsplit(" ", 1)[-1] for n in _CAPITALS.values() if " " in n} | {"Ireland", "Korea", "Africa", "America", "Asia"}
)
_PLACE_LEAD = re.compile(r"\b(?:[Ii]n|[Nn]ear|[Oo]utside)\s$")


def _kin_owner(reg: _Registry, text: str, want: str | None) -> _Entity | None:
    """Whose relative 'Her mother, Iryna,' is: for 'her', the last woman among the last few named ('Her coach,
    Ruben' is no 'her'), else the last person of unknown gender; for 'his', the last man or person of unknown
    gender (men's names rarely show it)."""
    fallback = None
    for rank, m in enumerate(reversed(reg.mentions)):
        if m.ent.kind != "person" or _title_in_marks(text, m):
            continue
        if want is not None and (m.ent.gender == want or (want == "m" and m.ent.gender is None)):
            return m.ent
        if m.ent.gender is None and fallback is None:
            fallback = m.ent
        if want is None or rank > 12:
            break
    return fallback


# A lone given name introduces a person when an appositive describing a person or an age follows and the
# clause goes on to its verb ('Oleh, a 41-year-old infantryman from Sumy, said'), or when the text presents
# it as the only name someone gave ('who gave only his call sign, Lis,'). A home town may follow the age
# ('Artem, 19, from Kharkiv, asked ...').
_GIVEN_APPOS = re.compile(
    r",\s+(?P<age>\d{1,3}\s*,\s+)?(?:(?:from|of)\s+[A-Z][\w\u2019'-]+(?:\s+[A-Z][\w\u2019'-]+)?\s*,\s+)?"
    r"(?:(?:a|an)\s+(?P<desc>[^,.;:\"\u201c\u201d()]{1,160}?)\s*,\s+)?"
    r"(?:\w+ly\s+|also\s+|later\s+|has\s+|had\s+)?(?P<verb>[a-z]+)\b"
)
_GIVEN_INTRO = re.compile(
    r"(?:call[\s-]?sign|nickname|nom de guerre|first name|given name|(?:identified|named|known)\s+only\s+as"
    r"|identified\s+as|gave\s+(?:only\s+)?(?P<poss>his|her)\s+(?:first\s+)?name\s+(?:only\s+)?as)\s*,?\s+$"
)
_POSS_BEFORE = re.compile(r"\b(his|her)\s+(?:[\w-]+\s+){0,2}$")
_DESC_END = re.compile(r"\s+(?:of|for|at|in|near|from|with|on|who|whose|based|to|and|serving)\b")
_PERSON_HEADS = _words(
    """
    soldier officer volunteer teacher driver farmer worker fighter commander operator gunner sniper medic nurse
    doctor pensioner prisoner villager lawyer photographer engineer resident veteran refugee survivor widow
    widower student priest mother father daughter son sister brother grandmother grandfather wife husband owner
    grandson granddaughter nephew niece uncle aunt
    manager sergeant lieutenant captain colonel major private corporal official diplomat negotiator aide adviser
    advisor analyst member lawmaker witness envoy delegate representative minister mayor evacuee conscript
    recruit paramedic surgeon chaplain miner baker shopkeeper vendor guard scout pilot mechanic electrician
    builder cook accountant clerk librarian journalist reporter academic researcher professor economist
    historian expert activist organiser organizer coordinator mp grandson granddaughter child boy girl teenager
    citizen neighbour neighbor friend relative sailor marine sapper deminer ranger rescuer exporter importer
    producer trader dealer broker buyer seller winemaker brewer grower founder designer developer banker
    strategist consultant executive director chairman chairwoman merchant insurer underwriter
    gaffer boss skipper coach striker goalkeeper midfielder defender
    """
)
_AGED = re.compile(r"\b\d{1,3}-year-old\b")
# Heads that build compounds ('infantryman', 'schoolteacher', 'steelworker') or person nouns by suffix
_PERSON_SUFFIXES = (
    "man",
    "woman",
    "person",
    "ist",
    "ian",
    "teacher",
    "worker",
    "fighter",
    "keeper",
    "driver",
    "trooper",
)
_NOT_VERB = _words(
    """
    who which whose that and or but the a an as in on at of for from with by to near
    """
)


def _is_person_head(word: str) -> bool:
    """Whether a description's head noun names a person ('infantryman', 'schoolteacher', 'pianist')."""
    w = word.casefold()
    return w not in _ORG_HEADS and (w in _PERSON_HEADS or w.endswith(_PERSON_SUFFIXES))


def _given_name_context(text: str, start: int, end: int) -> set[str] | None:
    """Context words (for gender) when a lone capitalised word at text[start:end] introduces a person."""
    word = text[start:end]
    if word.casefold().endswith("ly"):
        return None
    intro = _GIVEN_INTRO.search(text, max(0, start - 80), start)
    if intro is not None:
        poss = intro.group("poss") or next(iter(_POSS_BEFORE.findall(text, max(0, start - 80), intro.start())), "")
        return {"man"} if poss == "his" else {"woman"} if poss == "her" else set()
    m = _GIVEN_APPOS.match(text, end)
    if m is None or not (m.group("age") or m.group("desc")) or m.group("verb") in _NOT_VERB:
        return None
    desc = m.group("desc")
    if desc is None:
        return set()
    head = _DESC_END.split(desc, maxsplit=1)[0].split()
    # an age ('a 23-year-old paratrooper') says a person is described whatever the noun
    # ('Dmitry, 34, a programmer from Saint Petersburg': the age alone shows a person)
    if not head or not (_is_person_head(head[-1]) or _AGED.search(desc) or m.group("age")):
        return None
    return {w.casefold() for w in desc.split()} | ({"woman"} if head[-1].casefold().endswith("woman") else set())


# News style drops the article before a few role nouns: 'Priya Raman-Holt, head of oil research at ...'
_BARE_ROLES = (
    "head|director|chief|professor|founder|co-founder|chair|chairman|chairwoman|editor|deputy|former|senior"
    "|lead|managing|executive|secretary|spokesman|spokeswoman|spokesperson|researcher|fellow|economist|adviser"
    "|advisor|partner|manager|coordinator|dean|lecturer|author|principal|president"
)
_APPOS = re.compile(
    r"\s*,\s*(?:\d{1,3},\s+(?=(?:a|an|the|who)\s))?"  # 'Roman Hnatiuk, 34, a Marine Corps veteran'
    r"(?:(?:a|an|the|who|one of the|one of|its|his|her|\d+|(?=(?:" + _BARE_ROLES + r")\s))\b)"
    r"([^,.;:\"\u201c\u201d]{0,120})"
)
_ASCII_WORD = re.compile(r"[A-Za-z\-]+")
_APPOS_STOP = re.compile(r"[\s,]+(?:of|for|at|in|with|from|on|that|which|who|whose|based|to|and)\b")
_ORG_HEADS = _words(
    """
    consultancy firm company group charity organisation organization agency ngo tank institute bank
    publisher newspaper broadcaster outlet network watchdog union outfit startup manufacturer
    insurer fund platform channel website consortium
    """
)


def _words_before(text: str, lo: int, hi: int) -> list[str]:
    """Up to six plain words (letters, hyphens) right before text[hi], most recent first."""
    if hi <= lo or not text[hi - 1].isspace():
        return []
    out = []
    for w in reversed(text[lo:hi].split()):
        if len(out) == 6 or not _ASCII_WORD.fullmatch(w):
            break
        out.append(w)
    return out


_VERB_ROLES = {
    "founded": "founder",
    "co-founded": "founder",
    "heads": "head",
    "headed": "head",
    "chairs": "chair",
    "directs": "director",
    "edits": "editor",
    "teaches": "teacher",
    "coaches": "coach",
    "owns": "owner",
    "manages": "manager",
    "organises": "organiser",
    "organizes": "organizer",
}
_ROLE_VERB = re.compile(r"(?:,\s*\d{1,3},)?\s+(?:also\s+)?(" + "|".join(_VERB_ROLES) + r")\b", re.I)
# 'Maricel Dimaculangan has not heard her husband's voice': the subject's own possessive, nobody named between
_SUBJECT_POSS = re.compile(
    r"\s+(?:[a-z][\w'\u2019-]*\s+){1,6}?(his|her)\s+(?:husband|wife|son|daughter|mother|father|own)\b"
)


def _sentence_start(text: str, pos: int, lo: int = 0) -> int:
    """Where the sentence or line holding text[pos] begins, not before lo (a cheap look back for '. ' and a
    line break, for checks that need only the words opening the sentence)."""
    dot = text.rfind(". ", lo, pos)
    return max(dot + 2 if dot >= 0 else lo, text.rfind("\n", lo, pos) + 1, lo)


def _opens_sentence(text: str, pos: int) -> bool:
    """Whether text[pos] starts a sentence or a line, after at most a short fronted phrase ('In Navotas, ')."""
    return _FRONT.fullmatch(text, _sentence_start(text, pos), pos) is not None


_FRONT = re.compile(r"(?:[A-Z][^,.;:\n]{0,40},\s+)?")


_OWN_POSS = re.compile(r"\s*,\s*(?:for|in|on|by)\s+(his|her)\s+(?:part|view|turn|account|side)\b", re.I)


def _add_roles(text: str, reg: _Registry) -> None:
    """Role words from appositives ('X, a former ambassador') and titles before names ('analyst X')."""
    for m in reg.mentions:
        ent = m.ent
        nxt = text[m.end : m.end + 1]
        a = _APPOS.match(text, m.end) if nxt == "," or nxt.isspace() else None
        if a:
            words = {w.casefold() for w in _ROLE_WORD.findall(a.group(0))}
            ent.roles.update(_with_synonyms(words - {"a", "an", "the", "who", "of", "in", "at", "for", "and"}))
            if ent.kind == "person" and ent.gender is None:
                ent.gender = _gender_of(ent.name.split()[0], words)
            if words & _FEMALE_WORDS and ent.kind == "person" and not ent.id.startswith("gaz"):
                ent.gender = "f"
            det = a.group(0).lstrip(" ,")[:4].split(None, 1)[0].casefold()
            if ent.kind == "person" and det in ("a", "an", "the") and reg.by_key.get(ent.id) is ent:
                # 'Meridian Commodities, a London consultancy': the appositive's head noun names a body
                head = _APPOS_STOP.split(a.group(1).strip(), maxsplit=1)[0].split()
                if head and head[-1].casefold() in _ORG_HEADS:
                    ent.kind, ent.gender = "organisation", None
        worked = _WORKED_AS.match(text, m.end) if ent.kind == "person" else None
        if worked:
            # 'X spent two decades as a Russian interpreter at the State Department': 'the interpreter'
            words = {w.casefold() for w in _ROLE_WORD.findall(worked.group(1))}
            ent.roles.update(_with_synonyms(words - _DETERMINERS - _PREPS))
        act = _ROLE_VERB.match(text, m.end) if ent.kind == "person" else None
        if act:
            ent.roles.add(_VERB_ROLES[act.group(1).casefold()])  # 'X, 47, founded the group': 'the founder'
        own = (
            (_OWN_POSS.match(text, m.end) or _SUBJECT_POSS.match(text, m.end))
            if ent.kind == "person" and (ent.gender is None or ent.guessed) and _opens_sentence(text, m.start)
            else None
        )
        if own:
            # 'Vähämäki, for his part, wants ...': the subject's own possessive tells the gender
            ent.gender, ent.guessed = ("m" if own.group(1).casefold() == "his" else "f"), False
        line_start = text.rfind("\n", 0, m.start) + 1
        if ent.kind == "person":
            # council and committee copy: 'Helen Carver (Chief Executive)', 'The Mayor (Cllr Margaret Ashworth)',
            # 'The Leader of the Council, Cllr Ruth Okafor-Bain': an office in capitals
            office = _OFFICE_AFTER.match(text, m.end) or _OFFICE_BEFORE.search(
                text, max(line_start, m.start - 70), m.start
            )
            if office:
                ent.roles.update({w.casefold() for w in office.group(1).split()} - {"of", "the", "and"})
        if ent.kind == "person" and text[m.start - 2 : m.start] == ", ":
            # 'The head of the village council, Petro Lytvyn, said': a role set before the name
            role = _ROLE_BEFORE.search(text, max(line_start, m.start - 90), m.start)
            if role:
                words = {w.casefold() for w in _ROLE_WORD.findall(role.group(1))}
                ent.roles.update(_with_synonyms(words - _DETERMINERS - _PREPS))
            kin = _KIN_BEFORE.search(text, max(line_start, m.start - 40), m.start)
            if kin:
                ent.roles.add(kin.group(1))
                ent.gender = ent.gender or _KIN.get(kin.group(1))
        pre = _words_before(text, max(line_start, m.start - 60), m.start) if ent.kind == "person" else None
        if pre:
            keep = []
            low = [w.casefold() for w in pre]
            for k, w in enumerate(low):
                if w == "to" and k + 1 < len(low) and low[k + 1] in _HEAD_TITLES:
                    keep = []  # 'ambassador to Russia Tan Sri Zainab': the title before the posting
                    continue
                if w in _DETERMINERS or w in _PREPS or _CUE_RE.fullmatch(w) or w.endswith("ed"):
                    break
                keep.append(w)
            ent.roles.update(_with_synonyms(set(keep)))
            if set(keep) & _FEMALE_WORDS:
                ent.gender = "f"
            elif set(keep) & _MALE_WORDS and ent.gender is None:
                ent.gender = "m"  # 'whose son Callum'


# --- attribution ------------------------------------------------------------------------------------------

_CUES = (
    "quoted as saying|said|says|say|told|tells|tell|added|adds|noted|notes|warned|warns|argued|argues|"
    "stated|states|stating|"
    "saying|summarised|summarized|summarises|summarizes|explained|explains|insisted|insists|claimed|claims|"
    "declared|announced|wrote|writes|posted|posts|tweeted|replied|replies|responded|answered|asked|"
    "continued|continues|concluded|observed|remarked|commented|recalled|recalls|admitted|admits|"
    "acknowledged|conceded|stressed|emphasised|emphasized|suggested|predicted|cautioned|complained|urged|"
    "countered|quipped|joked|fumed|blasted|raged|sobbed|reported|reports|articulated|speculated|"
    "reiterated|maintained|mused|recounted|confirmed|disagrees|disagreed|adding|put it|puts it|"
    "added later|explaining|arguing|warning|insisting|noting|telling|wrote on|said in|went on|thundered|"
    "snapped|shouted|exclaimed|boasted|conceded|lamented|pleaded|vowed|pledged|promised|insisted|"
    "chuckled|scoffed|sneered|gushed|crowed|roared|growled|barked|hissed|sighed|beamed|laughed|"
    "informed|opined|averred|asserted|contended|elaborated|clarified|pointed out|points out|reflected|"
    "mused|ventured|offered|countered|objected|protested|retorted|reasoned|surmised|testified|briefed|"
    # the present tense of features, columns and letters pages
    "asks|wonders|wondered|concludes|observes|remarks|comments|acknowledges|concedes|stresses|emphasises|"
    "emphasizes|suggests|predicts|cautions|complains|urges|counters|jokes|quips|laments|muses|recounts|"
    "reflects|maintains|reiterates|declares|announces|tweets|confirms|replies|retorts|objects|protests|written"
)
_CUE_RE = re.compile(r"\b(?:" + _CUES + r")\b")
# Verbs that may come before their subject ("said Name", "shouted the farmer"): every one-word cue except
# participles and the ones that take an object first ("told Reuters").
_INVERTIBLE_VERBS = sorted(
    {v for v in _CUES.split("|") if " " not in v and not v.endswith("ing")} - {"say", "tell", "told", "tells"},
    key=len,
    reverse=True,
)
_INVERTIBLE = re.compile(r"^[\s,\u2013\u2014-]*(" + "|".join(_INVERTIBLE_VERBS) + r")\s+")
_ACCORDING = re.compile(r"\baccording to\s+", re.I)
_ADVERB = _words(
    """
    also later then again once further separately previously earlier recently simply flatly bluntly
    quietly angrily calmly has had have would will was is today yesterday on tuesday
    """
)
_DETERMINERS = _words(
    """
    the a an one its his her their another our
    """
)
_PREPS = _words(
    """
    by of in on at to for with from and or that as than
    """
)
_DEFINITE = {"the", "its", "his", "her", "their", "this"}
_SENT_END = re.compile(r"[.!?][\"'\u201d\u2019\u00bb)]*\s+")


def _abbrev_dot(text: str, i: int) -> bool:
    """Whether the full stop at text[i] closes a title or initial ("Dr.", "Mr.", "J.") rather than a sentence."""
    if text[i] != ".":
        return False
    j = i
    while j > 0 and text[j - 1].isalpha():
        j -= 1
    word = text[j:i]
    return (len(word) == 1 and word.isupper()) or word.casefold() in ABBREVIATIONS


def _stop_in(text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
    """The first sentence-ending mark from pos, skipping the full stops of titles and initials."""
    for m in _STOP_PUNCT.finditer(text, pos, len(text) if endpos is None else endpos):
        if not _abbrev_dot(text, m.start()):
            return m
    return None


def _sentence_ends(text: str) -> list[re.Match[str]]:
    """Sentence breaks in text, skipping the full stops of titles and initials."""
    return [m for m in _SENT_END.finditer(text) if not _abbrev_dot(text, m.start())]


_WORD = re.compile(r"[\w\u2019'.\-]+|[^\w\s]")


@dataclass(slots=True)
class _NP:
    kind: str  # pron | name | desc
    text: str
    start: int  # absolute offset
    det: str = ""


def _cap_word(tok: str) -> bool:
    return tok[:1].isupper() and tok[0].isalpha()


def _extend_org(toks: list[tuple[int, int, str]], k: int) -> int:
    """Move a name's start left over 'of'/'for the' links while an organisation word lies further left:
    'Coordination Headquarters for the Treatment of Prisoners of War' ends in three plain capitalised words."""
    j = k
    for _ in range(4):
        c = j - 1
        while c >= 0 and c >= j - 2 and toks[c][2] in _CONNECTORS:
            c -= 1
        if c == j - 1 or c < 0 or not _cap_word(toks[c][2]):
            break
        while c - 1 >= 0 and _cap_word(toks[c - 1][2]):
            c -= 1
        run = toks[c:j]
        j = c
        if any(_clean_tok(t[2]).casefold() in _ORG_WORDS for t in run if _cap_word(t[2])):
            k = j
    return k


_TRAILING_ACRONYM = re.compile(r"\s*\([A-Z][A-Za-z]{1,7}\)\s*$")


def _tail_np(text: str, lo: int, hi: int) -> _NP | None:
    """The noun phrase that ends right before text[hi] (a speaker before its reporting verb)."""
    acronym = _TRAILING_ACRONYM.search(text, lo, hi)
    if acronym:
        hi = acronym.start()  # 'the State Secretariat for Economic Affairs (Seco) said': the name before it
    toks = [(m.start() + lo, m.end() + lo, m.group()) for m in _WORD.finditer(text[lo:hi])]
    while toks and toks[-1][2].casefold() in _ADVERB and not _is_cap(toks[-1][2]):
        toks.pop()
    if not toks or toks[-1][2].casefold() in _PREPS:
        return None
    last = toks[-1][2]
    if last.casefold() in _PRONOUNS:
        return _NP("pron", last.casefold(), toks[-1][0])
    if _is_cap(last) and last[0].isalpha():
        k = len(toks) - 1
        while k - 1 >= 0 and (
            (_is_cap(toks[k - 1][2]) and toks[k - 1][2][0].isalpha())
            or (toks[k - 1][2] in _PARTICLES and k - 2 >= 0 and _is_cap(toks[k - 2][2]))
            or (toks[k - 1][2] in ("for", "of") and k - 2 >= 0 and _clean_tok(toks[k - 2][2]).casefold() in _ORG_WORDS)
            # 'the Ukrainian Embassy in London said': the posting is in the body's name
            or (toks[k - 1][2] == "in" and k - 2 >= 0 and _clean_tok(toks[k - 2][2]).casefold() in _POSTED_BODIES)
        ):
            k -= 1
        k = _extend_org(toks, k)
        j = k - 2 if k >= 2 and toks[k - 1][2] == "the" else k - 1
        if j >= 2 and toks[j][2] in ("of", "from") and _cap_word(toks[j - 1][2]) and _cap_word(toks[j - 2][2]):
            # 'Name of Place said', 'Name of the X Centre said': the person named before 'of' speaks
            run = [t[2] for t in toks[max(0, j - 4) : j]]
            while run and not _cap_word(run[0]):
                run.pop(0)
            if not any(_clean_tok(w).casefold() in _ORG_WORDS for w in run):
                return _NP("name", text[toks[j - len(run)][0] : toks[j - 1][1]], toks[j - len(run)][0], "")
        if (
            j >= 1
            and toks[j][2] == "from"
            and _cap_word(toks[j - 1][2])
            and (j == 1 or not _is_cap(toks[j - 2][2]))
            and not toks[j - 1][2].endswith("s")
            and _clean_tok(toks[j - 1][2]).casefold() not in _STOP_CAP | _ORG_WORDS | _TITLES
        ):
            # 'Aidan from Cork wrote': a listener's given name and hometown
            return _NP("name", toks[j - 1][2], toks[j - 1][0], "")
        while k < len(toks) - 1 and toks[k][2].casefold() in _STOP_CAP:
            k += 1
        det = toks[k - 1][2].casefold() if k > 0 else ""
        if det == "the" and all(_clean_tok(t[2]).casefold() in _TITLES for t in toks[k:]):
            # 'the MP said', 'the Senator said': a title alone is a description of someone named earlier
            return _NP("desc", text[toks[k - 1][0] : toks[-1][1]], toks[k - 1][0], det)
        return _NP("name", text[toks[k][0] : toks[-1][1]], toks[k][0], det)
    possessed_org = _clean_tok(last).casefold() in _ORG_WORDS
    for k in range(len(toks) - 1, max(-1, len(toks) - 9), -1):
        w = toks[k][2]
        if not (w[0].isalnum()):
            return None
        if possessed_org and k < len(toks) - 1 and _is_cap(w) and _POSS_S.search(w):
            # "Ukraine's foreign ministry said": a state's body named in lower case
            return _NP("name", text[toks[k][0] : toks[-1][1]], toks[k][0], "")
        if w.casefold() in _DETERMINERS:
            first = k
            if k >= 2 and toks[k - 1][2] in ("of", "for", "at"):
                for k2 in range(k - 2, max(-1, k - 6), -1):
                    if toks[k2][2].casefold() in _DETERMINERS:
                        first = k2
                        break
                    if not toks[k2][2][0].isalnum():
                        break
            det = toks[first][2].casefold()
            return _NP("desc", text[toks[first][0] : toks[-1][1]], toks[first][0], det)
        if _CUE_RE.fullmatch(w):
            return None
    return None


_DOCUMENT_NOUN = re.compile(
    r"(?:\w+\s+)?(?:statement|report|post|letter|readout|communiqu\u00e9|communique|release|message|briefing|note|notice|memo"
    r"|memorandum|filing|bulletin|update|tweet|email|analysis)s?"
    # 'a note to clients from X', 'a memo on Monday by X': a short complement may come before the source
    r"(?:\s+(?:to|on|for|about|sent to)\s+(?:\w+\s+){0,2}?\w+)?\s+(?:from|by|of|issued by|published by)\b"
)
_TITLED_APPOS = re.compile(
    r",\s+(?:the\s+)?(?:(?:Rev|Revd|Dr|Prof|Mr|Mrs|Ms|Sir|Dame|Cllr|Fr|Mgr|Bishop|Father|Sister)\.?\s+)*("
    + _CAPS
    + r"[\w\u2019'\-]+(?:\s+"
    + _CAPS
    + r"[\w\u2019'\-]+){1,3})\s*(?=[,.;]|$)"
)
_APPOS_NAME = re.compile(r",\s+(" + _CAPS + r"[\w\u2019'\-]+(?:\s+" + _CAPS + r"[\w\u2019'\-]+){1,3})\s*(?=,|$)")
_COMPLEMENT_NAME = re.compile(r"\b(?:at|of|for|from|with|in|to|by)\s+(?:the\s+)?(?:[a-z\-]+\s+){0,2}$")
_CLAUSE_END = re.compile(r"[,.;:()\u2013\u2014]|\s(?:who|which|in|on|at|during|after|when)\s")
_NAME_END = re.compile(
    r"((?:" + _CAPS + r"[\w\u2019'\-]+\s+" + _PARTICLE_RUN + r"){1,3}" + _CAPS + r"[\w\u2019'\-]+)\s*$"
)


# A personal name of two to four capitalised words (particles allowed), without a group.
_NAME_PATTERN = r"(?:" + _CAPS + r"[\w\u2019'\-]+\s+" + _PARTICLE_RUN + r"){1,3}" + _CAPS + r"[\w\u2019'\-]+"
_NAME_START = re.compile(r"(" + _NAME_PATTERN + r")\b")


_PERSON_OF = re.compile(r"\s*" + _CAPS + r"[\w\u2019'\-]+\s+" + _CAPS + r"[\w\u2019'\-]+\s+(?:of|at|from)\s+$")


_HONORIFIC_GENDER = {"mr": "m", "sir": "m", "ms": "f", "mrs": "f", "miss": "f", "dame": "f", "lady": "f"}
_THE_STYLE = re.compile(r"the\s+(?=(?:Most\s+|Right\s+|Very\s+|Rt\.?\s+)?(?:Rev|Revd|Hon)\.?\s+(?:Dr\.?\s+)?[A-Z])")


def _head_np(text: str, lo: int, hi: int) -> _NP | None:
    """The noun phrase that starts text[lo:hi] (a speaker after an inverted verb or 'according to')."""
    styled = _THE_STYLE.match(text, lo, hi)
    if styled:
        lo = styled.end()  # 'said the Rev. Mykhailo Datsenko': the style's article is no determiner of a role
    m = _HEAD_NP.match(text[lo:hi])
    if not m:
        return None
    if not m.group("pron"):
        clause = _CLAUSE_END.split(text[lo:hi], maxsplit=1)[0]
        titled = _TITLED_APPOS.match(text, lo + len(clause), hi) if clause[:4].casefold() == "the " else None
        if titled and any(w[:1].isupper() for w in clause.split()[1:2]):
            # 'said the President of the Council, the Rev. Dr Annegret Vollmer-Sauer': the office's holder
            return _NP("name", titled.group(1), titled.start(1))
        nm = _NAME_END.search(clause)
        if (
            nm
            and len(clause[: nm.start()].split()) <= 4
            and nm.group(1).split()[0].casefold() not in _DETERMINERS
            # "said Stavros Paliouras of Alcyon Chartering": the person, not the firm after "of"
            and not _PERSON_OF.match(clause[: nm.start()])
        ):
            return _NP("name", nm.group(1), lo + nm.start(1))
    if m.group("pron"):
        return _NP("pron", m.group("pron").casefold(), lo + m.start("pron"))
    if m.group("name"):
        return _NP("name", m.group("name"), lo + m.start("name"))
    desc = m.group("desc")
    # 'the country's foreign minister Name' -> the name wins, but not 'an analyst at the X Group'
    nm = _TRAILING_NAME.search(desc)
    if nm and not _COMPLEMENT_NAME.search(desc, 0, nm.start(1)):
        return _NP("name", nm.group(1), lo + m.start("desc") + nm.start(1))
    if nm and m.group("det").casefold() in ("a", "an") and _DOCUMENT_NOUN.match(desc):
        return _NP("name", nm.group(1), lo + m.start("desc") + nm.start(1))  # 'a statement from the X Council'
    appos = _APPOS_NAME.match(text, lo + m.end("desc"), hi) if m.group("det") in _DEFINITE else None
    if appos:
        return _NP("name", appos.group(1), appos.start(1))  # 'the driver, Viktor Soloviov, a ...'
    desc = _DESC_CUT.split(desc)[0]
    return _NP("desc", m.group("det") + " " + desc, lo + m.start("det"), m.group("det").casefold())


_SPOKES = r"(?:spokes(?:man|woman|person)|press (?:secretary|officer|office)|representative)"
_SPOKES_FOR = re.compile(
    # 'a Department for Transport spokesperson': a body's name may hold a lower-case link word
    r"(?:[Aa]|[Aa]n|[Oo]ne)\s+(?:(?P<pre>(?:"
    + _CAPS
    + r"[\w\u2019'\-]*\s+(?:(?:for|of|and|on)\s+(?="
    + _CAPS
    + r"))?){1,5})"
    + _SPOKES
    + r"|"
    r"(?:\w+\s+)?" + _SPOKES + r"\s+(?:for|of|at)\s+(?P<the>the\s+)?"
    r"(?P<org>" + _CAPS + r"[\w\u2019'\-]*(?:\s+[\w\u2019'\-]+){0,9}))"
)


def _body_name(words: str) -> str:
    """The body's name at the head of 'Ukraine’s foreign ministry welcomed ...': capitalised words, connectors
    and lowercase words up to the last organisation noun ('ministry', 'office')."""
    toks = words.split()
    end = 1
    for i, tok in enumerate(toks[1:], 1):
        low = tok.casefold()
        if tok[:1].isupper() or low in _ORG_WORDS:
            end = i + 1
        elif low not in _CONNECTORS and not any(t.casefold() in _ORG_WORDS for t in toks[i + 1 : i + 3]):
            break
    return " ".join(toks[:end])


_SPOKES_FOR_LISTED = re.compile(r"(?:an?|one)\s+" + _SPOKES + r"\s+(?:for|of|at)\s+the\s+((?:[a-z]+\s*){1,3})")
_SPOKES_FOR_THE = re.compile(r"(?:an?|one)\s+" + _SPOKES + r"\s+(?:for|of|at)\s+the\s+([a-z]+)\b")
_BODY_SPOKES = re.compile(r"(?:an?|one)\s+([a-z]+)\s+" + _SPOKES + r"\b")


_PERSON_NOUNS = _words(
    """
    official diplomat source participant negotiator aide adviser advisor analyst member lawmaker officer
    soldier resident witness insider envoy delegate representative minister
    """
)
# Where an unnamed person is introduced as a new subject: sentence start, 'according to', 'as one X put it'
# A fronted phrase may come first: 'Asked about the talks, a White House spokesperson said ...'
_FRONTED_OPENER = (
    r"(?:(?:^|(?<=[.!?]\s))(?:Asked|Speaking|Contacted|Reached|Approached|Pressed|Responding|Commenting|In|On|At"
    r"|After|When|Earlier|Later|Separately|Meanwhile|However|Yesterday|Today|Outside|Inside|Back|Near|Nearby"
    r"|Across|Along|Behind|Beside|During|Before|Elsewhere|Down|Further|Standing|Sitting|Waiting|Queuing"
    r"|Weeks|Days|Months|Years|Hours|Moments|Minutes|Afterwards|Then|Now|Since|Until|By)\b"
    r"[^,.;:!?\n]{0,60})"
)
_FRONTED_PHRASE = r"(?:" + _FRONTED_OPENER + r",\s+)"
_INTRO_PRE = (
    r"(?:^|(?<=[.!?:\u2013\u2014]\s)|(?<=[.!?][\u201d\u2019\"']\s)|(?<=[Aa]ccording to\s)|(?<=\bas\s)|"
    + _FRONTED_PHRASE
    + r")"
    r"(?P<det>[Aa]n?|[Oo]ne|[Aa]nother)\s+"
)
# 'a Russian diplomat', 'one senior official': up to three modifiers, then a person noun
_UNNAMED_NOUNS = (
    _PERSON_NOUNS
    | _PERSON_HEADS
    | _words("trader dealer broker agent banker investor executive employee entrepreneur consultant technician insurer")
)
_UNNAMED_HEAD = (
    r"(?:[\w\u2019'-]+\s+){0,3}?(?:"
    + "|".join(sorted(_UNNAMED_NOUNS, key=lambda w: (-len(w), w)))
    + r"|[a-z]*(?:"
    + "|".join(_PERSON_SUFFIXES)
    + r"))\b"
)
_UNNAMED_PERSON = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=according to\s)|(?<=According to\s))(?:A|An|One|Another|a|an|one|another)\s+"
    # a person noun, or any noun a relative 'who' shows is a person ('One fish market porter, who ...')
    r"(?:" + _UNNAMED_HEAD + r"|(?:[\w\u2019'-]+\s+){0,3}?[a-z][\w-]*,?\s+who\b)",
    re.M,
)
# 'Her neighbour, who asked us not to use his name,', '... who asked not to be named': someone kept unnamed
_ANONYMITY = re.compile(
    r"\b(?:asked\s+(?:us\s+|me\s+)?not\s+to\s+(?:be\s+(?:named|identified)|use\s+(?:his|her|their)\s+(?:full\s+)?name)"
    r"|(?:declined|refused)\s+to\s+(?:be\s+named|give\s+(?:his|her|their)\s+(?:full\s+)?name)"
    r"|would\s+not\s+give\s+(?:his|her|their)\s+name|on\s+condition\s+of\s+anonymity)\b"
)
_UNNAMED_AFTER_COMMA = re.compile(r",\s+(?:a|an|one|another)\s+" + _UNNAMED_HEAD)
_FRONTED_START = re.compile(_FRONTED_OPENER, re.M)  # the fronted phrase up to its comma


def _unnamed_person(text: str, lo: int, hi: int) -> bool:
    """Whether text[lo:hi] introduces an unnamed person as a new subject ('A Russian diplomat said', 'Asked
    about it, a spokesperson said'); the second form is found from its comma, which is cheap to scan for."""
    if _UNNAMED_PERSON.search(text, lo, hi) or _ANONYMITY.search(text, lo, hi):
        return True
    for m in _UNNAMED_AFTER_COMMA.finditer(text, lo, hi):
        if _FRONTED_START.fullmatch(text, _sentence_start(text, m.start(), lo), m.start()):
            return True
    return False


_POSS_LABEL = re.compile(r"\s*(?:[\u2022*\-]\s*)?(His|Her|Their|Its|his|her|their|its)\s+\w+(?:\s+\w+)?:\s*$")
_POSS_PRON = {"his": "he", "her": "she", "their": "they", "its": "it"}
# Bullets and a short sentence opener before a label's subject: '• ', 'Meanwhile, ', 'On Friday, '
_LABEL_LEAD = re.compile(
    # a broadcast script's cue tag ('[SOT] ', '[GFX FULL SCREEN] ') may come first too
    r"\s*(?:\d{1,2}[:.]\d{2}(?:\s*[A-Z]{2,4})?\s*[\u2013\u2014-]\s*)?(?:[\u2022*]\s*)?(?:\[[A-Z][A-Z /-]{0,20}\]\s*)?"
    r"(?:(?:[A-Z][a-z]+ly|Meanwhile|However|Separately|Elsewhere|Later|Earlier|Still|Instead"
    r"|Overnight|Today|Yesterday|Then|(?:On|In|At|By|After)(?:\s+\w+){1,2}),\s+)?"
)
_THE_BODY = re.compile(r"[Tt]he\s+((?:" + _CAPS + r"[\w\u2019'\-]*\s+){0,4}" + _CAPS + r"[\w\u2019'\-]*)\s+(?=[a-z])")
_KIN = {
    "mother": "f",
    "father": "m",
    "wife": "f",
    "husband": "m",
    "son": "m",
    "daughter": "f",
    "sister": "f",
    "brother": "m",
    "grandmother": "f",
    "grandfather": "m",
    "grandson": "m",
    "granddaughter": "f",
    "nephew": "m",
    "niece": "f",
    "uncle": "m",
    "aunt": "f",
}


def _initials(name: str) -> str:
    """'U.S. Department of Agriculture' -> 'USDA', 'World Health Organization' -> 'WHO'."""
    out = []
    for w in name.split():
        if w.casefold() in ("of", "and", "the", "for", "on", "&"):
            continue
        out.append(w.replace(".", "") if w.replace(".", "").isupper() else w[:1])
    return "".join(out).upper()


_CAPS_DELEGATE = re.compile(
    r"\b([A-Z\u00c0-\u00de\u0100-\u017d][A-Z\u00c0-\u00de\u0100-\u017d'\u2019\-]+"
    r"(?:\s+[A-Z\u00c0-\u00de\u0100-\u017d][A-Z\u00c0-\u00de\u0100-\u017d'\u2019\-]+){1,3})(?=\s+\([A-Z][a-z])"
)
_DEGREE = re.compile(
    r"\b(?:Prof\.\s+)?Dr\.\s+(?:(?:oec|phil|rer|nat|pol|iur|jur|med|sc|techn|publ|h\.\s?c)\.\s+)+"
    r"(?:(?:HSG|ETH|EPFL|UZH)\s+)?(?=[A-Z])"
)
_ABBREVIATED_TITLES = re.compile(
    r"\b(?:(?:Conf|Lect|Asist|Eng|Ing|Mgr|PhDr|JUDr|MUDr|RNDr|Doc|Assoc|Engr)\.\s+(?:(?:univ|dr|Dr|Prof|prof|habil|ing)\.\s+)*"
    r"|(?:Prof|Dr)\.\s+(?:(?:univ|dr|habil|ing)\.\s+)+)(?=[A-Z\u00c0-\u00de\u0100-\u017d])"
)
_CREDIT = re.compile(r"\((?:Photos?|Pictures?|Image|Credit|Video)(?:\s+by)?\s*:?\s[^()\n]{1,80}\)")
# 'while her father checked the gauge': a kin noun as the subject of a verb, not 'stood beside her mother'
_KIN_SUBJECT = re.compile(
    r"(?<!beside )(?<!with )(?<!to )(?<!for )(?<!of )(?<!from )(?<!by )(?<!and )(?<!near )(?<!at )"
    r"\b([Hh]is|[Hh]er)\s+([a-z]+)\s+(?:also\s+|then\s+|still\s+)?(?:[a-z]+ed|was|is|had|has|says|said|spoke|stood"
    r"|sat|came|went|took|told|kept|held|got|made|drove|wrote|sent|gave|began|runs|works|lives)\b"
)
_KIN_NAMED = re.compile(r"(?:his|her|their)\s+(?:[a-z]+\s+)?[a-z]+,\s+", re.I)
_RECIPROCAL: dict[str, tuple[str, ...]] = {
    "wife": ("husband",),
    "husband": ("wife",),
    "mother": ("son", "daughter"),
    "father": ("son", "daughter"),
    "son": ("mother", "father"),
    "daughter": ("mother", "father"),
    "sister": ("brother", "sister"),
    "brother": ("brother", "sister"),
    "aunt": ("nephew", "niece"),
    "uncle": ("nephew", "niece"),
    "nephew": ("aunt", "uncle"),
    "niece": ("aunt", "uncle"),
    "grandmother": ("grandson", "granddaughter"),
    "grandfather": ("grandson", "granddaughter"),
    "grandson": ("grandmother", "grandfather"),
    "granddaughter": ("grandmother", "grandfather"),
}


def _is_name(s: str) -> bool:
    toks = s.split()
    return (
        bool(toks)
        and _is_cap(toks[0])
        and all(_is_cap(t) or t in _PARTICLES or t in _CONNECTORS for t in toks)
        and len(toks) <= 7
    )


def _fits(ent: _Entity, want: str | None) -> bool:
    """Whether a pronoun of this kind ('m', 'f', 'o', 'p') can refer to the entity."""
    if want in ("m", "f"):
        return ent.kind == "person" and ent.gender in (want, None)
    if want == "o":
        return ent.kind == "organisation"
    return want == "p" and ent.kind in ("organisation", "state")


class _Attributor:
    """Resolve speaker noun phrases to (display name, speaker id) against the article's registry."""

    def __init__(self, text: str, reg: _Registry, gaz: _Rules) -> None:
        self.text = text
        self.reg = reg
        self.gaz = gaz
        self.last_speaker: tuple[str, int] | None = None  # (id, end) of the previous quote in the paragraph

    def resolve(self, np: _NP, pos: int) -> tuple[str | None, str | None]:
        if np.kind == "pron":
            # 'She told the Daily Chronicle: "..."': an antecedent comes before the pronoun, not after it
            ent = self._pronoun(np.text, min(pos, np.start))
        elif np.kind == "name":
            ent = self._capital_role(np, pos) if np.det == "the" else None
            ent = ent or self._name(np.text, pos)
        else:
            ent = self._desc(np, pos)
        if ent is None:
            return None, None
        sex = _PRONOUNS.get(np.text) if np.kind == "pron" else None
        if sex in ("m", "f") and ent.kind == "person" and (ent.gender is None or ent.guessed):
            ent.gender, ent.guessed = sex, False  # '..., she said' of Ngozi: later pronouns know her
        return ent.name, ent.id

    def _capital_role(self, np: _NP, pos: int) -> _Entity | None:
        """'the Leader said', 'the Chief Executive said': a capitalised office held by someone named before."""
        words = {w.casefold() for w in np.text.split()}
        if self.gaz.actor(np.text) is not None:
            return None
        for rank, m in enumerate(self.reg.before(pos)):
            if rank > 60:
                break
            if m.ent.kind == "person" and words <= m.ent.roles:
                return m.ent
            if m.ent.kind == "organisation" and words <= m.ent.words:
                return m.ent  # 'The US Treasury said ... the Treasury said': the body named last, not its secretary
        return None

    def _pronoun(self, pron: str, pos: int) -> _Entity | None:
        want = _PRONOUNS.get(pron)
        # a name set alone in quote marks ('“Swift End”') is a title, nobody a pronoun means
        cands = [m for m in self.reg.before(pos)[:60] if not m.quoted and not _title_in_marks(self.text, m)]
        para_lo = self.text.rfind("\n", 0, pos) + 1
        if want in ("m", "f"):
            # 'A Russian diplomat ... "...," he said': an unnamed person introduced after the last fitting
            # name is who the pronoun means, and stays unnamed
            last = next((m.start for m in cands if _fits(m.ent, want)), -1)
            if _unnamed_person(self.text, max(para_lo, last + 1), pos):
                return None
            if last < para_lo and para_lo > 1 and _QUOTE_OPENS.match(self.text, para_lo):
                # '“...,” he added.' opening a paragraph after 'A member of the delegation told APE ... the
                # delegate said': the unnamed voice goes on
                prev_lo = self.text.rfind("\n", 0, para_lo - 1) + 1
                if _unnamed_person(self.text, max(prev_lo, last + 1), para_lo):
                    return None
            kin = self._kin_subject(want, max(para_lo, last + 1), pos)
            if kin is not None:
                return kin
        hint = self._last_speaker_for(want, cands)
        if hint is not None:
            return hint
        if want in ("m", "f"):
            # the one person this paragraph names who fits is the pronoun's antecedent
            local = {m.ent.id: m.ent for m in cands if m.start >= para_lo and _fits(m.ent, want)}
            if len(local) == 1:
                return next(iter(local.values()))
            ent = self._salient_speaker(want, cands, para_lo)
            if ent is not None:
                return ent
        # "X, who sits on the committee alongside its chair, Y, struck a note": Y is inside X's relative clause
        subj = [m for m in cands if self.reg.is_subject(m) and not self._in_relative_clause(m.start)]
        if want == "o":
            # 'Ukraine's delegation has put out a statement. "...," it said': the state its delegation speaks for,
            # unless a body is the subject of a later clause
            voice = next((m for m in cands if m.ent.kind == "state" and _STATE_VOICE.match(self.text, m.end)), None)
            body = next((m for m in subj if m.ent.kind == "organisation"), None)
            if voice is not None and (body is None or voice.start > body.start):
                return voice.ent
        exact = [m for m in subj if m.ent.gender == want] + [m for m in cands if m.ent.gender == want]
        ranked = exact[:1] if exact and subj and exact[0] is subj[0] else []
        for m in ranked + subj + cands:
            ent = m.ent
            if want in ("m", "f"):
                if ent.kind == "person" and (ent.gender in (want, None)):
                    return ent
            elif (want == "o" and ent.kind == "organisation") or (
                want == "p" and ent.kind in ("organisation", "state")
            ):
                return ent
        if want == "m":
            # nobody fits but a man whose name's ending was read as a woman's ('Chukwuemeka')
            return next((m.ent for m in subj + cands if m.ent.kind == "person" and m.ent.guessed), None)
        return None

    def _kin_subject(self, want: str, lo: int, pos: int) -> _Entity | None:
        """'Kayla Ebersole pulled up the forecast while her father checked the gauge. "Rain," he said': the
        relative a kin noun named after the last fitting name, when the article names one of that surname."""
        found = [k for k in _KIN_SUBJECT.finditer(self.text, lo, pos) if _KIN.get(k.group(2)) == want]
        if not found or _KIN_NAMED.match(self.text, found[-1].start()):
            return None
        k = found[-1]
        return self._kin(k.group(1).casefold(), k.group(2), k.start(2))

    def _in_relative_clause(self, pos: int) -> bool:
        """Whether pos lies inside a ', who ...' clause opened earlier in its sentence."""
        text = self.text
        lo = max(text.rfind("\n", 0, pos) + 1, pos - 200)
        k = max(text.rfind(", who ", lo, pos), text.rfind(", whose ", lo, pos))
        return k >= 0 and not any(not _abbrev_dot(text, m.start()) for m in _SENT_END.finditer(text, k, pos))

    def _salient_speaker(self, want: str, cands: list[_Mention], para_lo: int) -> _Entity | None:
        """The paragraph's last fitting subject of a speech or cognition verb ('X argues that ...', 'X
        questions the format'), when every fitting mention since is subordinate to it: named inside a
        reported clause, described by a copula ('Y is a property developer') or no subject at all."""
        text = self.text
        local = [m for m in cands if m.start >= para_lo and _fits(m.ent, want)]
        for i, m in enumerate(local):
            if not _SPEECH_AFTER.match(text, m.end):
                continue
            for later in local[:i]:
                if later.ent is m.ent:
                    continue
                embedded = _SENT_END.search(text, m.end, later.start) is None
                if not (embedded or _DESCRIBED_AFTER.match(text, later.end) or not self.reg.is_subject(later)):
                    return None
            return m.ent
        return None

    def _last_speaker_for(self, want: str | None, cands: list[_Mention]) -> _Entity | None:
        """'"A," according to X. "B," it said.': the previous quote's speaker in the paragraph, when it fits
        the pronoun and nobody else who fits has been named since that quote."""
        if self.last_speaker is None:
            return None
        sid, after = self.last_speaker
        ent = self.reg.by_key.get("gaz:" + sid) or self.reg.by_key.get(sid)
        if ent is None or not _fits(ent, want):
            return None
        for m in cands:
            if m.start < after:
                break
            if m.ent is not ent and _fits(m.ent, want):
                return None
        return ent

    def _name(self, name: str, pos: int) -> _Entity | None:
        name = _POSS_S.sub("", name.strip()).strip(" .")
        gaz = self.gaz
        actor = gaz.actor(name)
        if actor is not None:
            return self.reg.entity_for_actor(actor)
        if 2 <= len(name) <= 6 and name.isupper() and name.isalpha():
            # 'a USDA spokesperson' after 'the U.S. Department of Agriculture', 'WHO' after the World Health
            # Organization: an acronym of a body named before
            for m in self.reg.before(pos)[:80]:
                # 'a JBER spokesperson' after 'Joint Base Elmendorf-Richardson': hyphenated parts count too
                if (
                    m.ent.kind == "organisation"
                    and (
                        name in (_initials(m.ent.name), _initials(m.ent.name.replace("-", " ")))
                        # 'The Confederation of Danish Industry (DI) welcomed ... DI said': the acronym it was given
                        or self.text.startswith(f"({name})", m.end + (1 if self.text[m.end : m.end + 1] == " " else 0))
                    )
                ):
                    return m.ent
        state = _CAPITALS.get(slug(name).replace("_", " "))  # 'Rīga said' as 'Riga said'
        if state is not None:
            # "Copenhagen said": a capital speaks for its government
            listed = gaz.actor(state)
            return self.reg.entity_for_actor(listed) if listed else self.reg.entity_for_name(state, "state", set())
        words = name.split()
        if len(words) > 1 and _POSS_S.search(words[0]):
            # "Ukraine's Coordination Headquarters for ...": the owner is no part of the body's name
            actor = gaz.actor(" ".join(words[1:]))
            if actor is not None:
                return self.reg.entity_for_actor(actor)
        lw = [w.casefold().rstrip(".") for w in words]
        office = _office_of(words, lw, gaz)
        if office is not None:
            return self.reg.entity_for_actor(office)
        if set(lw) & _ORG_WORDS:
            org = self._org_by_words(set(lw) - {"the"}, pos)
            if org is not None:
                return org
        m = 0
        is_org = bool(set(lw) & _ORG_WORDS)
        # titles and nationalities go before a person's name; 'Latvian Foreign Ministry' keeps its words
        while m < len(words) - 1 and (
            (not is_org and (lw[m] in _TITLES or lw[m] in _NATIONAL or lw[m : m + 2] == ["tan", "sri"]))
            or lw[m] in _STOP_CAP
            or _PREFIX_DESC.fullmatch(lw[m])
            or _HYPHEN_LOWER.search(words[m])
        ):
            m += 1
        last_title = max([m - 1] + [t for t in range(m, len(lw) - 1) if lw[t] in _HEAD_TITLES])
        if last_title >= m and not (set(lw[last_title + 1 :]) & _ORG_WORDS):
            m = last_title + 1  # 'Opposition Congress MP Pradeep Kulkarni': the name after the last title
        core = words[m:]
        if not core:
            return None
        core_name = " ".join(_clean_tok(w) for w in core)
        actor = gaz.actor(core_name)
        if actor is not None:
            return self.reg.entity_for_actor(actor)
        if len(core) == 2 and _INITIAL.fullmatch(core[0]):
            # 'M. Lavoie' (Monsieur) or 'J. Lavoie' after 'Jean-François Lavoie': the person of that surname
            known = [
                e
                for e in self.reg.surnames.get(_clean_tok(core[1]).casefold(), [])
                if e.kind == "person" and not _INITIAL.fullmatch(e.name.split()[0])
            ]
            if known:
                return known[-1]
        if len(core) == 1:
            low = core_name.casefold()
            # 'Mr Lees said' after his wife Olha Lees: the honorific tells the two apart
            want = _HONORIFIC_GENDER.get(lw[0]) if m else None
            # the latest person of that surname before pos; failing that, the latest whose name opens with it
            # ('Nakamura said' after 'NAKAMURA Tetsuo' and before his granddaughter 'NAKAMURA Emi' is named)
            by_first = None
            for cand in self.reg.before(pos):
                ent = cand.ent
                if ent.kind != "person" or (want and ent.gender not in (want, None)):
                    continue
                toks = ent.name.split()
                if low == toks[-1].casefold() and ent.id not in self.reg.given_only:
                    return ent
                if by_first is None and low == toks[0].casefold() and ent in self.reg.first_words.get(low, ()):
                    by_first = ent
            if by_first is not None:
                return by_first
            cands = self.reg.surnames.get(low) or self.reg.middles.get(low) or self.reg.first_words.get(low)
            if cands:
                return cands[-1]
            if low in _STOP_CAP:
                return None
            org = self._org_by_words({low}, pos)
            if org is not None and org.kind == "organisation":
                return org  # 'a Treasury spokesperson' after 'the Treasury Department': the body's short name
        key = slug(core_name)
        ent = self.reg.by_key.get(key)
        if ent is not None:
            return ent
        kind = "organisation" if set(lw) & _ORG_WORDS else "person"
        if kind == "organisation" and len(core) == 2 and lw[-1] in _POSTED_BODIES:
            # '..., said a spokesperson for the US Embassy in New Delhi': the posting follows the name
            at = self.text.find(name, pos, pos + 300)
            post = _POSTED_IN.match(self.text, at + len(name)) if at >= 0 else None
            posted = _mission_name(_POSS_S.sub("", core[0]), core[1], post.group(1)) if post else None
            if posted:
                return self.reg.entity_for_name(posted, "organisation", set())
        if kind == "organisation":
            core_name = _short_ministry(core_name, None) or core_name  # 'the Saudi Foreign Ministry said'
            core_name = _with_state(core_name, {w.casefold() for w in core_name.split()}, self.text, pos)
        return self.reg.entity_for_name(core_name, kind, set(lw))

    def _kin(self, det: str, noun: str, pos: int) -> _Entity | None:
        """'his mother said': another person of the possessor's surname whom the kin noun fits."""
        owner = self._pronoun("he" if det == "his" else "she", pos)
        if owner is None:
            return None
        if noun in owner.roles:
            return owner  # 'Her mother, Nina Hrab, ...': the nearest 'her' was the mother herself
        # the relative introduced by this kin noun ('His mother, Halyna Tkach'; after an inverted verb, 'said
        # his daughter, Kayla, 29'), else one of the owner's surname
        for m in self.reg.before(pos + len(noun) + 40):
            if m.ent is owner or noun not in m.ent.roles:
                continue
            if m.start <= pos or _KIN_NAMED.fullmatch(self.text, pos, m.start):
                return m.ent
        toks = owner.name.split()
        # 'Ernesto Dimaculangan Jr.': the generation suffix is no surname
        surname = (
            toks[-2] if len(toks) >= 3 and toks[-1].casefold().rstrip(".") in ("jr", "sr") else toks[-1]
        ).casefold()
        for cand in reversed(self.reg.surnames.get(surname, [])):
            if cand is not owner and cand.kind == "person" and cand.gender in (_KIN[noun], None):
                return cand
        return self._reciprocal_kin(owner, noun, pos)

    def _reciprocal_kin(self, owner: _Entity, noun: str, pos: int) -> _Entity | None:
        """The relative the text introduced from the other side: 'her father' of 'His daughter, Ásta', 'his wife'
        of 'Maricel has not heard her husband's voice', 'his aunt' of 'X, the nephew of ... Nadia'."""
        recips = _RECIPROCAL.get(noun, ())
        want = _KIN[noun]
        before = self.reg.before(pos)
        if owner.roles & set(recips):
            first = min((m.start for m in before if m.ent is owner), default=None)
            if first is not None:
                for m in self.reg.before(first):
                    if m.ent is not owner and m.ent.kind == "person" and m.ent.gender in (want, None):
                        return m.ent
        alt = "|".join(recips)
        after = re.compile(rf"[^.;\n]{{0,60}}?\b(?:her|his|whose)\s+(?:{alt})\b")
        lead = re.compile(rf"\bthe\s+(?:{alt})\s+of\b[^.;\n]{{0,50}}$")
        for m in before[:40]:
            ent = m.ent
            if ent is owner or ent.kind != "person" or ent.gender not in (want, None):
                continue
            if after.match(self.text, m.end) or lead.search(self.text, max(0, m.start - 70), m.start):
                return ent
        return None

    def _spokesperson(self, np: _NP, pos: int) -> _Entity | None:
        """'a spokesperson for the X Ministry', 'a Kremlin spokesman': the body speaks through its voice."""
        m = _SPOKES_FOR.match(np.text)
        if m is None:
            listed = _SPOKES_FOR_LISTED.match(np.text)
            for cut in range(3, 0, -1) if listed else ():
                # 'a spokesperson for the presidential office': a body the gazetteer knows by that description
                actor = self.gaz.actor("the " + " ".join(listed.group(1).split()[:cut]))
                if actor is not None:
                    return self.reg.entity_for_actor(actor)
            # 'a ministry spokesperson': the body of that kind named last
            noun = _BODY_SPOKES.match(np.text) or _SPOKES_FOR_THE.match(np.text)
            if noun is None or noun.group(1) not in _ORG_WORDS:
                return None
            # 'a company spokesperson' after 'Konkan Refining Ltd': the body this paragraph named, else the last
            # body whose name has the word
            found = self._body_in_paragraph(pos) if noun.group(1) in _BODY_NOUNS else None
            found = found or self._org_by_words({noun.group(1)}, pos)
            return found
        if m.group("org"):
            body = _body_name(m.group("org"))
            office = _LEADER_OFFICE.fullmatch(body)
            if office is not None:
                # 'a spokesperson for the Prime Minister’s Office': Office of the Prime Minister, with its state
                body = f"Office of the {office.group(1)}"
                country = _country_before(self.text, pos)
                return self.reg.entity_for_name(f"{body} of {country}" if country else body, "organisation", set())
            ent = self._name(body, pos)
            if m.group("the") and ent is not None and ent.kind == "person" and not ent.roles:
                ent.kind = "organisation"  # 'a spokeswoman for the Wiener Konzerthaus': no person takes 'the'
        elif _is_name(m.group("pre")):
            ent = self._name(m.group("pre"), pos)
            if ent is None or (ent.kind == "person" and not ent.roles and not ent.gender):
                # 'a Euroclear spokesperson', 'an NHL spokesperson': what has a spokesperson is a body
                ent = self.reg.entity_for_name(" ".join(m.group("pre").split()), "organisation", set())
                ent.kind = "organisation"
        else:
            ent = None
        return ent if ent is not None and ent.kind != "person" else None

    def _document_author(self, head: str, pos: int) -> _Entity | None:
        """The author of a document told before ('A report published by the X Monitor', 'X sued Y')."""
        before = self.text[max(0, pos - 3000) : pos]
        found = list(re.finditer(rf"\b{head}s?\b[^.;\n]{{0,80}}?\bby\s+(?:the\s+)?({_CAP_RUN})", before))
        if not found and head in _ISSUED:
            # 'X said in a note on Monday ... "...," the note said': who issued it, this paragraph or the last
            lo = self.text.rfind("\n", 0, max(0, self.text.rfind("\n", 0, pos))) + 1
            before = self.text[lo:pos]
            if re.search(rf"\bjoint\s+{head}", before):
                return None
            found = list(
                re.finditer(
                    rf"({_CAP_RUN}),?[^.;\n]{{0,60}}?\b(?:said|wrote)\s+in\s+(?:a|an|its)\s+(?:[\w-]+\s+){{0,2}}{head}\b",
                    before,
                )
            )
        if not found and head in _FILINGS:
            found = list(re.finditer(rf"({_CAP_RUN})\s+(?:sued|filed|brought)\b", before))
        return self._name(found[-1].group(1), pos) if found else None

    def _org_by_words(self, words: set[str], pos: int) -> _Entity | None:
        for m in self.reg.before(pos):
            if m.ent.kind != "person" and words <= (m.ent.words | m.ent.roles):
                return m.ent
        return None

    def _introduced(self, head: str, lo: int, pos: int) -> _NP | None:
        """The last unnamed introduction of this noun ('A White House official said') in text[lo:pos]."""
        if head.startswith("spokes"):
            head = r"spokes(?:man|woman|person)"
        elif head not in _PERSON_NOUNS:
            return None
        found = None
        for m in re.finditer(_INTRO_PRE + r"(?:[\w\u2019'-]+\s+){0,4}?" + head + r"\b", self.text[lo:pos]):
            found = m
        if found is None:
            return None
        start = lo + found.start("det")
        desc = _DESC_CUT.split(re.split(r"[,.;:]", self.text[start:pos], maxsplit=1)[0])[0]
        return _NP("desc", desc[:1].lower() + desc[1:], start, found.group("det").casefold())

    def _desc(self, np: _NP, pos: int) -> _Entity | None:
        if np.det not in _DEFINITE:
            return self._spokesperson(np, pos)
        body = np.text.split(None, 1)[1] if " " in np.text else ""
        parts = _DESC_PREP.split(body, maxsplit=1)
        head_words = [w.casefold() for w in _ROLE_WORD.findall(parts[0])]
        if not head_words:
            return None
        head = head_words[-1]
        if np.det == "the" and head in _NEWSPAPER_HEADS and len(head_words) == 1:
            title = self._paper_in_paragraph(np.start)
            if title is not None:
                return title  # "Le Courrier du Matin calls it ... “...,” the paper says": the newspaper named
        if np.det == "the" and head in _DOCUMENT_HEADS and len(head_words) == 1:
            author = self._document_author(head, np.start)
            if author is not None:
                return author  # "the report says": who published it; "the complaint says": who sued
        if np.det in ("his", "her") and head in _KIN:
            return self._kin(np.det, head, np.start)
        # 'A spokesperson for X said ... "...," the spokesperson said': the unnamed voice introduced in
        # this paragraph, unless someone it fits was named after that introduction
        para_lo = self.text.rfind("\n", 0, np.start) + 1
        intro = self._introduced(head, para_lo, np.start)
        if intro is None and para_lo > 1 and _QUOTE_OPENS.match(self.text, para_lo):
            # the quote opens the next paragraph: the voice introduced at the end of the last one
            intro = self._introduced(head, self.text.rfind("\n", 0, para_lo - 1) + 1, para_lo)
        if intro is not None and not any(
            m.start > intro.start and head in (m.ent.roles | m.ent.words) for m in self.reg.before(np.start)[:20]
        ):
            return self._spokesperson(intro, pos)
        qual = {w.casefold() for w in _QUAL_WORD.findall(parts[1])} - {"the", "a"} if len(parts) > 1 else set()
        actor = self.gaz.actor_by_role(parts[0]) or self.gaz.actor(parts[0])
        best = None
        best_score = -1
        for rank, m in enumerate(self.reg.before(pos)):
            if rank > 80:
                break
            ent = m.ent
            bag = ent.roles | ent.words
            if head not in bag:
                continue
            score = len(set(head_words) & bag) + len(qual & bag) - rank * 0.001
            if score > best_score:
                best, best_score = ent, score
        if best is None and actor is None and head in _QUALIFIED_HEADS:
            # 'the former defence official' after 'X, a former deputy director at the defence ministry';
            # 'the drafting expert' after 'X, who has spent years drafting ceasefire texts': a person
            # noun whose distinctive modifiers the introduction had
            mods = (set(head_words[:-1]) | qual) - _WEAK_MODIFIERS
            for rank, m in enumerate(self.reg.before(pos)):
                if rank > 40:
                    break
                overlap = len(mods & m.ent.roles)
                if m.ent.kind == "person" and overlap and overlap > best_score:
                    best, best_score = m.ent, overlap
        if best is None and actor is None and len(head_words) <= 3 and len(parts) == 1 and _is_person_head(head):
            best = self._only_recent_person(head, pos)
        if best is not None:
            return best
        if actor is not None:
            return self.reg.entity_for_actor(actor)
        if head in _ORG_WORDS and any(w[:1].isupper() for w in parts[0].split()):
            # 'the Kharkiv regional military administration': a body named by a description with a proper
            # modifier, met for the first time; later mentions ('the administration said') find it
            ent = self.reg.entity_for_name(" ".join(parts[0].split()), "organisation", set())
            ent.words.update(head_words)
            self.reg.insert(np.start, np.start + len(np.text), ent)
            return ent
        if head in _ORG_WORDS and len(head_words) == 1 and len(head) >= 5:
            # 'the association said' after 'the Associazione Kalyna Roma': a body whose name has that word, in
            # any language that shares its stem
            stem = head[:5]
            for rank, m in enumerate(self.reg.before(pos)):
                if rank > 40:
                    break
                if m.ent.kind == "organisation" and any(w.startswith(stem) for w in m.ent.words):
                    return m.ent
        if head in _BODY_NOUNS and len(head_words) == 1:
            # 'Global Affairs Canada said ... "...," the department said': the body named just before, whatever
            # its name's words; 'the statement added' after a body's statement
            found = self._body_in_paragraph(pos)
            lead = _BODY_SAID_LEAD.match(self.text, self.text.rfind("\n", 0, pos) + 1) if found is None else None
            if lead is not None and lead.end() <= pos and not self.reg.surnames.get(lead.group(1)):
                # "Sviatoshyn said in a statement that ... “...,” the club said": the name that opened the
                # paragraph, said with a statement, is the body
                found = self.reg.entity_for_name(lead.group(1), "organisation", {head})
                self.reg.insert(lead.start(1), lead.end(1), found)
            if found is None and head in ("company", "firm"):
                # 'the company said' in a press release: the firm named last, paragraphs before
                found = next(
                    (
                        m.ent
                        for m in self.reg.before(pos)[:40]
                        if m.ent.kind == "organisation" and m.ent.words & _FIRM_WORDS
                    ),
                    None,
                )
            return found
        return None

    def _only_recent_person(self, head: str, pos: int) -> _Entity | None:
        """The person named last in this or the previous paragraph, for a noun nobody was introduced with.

        'X, who teaches history at ..., said ... "...," the historian said': copy names a role on second
        reference that the introduction only implied. Not when an unnamed one ('a historian') came since.
        """
        lo = self.text.rfind("\n", 0, max(0, self.text.rfind("\n", 0, pos))) + 1
        for m in self.reg.before(pos)[:12]:
            if m.start < lo:
                return None
            if m.ent.kind == "person" and self.text[max(0, m.start - 4) : m.start].casefold() != "the ":
                if re.search(
                    rf"\b(?:an?|another|one|other)\s+(?:[\w-]+\s+){{0,3}}{head}s?\b", self.text[m.end : pos], re.I
                ) or _unnamed_person(self.text, m.end, pos):
                    return None  # ('A member of the delegation told APE ... the delegate said': the unnamed one)
                return m.ent
        return None

    def _paper_in_paragraph(self, pos: int) -> _Entity | None:
        """The newspaper named last before pos in its paragraph (see _body_in_paragraph), else the title that opens
        the paragraph as its subject."""
        found = self._body_in_paragraph(pos, titles=True)
        if found is not None:
            found.kind = "organisation"
            return found
        # "The Kyivskyi Kurier is cautiously positive": a title that opens the paragraph as its subject
        para_lo = self.text.rfind("\n", 0, pos) + 1
        lead = _PAPER_LEAD.match(self.text, para_lo)
        if lead is not None and lead.end() <= pos:
            ent = self.reg.entity_for_name(lead.group(1), "organisation", set())
            self.reg.insert(lead.start(1), lead.end(1), ent)  # 'But it adds:' next finds the paper
            return ent
        return None

    def _body_in_paragraph(self, pos: int, titles: bool = False) -> _Entity | None:
        """The organisation named last before pos in its paragraph; with `titles`, also a name opened by an
        article in its own language ('Le Courrier du Matin'), which copy writes without 'the'."""
        para_lo = self.text.rfind("\n", 0, pos) + 1
        for m in self.reg.before(pos)[:12]:
            if m.start < para_lo:
                break
            if m.ent.kind == "organisation" or (titles and m.ent.name.split()[0] in _TITLE_ARTICLES):
                return m.ent
        return None


_BODY_SAID_LEAD = re.compile(
    r"(?:The\s+)?([A-Z][\w\u2019'-]+(?:\s+[A-Z][\w\u2019'-]+){0,3})\s+(?:said|says|announced|confirmed)\s+in\s+a\s+"
    r"(?:statement|post|release|communiqu\u00e9)\b"
)
_PAPER_LEAD = re.compile(
    r"(?:In\s+[A-Z][\w-]+,\s+)?(?:The\s+)?((?:[A-Z][\w\u2019'-]+\s+){0,3}[A-Z][\w\u2019'-]+)\s+"
    r"(?:is|was|runs|ran|calls|called|says|writes|argues|notes|leads|led|carries|headlines|sees|takes)\b"
)
_NEWSPAPER_HEADS = _words("paper newspaper daily weekly tabloid broadsheet")
_TITLE_ARTICLES = frozenset({"Le", "La", "Les", "Die", "Der", "Das", "El", "Il", "Lo", "De", "Het", "O", "A", "Gazeta"})
_LEADER_OFFICE = re.compile(r"(Prime Minister|President)[\u2019']s Office")
_DOCUMENT_HEADS = _words(
    "report study book paper complaint lawsuit suit filing motion memo note letter email post message release readout "
    "statement"
)
_FILINGS = _words("complaint lawsuit suit filing motion")
_ISSUED = _words("note letter email post message release readout statement memo filing memorandum")
_CAP_RUN = _CAPS + r"[\w\u2019'&.\-]*(?:\s+(?:&\s+|of\s+|for\s+)?" + _CAPS + r"[\w\u2019'&.\-]*){0,6}"
_BODY_NOUNS = _words("department ministry office agency league statement embassy consulate company firm club union")


# Person nouns that a description qualifies ('the former defence official', 'the drafting expert').
_QUALIFIED_HEADS = _words(
    """
    official expert analyst specialist adviser advisor economist diplomat negotiator veteran researcher
    """
)
_WEAK_MODIFIERS = _words("former senior top leading chief deputy retired veteran young old other local longtime")


# --- the extractor ----------------------------------------------------------------------------------------

_LABEL = re.compile(
    r"(?:\[?\d{1,2}:\d{2}(?::\d{2})?\]?\s+)?"  # a transcript's timestamp
    r"(" + _CAPS + r"[\w\u2019'\-]+(?:\s+" + _CAPS + r"[\w\u2019'\-]+){0,2}):\s+(?=\S)"
)
_NOT_LABEL = {
    "q",
    "a",
    "question",
    "answer",
    "update",
    "photo",
    "related",
    "read more",
    "note",
    "watch",
    "listen",
    "editor",
    "editor's note",
    "source",
    "sources",
    "video",
    "live",
    "breaking",
    "analysis",
    "opinion",
    "interview",
    "exclusive",
    "correction",
    "catch up",
    "more",
    "see also",
}
_NAMED_QUESTION = re.compile(r"\s*(?:Q|Question)\s*\((" + _CAPS + r"[^,()]{2,60}?)(?:,[^()]*)?\)\s*:\s*")
_QUESTION_LABEL = re.compile(r"\s*(?:Q|Question)\s*:\s")
_ANSWER_LABEL = re.compile(r"\s*(A|Answer)\s*:\s+(?=\S)")
_WORDS_RE = re.compile(r"[\w\u2019'-]+")


# Combining diacritics (Yoruba 'Adébáyọ̀', decomposed accents) are no word characters to `re`, so attribution
# reads them as letters of an uncased script, one for one, and names are mapped back on the way out.
_COMBINING = re.compile(r"[\u0300-\u036f]")
_MARK_MASK = {c: 0xA500 + c - 0x300 for c in range(0x300, 0x370)}
_MARK_UNMASK = {v: k for k, v in _MARK_MASK.items()}


# 'The don, for his part, counselled patience.': a described person opening a sentence
# (a literal scan for "The " and then a match: lookbehinds on every position would cost more than the rest)
_WORKED_AS = re.compile(
    r",?\s+(?:who\s+)?(?:has\s+|had\s+)?(?:spent\s+(?:[\w-]+\s+){1,3}?|worked\s+(?:for\s+(?:[\w-]+\s+){1,3}?)?|served\s+"
    r"|works\s+)as\s+(?:an?\s+)?((?:[A-Za-z][\w-]*\s+){0,1}[a-z][\w-]*)"
)
_DESCRIBED_SUBJECT = re.compile(
    r"[Tt]he\s+(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*(?=,|\s+(?:(?:still|also|then|now|again|often|never|always|just"
    r"|only|later|once)\s+)?[a-z]+(?:ed|s)\b)"
)  # "the interpreter still comes back": an adverb may stand before the verb


def _add_described_subjects(text: str, reg: _Registry, att: _Attributor) -> None:
    """Let a sentence opened by a description of someone named earlier be an antecedent for pronouns."""
    added = False
    i = text.find("The ")
    while i >= 0:
        before = text[max(0, i - 2) : i]
        m = None
        if i == 0 or before[-1:] == "\n" or (before[-1:] == " " and before[:1] in '.!?\u201d\u2019"'):
            m = _DESCRIBED_SUBJECT.match(text, i)
        i = text.find("The ", i + 4)
        if m is None:
            continue
        np = _NP("desc", "the" + m.group()[3:], m.start(), "the")
        ent = att._desc(np, m.start())
        if ent is not None and ent.kind == "person":
            reg.add(m.start(), m.end(), ent, False)
            added = True
    i = text.find(", the ")
    while i >= 0:
        # "Asked whether ..., the former diplomat was blunt.": the subject after a fronted clause
        m = _DESCRIBED_SUBJECT.match(text, i + 2, i + 80) if text.startswith("the ", i + 2) else None
        j = i
        i = text.find(", the ", i + 6)
        if m is None or not _FRONTED_START.fullmatch(text, _sentence_start(text, j, max(0, j - 120)), j):
            continue
        np = _NP("desc", m.group(), m.start(), "the")
        ent = att._desc(np, m.start())
        if ent is not None and ent.kind == "person":
            reg.add(m.start(), m.end(), ent, False)
            added = True
    if added:
        reg.finish(text)


def _office_of(words: list[str], lw: list[str], gaz: Gazetteer) -> Actor | None:
    """The listed body whose office a name is ("the European Union's diplomatic service", "the EU delegation in
    Kyiv", "NATO's press office"): an organisation of the gazetteer followed by lower-case words that end in
    an organisation noun. States' offices are bodies of their own ("the Ukrainian embassy")."""
    if len(words) < 2:
        return None
    cut = next((i for i in range(2, len(lw)) if lw[i] == "in"), len(lw))
    if lw[cut - 1] not in _ORG_WORDS:
        return None
    for k in range(cut - 1, 0, -1):
        owner = gaz.actor(_POSS_S.sub("", " ".join(words[:k])))
        if owner is not None:
            lower = all(w[:1].islower() for w in words[k:cut])
            return owner if lower and owner.kind == "organisation" and owner.country is None else None
    return None


def _mission_state(owner: str) -> str | None:
    """The state a mission's owner word names ('Russian', 'Russia' of "Russia's", 'US'), or None."""
    if owner in _COUNTRY_NAMES:
        return owner
    if owner.rstrip(".") in ("US", "U.S", "American"):
        return "the United States"
    return _DEMONYMS.get(owner.casefold())


def _mission_name(owner: str, kind: str, place: str) -> str | None:
    """'Embassy of Russia in India' for the Russian (Russia's, US) embassy in New Delhi: a capital stands for its
    country, another city stays ('Consulate of Russia in Constanța'); None for an owner that is no state."""
    country = _mission_state(owner)
    return _posted_name(country, kind, place) if country else None


def _posted_name(country: str, kind: str, place: str) -> str:
    """'Embassy of <country> in <place's country>' (a capital stands for its country, another city stays)."""
    return f"{kind.capitalize()} of {country} in {_CAPITALS.get(place.casefold(), place)}"


def _add_lower_ministries(text: str, reg: _Registry) -> None:
    """'The Dutch defence ministry said': a state's ministry named in lower case is a body of its own."""
    for m in _LOWER_MISSION.finditer(text) if ("mbassy" in text or "onsulate" in text) else ():
        # 'The Ukrainian embassy in Pretoria': the Embassy of Ukraine in South Africa (a capital stands for its
        # country; another city stays: the Consulate of Russia in Constanța)
        dem = m.group("dem")
        country = _mission_state(m.group("owner") or dem)
        if country is None:
            continue
        kind = m.group("kind").casefold()
        ent = reg.entity_for_name(_posted_name(country, kind, m.group("place")), "organisation", set())
        # the capitalised run "Russian Embassy in New Delhi" then finds this body rather than naming its own
        ent.words.update(
            {kind, "in", dem.casefold(), *country.casefold().split(), *m.group("place").casefold().split()}
        )
        reg.insert(m.start(), m.end(), ent)
    for m in _CITY_ADMINISTRATION.finditer(text) if "ilitary administration" in text or "ity council" in text else ():
        # "The city's military administration said": the administration of the Ukrainian city named last
        city = next(
            (
                c.group()
                for c in reversed(list(_CAP_WORD.finditer(text, 0, m.start())))
                if c.group() in _UKRAINIAN_CITIES
            ),
            None,
        )
        if city is not None:
            body = " ".join(m.group("body").split())
            ent = reg.entity_for_name(f"{city} City {body.title()}", "organisation", set())
            ent.words.update({*body.split(), "city", city.casefold()})
            reg.insert(m.start(), m.end(), ent)
    if " ministry" not in text:
        return  # most articles: no scan
    for m in _LOWER_MINISTRY.finditer(text):
        country = _DEMONYMS.get(m.group("dem").casefold())
        if country is None or reg.gaz.actor(m.group()) is not None:
            continue  # an unknown adjective, or a body the gazetteer lists ('the Russian foreign ministry')
        port = m.group("port")
        ent = reg.entity_for_name(_ministry_name(port, country), "organisation", set())
        ent.words.update({"ministry", port, m.group("dem").casefold(), *country.casefold().split()})
        reg.insert(m.start(), m.end(), ent)


def find_quotes(text: str, gazetteer: Gazetteer) -> list[Quote]:
    """Direct quotes in `text` with speakers resolved against the gazetteer."""
    paras = _join_broken_lines(text, paragraphs(text))
    spans = _find_spans(text, paras)
    _mark_fragments(text, paras, spans)
    spans.sort(key=lambda s: s.open_pos)
    # names inside quotes are not antecedents for pronouns (scare-quoted fragments are ordinary prose)
    quoted = [(s.open_pos, (s.close_pos if s.close_pos is not None else s.end) + 1) for s in spans if not s.fragment]
    rules = _rules_for(gazetteer)
    # attribution reads a copy with nicknames inside names blanked: Maksym "The Bear" Hordiienko
    work, nick_gaps = _mask_nicknames(text, spans)
    if " (" in work:
        # 'OKSANA HRYTSAK-LEVENTIS (Ukraine) said': a delegate's name in capitals before the state, as UN
        # meetings coverage writes it, reads as the name it is
        work = _CAPS_DELEGATE.sub(lambda m: m.group(1).title(), work)
    if "Photo" in work or "Credit" in work or "Picture" in work:
        # '(Photo: Daria Mykhailenko / Northline)': who took the picture is nobody the copy's pronouns mean
        work = _CREDIT.sub(lambda m: " " * len(m.group()), work)
    if "Dr. " in work:
        # 'Dr. oec. HSG Reto Ammann', 'Dr. rer. nat. Anna Weiss': a German-style degree is no part of the name
        work = _DEGREE.sub(lambda m: " " * len(m.group()), work)
    if ". " in work and _ABBREVIATED_TITLES.search(work):
        # 'Conf. univ. dr. Andreea Stanescu-Vlad', 'Eng. Samuel Otieno-Wafula': abbreviated academic and
        # professional titles are no part of the name either
        work = _ABBREVIATED_TITLES.sub(lambda m: " " * len(m.group()), work)
    if _COMBINING.search(work):
        work = work.translate(_MARK_MASK)
    reg = _register(work, rules, quoted, nick_gaps)
    _add_lower_ministries(work, reg)
    att = _Attributor(work, reg, rules)
    _add_described_subjects(work, reg, att)
    labelled = _label_quotes(work, paras, att, spans)
    if labelled:
        # marks inside a labelled answer quote someone within the answer: nested, not quotes of their own
        answer_paras = {s.para for s in labelled}
        spans = [s for s in spans if s.para not in answer_paras]
    spans.extend(labelled + _dialogue_quotes(work, paras, att, spans))
    spans.sort(key=lambda s: s.open_pos)
    _attribute(work, paras, spans, att)
    para_sents: dict[int, tuple[list[tuple[int, int]], list[int]]] = {}
    out = []
    for s in spans:
        lo = s.open_pos
        hi = max(s.end, s.attr_end)
        # evidence never leaves the quote's paragraph, so only paragraphs with quotes are split into sentences
        cached = para_sents.get(s.para)
        if cached is None:
            ps, pe = paras[s.para]
            sent = [(a + ps, b + ps) for a, b in sentences(text[ps:pe])]
            cached = para_sents[s.para] = (sent, [a for a, _ in sent])
        sent, sent_starts = cached
        k = max(0, bisect.bisect_right(sent_starts, lo) - 1)
        ev_start = sent[k][0] if sent else lo
        k2 = max(0, bisect.bisect_right(sent_starts, hi - 1) - 1)
        ev_end = sent[k2][1] if sent else hi
        ev_end = max(ev_end, s.end)
        out.append(
            Quote(
                text=text[s.start : s.end],
                start=s.start,
                end=s.end,
                speaker=None if s.fragment or s.speaker is None else s.speaker.translate(_MARK_UNMASK),
                speaker_id=None if s.fragment else s.speaker_id,
                cue=None if s.fragment else s.cue,
                fragment=s.fragment,
                evidence=text[min(ev_start, s.start) : ev_end],
            )
        )
    return out


# A quote opened right after a lowercase word that is no reporting verb: 'called it "the only deliverable"'
_MID_CLAUSE = re.compile(r"\b(?!(?:said|says|added|told|asked|wrote|writes|that)\b)[a-z]+\s+$")


_TITLE_NOUN = re.compile(
    r"\b(?:program|programme|show|podcast|book|memoir|film|documentary|series|column|op-ed|article|essay|report"
    r"|newsletter|song|album|headline|slogan|campaign|operation|plan|doctrine)\s+$"
)


def _mark_fragments(text: str, paras: list[tuple[int, int]], spans: list[_Span]) -> None:
    """Short quoted phrases inside a sentence (scare quotes, titles) and quotes in a headline."""
    headline = -1
    if paras:
        ps, pe = paras[0]
        first = text[ps:pe].rstrip()
        if len(first) < 160 and not _HEADLINE_END.search(first) and len(paras) > 1:
            headline = 0
    for s in spans:
        if s.close_pos is None or s.group >= 0:
            continue
        if s.para == headline:
            s.fragment = True
            continue
        content = text[s.start : s.end]
        nwords = len(_WORDS_RE.findall(content))
        ps0 = paras[s.para][0]
        mid_clause = _MID_CLAUSE.search(text, max(ps0, s.open_pos - 30), s.open_pos) is not None
        if nwords > (8 if mid_clause and "," not in content else 5):
            continue
        lead = text[max(ps0, s.open_pos - 30) : s.open_pos]
        if _TITLE_NOUN.search(lead) and content[:1].isupper():
            s.fragment = True  # 'the Sunday program "State of Play,"': a title, whatever verb follows
            continue
        sent_lo = max(text.rfind(". ", ps0, s.open_pos), ps0)
        if content[:1].islower() and lead.rstrip().endswith(",") and not _MARK_RE.search(text, sent_lo, s.open_pos):
            # 'remained, as one participant put it, "in different galaxies."': no quote opens this sentence,
            # so a lowercase phrase after a comma finishes the writer's sentence
            s.fragment = True
            continue
        if text[s.close_pos - 1] == ",":
            # 'calling it the "Jeddah formula," a shorthand', 'what the text calls "reliable guarantees,"
            # frozen assets': a short phrase opened mid-clause and not followed by its attribution
            after = text[s.close_pos + 1 : s.close_pos + 40]
            if not (
                mid_clause and nwords <= 5 and not _INVERTIBLE.match(after) and not _FOLLOWED_BY_CUE.match("," + after)
            ):
                continue
            s.fragment = True
            continue
        # 'had been "technical, not historic."': a phrase closing the writer's sentence, stop inside the marks
        if _ENDS_SENTENCE.search(content) and not (mid_clause and content[:1].islower()):
            continue
        ps, _ = paras[s.para]
        before = text[ps : s.open_pos].rstrip()
        after = text[s.close_pos + 1 : s.close_pos + 40]
        starts_sentence = not before or before[-1] in ".:!?" or (before[-1] == "," and content[:1].isupper())
        if before.endswith((",", ":")) and _CUE_RE.search(before[-40:]):
            starts_sentence = True
        followed_by_cue = _FOLLOWED_BY_CUE.match(after)
        if (starts_sentence and content[:1].isupper()) or followed_by_cue:
            continue
        s.fragment = True


def _label_quotes(text: str, paras: list[tuple[int, int]], att: _Attributor, spans: list[_Span]) -> list[_Span]:
    """Transcript lines 'Surname: words' where the label names a person the article introduced."""
    out = []
    with_marks: dict[int, int] = {}  # paragraph -> first opening mark
    for s in spans:
        with_marks[s.para] = min(s.open_pos, with_marks.get(s.para, s.open_pos))
    interviewee: _Entity | None = None
    first_q = next((ps for ps, pe in paras if _QUESTION_LABEL.match(text, ps, pe)), None)
    if first_q is not None:
        # 'Q: ... / A: ...' transcripts: answers belong to the person the introduction is about
        counts: dict[str, int] = {}
        people: dict[str, _Entity] = {}
        for cand in att.reg.before(first_q)[::-1]:
            if cand.ent.kind == "person" and not cand.quoted:
                counts[cand.ent.id] = counts.get(cand.ent.id, 0) + 1
                people.setdefault(cand.ent.id, cand.ent)
        if counts:
            interviewee = people[max(counts, key=lambda k: counts[k])]
    for pi, (ps, pe) in enumerate(paras):
        asker = _NAMED_QUESTION.match(text, ps, pe)
        if asker is not None and pi in with_marks:
            # a briefing's 'Q (Tom Brannagh, Irish Chronicle): “...”': the reporter the label names asks it
            ent = att.reg.entity_for_name(asker.group(1), "person", set())
            for sp in spans:
                if sp.para == pi and not text[asker.end() : sp.open_pos].strip():
                    sp.speaker, sp.speaker_id, sp.cue, sp.resolved = ent.name, ent.id, ":", True
            continue
        m = _ANSWER_LABEL.match(text, ps, pe) if interviewee is not None else None
        m = m or _LABEL.match(text, ps, pe)
        if not m:
            continue
        label = m.group(1)
        if pi in with_marks and with_marks[pi] <= m.end():
            # 'Name: "words"' is a quote introduced by a colon, attributed as such; 'A: "words"' is the
            # interviewee's answer; '[00:41] MAREIKE: "words"' is the speaker the label names in full or in part
            if interviewee is not None and label.casefold() in ("a", "answer"):
                for sp in spans:
                    if sp.para == pi and sp.speaker_id is None:
                        sp.speaker, sp.speaker_id, sp.cue, sp.resolved = interviewee.name, interviewee.id, ":", True
            elif m.start(1) > ps or label.isupper():
                named = _labelled_person(label, att.reg.before(ps))
                for sp in spans if named is not None else ():
                    if sp.para == pi and not text[m.end() : sp.open_pos].strip():
                        sp.speaker, sp.speaker_id, sp.cue, sp.resolved = named.name, named.id, ":", True
            continue
        ent = None
        if label.casefold() in ("a", "answer") and interviewee is not None:
            ent = interviewee
        elif label.casefold() in _NOT_LABEL:
            continue
        for cand in att.reg.before(ps) if ent is None else ():
            if cand.ent.kind == "person" and label.casefold() in {
                cand.ent.name.casefold(),
                cand.ent.name.split()[-1].casefold(),
            }:
                ent = cand.ent
                break
        if ent is None:
            continue
        s, e = _trim(text, m.end(), pe)
        if len(_WORDS_RE.findall(text[s:e])) < 3:
            continue
        sp = _Span(m.end() - 1, s, e, None, pi)
        sp.speaker, sp.speaker_id, sp.cue, sp.resolved = ent.name, ent.id, ":", True
        out.append(sp)
    return out


def _labelled_person(label: str, before: list[_Mention]) -> _Entity | None:
    """The person introduced before a transcript label that gives their full name, surname or first name."""
    key = label.casefold()
    initials = key if label.isupper() and 2 <= len(label) <= 4 and label.isalpha() else None
    for cand in before:
        if cand.ent.kind != "person" or cand.quoted:
            continue
        toks = cand.ent.name.casefold().split()
        if key in (" ".join(toks), toks[-1], toks[0]):
            return cand.ent
        if initials and initials == "".join(part[:1] for tok in toks for part in tok.split("-")):
            return cand.ent  # 'Mirela Dumitrescu-Hale (MDH)' ... 'MDH: "..."'
    return None


_DIALOGUE_DASH = re.compile(r"\s*[\u2014\u2013]\s*(?=\S)")
_DIALOGUE_BREAK = re.compile(r"(?<=[?!]) |, | [\u2014\u2013] ")


def _dialogue_quotes(text: str, paras: list[tuple[int, int]], att: _Attributor, spans: list[_Span]) -> list[_Span]:
    """Dialogue lines opened by a dash, with the speaker after it: '\u2014 I doubt it, replied Ivo Maran.'"""
    out = []
    with_marks = {s.para for s in spans}
    for pi, (ps, pe) in enumerate(paras):
        m = _DIALOGUE_DASH.match(text, ps, pe)
        if m is None or pi in with_marks:
            continue
        for br in _DIALOGUE_BREAK.finditer(text, m.end(), pe):
            start, end = _trim(text, m.end(), br.start() + (1 if text[br.start()] in "?!" else 0))
            if len(_WORDS_RE.findall(text[start:end])) < 2:
                continue
            stop = _stop_in(text, br.end(), pe)
            sp = _Span(m.end() - 1, start, end, None, pi)
            if _try_after(text, sp, br.start() + 1, stop.start() if stop else pe, att):
                out.append(sp)
                break
    return out


def _attribute(text: str, paras: list[tuple[int, int]], spans: list[_Span], att: _Attributor) -> None:
    by_para: dict[int, list[_Span]] = {}
    for s in spans:
        if not s.in_name:
            by_para.setdefault(s.para, []).append(s)
    before: tuple[str, int] | None = None  # the last speaker of the paragraphs before
    for pi, group in sorted(by_para.items()):
        ps, pe = paras[pi]
        # 'She ends her messages with ...': a paragraph opened by a pronoun goes on with the voice before it
        carried = before if text.startswith(("She ", "He "), ps) else None
        for idx, s in enumerate(group):
            if s.fragment or s.resolved:
                continue
            close = s.close_pos if s.close_pos is not None else s.end
            prev_end = group[idx - 1].close_pos + 1 if idx > 0 and group[idx - 1].close_pos is not None else ps
            if idx > 0 and group[idx - 1].close_pos is None:
                prev_end = ps
            next_open = group[idx + 1].open_pos if idx + 1 < len(group) else pe
            prev = next((p for p in reversed(group[:idx]) if not p.fragment), None)
            att.last_speaker = (prev.speaker_id, prev.end) if prev is not None and prev.speaker_id else carried
            _attribute_one(text, s, prev_end, close + 1, next_open, att)
        last = next((p for p in reversed(group) if not p.fragment and p.speaker_id), None)
        before = (last.speaker_id, last.end) if last is not None else before
    att.last_speaker = None
    for s in spans:
        if s.indefinite and s.speaker_id is None and not s.fragment:
            _name_later(text, paras, s, att)
    # Carry speakers: same paragraph, multi-paragraph groups, continuation paragraphs.
    last: _Span | None = None
    groups: dict[int, list[_Span]] = {}
    for s in spans:
        if s.group >= 0:
            groups.setdefault(s.group, []).append(s)
    for parts in groups.values():
        src = next((p for p in parts if p.speaker_id or p.speaker), None)
        if src is None:
            # '"...," she said. "Nobody left the room.' then more paragraphs: the opening part continues her
            src = next(
                (p for p in reversed(spans) if p.para == parts[0].para and p.end < parts[0].start and not p.fragment),
                None,
            )
            src = src if src is not None and src.speaker else None
        if src is None:
            src = _context_speaker(text, paras, parts[0], att) or _prev_para_subject(text, paras, parts[0], att)
        if src is not None:
            for p in parts:
                if not p.speaker:
                    p.speaker, p.speaker_id, p.cue = src.speaker, src.speaker_id, p.cue or src.cue
    for s in spans:
        if s.fragment:
            continue
        if not s.speaker and not s.resolved:
            if last is not None and last.para == s.para:
                s.speaker, s.speaker_id = last.speaker, last.speaker_id
            else:
                src = _context_speaker(text, paras, s, att)
                if src is not None:
                    s.speaker, s.speaker_id = src.speaker, src.speaker_id
                elif last is not None and last.para == s.para - 1 and _starts_para(text, paras, s):
                    s.speaker, s.speaker_id = last.speaker, last.speaker_id
                elif _starts_para(text, paras, s):
                    src = _prev_para_subject(text, paras, s, att)
                    if src is not None:
                        s.speaker, s.speaker_id = src.speaker, src.speaker_id
        last = s


def _starts_para(text: str, paras: list[tuple[int, int]], s: _Span) -> bool:
    return not text[paras[s.para][0] : s.open_pos].strip()


def _prev_para_subject(text: str, paras: list[tuple[int, int]], s: _Span, att: _Attributor) -> _Span | None:
    """A paragraph that is only a quote, after a paragraph about one person: that person speaks."""
    if s.para == 0:
        return None
    ps, pe = paras[s.para - 1]
    para = text[ps:pe]
    cut = 0
    for m in _sentence_ends(para):
        if m.end() < len(para):
            cut = m.end()
    np = _head_np(text, ps + cut, pe)
    ent = None
    if np is not None and np.kind != "desc" and (np.kind != "name" or _is_name(np.text)):
        name, sid = att.resolve(np, pe)
        ent = (att.reg.by_key.get(sid) or att.reg.by_key.get("gaz:" + sid)) if sid else None
    if ent is None or ent.kind != "person":
        # otherwise: the one person the previous paragraph is about
        people = {m.ent.id: m.ent for m in att.reg.before(pe) if m.start >= ps and not m.quoted}
        people = {k: e for k, e in people.items() if e.kind == "person"}
        ent = next(iter(people.values())) if len(people) == 1 else None
    if ent is None:
        return None
    name, sid = ent.name, ent.id
    out = _Span(0, 0, 0, None, s.para)
    out.speaker, out.speaker_id = name, sid
    return out


_PARTICIPLE_LEAD = re.compile(
    r"(?:Asked|Pressed|Speaking|Reached|Contacted|Approached|Interviewed|Questioned|Challenged)\b[^.;:!?\n]{0,120}?,\s+"
)


_SUBJECT_VERB = re.compile(
    r"\s+(?:had|has|was|is|were|took|gave|got|made|kept|came|went|spoke|stood|sat|seemed|put|left|[a-z]+ed)\b"
)


def _context_speaker(text: str, paras: list[tuple[int, int]], s: _Span, att: _Attributor) -> _Span | None:
    """Speaker from the subject of the sentence before an unattributed quote in the same paragraph."""
    ps, _ = paras[s.para]
    before = text[ps : s.open_pos]
    if not before.strip():
        return None
    cut = 0
    for m in _sentence_ends(before.rstrip() + " "):
        if m.end() < len(before.rstrip()):
            cut = m.end()
    sent_lo = ps + cut
    lead = _PARTICIPLE_LEAD.match(text, sent_lo, s.open_pos)
    # 'Asked what she would say to him, Hrab-Lindgren did not hesitate. "..."': the subject after the phrase
    np = _head_np(text, lead.end() if lead else sent_lo, s.open_pos)
    if np is not None and np.kind == "name" and np.text.casefold() in _DEFINITE:
        # 'The skipper had the last word.': a sentence-initial determiner is no name
        rest = text[np.start + len(np.text) : s.open_pos]
        np = _NP("desc", np.text.casefold() + " " + rest.strip(), np.start, np.text.casefold())
    if np is None or (np.kind == "desc" and np.det not in _DEFINITE):
        return None
    if np.kind == "name" and not _is_name(np.text):
        return None
    if np.kind == "desc":
        # 'The skipper had the last word. "..."': the description ends at its verb
        np = _NP("desc", _SUBJECT_VERB.split(np.text, maxsplit=1)[0], np.start, np.det)
    name, sid = att.resolve(np, s.open_pos)
    if name is None:
        return None
    out = _Span(0, 0, 0, None, s.para)
    out.speaker, out.speaker_id = name, sid
    return out


def _attribute_one(text: str, s: _Span, lo: int, after_lo: int, hi: int, att: _Attributor) -> None:
    """Look for a reporting verb and its subject after the quote, then before it."""
    # window after the quote, up to the end of its sentence
    after = text[after_lo:hi]
    m_end = _stop_in(after)
    a_hi = after_lo + (m_end.start() if m_end else len(after))
    if _try_after(text, s, after_lo, a_hi, att):
        return
    # window before the quote, from the start of its sentence
    before = text[lo : s.open_pos]
    cut = 0
    for m in _sentence_ends(before):
        if m.end() <= len(before):
            cut = m.end()
    b_lo = lo + cut
    if _BLANK.fullmatch(text[b_lo : s.open_pos]):
        return
    _try_before(text, s, b_lo, s.open_pos, att)


def _set(s: _Span, who: tuple[str | None, str | None], cue: str, attr_end: int, np: _NP) -> bool:
    s.speaker, s.speaker_id, s.cue, s.attr_end = who[0], who[1], cue, attr_end
    s.resolved = True
    if who[1] is None and np.kind == "desc" and np.det in ("a", "an", "one"):
        head = _DESC_PREP.split(np.text, maxsplit=1)[0].split()
        s.indefinite = head[-1].casefold() if len(head) > 1 else None
    return True


def _name_later(text: str, paras: list[tuple[int, int]], s: _Span, att: _Attributor) -> None:
    """'...according to an analyst. The analyst, Nadia Rahimova, said': the next sentence names the speaker."""
    pe = paras[s.para][1]
    if s.para + 1 < len(paras):
        pe = paras[s.para + 1][1]
    lo = max(s.end, s.attr_end)
    window = text[lo : min(pe, lo + 320)]
    head = re.escape(s.indefinite or "")
    m = re.search(
        r"\b[Tt]he\s+"
        + head
        + r"(?:,\s+|\s+)("
        + _NAME_PATTERN
        + r")|("
        + _NAME_PATTERN
        + r"),\s+the\s+"
        + head
        + r"\b",
        window,
    )
    if m is None:
        return
    name = m.group(1) or m.group(2)
    ent = att._name(name, lo + m.start())
    if ent is not None and ent.kind == "person":
        s.speaker, s.speaker_id = ent.name, ent.id


def _try_after(text: str, s: _Span, lo: int, hi: int, att: _Attributor) -> bool:
    seg = text[lo:hi]
    if not seg.strip() or not _LEADING_SEP.match(seg):
        return False
    dash = _DASH_SOURCE.match(seg)
    if dash and not _WORDS_RE.search(text, text.rfind("\n", 0, s.open_pos) + 1, s.open_pos):
        # a quote opening its line and signed after a dash: '"..." — Name, analyst at X'
        np = _NP("name", dash.group(1), lo + dash.start(1))
        return _set(s, att.resolve(np, lo), "—", hi, np)
    fr = _FRENCH_PRONOUN_CUE.match(seg)
    if fr:
        # '« ... », a-t-elle précisé': the French inversion carries the pronoun
        np = _NP("pron", "he" if fr.group(1) == "il" else "she", lo + fr.start(1))
        return _set(s, att.resolve(np, lo), fr.group(2), hi, np)
    inv = _INVERTIBLE.match(seg) or _FRENCH_CUE.match(seg)
    if inv:
        np = _head_np(text, lo + inv.end(), hi)
        if np is not None and (np.kind != "name" or _is_name(np.text)):
            return _set(s, att.resolve(np, lo), inv.group(1), hi, np)
    acc = _ACCORDING_AFTER.match(seg)
    if acc:
        np = _head_np(text, lo + acc.end(), hi)
        if np is not None:
            return _set(s, att.resolve(np, lo), "according to", hi, np)
    # 'X said' / 'X, the mayor, said' / 'he added': subject right after the quote
    for cm in _CUE_RE.finditer(seg):
        if cm.start() > 140:
            break
        np = _subject_before(text, lo, lo + cm.start())
        gap = text[lo : np.start].strip(" ,\u2013\u2014-\"'\u201d\u2019\u00bb") if np is not None else "x"
        if np is not None and (not gap or gap.casefold() in _DEFINITE or _GAP_DESC.fullmatch(gap) or _title_gap(gap)):
            return _set(s, att.resolve(np, lo), cm.group().split()[0], hi, np)
        long_desc = _LONG_DESC.match(text, lo, lo + cm.start())
        if long_desc:
            np = _NP("desc", long_desc.group(1), long_desc.start(1), long_desc.group(2).casefold())
            return _set(s, att.resolve(np, lo), cm.group().split()[0], hi, np)
        break
    return False


# Quebec and French copy quoted in an English article: '« ... », a déclaré Geneviève Gagnon-Tremblay'
_FRENCH_VERBS = "dit|déclaré|ajouté|précisé|expliqué|affirmé|souligné|estimé|indiqué|lancé|confié"
_FRENCH_CUE = re.compile(
    r"^[\s,\u2013\u2014-]*(a\s+(?:" + _FRENCH_VERBS + r")|estime|explique|affirme|souligne|précise|ajoute|indique)\s+"
)
_FRENCH_PRONOUN_CUE = re.compile(r"^[\s,\u2013\u2014-]*a-t-(il|elle)\s+(" + _FRENCH_VERBS + r")\b")
# a name, or a given name alone before an age ('— Halyna, 64, Kharkiv')
_DASH_SOURCE = re.compile(
    r"\s*[\u2014\u2013]\s*(" + _NAME_PATTERN + r"|" + _CAPS + r"[\w\u2019'\-]+(?=,\s*\d{1,3}\b))\s*(?:,|\(|$)"
)


_ANY_TITLES = _TITLES | _HEAD_TITLES


def _title_gap(gap: str) -> bool:
    """Whether words between a quote and a name are a label and a title ('Liberal senator', 'Labor MP')."""
    words = gap.split()
    return (
        0 < len(words) <= 4
        and words[-1].casefold() in _ANY_TITLES
        and all(w[:1].isupper() or w.casefold() in _ANY_TITLES for w in words)
    )


# What may sit between a quote and its named subject: 'the independent X Mission said', 'its director, X, said'
_GAP_DESC = re.compile(r"(?:the|its|his|her|their)(?:\s+[a-z][\w'\u2019-]*){1,3},?")

# '..., a diplomat familiar with the session said': a longer descriptive subject right after the quote
_LONG_DESC = re.compile(
    r"[\s,\u2013\u2014\-\"'\u201d\u2019\u00bb]*((a|an|one|the|another|A|An|One|The)\s+[^,.;:\"\u201c\u201d]{1,80}?)\s*$"
)


_INDEFINITE_SUBJECT = re.compile(r"\s*(A|An|One)\s+(?=\S)")


def _subject_before(text: str, lo: int, verb: int) -> _NP | None:
    """Subject ending right before a verb, skipping an appositive set off by commas."""
    seg = text[lo:verb].rstrip()
    if seg.endswith(","):
        inner = seg[:-1]
        k = inner.rfind(",")
        lead = _INDEFINITE_SUBJECT.match(seg)
        if k >= 0 and lead and not _is_name(inner[k + 1 :].strip()):
            # "A Western diplomat in Kyiv, asked whether ..., said:": an unnamed person, whatever the clause names
            head = seg.split(",", 1)[0]
            return _NP("desc", head, lo + lead.start(), lead.group(1).casefold())
        if k >= 0:
            appos = inner[k + 1 :].strip()
            lead = _NAME_START.match(appos)
            if lead and not _is_name(appos) and len(lead.group(1).split()) >= 2:
                return _NP("name", lead.group(1), lo + k + 1 + (len(inner[k + 1 :]) - len(inner[k + 1 :].lstrip())))
            if _is_name(appos):
                if " " not in appos:
                    # 'Mary Byrne, Galway, writes': one word after a full name is the writer's town
                    np = _tail_np(text, lo, lo + k)
                    if np is not None and np.kind == "name" and " " in np.text:
                        return np
                np = _tail_np(text, lo + k + 1, lo + len(inner))
                if np is not None:
                    return np
            np = _tail_np(text, lo, lo + k)
            if np is not None:
                return np
        return None
    return _tail_np(text, lo, lo + len(seg))


_INITIAL = re.compile(r"[A-Z]\.")
_BY_AGENT = re.compile(
    r"\b(?:[Pp]osted|[Ww]ritten|[Ss]hared|[Tt]weeted|[Pp]ublished|[Ss]ent)\b[^:\n]{0,40}?\bby\s+(?:the\s+)?(?:[a-z]+\s+){0,2}(?=[A-Z])"
)


def _try_before(text: str, s: _Span, lo: int, hi: int, att: _Attributor) -> bool:
    seg = text[lo:hi]
    acc = None
    for found in _ACCORDING.finditer(seg):
        acc = found
    if acc is not None:
        np = _head_np(text, lo + acc.end(), hi)
        if np is not None:
            return _set(s, att.resolve(np, hi), "according to", hi, np)
    agent = _BY_AGENT.search(seg) if seg.rstrip().endswith(":") else None
    if agent is not None:
        # 'Posted on X by the commentator Dale Hurrington on 14 July: "..."': the passive's agent wrote it
        np = _head_np(text, lo + agent.end(), hi)
        if np is not None and np.kind == "name":
            return _set(s, att.resolve(np, hi), ":", hi, np)
    owned = _OWNED_DOCUMENT.search(seg)
    if owned is not None:
        # "The X Institute's report this month said, '...'", "NATO put out a statement which said": the owner
        start = lo + owned.start("owner")
        raw = owned.group("owner")
        np = (
            _NP("desc", raw[:1].lower() + raw[1:], start, "the")
            if raw[:4].casefold() == "the " and raw[4:5].islower()
            else _NP("name", raw, start, "")
        )
        return _set(s, att.resolve(np, hi), "said", hi, np)
    # 'She had a saying for every crisis: "..."': a noun, not the cue
    cues = [c for c in _CUE_RE.finditer(seg) if not _NOUN_CUE.search(seg, max(0, c.start() - 6), c.end())]
    for cm in reversed(cues[-3:]):
        np = _subject_before(text, lo, lo + cm.start())
        if np is not None and (np.kind != "name" or _is_name(np.text) or _is_state_body(np.text)):
            if np.kind == "desc" and np.det not in _DEFINITE and np.det not in {"a", "an", "one"}:
                continue
            return _set(s, att.resolve(np, hi), cm.group().split()[0], hi, np)
    if seg.rstrip().endswith(":"):
        pm = _POSS_LABEL.match(seg)
        if pm:
            # 'Her caption: "..."', 'His verdict: "..."': the owner of the words is the pronoun's antecedent
            np = _NP("pron", _POSS_PRON[pm.group(1).casefold()], lo + pm.start(1))
            return _set(s, att.resolve(np, hi), ":", hi, np)
        lead = _LABEL_LEAD.match(seg)
        lo = lo + lead.end() if lead else lo
        user = _USER_LABEL.search(text, lo, hi)
        if user:
            # forum and social copy: 'The most upvoted question came from Sunflower_Seed_Oil:', 'tram_driver_lviv
            # wanted to know:', 'a moderator, Lindenbaum_77, pinned a reminder:' - the handle as displayed
            name = user.group("u") or user.group("u2")
            ent = att.reg.entity_for_name(name, "person", set())
            return _set(s, (ent.name, ent.id), ":", hi, _NP("name", name, user.start()))
        if _UNNAMED_LABEL.match(text, lo, hi):
            # '[SOT] Unidentified woman holding a portrait: "..."', 'Same woman, continuing:': nobody named
            return _set(s, (None, None), ":", hi, _NP("desc", "", lo, "a"))
        # '[GFX] Statement from the Coordination Headquarters ..., read by anchor:', 'read a letter ... from X:',
        # '[SOT] His mother, Valentyna Kravchuk:': the issuer or the relative the label names
        named = _LABEL_ISSUER.match(text, lo, hi) or _READ_FROM.search(text, lo, hi) or _KIN_LABEL.match(text, lo, hi)
        if named:
            np = _NP("name", named.group(1), named.start(1))
            return _set(s, att.resolve(np, hi), ":", hi, np)
        via = _LABEL_VIA.search(text, lo, hi)
        if via:
            # "Moscow's line, via the Russian Foreign Ministry: ...": the body the words came through
            np = _head_np(text, via.end(), hi)
            if np is not None and np.kind == "name":
                return _set(s, att.resolve(np, hi), ":", hi, np)
        tail = _NAME_END.search(text, lo, hi - len(seg) + len(seg.rstrip()[:-1]))
        if (
            tail
            and all(
                w.casefold() in _TITLES or w.casefold() in _NATIONAL or w.casefold() in _HEAD_TITLES or w.islower()
                for w in text[lo : tail.start(1)].split()
            )
            and not _CUE_RE.search(text, lo, tail.start(1))
        ):
            # '• Former deputy foreign minister Oleksiy Moroz: "..."': a label of titles and a name
            np = _NP("name", tail.group(1), tail.start(1))
            return _set(s, att.resolve(np, hi), ":", hi, np)
        body = _THE_BODY.match(text, lo, hi)
        if body:
            # 'the X Ministry issued a statement: "..."': the named body before the verb phrase
            np = _NP("name", body.group(1), body.start(1))
            return _set(s, att.resolve(np, hi), ":", hi, np)
        body_np = _tail_np(text, lo, hi - len(seg) + len(seg.rstrip()[:-1]))
        if body_np is not None and _is_state_body(body_np.text):
            return _set(s, att.resolve(body_np, hi), ":", hi, body_np)  # "Ukraine's air force: ..."
        comma = text.find(",", lo, hi)
        if comma > lo and "," not in text[comma + 1 : hi] and len(text[comma + 1 : hi].split()) <= 4:
            # "Kyiv's presidential office, afterwards: ...": the body before a short aside
            body_np = _tail_np(text, lo, comma)
            if body_np is not None and _is_state_body(body_np.text):
                return _set(s, att.resolve(body_np, hi), ":", hi, body_np)
        said = _COLON_SUBJECT.match(text, lo, hi)
        if said:
            # 'On Tuesday night he sent me a voice message, which I translate here: "..."': the pronoun sent it
            np = _NP("pron", said.group("pron").casefold(), said.start("pron"))
            return _set(s, att.resolve(np, hi), ":", hi, np)
        front = _FRONTED_COMMA.match(text, lo, hi)
        np = _head_np(text, front.end() if front else lo, hi)
        if np is not None and (np.kind != "name" or _is_name(np.text)):
            return _set(s, att.resolve(np, hi), ":", hi, np)
    return False


_DOC_WORDS = (
    r"(?:statement|report|readout|communiqu\u00e9|communique|release|note|notice|memo|bulletin|letter|post|"
    r"website|guidance|assessment|submission|answer|reply|response|update)"
)
_OWNED_DOCUMENT = re.compile(
    r"(?:^|(?<=[.!?:]\s)|(?<=[.!?][\u201d\u2019\"']\s))(?P<owner>(?:[Tt]he\s+[a-z]+|(?:[Tt]he\s+)?" + _CAP_RUN + r"))"
    r"(?:[\u2019']s\s+(?:[a-z-]+\s+){0,2}" + _DOC_WORDS + r"\b[^.;:!?\"\u201c\u2018]{0,40}?"
    r"|\s+(?:put\s+out|issued|released|published|posted)\s+(?:a|an)\s+(?:[a-z-]+\s+){0,2}"
    + _DOC_WORDS
    + r"\b[^.;:!?\"\u201c\u2018]{0,40}?\s+(?:which|that))"
    r"\s+(?:said|says|read|reads|stated|states)\s*[,:]?\s*$"
)


# "Back in Kharkiv region, Karpenko-Vail had one wish: ...": a fronted adverbial before the subject
_FRONTED_COMMA = re.compile(
    r"\s*(?:Back|Now|Still|Later|Earlier|Afterwards|Meanwhile|Outside|Inside|Across|Over|Under|After|Before|Since|"
    r"Despite|For|From|In|On|At|With|Without|By|Today|Yesterday|Asked|Speaking)\b[^,:.\n]{0,50},\s+(?=[A-Z])"
)


_NOUN_CUE = re.compile(r"\b(?:a|an|one|the|his|her|their)\s+(?:saying|comments|remarks)\b", re.I)
_COLON_SUBJECT = re.compile(
    r"\s*(?:(?:On|In|At|Last|This|Then|Once)\b[^,:]{0,30}?\s+|[A-Z][\w\s]{0,30},\s+)?(?P<pron>[Hh]e|[Ss]he|[Tt]hey)\s+"
    r"(?:also\s+|then\s+|once\s+|always\s+)?(?:sent|had|wrote|posted|left|recorded|texted|put|gave|shared)\b[^:\n]*:\s*$"
)


_HANDLE = r"@?(?:[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+|[A-Za-z]+_?\d{2,})"
_USER_LABEL = re.compile(
    r"(?:\bfrom|\bby|,)\s+(?P<u>" + _HANDLE + r")\b[^:\n]{0,60}:\s*$"
    r"|^\s*(?P<u2>" + _HANDLE + r")\s+(?:wanted\s+to\s+know|asked|wrote|replied|posted|commented)\b[^:\n]{0,40}:\s*$",
    re.M,
)
_UNNAMED_LABEL = re.compile(r"(?:Unidentified|Unnamed|Anonymous|Same)\s+[a-z][^:]*:\s*$")
_LABEL_ISSUER = re.compile(
    r"(?:Statement|Readout|Message|Post|Note|Communiqu\u00e9|Release)\s+(?:from|by|of)\s+(?:the\s+)?("
    + _CAP_RUN
    + r")[^:]*:\s*$"
)
# 'The Mayor read a letter received on 19 August from Bila Tserkva City Council: "..."': the sender's words
_READ_FROM = re.compile(
    r"\b(?:read|read\s+out|quoted|shared|published)\s+(?:a|an|the)\s+(?:letter|message|statement|note|email)\b[^:]{0,60}?"
    r"\bfrom\s+(?:the\s+)?(" + _CAP_RUN + r")\s*:\s*$"
)
_KIN_LABEL = re.compile(
    r"(?:His|Her|Their)\s+(?:[a-z]+\s+)?(?:"
    + "|".join(_KIN)
    + r"),\s+("
    + _CAPS
    + r"[\w\u2019'\-]+(?:\s+"
    + _CAPS
    + r"[\w\u2019'\-]+){1,2})\s*:\s*$"
)
_LABEL_VIA = re.compile(r",\s+(?:via|through|from)\s+(?=(?:the\s+)?[A-Z][^,:]*:\s*$)")


def _is_state_body(name: str) -> bool:
    """'Ukraine's foreign ministry': a capitalised possessive, then lower-case words ending in a body."""
    words = name.split()
    return (
        len(words) >= 2
        and _POSS_S.search(words[0]) is not None
        and all(w.islower() for w in words[1:])
        and words[-1] in _ORG_WORDS
    )


# --- quote spread key -------------------------------------------------------------------------------------

_KEY_DROP = re.compile(r"[^\w\s]")
_KEY_TRANS = str.maketrans({"\u2019": "'", "\u2018": "'", "\u2013": "-", "\u2014": "-", "\u2212": "-"})


def quote_key(text: str, words: int = 12) -> str:
    """Normalised key linking the same quote across outlets: folded, unpunctuated, first `words` words."""
    t = unicodedata.normalize("NFKC", text).translate(_KEY_TRANS).casefold()
    t = t.replace("'", "").replace("-", " ")
    t = _KEY_DROP.sub(" ", t)
    toks = t.split()
    return " ".join(toks[:words]) if words > 0 else " ".join(toks)
