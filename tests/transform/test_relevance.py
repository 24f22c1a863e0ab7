"""Relevance by topic profile on unseen-style copy: the talks vs other ceasefires, sport truces, passing mentions."""

from __future__ import annotations

from pathlib import Path

import pytest

from ceasefire.config import read_yaml
from transform.relevance import TopicProfile, score

REPO = Path(__file__).resolve().parents[2]

TALKS_TITLE = "Trump and Putin end Alaska summit without ceasefire deal"
TALKS = """
Donald Trump and Vladimir Putin ended their summit at a military base in Anchorage on Friday without an agreement
on a ceasefire in Ukraine, after nearly three hours of talks that both leaders described as productive.
The Russian president said the two sides had reached an "understanding" but gave no details, and repeated that
any lasting settlement had to address what Moscow calls the root causes of the war.
Trump said there was "no deal until there's a deal" and that he would call Volodymyr Zelensky and European
leaders to brief them. Kyiv had not been invited to the meeting.
"The format itself was the message: two men deciding over a third country's head," said Irena Holub, a
researcher at a Kyiv policy institute. "Ukraine will not accept territorial concessions negotiated without it."
The Kremlin's foreign policy adviser said a trilateral meeting with the Ukrainian leader had not been discussed.
Zelensky is expected in Washington on Monday, accompanied by several European leaders, to discuss security
guarantees and the prospects for peace talks.
""".strip()

GAZA_TITLE = "Israel and Hamas agree Gaza ceasefire and hostage release after mediation in Doha"
GAZA = """
Israel and Hamas have agreed to a ceasefire in Gaza and the release of hostages held in the territory, mediators
in Qatar said on Wednesday, after more than a year of on-off negotiations.
The first phase of the truce is due to last six weeks, during which Hamas is to free 33 hostages in exchange for
hundreds of Palestinian prisoners held in Israeli jails, and Israeli forces are to pull back from populated areas.
Negotiators from Egypt, Qatar and the United States spent weeks in Doha narrowing the gaps. Steve Witkoff, the
incoming administration's envoy, joined the final round.
"The hard part starts now, because the second phase has barely been sketched," said Nadim Farouk, a former
negotiator who now teaches at a university in Amman.
Aid agencies said hundreds of trucks were ready to enter the Gaza Strip once the ceasefire takes effect on Sunday.
Israel's cabinet is expected to vote on the agreement on Thursday.
""".strip()

SUDAN_TITLE = "Sudan's warring sides agree week-long ceasefire at Jeddah talks"
SUDAN = """
Sudan's army and the paramilitary Rapid Support Forces have agreed to a seven-day ceasefire after talks in the
Saudi city of Jeddah, the United States and Saudi Arabia said on Saturday.
Previous truces in the conflict have been repeatedly violated, with fighting continuing in Khartoum and Darfur.
The agreement provides for humanitarian corridors and a monitoring mechanism involving the mediators.
"Both delegations signed, but signatures have not stopped the shelling before," said Amal Idris, a Sudanese
analyst based in Nairobi. "People in Khartoum will judge it by whether they can reach a hospital."
The RSF said it would respect the truce; the army said it reserved the right to respond to any attack.
""".strip()

SPORT_TITLE = "Kingsford owner and manager call truce after weeks of public feud"
SPORT = """
Kingsford's owner and manager have agreed a truce after a month of public sniping that threatened to derail the
club's promotion push, with both men pledging to "put the season first" after talks at the training ground.
The feud erupted in February when the owner questioned the coach's team selection in a radio interview, and the
manager responded by suggesting the club had failed to back him in the transfer window.
Supporters' groups had called for peace talks between the pair, and the truce was brokered by the club's
longest-serving director. Kingsford host Millbrook on Saturday in a match they must win to stay in the top two.
"It was never personal, it was football," said the owner, Gareth Pryce. The striker Leon Abbot, the league's
top scorer, said the players had ignored the noise. The referee for Saturday's game has not yet been named.
""".strip()

GRAIN_TITLE = "Wheat futures fall as US harvest outlook improves"
GRAIN = """
Wheat futures fell for a third straight session on Tuesday as forecasts of a bumper harvest in the US Midwest
weighed on prices, with the most active contract on the Chicago Board of Trade down 1.8% at $5.41 a bushel.
Traders said favourable weather across the Plains had lifted crop condition ratings above last year's levels,
and export demand had softened as buyers in North Africa turned to cheaper supplies.
Corn futures also eased, while soybeans edged higher on steady demand from crushers.
Shipments from the Black Sea remained steady, analysts said, with exports from Ukraine running close to last
season's pace despite the war.
"The market has stopped pricing a supply shock," said Callum Reid, a grains analyst at a brokerage in London.
"It is all about the weather in Kansas and Nebraska now."
Analysts expect the monthly supply and demand report from the Agriculture Department next week to raise its
estimate of US wheat stocks. Fund managers have extended their net short position in wheat for a fifth week,
according to data from the Commodity Futures Trading Commission.
""".strip()

LEBANON_TITLE = "Israel and Hezbollah ceasefire takes hold in southern Lebanon"
LEBANON = """
A ceasefire between Israel and Hezbollah took effect on Wednesday, with thousands of displaced Lebanese families
heading back to villages in the south of the country within hours of the truce beginning.
Under the deal brokered by the United States and France, Israeli forces are to withdraw over 60 days while the
Lebanese army deploys in the area south of the Litani river.
"People are driving home to see if their houses still stand," said Rana Haddad, an aid worker in Tyre.
Israel's prime minister warned that any violation would be met with force.
""".strip()


@pytest.fixture(scope="module")
def talks() -> TopicProfile:
    return TopicProfile.from_dict(read_yaml(REPO / "config" / "topic.yaml"))


@pytest.fixture(scope="module")
def gaza() -> TopicProfile:
    return TopicProfile.from_dict(read_yaml(REPO / "config" / "profiles" / "gaza.yaml"))


def test_talks_coverage_is_relevant(talks: TopicProfile) -> None:
    value, relevant = score(TALKS_TITLE, TALKS, talks)
    assert relevant and value >= 0.8


def test_seed_article_is_relevant(talks: TopicProfile, seed_text: str) -> None:
    assert score(None, seed_text, talks)[1]


@pytest.mark.parametrize(
    ("title", "text"),
    [(GAZA_TITLE, GAZA), (SUDAN_TITLE, SUDAN), (LEBANON_TITLE, LEBANON)],
    ids=["gaza", "sudan", "lebanon"],
)
def test_other_ceasefires_are_not_relevant(talks: TopicProfile, title: str, text: str) -> None:
    value, relevant = score(title, text, talks)
    assert not relevant and value < 0.2


def test_sport_truce_is_not_relevant(talks: TopicProfile) -> None:
    value, relevant = score(SPORT_TITLE, SPORT, talks)
    assert not relevant and value < 0.1


def test_passing_mention_is_not_relevant(talks: TopicProfile) -> None:
    value, relevant = score(GRAIN_TITLE, GRAIN, talks)
    assert not relevant and value < 0.2


def test_passing_mention_of_gaza_keeps_talks_relevant(talks: TopicProfile) -> None:
    aside = "\nWitkoff, who also led the Gaza negotiations earlier in the year, flew to Moscow afterwards."
    assert score(TALKS_TITLE, TALKS + aside, talks)[1]


def test_same_pages_flip_between_profiles(talks: TopicProfile, gaza: TopicProfile) -> None:
    assert score(GAZA_TITLE, GAZA, gaza)[1] and not score(GAZA_TITLE, GAZA, talks)[1]
    assert score(TALKS_TITLE, TALKS, talks)[1] and not score(TALKS_TITLE, TALKS, gaza)[1]
    assert not score(SUDAN_TITLE, SUDAN, gaza)[1]


def test_title_hits_weigh_more(talks: TopicProfile) -> None:
    body = (
        "Officials in Russia and Ukraine said on Monday that a new round of talks was possible next month. "
        + "The statement gave no date or venue, and both governments declined to comment further. " * 5
    )
    plain, plain_relevant = score("Officials comment", body, talks)
    titled, titled_relevant = score("Russia and Ukraine weigh new ceasefire talks", body, talks)
    assert titled > plain + 0.2
    assert titled_relevant and not plain_relevant


def test_density_dilutes_a_passing_mention(talks: TopicProfile) -> None:
    mention = "Ukraine and Russia resumed talks on a ceasefire in Istanbul. "
    filler = "The council approved the budget for the new library and the swimming pool. " * 8
    short, _ = score(None, mention + filler, talks)
    long, _ = score(None, mention + filler * 6, talks)
    assert long < short


def test_short_teaser_cannot_reach_high_density(talks: TopicProfile) -> None:
    value, relevant = score(None, "Ukraine ceasefire.", talks)
    assert value < 0.5 and not relevant


def test_missing_cooccurrence_group_caps_score(talks: TopicProfile) -> None:
    # Dense truce vocabulary with a Russian side but no Ukrainian one.
    text = "Russia and Georgia held ceasefire talks; the truce negotiations in Moscow continued. " * 10
    assert not score(None, text, talks)[1]


def test_phrase_matching_rules() -> None:
    profile = TopicProfile.from_dict(
        {
            "name": "t",
            "terms": {"cease-fire": 1, "peace talks": 5, "talks": 1, "negotiat*": 2},
            "negative": {"football": 3},
        }
    )
    assert profile.hits("A ceasefire, a cease fire and a CEASE-FIRE.")[0] == 3
    assert profile.hits("Peace talks.")[0] == 5  # the longer phrase consumes its words
    assert profile.hits("Negotiators negotiated a negotiation")[0] == 6
    assert profile.hits("football talks")[0] == -2
    assert profile.hits("Russia\u2019s talks")[2] == 3


@pytest.mark.parametrize(
    ("doc", "message"),
    [
        ([], "mapping"),
        ({"terms": {"a": 1}}, "'name'"),
        ({"name": "x"}, "'terms'"),
        ({"name": "x", "terms": {"a": 0}}, "weight"),
        ({"name": "x", "terms": {"a": "heavy"}}, "weight"),
        ({"name": "x", "terms": {"a": 1}, "threshold": 2}, "'threshold'"),
        ({"name": "x", "terms": {"a": 1}, "groups": [{"terms": []}]}, "group #1"),
        ({"name": "x", "terms": {"a": 1}, "groups": [{"terms": ["a"], "min": 0}]}, "'min'"),
        ({"name": "x", "terms": {"peace talk*": 1}}, "single words"),
        ({"name": "x", "terms": {"a": 1}, "treshold": 0.5}, "unknown key"),
        ({"name": "x", "terms": {"a": 1}, "languages": "en"}, "'languages'"),
    ],
)
def test_invalid_profiles_are_rejected_clearly(doc: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        TopicProfile.from_dict(doc)  # type: ignore[arg-type]


def test_shipped_profiles_load(talks: TopicProfile, gaza: TopicProfile) -> None:
    assert talks.name != gaza.name
    assert talks.languages == ("en",)
    assert 0 < talks.threshold < 1
