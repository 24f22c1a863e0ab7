"""Quote extraction, one phenomenon per test: marks, splits, paragraphs, apostrophes, attribution, fragments."""

from __future__ import annotations

from pathlib import Path

import pytest

from ceasefire.config import load_gazetteer
from ceasefire.records import Quote
from transform.quotes import find_quotes, quote_key, slug

REPO = Path(__file__).resolve().parents[2]
GAZ = load_gazetteer(REPO / "config")


def quotes(text: str) -> list[Quote]:
    found = find_quotes(text, GAZ)
    for q in found:
        assert text[q.start : q.end] == q.text
        assert q.evidence and q.text in q.evidence
    return found


def speakers(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker_id) for q in quotes(text) if not q.fragment]


INTRO = "Lena Korsak, an analyst at a fictional institute in Vilnius, spoke after the talks.\n"


@pytest.mark.parametrize(
    ("opening", "closing"),
    [
        ("\u201c", "\u201d"),
        ('"', '"'),
        ("\u2018", "\u2019"),
        ("\u00ab", "\u00bb"),
        ("\u201e", "\u201c"),
        ("\u201e", "\u201d"),
        ("'", "'"),
    ],
)
def test_every_mark_style(opening: str, closing: str) -> None:
    text = f"{opening}The truce will not hold past Sunday{closing}, said Lena Korsak, an analyst in Vilnius."
    assert speakers(text) == [("The truce will not hold past Sunday", "lena_korsak")]


def test_split_quote_gives_two_attributed_parts() -> None:
    text = "\u201cWe signed nothing,\u201d said Ivo Maran, a former envoy, \u201cand we promised nothing.\u201d"
    assert speakers(text) == [("We signed nothing", "ivo_maran"), ("and we promised nothing.", "ivo_maran")]


def test_multi_paragraph_quote_one_part_per_paragraph() -> None:
    text = (
        "Ivo Maran spent years at the table.\n"
        "\u201cThe first rule is patience,\u201d Maran said. \u201cThe second rule is paper.\n"
        "\u201cWithout paper, nobody remembers what was agreed.\u201d\n"
        "He left in 2024."
    )
    found = speakers(text)
    assert [t for t, _ in found] == [
        "The first rule is patience",
        "The second rule is paper.",
        "Without paper, nobody remembers what was agreed.",
    ]
    assert {sid for _, sid in found} == {"ivo_maran"}


def test_unclosed_mark_not_continued_is_dropped() -> None:
    text = 'The outcome was "mixed at best, one official said.\nIvo Maran said nothing.'
    assert quotes(text) == []


def test_apostrophes_are_not_quote_marks() -> None:
    text = (
        "Kyiv\u2019s caf\u00e9s filled up. In the \u201990s the district had rock \u2019n\u2019 roll clubs, "
        "and the Saudis\u2019 offer and the Americans\u2019 plan were discussed. It\u2019s quiet, they\u2019d say."
    )
    assert quotes(text) == []


def test_plural_possessive_inside_single_quote() -> None:
    text = "\u2018The Saudis\u2019 offer was the easy part\u2019, said Ivo Maran, a Gulf specialist."
    assert speakers(text) == [("The Saudis\u2019 offer was the easy part", "ivo_maran")]


def test_colon_attribution() -> None:
    text = "Ivo Maran, a former negotiator, put it bluntly: \u201cBoth sides came to be seen talking.\u201d"
    assert speakers(text) == [("Both sides came to be seen talking.", "ivo_maran")]


def test_according_to_before_and_after() -> None:
    text = (
        "According to Petra Lind, a lawyer in Riga, \u201cthe text asks Kyiv to accept defeat in writing.\u201d\n"
        "\u201cThe humanitarian results are real,\u201d according to Oleh Marko, who helps families."
    )
    assert speakers(text) == [
        ("the text asks Kyiv to accept defeat in writing.", "petra_lind"),
        ("The humanitarian results are real", "oleh_marko"),
    ]


def test_appositive_after_and_before_the_verb() -> None:
    text = (
        "\u201cIt is a small step,\u201d said Ivo Maran, a former ambassador to NATO.\n"
        "\u201cWe have heard this before,\u201d Galyna Sova, the mayor of a small town, told local television."
    )
    assert speakers(text) == [("It is a small step", "ivo_maran"), ("We have heard this before", "galyna_sova")]


def test_pronoun_resolves_by_gender_and_recency() -> None:
    text = (
        "Natalka Brus and Bohdan Kit run a shelter.\n"
        "Kit said he did not believe Moscow. \u201cEvery truce is followed by an offensive,\u201d he said.\n"
        "Brus disagreed. \u201cOne quiet night matters,\u201d she said."
    )
    assert speakers(text) == [
        ("Every truce is followed by an offensive", "bohdan_kit"),
        ("One quiet night matters", "natalka_brus"),
    ]


def test_surname_and_honorific_resolve_to_full_name() -> None:
    text = (
        "Alistair Pell, a former defence attach\u00e9, spoke in London.\n"
        "\u2018The devil will be in the readouts\u2019, Mr Pell said.\n"
        "\u201cNobody read the small print,\u201d Pell added."
    )
    assert [sid for _, sid in speakers(text)] == ["alistair_pell", "alistair_pell"]


def test_title_resolves_to_person_introduced_earlier() -> None:
    text = (
        "Oksana Lyt, the deputy mayor of Kherson, counted the strikes.\n"
        '"People came back to broken windows," the deputy mayor said.\n'
        "Ihor Sav, the president of a fictional union of manufacturers, was gloomy.\n"
        '"Our members cannot plan for winter," the president of the union said.'
    )
    assert [sid for _, sid in speakers(text)] == ["oksana_lyt", "ihor_sav"]


def test_gazetteer_title_and_alias() -> None:
    text = "\u201cThe call went well,\u201d the Kremlin spokesman said. \u201cWe agreed,\u201d said Zelenskyy."
    assert [sid for _, sid in speakers(text)] == ["dmitry_peskov", "volodymyr_zelensky"]


def test_organisation_speakers() -> None:
    text = (
        "Russia's Defence Ministry accused Kyiv of new strikes.\n"
        '"The regime cannot be trusted," the Defence Ministry said in a statement.\n'
        '"We are ready to help," the Kremlin said.\n'
        "The fictional Geneva Committee for Missing Persons said in a statement: "
        '"Every repatriation brings a family closer to the truth."'
    )
    assert [sid for _, sid in speakers(text)] == ["russian_mod", "kremlin", "geneva_committee_for_missing_persons"]


def test_unattributed_quote_continues_previous_speaker() -> None:
    text = (
        "\u201cWhoever announces first frames the call,\u201d said Marek Nov, a Czech former minister.\n"
        "\u201cEurope has to be ready for both outcomes.\u201d"
    )
    assert [sid for _, sid in speakers(text)] == ["marek_nov", "marek_nov"]


def test_anonymous_source_has_no_speaker_id() -> None:
    text = '"It was a list, not a position," a diplomat familiar with the session said.'
    found = quotes(text)
    assert len(found) == 1 and found[0].speaker_id is None and found[0].cue == "said"


def test_fragments_flagged_without_speaker() -> None:
    text = (
        "Analysts said the \u201cenergy ceasefire\u201d had no agreed definition. In a column titled "
        '"Peace at Any Price", Viktor Sav argued that the deal was a "ceasefire in name only".'
    )
    found = quotes(text)
    assert [(q.text, q.fragment, q.speaker) for q in found] == [
        ("energy ceasefire", True, None),
        ("Peace at Any Price", True, None),
        ("ceasefire in name only", True, None),
    ]


def test_short_attributed_quote_is_not_a_fragment() -> None:
    found = quotes("\u201cNever,\u201d said Ivo Maran, a former envoy.")
    assert [(q.text, q.fragment, q.speaker_id) for q in found] == [("Never", False, "ivo_maran")]


def test_headline_quote_is_a_fragment() -> None:
    found = quotes("'A list of ultimatums': Kyiv rejects memorandum\nKyiv rejected the memorandum on Tuesday.")
    assert [(q.text, q.fragment) for q in found] == [("A list of ultimatums", True)]


def test_nested_quote_stays_inside_outer_quote() -> None:
    text = "\u2018They kept saying \u201cwe will report back\u201d as if it were an answer\u2019, said Ivo Maran."
    assert speakers(text) == [("They kept saying \u201cwe will report back\u201d as if it were an answer", "ivo_maran")]


def test_transcript_label_lines() -> None:
    text = (
        "Halyna Dzuba chairs a grid-security council. She spoke to us on Friday.\n"
        "Q: Has anything changed?\n"
        "Dzuba: Very little. We recorded strikes on two substations.\n"
        "Photo: a substation near Sumy."
    )
    assert speakers(text) == [("Very little. We recorded strikes on two substations.", "halyna_dzuba")]


def test_evidence_is_the_sentence_with_the_attribution() -> None:
    text = "The talks ended. \u201cWe will be back,\u201d said Ivo Maran, an envoy. Nobody else spoke."
    (q,) = quotes(text)
    assert q.evidence == "\u201cWe will be back,\u201d said Ivo Maran, an envoy."


def test_quote_key_links_variants_of_the_same_quote() -> None:
    a = quote_key("\u201cWe\u2019ve learned not to plan beyond tomorrow \u2014 that\u2019s all,\u201d")
    b = quote_key("\"We've  learned not to plan beyond tomorrow - that's all.\"")
    assert a == b == "weve learned not to plan beyond tomorrow that s all".replace("that s", "thats")
    assert quote_key("One two three four five", words=3) == "one two three"


def test_slug_is_stable_ascii() -> None:
    assert slug("Alexander Vershbow") == "alexander_vershbow"
    assert slug("\u00c9lise Dumoulin") == "elise_dumoulin"


def test_seed_article(seed_text: str) -> None:
    found = quotes(seed_text)
    by_speaker = {q.speaker_id: q for q in found if not q.fragment}
    assert by_speaker["alexander_vershbow"].text.startswith("This is the one area where a cease-fire")
    assert by_speaker["alexander_vershbow"].cue == "noted"
    assert by_speaker["mustafa_nayyem"].text.startswith("The Kremlin is desperately trying")
    assert by_speaker["mikhail_komin"].text.startswith("This is a purely symbolic act")
    fragments = {q.text for q in found if q.fragment}
    assert "game of buying time" in fragments
    assert "energy infrastructure facilities" in fragments
    assert len(found) == 5  # nothing from apostrophes (Kyiv\u2019s, Kremlin\u2019s, Trump\u2019s)


def test_speed_is_linear_enough() -> None:
    import time

    para = "\u201cWe will not yield,\u201d said Ivo Maran, an envoy. Kyiv\u2019s drones flew. " * 20
    text = "\n".join([para] * 50)
    t0 = time.perf_counter()
    found = find_quotes(text, GAZ)
    assert len(found) == 1000
    assert time.perf_counter() - t0 < 2.0


def test_speaker_named_in_the_next_sentence() -> None:
    text = (
        "\u201cThis reads like a surrender,\u201d according to an analyst who follows the talks. "
        "The analyst, Nadia Rahimova, said the draft came from Moscow."
    )
    assert speakers(text) == [("This reads like a surrender", "nadia_rahimova")]


def test_nickname_inside_a_name_is_a_fragment_and_the_name_stays_whole() -> None:
    text = (
        "\u201cThey announced a truce and then the shelling started,\u201d said Maksym \u201cThe Bear\u201d "
        "Hordiienko, a volunteer.\n"
        '"This is a joke," Hordiienko added.'
    )
    found = quotes(text)
    assert [(q.text, q.fragment, q.speaker_id) for q in found] == [
        ("They announced a truce and then the shelling started", False, "maksym_hordiienko"),
        ("The Bear", True, None),
        ("This is a joke", False, "maksym_hordiienko"),
    ]


@pytest.mark.parametrize("verb", ["asked", "shouted", "says", "added", "wrote", "countered"])
def test_inverted_verbs_with_question_and_exclamation(verb: str) -> None:
    text = f"\u201cWho will guarantee the line?!\u201d {verb} Petra Lind, a lawyer in Riga."
    assert speakers(text) == [("Who will guarantee the line?!", "petra_lind")]


@pytest.mark.parametrize(
    "attribution",
    [
        "Oleh Marko told Reuters",
        "Oleh Marko told the BBC on Monday",
        "Oleh Marko wrote on Telegram",
        "wrote Oleh Marko on X",
        "Oleh Marko tells reporters",
        "Oleh Marko went on",
    ],
)
def test_platform_and_audience_attributions(attribution: str) -> None:
    assert speakers(f"\u201cNobody trusts the paper,\u201d {attribution}.") == [
        ("Nobody trusts the paper", "oleh_marko")
    ]


def test_titles_before_names_are_not_part_of_the_name() -> None:
    text = (
        "\u201cWe recorded no strike,\u201d Deputy Energy Minister Oksana Tarnavska told reporters.\n"
        "Foreign Minister Pavlo Kren said: \u201cThe proposal is unacceptable.\u201d"
    )
    assert [sid for _, sid in speakers(text)] == ["oksana_tarnavska", "pavlo_kren"]


def test_statement_from_an_organisation() -> None:
    text = (
        "In a statement, the Baltic Monitoring Group said: \u201cWe recorded 40 violations.\u201d\n"
        "\u201cShelling went on past midnight,\u201d according to a statement from the Kharkiv Volunteer Council.\n"
        "\u201cWe will count every shell,\u201d the independent Donbas Monitoring Mission said."
    )
    assert [sid for _, sid in speakers(text)] == [
        "baltic_monitoring_group",
        "kharkiv_volunteer_council",
        "donbas_monitoring_mission",
    ]


def test_analyst_at_an_organisation_is_not_the_organisation() -> None:
    text = "The memorandum, according to an analyst at the Caspian Strategy Group, \u201creads like a surrender.\u201d"
    found = quotes(text)
    assert len(found) == 1 and found[0].speaker_id is None


def test_question_and_answer_transcript() -> None:
    text = (
        "Marta Zelinska leads a demining charity. We spoke to her on Friday.\n"
        "Q: Would a ceasefire help?\n"
        "A: Only a little. The mines do not know there is a ceasefire.\n"
        "Q: What do you need?\n"
        "A: People and machines."
    )
    assert speakers(text) == [
        ("Only a little. The mines do not know there is a ceasefire.", "marta_zelinska"),
        ("People and machines.", "marta_zelinska"),
    ]


def test_dash_dialogue_lines() -> None:
    text = (
        "A driver leaned out of his window at the checkpoint.\n"
        "\u2014 Is it true they signed something? asked the driver, Viktor Soloviov, an electrician.\n"
        "\u2014 A prisoner exchange, nothing more, replied Sergeant Iryna Bondar.\n"
        "\u2014 Bread, milk, eggs."
    )
    assert speakers(text) == [
        ("Is it true they signed something?", "viktor_soloviov"),
        ("A prisoner exchange, nothing more", "iryna_bondar"),
    ]


def test_quote_inside_parentheses() -> None:
    text = (
        "The Geneva Humanitarian Desk (\u201cwe never announce anything early,\u201d its director, Farid Osmani, "
        "said) handled the lists."
    )
    assert speakers(text) == [("we never announce anything early", "farid_osmani")]


def test_quote_across_a_line_break_inside_a_paragraph() -> None:
    text = "\u201cLists are boring, and boring is good,\nbecause nobody makes speeches,\u201d said Farid Osmani."
    found = speakers(text)
    assert found == [("Lists are boring, and boring is good,\nbecause nobody makes speeches", "farid_osmani")]


def test_inches_feet_and_elisions_are_not_quotes() -> None:
    text = (
        "Bohdan Shevchuk is 6'2\" and holds a 7\" propeller. In the '90s it was a rock 'n' roll club, "
        "and the Saudis' offer came later.\n"
        '"It changed nothing in here," Shevchuk said.'
    )
    assert speakers(text) == [("It changed nothing in here", "bohdan_shevchuk")]


def test_guillemets_with_nested_low_quotes() -> None:
    text = "\u00abThe text says \u201eneutrality\u201c twelve times\u00bb, said Claire Morand, an envoy."
    assert speakers(text) == [("The text says \u201eneutrality\u201c twelve times", "claire_morand")]


def test_mid_clause_phrase_is_a_fragment() -> None:
    found = quotes(
        "The exchange ran for three days (one official called it \u201cthe only deliverable of the spring\u201d)."
    )
    assert [(q.fragment, q.speaker) for q in found] == [(True, None)]


def test_rules_are_built_once_per_gazetteer() -> None:
    from transform import quotes as module

    find_quotes("\u201cYes,\u201d said Ivo Maran.", GAZ)
    first = module._rules_for(GAZ)
    find_quotes("\u201cNo,\u201d said Ivo Maran.", GAZ)
    assert module._rules_for(GAZ) is first


def test_hyphenated_descriptor_before_a_name_is_not_part_of_it() -> None:
    text = (
        "Head line\n"
        'Ex-Marine Gavin Roe, 61, who drove aid convoys in 2022, raged: "They keep talking and we keep burying."\n'
        '"Total farce," he snapped.\n'
        "The Vienna-based Civic Ceasefire Observatory counted the violations. "
        '"Both sides fired," the observatory said.\n'
    )
    assert [sid for _, sid in speakers(text)] == ["gavin_roe", "gavin_roe", "civic_ceasefire_observatory"]


@pytest.mark.parametrize("title", ["Canon", "Rev", "Cardinal", "Pastor", "Sheikh", "Cllr", "Supt"])
def test_honorific_titles_are_not_part_of_the_name(title: str) -> None:
    text = f'Head line\n"The bells rang all night," said {title} Mirek Holan, who lives near the border.\n'
    assert speakers(text) == [("The bells rang all night", "mirek_holan")]


def test_capitalised_pronoun_subject_of_the_sentence_before_a_bare_quote() -> None:
    text = (
        "Head line\n"
        "Oksana Vilde served in Minsk for a decade. Tomas Brun negotiated in Geneva.\n"
        "She noted that the readout mentioned no date. \u201cPaper without dates is decoration.\u201d\n"
        "He added that talks should go on anyway. \u201cSilence helps nobody.\u201d\n"
    )
    assert [sid for _, sid in speakers(text)] == ["oksana_vilde", "tomas_brun"]


def test_body_named_by_a_description_with_a_proper_modifier() -> None:
    text = (
        "Head line\n"
        "In a statement, the Odesa regional military administration wrote: \u201cTwo drones hit the port.\u201d\n"
        "\u201cRepairs have started,\u201d the administration said later.\n"
    )
    ids = [sid for _, sid in speakers(text)]
    assert ids == ["odesa_regional_military_administration"] * 2


def test_document_source_with_a_complement_before_from() -> None:
    text = (
        "Head line\n"
        "\u201cGrain insurers will raise premiums,\u201d according to a memo to investors from Halvard Brokers, "
        "a Bergen consultancy.\n"
        "\u201cWe expect calm by June,\u201d it said.\n"
    )
    assert [sid for _, sid in speakers(text)] == ["halvard_brokers", "halvard_brokers"]


def test_relative_clause_after_a_scare_quote_is_no_attribution() -> None:
    text = 'Head line\nThe decree promised "a complete pause", which Kyiv says nobody can verify.\n'
    found = quotes(text)
    assert len(found) == 1 and found[0].fragment


def test_phrase_closing_the_writers_sentence_with_a_stop_inside_is_a_fragment() -> None:
    text = (
        "Head line\n"
        'Mila Drach, a commentator in Riga, called the meeting "useful, not decisive." '
        '"Nobody expected a treaty," she said.\n'
    )
    found = quotes(text)
    assert [q.fragment for q in found] == [True, False] and found[1].speaker_id == "mila_drach"


def test_long_organisation_name_over_of_and_for_links() -> None:
    text = (
        'Head line\n"The lists are ready," Lithuania\'s Office for the Return of Deported Children of War said.\n'
        '"All 40 are home," Ukraine\'s Coordination Headquarters for the Treatment of Prisoners of War said.\n'
    )
    assert [sid for _, sid in speakers(text)] == [
        "lithuania_office_for_the_return_of_deported_children_of_war",
        "coordination_hq_pow",
    ]


def test_labelled_answer_quoting_someone_is_one_quote() -> None:
    text = (
        "Head line\n"
        "Edda Lind ran the Baltic desk of a fictional think tank for a decade.\n"
        "Q: Is a deal close?\n"
        'Lind: Not really. A colleague told me on Monday, "Nobody has even agreed the agenda." That says it all.\n'
    )
    found = [q for q in quotes(text) if not q.fragment]
    assert len(found) == 1
    assert found[0].text.startswith("Not really.") and found[0].speaker_id == "edda_lind"


def test_spokesperson_for_a_named_body_speaks_for_it() -> None:
    text = (
        "Head line\n"
        "\u201cWe have no comment on drafts,\u201d a spokesperson for the Latvian Foreign Ministry said.\n"
        "\u201cThe talks are over,\u201d said the Slovak Defence Ministry.\n"
        "\u201cWe will see,\u201d a senior official said.\n"
    )
    assert [sid for _, sid in speakers(text)] == [
        "latvia_ministry_of_foreign_affairs",
        "slovakia_ministry_of_defence",
        None,
    ]


def test_was_quoted_as_saying() -> None:
    text = (
        "Head line\nJonas Pik spoke first.\n"
        "\u201cWe expect nothing,\u201d Agnes Varo was quoted as saying by a Baltic news agency.\n"
    )
    assert speakers(text) == [("We expect nothing", "agnes_varo")]


def test_quote_running_over_paragraphs_after_an_attributed_quote_in_its_paragraph() -> None:
    text = (
        "Head line\nMarta Kolar described the meeting as tense.\n"
        "Pavel Sirko, who was not there, disagreed.\n"
        '"It went on for five hours," Marta Kolar said. "Nobody left the room.\n'
        '"Not once."\n'
    )
    assert [sid for _, sid in speakers(text)] == ["marta_kolar"] * 3


def test_pronoun_after_a_quote_refers_to_that_quotes_speaker() -> None:
    text = (
        "Head line\n"
        "The Baltic Shipping Council warned of delays.\n"
        "\u201cPremiums will rise,\u201d according to Norrland Freight Analytics, a Swedish consultancy. "
        "\u201cOwners should plan for it,\u201d it said.\n"
        "\u201cA,\u201d said Ivo Saks. Lars Berg disagreed. \u201cB,\u201d he said.\n"
    )
    ids = [sid for _, sid in speakers(text)]
    assert ids == ["norrland_freight_analytics", "norrland_freight_analytics", "ivo_saks", "lars_berg"]


def test_registered_organisation_keeps_every_of_and_for_link() -> None:
    text = (
        "Head line\n"
        "The Institute for the Study of Crimes of Occupation opened an inquiry.\n"
        "\u201cEvery strike is a case file,\u201d the institute said.\n"
    )
    assert speakers(text) == [("Every strike is a case file", "institute_for_the_study_of_crimes_of_occupation")]


# --- speaker attribution: anaphora, labels and signatures ------------------------------------------------


def test_pronoun_antecedent_comes_before_the_pronoun_not_the_addressee() -> None:
    text = (
        "Headline\nLabour MP Harriet Quayle attacked the deal. She told the Evening Courier: "
        "\u201cNobody in this house will wave it through without a vote.\u201d\n"
    )
    assert [sid for _, sid in speakers(text)] == ["harriet_quayle"]


def test_ministry_of_foreign_affairs_is_the_listed_foreign_ministry() -> None:
    text = (
        "Headline\nThe Ukrainian Ministry of Foreign Affairs welcomed the exchange. \u201cEvery name on the list "
        "matters to us,\u201d the ministry said on its website.\n"
    )
    assert [sid for _, sid in speakers(text)] == ["ukrainian_mfa"]


def test_description_led_by_one_is_not_a_name() -> None:
    text = (
        "Headline\nOne Polish negotiator, who asked not to be named, put the day in a sentence: "
        "\u201cWe waited six hours for a meeting that took forty minutes.\u201d\n"
    )
    assert [sid for _, sid in speakers(text)] == [None]


def test_definite_description_refers_to_the_unnamed_introduction_in_its_paragraph() -> None:
    text = (
        "Headline\nTeodor Brask, a former customs official who now advises shippers, expected delays.\n"
        "A spokesperson for the Danube Shipping Authority said convoys would resume. \u201cThe first barges "
        "leave at dawn,\u201d the spokesperson said.\n"
        "According to a port official, the inspection ran late. \u201cNobody wanted to sign first,\u201d "
        "the official said.\n"
    )
    assert [sid for _, sid in speakers(text)] == ["danube_shipping_authority", None]


def test_pronoun_after_an_unnamed_person_stays_unnamed() -> None:
    text = (
        "Headline\nMilos Varga, the mediator, left early on Tuesday.\n"
        "A Hungarian diplomat who attended the dinner saw it differently. \u201cThe mood was better than "
        "the communique,\u201d he said.\n"
    )
    assert [sid for _, sid in speakers(text)] == [None]


def test_pronoun_prefers_the_one_fitting_person_its_paragraph_names() -> None:
    text = (
        "Headline\n\u2018The river is quiet tonight,\u2019 Oksana Riabko says.\n"
        "Later, Iryna Melnyk locks the kiosk and looks at the water. \u2018If the guns stop,\u2019 she says, "
        "\u2018I will open on Sundays.\u2019\n"
    )
    got = speakers(text)
    assert [sid for _, sid in got] == ["oksana_riabko", "iryna_melnyk", "iryna_melnyk"]


def test_kin_noun_resolves_to_the_relative_of_the_same_surname() -> None:
    text = (
        "Headline\n\u201cI did not sleep for a week,\u201d Olena Hrytsak said of the wait.\n"
        "Her son, Taras Hrytsak, 31, called from the hospital. \u201cHe laughed before he said hello,\u201d "
        "his mother said.\n"
    )
    assert [sid for _, sid in speakers(text)] == ["olena_hrytsak", "olena_hrytsak"]


def test_kin_noun_prefers_the_relative_it_introduced_over_another_of_the_surname() -> None:
    text = (
        "Headline\nAmong the men freed was Pavlo Dzyuba, a marine. His mother, Iryna Dzyuba, waited in Chernihiv.\n"
        "His sister, Kateryna Dzyuba, flew in from Krakow. \u201cHe asked about the football first,\u201d his "
        "sister said.\n\u201cI kept his room exactly as it was,\u201d his mother said.\n"
    )
    assert [sid for _, sid in speakers(text)] == ["kateryna_dzyuba", "iryna_dzyuba"]


def test_rank_note_in_parentheses_stays_inside_the_name() -> None:
    text = (
        "Headline\nAccording to Maj. (Ret\u2019d) Colin Hartwell, a former attach\u00e9, "
        "\u201cContracts matter more.\u201d\n"
    )
    assert [sid for _, sid in speakers(text)] == ["colin_hartwell"]


def test_title_alone_after_the_points_back_to_its_holder() -> None:
    text = (
        "Headline\nDr. Maren Holt, the Conservative MP for Lakeshore, spoke first. Sen. Aline Roy listened.\n"
        "\u201cThe House deserves a date,\u201d the MP said.\n"
    )
    assert [sid for _, sid in speakers(text)] == ["maren_holt"]


def test_role_set_before_the_name_is_a_role_for_later_descriptions() -> None:
    text = (
        "Headline\nThe head of the Horodnia district council, Bohdan Yarema, met the buses.\n"
        "Mr Yarema said two more men were still held. \u201cWe will wait for them as long as it takes,\u201d "
        "the council head said.\n"
    )
    assert [sid for _, sid in speakers(text)] == ["bohdan_yarema"]


def test_name_of_place_is_the_person_not_the_place() -> None:
    text = (
        'Headline\nSen. Marcus Delane of Ohio said in a statement: "The guarantees have to be written down '
        'before anyone signs."\n'
    )
    assert [sid for _, sid in speakers(text)] == ["marcus_delane"]


def test_quote_signed_after_a_dash_belongs_to_the_signatory() -> None:
    text = (
        "Headline\n\u2022 \u201cThe map changed less than the vocabulary.\u201d \u2014 Ingrid Solheim, "
        "fellow at the Bergen Security Forum\n"
    )
    assert [sid for _, sid in speakers(text)] == ["ingrid_solheim"]


def test_colon_labels_possessive_titled_and_after_an_opener() -> None:
    text = (
        "Headline\nKherson deputy mayor Anna Zubenko posted a photo of the river port. Her caption: "
        "\u201cThis is what a ceasefire looks like from the left bank.\u201d\n"
        "\u2022 Former Estonian deputy defence minister Rein Kallas: \u201cNobody signs for territory "
        "they do not hold.\u201d\n"
        "Separately, the Ukrainian Foreign Ministry released a short note: \u201cWe came to talk about a "
        "ceasefire and nothing else.\u201d\n"
    )
    assert [sid for _, sid in speakers(text)] == ["anna_zubenko", "rein_kallas", "ukrainian_mfa"]


# --- fragments in running prose ---------------------------------------------------------------------------


def test_comma_closed_phrase_mid_clause_is_a_fragment() -> None:
    text = (
        "Headline\nOfficials began calling the deal the \u201cBaltic sequence,\u201d a shorthand for ships "
        "first and borders later.\n"
        "In return, Kyiv would receive what the draft calls \u201cfirm and lasting support,\u201d and "
        "sanctions would ease.\n"
    )
    assert [q.fragment for q in quotes(text)] == [True, True]


def test_title_after_a_genre_noun_is_a_fragment_even_before_said() -> None:
    text = (
        'Headline\nVarga, speaking on the station\'s weekly program "Border Lines," said the guarantees '
        'were vague. "If nobody enforces them, they are decoration," he said.\n'
    )
    got = quotes(text)
    assert [q.fragment for q in got] == [True, False]


def test_lowercase_phrase_after_a_comma_ending_the_sentence_is_a_fragment() -> None:
    text = (
        "Headline\nThe two delegations agreed on a swap, but their maps remained, as one participant put it, "
        "\u201con different planets.\u201d\n"
        "\u201cWe will sign,\u201d Ivo Maran said, \u201conly when the map is agreed.\u201d\n"
    )
    assert [q.fragment for q in quotes(text)] == [True, False, False]


# --- pronoun antecedents: introductions and salience ------------------------------------------------------


@pytest.mark.parametrize(
    "intro",
    [
        "Taras, a 35-year-old machine gunner from Chernihiv, said he had lost his teeth in captivity.",
        "Taras, 35, said he had lost his teeth in captivity.",
        "Taras, a 35-year-old from Chernihiv, said he had lost his teeth in captivity.",
        "One returnee, who gave only his first name, Taras, said he had lost his teeth in captivity.",
        "A machine gunner from Chernihiv, who gave only his call sign, Taras, said he had lost his teeth.",
    ],
)
def test_lone_given_name_introduced_as_a_person_is_the_pronouns_antecedent(intro: str) -> None:
    text = (
        "Headline\nVladimir Putin said the exchange showed goodwill. He said more swaps could follow.\n"
        f"Former prisoners described hunger. {intro} \u201cWe ate once a day,\u201d he said.\n"
    )
    assert speakers(text) == [("We ate once a day", "taras")]


def test_lone_capitalised_word_before_a_place_appositive_is_no_person() -> None:
    text = (
        "Headline\nTomas Reiner, a former envoy, spoke on Monday.\n"
        "Chernihiv, a city near the border, was shelled again. \u201cNobody sleeps there,\u201d he said.\n"
    )
    assert speakers(text) == [("Nobody sleeps there", "tomas_reiner")]


def test_pronoun_prefers_the_main_clause_subject_over_names_in_the_reported_clause() -> None:
    text = (
        "Headline\nTomas Reiner, a former Czech envoy to Moscow, believes that Vladimir Putin is waiting and "
        "that Donald Trump is the one who will blink. \u2018Nobody in Moscow is in a hurry,\u2019 he says.\n"
    )
    assert speakers(text) == [("Nobody in Moscow is in a hurry", "tomas_reiner")]


def test_speech_verb_subject_outranks_a_later_copular_description() -> None:
    text = (
        "Headline\n\u2018A deal without maps is a press release,\u2019 says Tomas Reiner, a former Czech envoy.\n"
        "Reiner, like other veterans of the talks, doubts the timetable. Steve Witkoff is a property investor "
        "and a friend of the president. \u2018When you meet Putin alone, you come back with his agenda,\u2019 he "
        "says.\n"
    )
    got = speakers(text)
    assert got[1] == ("When you meet Putin alone, you come back with his agenda", "tomas_reiner")


def test_a_later_acting_subject_still_takes_the_pronoun() -> None:
    text = (
        "Headline\nTomas Reiner, a former Czech envoy, doubts the timetable. Ivo Maran flew to Geneva on "
        "Friday. \u201cWe will sign nothing this week,\u201d he said.\n"
    )
    assert speakers(text) == [("We will sign nothing this week", "ivo_maran")]


@pytest.mark.parametrize(
    ("text", "speaker_id"),
    [
        # a title with a full stop does not end the attribution
        (
            "\u201cThe duty is a penalty on India,\u201d said Dr. Raghav Menon, a senior fellow in Delhi.",
            "raghav_menon",
        ),
        (
            "\u201cRefiners cannot switch suppliers overnight,\u201d informed Mr. Anil Bhandarkar of a refinery.",
            "anil_bhandarkar",
        ),
        (
            "\u201cThe logic of the tariff weakens,\u201d opined Prof. Suhail Qureshi of a university in Delhi.",
            "suhail_qureshi",
        ),
    ],
)
def test_titles_with_full_stops_and_rarer_reporting_verbs(text: str, speaker_id: str) -> None:
    assert [q.speaker_id for q in quotes(text)] == [speaker_id]


def test_answers_in_a_transcript_with_marks_belong_to_the_interviewee() -> None:
    text = (
        "Nadiya Voloshyn teaches negotiation at a university in Lviv. She spoke to us by phone on Tuesday.\n"
        "Q: \u201cSix thousand bodies each way. Is that a humanitarian breakthrough?\u201d\n"
        "A: \u201cIt is the part of Istanbul that will actually change lives.\u201d"
    )
    found = quotes(text)
    assert [q.speaker_id for q in found] == [None, "nadiya_voloshyn"]


def test_a_role_before_a_name_in_a_transcript_label_is_no_part_of_the_name() -> None:
    text = (
        "Presenter Ruth Agyeman: \u201cGood evening. Two weeks ago European leaders sat in the White House.\u201d\n"
        "Correspondent Tomasz Wierzbicki, in Kyiv: \u201cA five-storey apartment block was simply missing.\u201d\n"
        "AGYEMAN: \u201cAnd the diplomacy? The talk in Washington was of a bilateral meeting first.\u201d"
    )
    assert [q.speaker_id for q in quotes(text)] == ["ruth_agyeman", "tomasz_wierzbicki", "ruth_agyeman"]


@pytest.mark.parametrize(
    "text",
    [
        "Kyiv rejected the linkage. \u201cAny attempt to tie navigation to sanctions is a distortion,\u201d "
        "Ukraine\u2019s foreign ministry said.",
        "Ukraine\u2019s foreign ministry said: \u201cA ceasefire from Monday is the best test of Moscow.\u201d",
    ],
)
def test_a_states_body_named_in_lower_case_speaks(text: str) -> None:
    assert [q.speaker_id for q in quotes(text)] == ["ukrainian_mfa"]


def test_a_states_body_as_a_label() -> None:
    text = "Ukraine\u2019s air force: \u201cThis was the largest combined attack since the start of the invasion.\u201d"
    assert [q.speaker_id for q in quotes(text)] == ["ukrainian_air_force"]


def test_a_name_inside_a_relative_clause_is_not_the_pronouns_antecedent() -> None:
    text = (
        "Cathal Mac Giolla, who sits on the committee alongside its chair, Deirdre O\u2019Neill, struck a similar "
        "note. \u2018We should not mistake a communiqu\u00e9 in Jeddah for a ceasefire in Donetsk\u2019, he said."
    )
    assert [q.speaker_id for q in quotes(text)] == ["cathal_mac_giolla"]


@pytest.mark.parametrize(
    ("text", "speaker_id"),
    [
        ("\u201cThis war is not far from Limpopo,\u201d says Hennie du Preez, who grows oranges.", "hennie_du_preez"),
        (
            "The TD Cathal Mac Giolla struck a similar note. "
            "\u201cWe should not mistake a communiqu\u00e9,\u201d he said.",
            "cathal_mac_giolla",
        ),
    ],
)
def test_name_particles_and_parliamentary_titles(text: str, speaker_id: str) -> None:
    assert [q.speaker_id for q in quotes(text)] == [speaker_id]


@pytest.mark.parametrize(
    ("text", "speaker_id"),
    [
        (
            "A Western diplomat in Kyiv, asked whether embassies were changing their plans, said: "
            '"Nobody here is planning their Monday around this truce."',
            None,
        ),
        (
            "A pro-government columnist, Artyom Zhilin, wrote in his column: \u201cFifty days is a long time.\u201d",
            "artyom_zhilin",
        ),
    ],
)
def test_an_indefinite_subject_with_a_clause_stays_unnamed(text: str, speaker_id: str | None) -> None:
    assert [q.speaker_id for q in quotes(text)] == [speaker_id]


def test_a_live_blog_entrys_time_is_no_part_of_the_label() -> None:
    text = (
        "17:30 \u2014 The Coordination Headquarters for the Treatment of Prisoners of War has posted a statement "
        "on Telegram: \u201cPreparations for the exchange begin tonight. Families will be informed first.\u201d"
    )
    assert [q.speaker_id for q in quotes(text)] == ["coordination_hq_pow"]


def test_diplomatic_sources_are_no_name() -> None:
    text = (
        "Diplomatic sources said the two delegations had sat facing each other across a single table. "
        "\u201cThere were no raised voices, but there were also no surprises,\u201d diplomatic sources said."
    )
    assert [q.speaker_id for q in quotes(text)] == [None]


def test_a_spokesperson_opening_the_sentence_speaks_for_the_body() -> None:
    text = (
        "A White House spokesperson, asked about the timing of any new measures, said: "
        "\u201cThe president has made clear that all options remain on the table.\u201d"
    )
    assert [q.speaker_id for q in quotes(text)] == ["white_house"]


@pytest.mark.parametrize(
    ("text", "speaker_id"),
    [
        (
            "Willemijn van der Hoek, a trade negotiator, spoke first.\n"
            "Van der Hoek said: \u201cNobody signs a deal like this in one afternoon.\u201d",
            "willemijn_van_der_hoek",
        ),
        (
            "Marco De Luca, an energy analyst, was sceptical. "
            "\u201cThe grid will not wait for diplomats,\u201d De Luca said.",
            "marco_de_luca",
        ),
        (
            "Edmund Harcourt-Vale KC opened for the claimant. "
            "\u201cThe contract says what it says,\u201d Harcourt-Vale told the court.",
            "edmund_harcourt_vale",
        ),
        (
            "Salvatore \u201cSally\u201d Brennan runs the deli on Fifth Street. "
            "\u201cEverybody here has a cousin over there,\u201d Sally said.",
            "salvatore_brennan",
        ),
    ],
)
def test_later_references_to_names_with_particles_suffixes_and_nicknames(text: str, speaker_id: str) -> None:
    assert [q.speaker_id for q in quotes(text) if not q.fragment] == [speaker_id]


def test_a_timestamped_transcript_label_names_the_speaker_by_first_name() -> None:
    text = (
        "Hosts Ingrid Solvang and Tomasz Rudek discuss the week with Amara Osei.\n"
        "[00:01:05] INGRID: \u201cAmara, what changed in Kyiv this week?\u201d\n"
        "[00:01:12] AMARA: \u201cVery little, and that is the story.\u201d"
    )
    assert [q.speaker_id for q in quotes(text)] == ["ingrid_solvang", "amara_osei"]


@pytest.mark.parametrize(
    ("text", "speaker_id"),
    [
        (
            "\u2022 Kyiv\u2019s presidential office, late on Friday: \u201cWe brought a date and a plan.\u201d",
            "ukrainian_presidency",
        ),
        (
            "\u2022 The Kremlin\u2019s view, via the Russian Foreign Ministry: "
            "\u201cDialogue works without pressure.\u201d",
            "russian_mfa",
        ),
    ],
)
def test_a_label_with_an_aside_or_a_channel_names_the_body(text: str, speaker_id: str) -> None:
    assert [q.speaker_id for q in quotes(text)] == [speaker_id]


def test_a_title_only_reference_finds_the_academic() -> None:
    text = (
        "Dr Elspeth Moray-Quinn, who runs a conflict studies centre in Dundee, was cautious. "
        "\u201cA list of preconditions would tell us everything we need to know,\u201d the academic added."
    )
    assert [q.speaker_id for q in quotes(text)] == ["elspeth_moray_quinn"]


def test_inward_guillemets_are_quotes_too() -> None:
    text = (
        "Pavla Jirankova, a historian in Brno, was unimpressed. "
        "\u00bbA swap is a thermometer, not a medicine,\u00ab Jirankova said."
    )
    assert [(q.text, q.speaker_id) for q in quotes(text)] == [
        ("A swap is a thermometer, not a medicine", "pavla_jirankova")
    ]


@pytest.mark.parametrize(
    ("text", "speaker_id"),
    [
        (
            "Taras Levchuk, 17, follows every round of talks on his phone. "
            "\u201cMy grandmother asks me for news every hour,\u201d Taras said.",
            "taras_levchuk",
        ),
        (
            "Analysts in Shanghai, including Zhou Minghui of a trading house, expect caution. "
            "\u201cState companies move slowly by design,\u201d says Zhou.",
            "zhou_minghui",
        ),
        (
            "Amb. Folake Adeyemi-Bello, a former envoy to Moscow, was blunt. "
            "\u201cThat was not diplomacy,\u201d Adeyemi-Bello said.",
            "folake_adeyemi_bello",
        ),
    ],
)
def test_given_names_family_names_first_and_honorifics(text: str, speaker_id: str) -> None:
    assert [q.speaker_id for q in quotes(text)] == [speaker_id]


def test_a_qualified_person_noun_finds_the_introduction_it_echoes() -> None:
    text = (
        "Birgitta Sandahl, a former deputy director at the Swedish defence ministry, was unconvinced. "
        "Oliver Pemberton, the host, pressed her. "
        "\u201cA summit about a summit is still not a plan,\u201d the former defence official said."
    )
    assert [q.speaker_id for q in quotes(text)] == ["birgitta_sandahl"]


@pytest.mark.parametrize(
    ("text", "speaker_id"),
    [
        (
            "Asked about the summit, a spokeswoman for the Ravensworth Gallery said the hall was full. "
            "\u201cWe have added a second night,\u201d the spokeswoman said.",
            "ravensworth_gallery",
        ),
        (
            "In a statement on Monday, a spokesperson for the Latvian Foreign Ministry welcomed the talks. "
            "\u201cRiga is watching closely,\u201d the spokesperson said.",
            "latvia_ministry_of_foreign_affairs",
        ),
    ],
)
def test_a_spokesperson_for_a_body_after_a_fronted_phrase(text: str, speaker_id: str) -> None:
    assert [q.speaker_id for q in quotes(text)] == [speaker_id]


def test_combining_diacritics_stay_inside_a_name() -> None:
    name = "Ad\u00e9b\u00e1y\u1ecd\u0300-Okafor"  # Yoruba tone marks: a combining grave after a dotted o
    text = (
        f"\u201cThat was theatre,\u201d said Ngozi {name}, a retired diplomat. \u201cIt has a cost,\u201d {name} said."
    )
    found = quotes(text)
    assert [q.speaker_id for q in found] == ["ngozi_adebayo_okafor"] * 2
    assert found[0].speaker == f"Ngozi {name}"


@pytest.mark.parametrize(
    ("text", "speaker_id"),
    [
        (  # an acronym given in brackets names the body later
            "In Bern, the Federal Department of Foreign Affairs (FDFA) offered to host talks. "
            "\u201cOur good offices remain available,\u201d an FDFA spokesperson said.",
            "federal_department_of_foreign_affairs",
        ),
        (  # 'a ministry spokesperson': the ministry named last
            "The Czech Ministry of Foreign Affairs condemned the strike. "
            "\u201cThis is not the language of peace,\u201d a ministry spokesperson wrote.",
            "ministry_of_foreign_affairs_of_czech_republic",  # the official form, with its state
        ),
        (  # a gazetteer alias in lower case, then a definite description of it
            "Ukraine\u2019s air force reported a quiet night. "
            "\u201cOne quiet night is no guarantee,\u201d the air force posted on Telegram.",
            "ukrainian_air_force",
        ),
        (  # an appositive without an article, then the role with the employer
            "\u201cThis is new,\u201d says Priya Halden, head of oil research at Castellane Partners. "
            "Traders are wary. \u201cThe premium will last,\u201d says the Castellane head of research.",
            "priya_halden",
        ),
        (  # a kin noun set before the name, and a short form on second reference
            "Halyna Boyko, 67, waited. Her grandson, Danylo Reyes, 19, drove her to the hall. "
            "\u201cShe checks the news hourly,\u201d "
            "her grandson said.",
            "danylo_reyes",
        ),
        (
            "Roman Hnatiuk, 34, a Marine Corps veteran from Staten Island, agreed. "
            "\u201cIt is leverage,\u201d the Marine vet said.",
            "roman_hnatiuk",
        ),
    ],
)
def test_bodies_and_people_on_second_reference(text: str, speaker_id: str) -> None:
    assert [q.speaker_id for q in quotes(text)][-1] == speaker_id


def test_a_name_with_an_arabic_article() -> None:
    text = (
        "In Kano, Alhaji Sani Abdullahi al-Kanawi, chairman of the millers\u2019 forum, was watching freight. "
        "\u201cThe price of flour will tell you first,\u201d al-Kanawi said. \u201cWe survived 2022,\u201d he said."
    )
    assert [q.speaker_id for q in quotes(text)] == ["sani_abdullahi_al_kanawi"] * 2


def test_pronouns_teach_a_gender_and_a_described_subject_is_an_antecedent() -> None:
    text = (
        "Headline\nAmb. Ngozi Okafor, a retired diplomat, was blunt. \u201cIt was theatre,\u201d she said.\n"
        "Prof. Chukwuemeka Nwosu, a political scientist, disagreed. \u201cIt is ugly,\u201d the don said.\n"
        "Okafor was unmoved. \u201cNo,\u201d she said.\n"
        "The don, for his part, counselled patience. \u201cWatch what happens,\u201d he said.\n"
    )
    assert [q.speaker_id for q in quotes(text)] == ["ngozi_okafor", "chukwuemeka_nwosu"] * 2


@pytest.mark.parametrize(
    ("text", "speaker_id"),
    [
        (
            "Letters\n\u2022 Reader P\u00e1draig \u00d3 S\u00fainleabh\u00e1in, Cork, writes: "
            "\u201cWhy does every round end with a swap and never with a map?\u201d\n",
            "padraig_o_suinleabhain",
        ),
        ("Letters\n\u201cWhy does every round end with a swap?\u201d asks Mary Byrne, Galway.\n", "mary_byrne"),
        (
            "Dr Winnie Lau Ka-yan, who teaches maritime law, said questions were open. "
            "\u201cWho inspects the ships?\u201d Dr Lau asked.",
            "winnie_lau_ka_yan",
        ),
    ],
)
def test_letter_writers_towns_present_tense_cues_and_cantonese_names(text: str, speaker_id: str) -> None:
    assert [q.speaker_id for q in quotes(text)] == [speaker_id]


@pytest.mark.parametrize(
    ("text", "speaker_id"),
    [
        (  # Malay honorifics, 'binti', and a reference by the title before the posting
            "Former Malaysian ambassador to Russia Tan Sri Zainab binti Hamzah said it had precedents. "
            "\u201cIt is slow,\u201d Zainab said. The former ambassador was hopeful. "
            "\u201cThey all want to host it,\u201d the former ambassador said.",
            "zainab_binti_hamzah",
        ),
        (  # the start of a full name on second reference
            "Datuk Dr Ahmad Faizal Mohd Noor, a senior fellow, spoke. "
            "\u201cA quiet sea is cheap,\u201d said Ahmad Faizal.",
            "ahmad_faizal_mohd_noor",
        ),
        (  # a Spanish first surname on second reference
            "Ignacio Ferrer Sanz, a retired diplomat, watched. \u201cTwo hours. That\u2019s all?\u201d Ferrer asked.",
            "ignacio_ferrer_sanz",
        ),
        (  # academic titles of Austria; 'and' inside a ministry's name
            "\u201eIt was chosen for Washington\u201c, said Univ.-Prof. Dr. Gerlinde Hofst\u00e4tter-Mair.",
            "gerlinde_hofstatter_mair",
        ),
        (
            "The Federal Ministry for European and International Affairs in Vienna welcomed it. "
            "\u201eA truce is not a strategy\u201c, a ministry spokesperson said.",
            "federal_ministry_for_european_and_international_affairs",
        ),
        (  # 'whose son Callum' is a man, so 'she' is his mother
            "Doncaster mum Debbie Langridge, 58, whose son Callum, 27, is held in Russia, was hopeful. "
            "\u2018His room is as he left it,\u2019 she said.",
            "debbie_langridge",
        ),
    ],
)
def test_honorifics_name_parts_and_family_context(text: str, speaker_id: str) -> None:
    assert [q.speaker_id for q in quotes(text)][-1] == speaker_id


@pytest.mark.parametrize(
    ("text", "speaker_id"),
    [
        (  # a possessive in the subject's own aside tells a gender the name's ending got wrong
            "Headline\nColonel Jukka Virtanen, a liaison officer, was sceptical. \u201cNo,\u201d the colonel said.\n"
            "Anna Laine, 68, of Lappeenranta, was hopeful. \u201cMaybe,\u201d she said.\n"
            "Virtanen, for his part, wants details. \u201cGuarantees are like winter tyres,\u201d he said.\n",
            "jukka_virtanen",
        ),
        (  # the agent of a passive label
            "Fact check\nCLAIM 1. Posted on X by the commentator Dale Hurrington on 14 July: "
            "\u201cFifty days is a gift.\u201d\n",
            "dale_hurrington",
        ),
        (
            "Court report\nCraig Munro-Baird, 44, denies the charge. In an email on October 16, Munro-Baird had "
            "written: \u201cKeep the paperwork boring.\u201d\n",
            "craig_munro_baird",
        ),
    ],
)
def test_gender_from_an_aside_passive_agents_and_perfect_cues(text: str, speaker_id: str) -> None:
    assert [q.speaker_id for q in quotes(text)][-1] == speaker_id


def test_a_role_from_the_verb_and_a_mother_introduced_by_her_kin_noun() -> None:
    text = (
        "Profile\nSolomiya Hrab-Lindgren, 47, founded the Safe Return Initiative in Lviv in 2022.\n"
        "\u201cA grandmother came in with a photograph,\u201d the founder said.\n"
        "Her mother, Nina Hrab, 72, still lives in Lviv. \u201cShe was like this at six,\u201d her mother said.\n"
    )
    assert [q.speaker_id for q in quotes(text)] == ["solomiya_hrab_lindgren", "nina_hrab"]


def test_party_and_seat_labels_name_the_member() -> None:
    text = (
        "Debate\nThe debate was opened by Eleanor Pask (Labour, Morden Cross), who spoke first. "
        "\u201cThe question is what it takes,\u201d she told the chamber.\n"
        "Sir Geoffrey Alcott (Conservative, Ashby Wolds), a former soldier, intervened. "
        "\u201cWill the hon. Lady accept that?\u201d he asked.\n"
        "The Member for Morden Cross replied that she would. \u201cThat is precisely why,\u201d she said.\n"
        "Hamid Rahimi (Liberal Democrat, Kingsmere), his party\u2019s foreign affairs spokesperson, agreed. "
        "\u201cNobody is asking Britain to pay alone,\u201d the Liberal Democrat spokesperson said.\n"
    )
    assert [q.speaker_id for q in quotes(text)] == ["eleanor_pask", "geoffrey_alcott", "eleanor_pask", "hamid_rahimi"]


def test_a_pronoun_that_sent_or_had_the_words_before_a_colon() -> None:
    text = (
        "Letters\nMy brother, Andrii Tkachuk, serves near Huliaipole. On Tuesday night he sent me a voice "
        "message, which I translate here with his permission: \u201cThey talk about our land as if it were a "
        "hotel room.\u201d\n"
        "My grandmother, Halyna Petrenko, left Kharkiv in 1943. She had a saying for every crisis: "
        "\u201cA promise made in winter must be checked in spring.\u201d\n"
    )
    assert [q.speaker_id for q in quotes(text)] == ["andrii_tkachuk", "halyna_petrenko"]


@pytest.mark.parametrize(
    ("text", "speaker_id"),
    [
        (
            "News\nThe Department of Foreign Affairs said its position had not changed. "
            "\u201cIreland stands with Ukraine,\u201d a spokesperson for the department said.\n",
            "department_of_foreign_affairs_of_ireland",  # the state its own paragraph names first
        ),
        (
            "Live\n15:10 CET \u2013 A White House spokesperson says the talks are going well. "
            "\u201cBoth delegations are working hard,\u201d the spokesperson said.\n",
            "white_house",
        ),
    ],
)
def test_a_spokesperson_for_the_body_named_by_its_noun_and_after_a_clock(text: str, speaker_id: str) -> None:
    assert [q.speaker_id for q in quotes(text)] == [speaker_id]


def test_relatives_named_by_given_name_and_a_subject_after_a_participle() -> None:
    text = (
        "News\nIryna Koval, who came to Vienna in 2022, spoke. \u201eMy mother said it was quiet\u201c, Koval said.\n"
        "Her daughter Sofiia, 15, translated. \u201eGrandpa believes in the generator\u201c, her daughter said.\n"
        "\u201eNo\u201c, Ms Koval said.\n"
        "Asked what she would say to the president if she had five minutes, Koval did not hesitate. "
        "\u201eI would read him ten names.\u201c\n"
    )
    assert [q.speaker_id for q in quotes(text)] == ["iryna_koval", "sofiia_koval", "iryna_koval", "iryna_koval"]


@pytest.mark.parametrize(
    ("text", "speaker_ids"),
    [
        (  # initials given in brackets label a transcript's turns
            "Podcast\nJonas Kettering (JK) spoke to Mirela Dumitrescu-Hale (MDH), a director.\n"
            "JK: \u201cIs this a peace plan?\u201d\nMDH: \u201cIt is a draft.\u201d\n",
            ["jonas_kettering", "mirela_dumitrescu_hale"],
        ),
        (  # Indian honorifics with a full stop, Dutch 'ten', a patronymic on second reference
            "News\nSmt. Kavita Deshpande-Rao, a former secretary, disagreed. \u201cReassurance is cheap,\u201d said "
            "Smt. Deshpande-Rao. Sanne ten Brink, an analyst, agreed. \u201cSymbols matter,\u201d Ten Brink said. "
            "Mykola Ivanovych Bondar, 81, watched. \u201cI have lived through the end of one empire,\u201d "
            "Mykola Ivanovych said.\n",
            ["kavita_deshpande_rao", "sanne_ten_brink", "mykola_ivanovych_bondar"],
        ),
        (
            "Wine\nHarriet Lowe-Sandoval MW gave a verdict. \u201cThe whites are thrilling,\u201d she said.\n",
            ["harriet_lowe_sandoval"],
        ),
    ],
)
def test_initials_labels_honorifics_particles_and_patronymics(text: str, speaker_ids: list[str]) -> None:
    assert [q.speaker_id for q in quotes(text)] == speaker_ids


def test_french_inversions_translations_and_a_long_iberian_name() -> None:
    text = (
        "News\n\u00ab Nous sommes venus \u00bb, a d\u00e9clar\u00e9 Genevi\u00e8ve Gagnon-Tremblay, a Liberal MP. "
        "(\u201cWe came.\u201d)\n"
        "In Montreal, the historian Jean-Fran\u00e7ois Lavoie was cautious. \u00ab Un engagement de troupes \u00bb, "
        "estime M. Lavoie.\n"
        "Back in Quebec City, Gagnon-Tremblay spoke again. \u00ab C\u2019est la question \u00bb, a-t-elle dit.\n"
        "In Lisbon, Jo\u00e3o Pedro dos Santos Ferreira, a former MEP, was critical. Santos Ferreira went further. "
        "\u201cThe assets will sit in Brussels,\u201d Santos Ferreira said.\n"
    )
    assert [q.speaker_id for q in quotes(text)] == [
        "genevieve_gagnon_tremblay",
        "genevieve_gagnon_tremblay",
        "jean_francois_lavoie",
        "genevieve_gagnon_tremblay",
        "joao_pedro_dos_santos_ferreira",
    ]


def test_the_department_is_the_body_named_just_before() -> None:
    text = (
        "News\nGlobal Affairs Canada said the new aid would include drones. "
        "\u201cCanada\u2019s support is for the long term,\u201d the department said.\n"
    )
    assert [q.speaker_id for q in quotes(text)] == ["global_affairs_canada"]


def test_a_subjects_own_possessive_and_rank_abbreviations_on_second_reference() -> None:
    text = (
        "News\nIn Navotas, Maricel Dimaculangan has not heard her husband\u2019s voice in nine days. "
        "\u201cHe tells me not to worry,\u201d she said.\n"
        "Capt. Rodolfo Mercado runs a manning agency. \u201cWe prepare for the typhoon,\u201d the captain said.\n"
    )
    assert [q.speaker_id for q in quotes(text)] == ["maricel_dimaculangan", "rodolfo_mercado"]


def test_honorifics_after_a_given_name_and_letters_or_class_years_after_a_name() -> None:
    text = (
        "News\nMurat Karaca, a taxi driver, waited outside. \u201cTwo hours! My wedding took longer,\u201d Murat Bey "
        "said.\n"
        "Giorgi Beridze runs a shipping agency. \u201cCall me when the premium falls,\u201d Batoni Giorgi said.\n"
        "\u201cA transformer is not something you take off a shelf,\u201d said Rhys Pemberton CEng, an engineer.\n"
        "\u201cHalf the room could not find Pokrovsk,\u201d said Daniel Reyes \u201927, a history major.\n"
    )
    assert [q.speaker_id for q in quotes(text)] == ["murat_karaca", "giorgi_beridze", "rhys_pemberton", "daniel_reyes"]


def test_a_family_name_written_first_in_capitals() -> None:
    text = (
        "News\nNAKAMURA Tetsuo, 88, was born on Shikotan. \u201cI ask if someone will remember us,\u201d Nakamura "
        "said.\n"
        "His granddaughter, NAKAMURA Emi, keeps a record. \u201cHe wants to see it once more,\u201d she said.\n"
    )
    assert [q.speaker_id for q in quotes(text)] == ["nakamura_tetsuo", "nakamura_emi"]


def test_word_final_elisions_are_apostrophes() -> None:
    text = (
        "News\n\u2018He came wi\u2019 good English an\u2019 he\u2019ll leave wi\u2019 bad Doric,\u2019 said Alistair "
        "Cowie. \u2018They\u2019ve been talkin\u2019 aboot it for weeks,\u2019 he said.\n"
    )
    found = quotes(text)
    assert [q.text for q in found] == [
        "He came wi\u2019 good English an\u2019 he\u2019ll leave wi\u2019 bad Doric",
        "They\u2019ve been talkin\u2019 aboot it for weeks",
    ]
    assert {q.speaker_id for q in found} == {"alistair_cowie"}


def test_a_pronoun_after_an_unnamed_trader_or_farmer_stays_unnamed() -> None:
    text = (
        "News\nIvan Petrenko, an analyst, said the bottleneck was hardware. \u201cNo shelf has one,\u201d he said.\n"
        "Markets barely moved. A trader in Vienna, who asked not to be named, said the curve had settled. "
        "\u201cEveryone is pricing the call,\u201d he said.\n"
        "A wheat farmer near Odesa said the same. \u201cWe plant anyway,\u201d he said.\n"
    )
    assert [q.speaker_id for q in quotes(text)] == ["ivan_petrenko", None, None]


def test_a_fronted_adverbial_before_the_subject_of_a_colon_label() -> None:
    text = (
        "News\nOlesia Karpenko-Vail runs dispatch in Kharkiv.\n"
        "Back in Kharkiv region, Karpenko-Vail had a simple wish: \u201cGive me one quiet week.\u201d\n"
    )
    assert [q.speaker_id for q in quotes(text)] == ["olesia_karpenko_vail"]


def test_a_relation_in_any_language_set_before_a_name_and_a_title_in_marks_is_no_family() -> None:
    text = (
        "News\nSophia Marinos brought her yiayia, Despina Marinou, 86, to the church. \u201cShe asked who the "
        "candles were for,\u201d Marinos said.\n"
        "\u201cIn my village we had no truce,\u201d her yiayia said.\n"
        "Captain Levan Tsiklauri has sailed the carrier \u201cRioni Star\u201d since 2019. \u201cA drone "
        "passed,\u201d he said.\n"
        "His wife, Manana, follows every voyage. \u201cI stopped watching the news,\u201d his wife said.\n"
        "A shipping agent in Poti, who asked not to be named, was hopeful. \u201cWe all eat,\u201d he said.\n"
    )
    assert [q.speaker_id for q in quotes(text) if not q.fragment] == [
        "sophia_marinos",
        "despina_marinou",
        "levan_tsiklauri",
        "manana_tsiklauri",
        None,
    ]


def test_a_firm_named_without_a_body_word_speaks_as_the_firm_or_the_company() -> None:
    text = (
        "News\nFenwick Capital, in a client note overnight: \u201cThis is the first measure aimed at the "
        "companies.\u201d The firm added: \u201cForeign assets become a live question today.\u201d\n"
        "Beatriz Oyarz\u00fan-Vidal of Atalaya Commodities wrote that enforcement would decide. \u201cThe "
        "designation is the headline,\u201d she wrote.\n"
        "Konkan Refining Ltd, an Indian processor, said it was reviewing contracts. \u201cWe will comply "
        "fully,\u201d a company spokesperson said.\n"
    )
    assert [q.speaker_id for q in quotes(text)] == [
        "fenwick_capital",
        "fenwick_capital",
        "beatriz_oyarzun_vidal",
        "konkan_refining_ltd",
    ]


def test_a_surname_possessive_kin_a_relative_clause_subject_and_a_described_subject_before_a_quote() -> None:
    text = (
        "News\nOn the quay, deckhand Taras Melnychuk checked his phone. \u2018Five hours,\u2019 said Melnychuk.\n"
        "Melnychuk\u2019s wife, Iryna, works at a care home. \u2018We were told it would end,\u2019 she said.\n"
        "His skipper, Alistair Cowie, 57, laughed.\n"
        "One fish market porter, who did not want to be named, was sceptical. \u2018All year,\u2019 he said.\n"
        "The skipper had the last word. \u2018We sail on Monday.\u2019\n"
    )
    assert [q.speaker_id for q in quotes(text)] == [
        "taras_melnychuk",
        "iryna_melnychuk",
        None,
        "alistair_cowie",
    ]


def test_the_company_is_the_firm_named_last_in_an_earlier_paragraph() -> None:
    text = (
        "News\nROME -- Brightwater Grid Solutions S.p.A. announced a framework agreement.\n"
        "The units are to be delivered by December.\n"
        "\u201cWe have designed for blackouts, not around them,\u201d the company said in a note.\n"
    )
    assert [q.speaker_id for q in quotes(text)] == ["brightwater_grid_solutions_s_p_a"]


def test_a_ministry_in_lower_case_and_a_body_that_has_a_spokesperson() -> None:
    text = (
        "News\nThe Dutch defence ministry said the target was near. \u201cWe will do our share,\u201d the ministry "
        "said.\n"
        "The Russian foreign ministry praised the talks. \u201cWe support every step,\u201d the ministry said.\n"
        "Euroclear, the depository, welcomed the outcome. \u201cWe always said so,\u201d a Euroclear spokesperson "
        "said.\n"
        "They met at Joint Base Elmendorf-Richardson (JBER). \u201cThank you,\u201d a JBER spokesperson said.\n"
        "The Consulate General of Ukraine in Chicago offered help. \u201cWrite to us,\u201d a consulate "
        "spokesperson said.\n"
    )
    assert [q.speaker_id for q in quotes(text)] == [
        "netherlands_ministry_of_defence",
        "russian_mfa",
        "euroclear",
        "joint_base_elmendorf_richardson",
        "consulate_general_of_ukraine_in_chicago",
    ]


def test_a_generation_suffix_is_part_of_the_name_and_given_names_in_o_are_mens() -> None:
    text = (
        "News\nIn Navotas, Maricel Dimaculangan has not heard from her husband in nine days. Ernesto "
        "Dimaculangan Jr., a bosun, is waiting at anchor.\n"
        "\u201cHe tells me not to worry,\u201d she said.\n"
        "Reached by phone, Dimaculangan Jr. said the crew followed the news. \u201cWe cheered,\u201d he said.\n"
        "Aino Lehtinen, an analyst, was blunt. \u201cIt is a price,\u201d she said.\n"
    )
    assert [q.speaker_id for q in quotes(text)] == [
        "maricel_dimaculangan",
        "ernesto_dimaculangan_jr",
        "aino_lehtinen",
    ]


def test_italian_kenyan_and_air_force_honorifics_are_no_part_of_a_name() -> None:
    text = (
        "News\nRose Chebet waited at the gate. \u201cNothing came,\u201d said Mama Chebet.\n"
        "\u201cThe Vatican cannot guarantee anything,\u201d said Dott.ssa Chiara Bellomo-Rizzi.\n"
        "\u201cWe are used to cardinals,\u201d said Sig.ra Loredana Castellucci.\n"
        "\u201cWe are not here for photographs,\u201d said Ing. Roberto Fumagalli.\n"
        "\u201cThe drones were cheap,\u201d said Air Cdre Malcolm Treharne-Udeh.\n"
    )
    assert [q.speaker_id for q in quotes(text)] == [
        "rose_chebet",
        "chiara_bellomo_rizzi",
        "loredana_castellucci",
        "roberto_fumagalli",
        "malcolm_treharne_udeh",
    ]


def test_an_embassys_posting_is_part_of_its_name() -> None:
    text = (
        "News\nThe Embassy of Ukraine in Kenya said captured Kenyans would be treated well. \u201cFamilies can "
        "contact us,\u201d the embassy said.\n"
    )
    assert [q.speaker_id for q in quotes(text)] == ["embassy_of_ukraine_in_kenya"]


def test_a_person_of_a_firm_after_an_inverted_verb_is_the_person() -> None:
    text = (
        "News\n\u2018Nobody wants to be the first ship back\u2019, said Stavros Paliouras of Alcyon Chartering in "
        "Piraeus. \u2018Charterers are paying to be second.\u2019\n"
    )
    assert {q.speaker_id for q in quotes(text)} == {"stavros_paliouras"}


def test_a_report_or_a_complaint_speaks_for_its_author() -> None:
    text = (
        "News\nA report published on Tuesday by the Lantern Child Rights Monitor, a Geneva-based NGO, documents "
        "the cases.\n"
        "\u201cEvery child in this report has a name,\u201d the report says.\n"
        "Harbor Point Petroleum LLC sued Aldrin Marine Fuels SA on Nov. 14.\n"
        "\u201cNot one barrel,\u201d the complaint says.\n"
    )
    assert [q.speaker_id for q in quotes(text)] == ["lantern_child_rights_monitor", "harbor_point_petroleum_llc"]


def test_a_role_the_introduction_only_implied_means_the_person_just_named() -> None:
    text = (
        "News\nMarta Oleksiuk-Hale, who teaches modern history at a college in Calgary, said the line mattered less.\n"
        "\u201cThere will be a line somewhere,\u201d Oleksiuk-Hale said.\n"
        "The draft is vague. \u201cA guarantee nobody enforces is a brochure,\u201d the historian said.\n"
        "A historian at another college disagreed. \u201cIt is a start,\u201d the historian said.\n"
    )
    assert [q.speaker_id for q in quotes(text)] == ["marta_oleksiuk_hale", "marta_oleksiuk_hale", None]


def test_the_spokesperson_of_the_last_paragraph_speaks_in_the_next() -> None:
    text = (
        "News\nIn an email to the Prairie Courier, a spokesperson for Global Affairs Canada said the department "
        "was studying the proposal.\n"
        "\u201cAny settlement has to be one Ukrainians can accept,\u201d the spokesperson wrote.\n"
    )
    assert [q.speaker_id for q in quotes(text)] == ["global_affairs_canada"]


def test_a_firms_short_name_and_its_legal_suffix_are_the_firm() -> None:
    text = (
        "News\nHarbor Point Petroleum LLC sued its supplier. Another lawyer, who advises refiners, doubted that "
        "Harbor Point would win. \u201cThe rule is hard to prove,\u201d he said.\n"
        "Outside court, a spokesperson for Halcyon Bunkering SA said the company was confident. \u201cWe expect "
        "to win,\u201d the spokesperson said.\n"
    )
    assert [q.speaker_id for q in quotes(text)] == [None, "halcyon_bunkering_sa"]


def test_a_fronted_place_before_an_unnamed_subject_keeps_the_pronoun_unnamed() -> None:
    text = (
        "News\n\u201cWe will pray for peace,\u201d said Father Ivan Petrenko of St. Olha Parish.\n"
        "Outside a bookstore on 97 Street, a woman who would not give her name said she had stopped following "
        "the talks. \u201cI don\u2019t trust anybody\u2019s plan,\u201d she said.\n"
    )
    assert [q.speaker_id for q in quotes(text)] == ["ivan_petrenko", None]


def test_a_judge_a_listener_from_a_town_and_an_owned_document() -> None:
    text = (
        "News\nU.S. District Judge Marisol Quintero-Haas set a hearing. \u201cThe Court will not guess,\u201d the "
        "judge wrote.\n"
        "Listener mail: last week Aidan from Cork wrote: \u201cMore maps, please.\u201d\n"
        "The Southern Cross Institute\u2019s report this month said, \u2018A contribution would be small.\u2019\n"
        "NATO put out a statement after Paris which said, \u2018Allies welcome the work of the coalition.\u2019\n"
    )
    assert [q.speaker_id for q in quotes(text)] == [
        "marisol_quintero_haas",
        "aidan",
        "southern_cross_institute",
        "nato",
    ]


def test_a_lower_case_embassy_and_a_note_speak_for_their_owner() -> None:
    text = (
        "News\nThe Ukrainian embassy in Bras\u00edlia said Kyiv was counting on Brazil. \u201cBrazil knows what it "
        "means to defend its borders,\u201d the embassy said.\n"
        "The Harbour Ministry said in a note on Monday that it was ready. \u201cWe will keep talking,\u201d the note "
        "said.\n"
        "The two delegations issued a joint statement. \u201cThe sides produced a text,\u201d the statement said.\n"
    )
    assert [q.speaker_id for q in quotes(text)] == ["embassy_of_ukraine_in_brazil", "harbour_ministry", None]


def test_broadcast_script_cue_tags_before_labels() -> None:
    text = (
        "SCRIPT\n[SOT] Taras Melnyk, 31, gunner, captured in 2024: \u201cI did not believe it.\u201d [CUT] "
        "\u201cThen I asked for a phone.\u201d\n"
        "[SOT] His mother, Nadiia Melnyk: \u201cHe is thin, he is mine.\u201d\n"
        "[SOT] Unidentified woman holding a portrait: \u201cThey told me maybe next time.\u201d\n"
        "[GFX FULL SCREEN] Statement from the Harbour Relief Fund, read by anchor: \u201cThe work goes on.\u201d\n"
    )
    assert [q.speaker_id for q in quotes(text)] == [
        "taras_melnyk",
        "taras_melnyk",
        "nadiia_melnyk",
        None,
        "harbour_relief_fund",
    ]


def test_a_capitalised_office_in_minutes_points_to_its_holder() -> None:
    text = (
        "Minutes\nOfficers: Helen Carver (Chief Executive), Simon Leckie (Monitoring Officer).\n"
        "The Leader of the Council, Cllr Ruth Okafor-Bain, responded. \u201cNot one pound,\u201d the Leader said.\n"
        "The Chief Executive advised. \u201cThe cost is the fuel,\u201d the Chief Executive said.\n"
        "The Mayor read a letter received on 19 August from Bila Tserkva City Council: \u201cWe want heating.\u201d\n"
    )
    assert [q.speaker_id for q in quotes(text)] == [
        "ruth_okafor_bain",
        "helen_carver",
        "bila_tserkva_city_council",
    ]


def test_a_relative_introduced_from_the_other_side_of_the_kinship() -> None:
    text = (
        "News\nIn Navotas, Marites Aquino has not heard her husband\u2019s voice in nine days. Ernesto Ramos Jr., "
        "a bosun, is at anchor off Romania.\n"
        "\u201cWe cheered a little,\u201d he said. \u201cI will believe it when he is home,\u201d his wife said.\n"
        "Einar Hallgr\u00edmsson served in Moscow. His daughter, \u00c1sta Einarsd\u00f3ttir, said it was thin. "
        "\u201cSanctions are a register,\u201d her father said.\n"
    )
    assert [q.speaker_id for q in quotes(text)] == ["ernesto_ramos_jr", "marites_aquino", "einar_hallgrimsson"]


def test_postnominal_letters_and_a_demonym_before_the_role() -> None:
    text = (
        "News\nBrother Anselm Kowalczyk OSB, a Benedictine, had printed cards. \u201cThey were gone by ten,\u201d "
        "said Brother Anselm.\n"
        "Doina Rusu-Ciobanu, export director of the Codru Vale estate in Moldova, was blunter. \u201cThe insurance "
        "changes first,\u201d the Moldovan exporter said.\n"
    )
    assert [q.speaker_id for q in quotes(text)] == ["anselm_kowalczyk", "doina_rusu_ciobanu"]


def test_photo_credits_and_anonymity_requests_name_nobody() -> None:
    text = (
        "Gallery\n1/10 \u2014 Buses arrive at the hospital. (Photo: Daria Mykhailenko / Northline)\n"
        "2/10 \u2014 Staff Sergeant Oleh Tkachuk-Rivas, 34, wraps himself in a flag. \u201cI counted 1,137 days,\u201d "
        "he said. (Photo: Daria Mykhailenko / Northline)\n"
        "3/10 \u2014 Hanna Petrenko, 79, lives alone. \u201cThe generator is my heater,\u201d she said.\n"
        "Her neighbour, who asked us not to use his name, was less hopeful. \u201cThirty hours, and then the "
        "sirens,\u201d he said.\n"
        "\u201cMy son is at the front.\u201d \u2014 Halyna, 64, Kharkiv\n"
    )
    assert [q.speaker_id for q in quotes(text)] == ["oleh_tkachuk_rivas", "hanna_petrenko", None, "halyna"]


def test_the_body_noun_matches_a_name_in_another_language() -> None:
    text = (
        "News\nAvv. Marco Di Stefano advises the Associazione Kalyna Roma, a group of Ukrainians in Rome.\n"
        "The association will hold a vigil at the Basilica of Santa Sofia. \u00abWe will pray for peace\u00bb, the "
        "association said.\n"
    )
    assert [q.speaker_id for q in quotes(text)] == ["associazione_kalyna_roma"]


def test_capitals_postnominals_and_honorifics_of_more_countries() -> None:
    text = (
        "News\nCopenhagen described the package as a complement. \u201cMoney spent quickly saves lives,\u201d "
        "Copenhagen said.\n"
        "\u201cWales stands with you,\u201d said Carys Pritchard-Ellis MS.\n"
        "\u201cWe found his mother on the third day,\u201d said Halyna Petryshyn RN.\n"
        "\u201cThey noticed,\u201d said Bu Sutarmi, who sells rice.\n"
        "\u201cNext year in Kyiv,\u201d said Rhodri ap Dafydd.\n"
    )
    assert [q.speaker_id for q in quotes(text)] == [
        "denmark",
        "carys_pritchard_ellis",
        "halyna_petryshyn",
        "sutarmi",
        "rhodri_ap_dafydd",
    ]


def test_un_coverage_names_in_capitals_and_a_title_in_marks() -> None:
    text = (
        "General Assembly Backs Draft Seeking \u201cSwift End\u201d to Conflict\n"
        "Introducing the draft, OKSANA HRYTSAK-LEVENTIS (Ukraine) said her delegation was not asking Member "
        "States to choose. \u201cThree years ago, many gave us three days\u201d, she said.\n"
        "MARGUS TAMM-RAUDSEPP (Estonia) said the vote concerned the Charter. \u201cSovereignty is not a regional "
        "issue\u201d, he said.\n"
    )
    assert [sid for _, sid in speakers(text)] == ["oksana_hrytsak_leventis", "margus_tamm_raudsepp"]


def test_an_acronym_of_a_body_named_before_and_a_daughter_named_after_the_verb() -> None:
    text = (
        "News\nThe World Health Organization counted 40 attacks. \u201cEvery attack costs lives,\u201d WHO said.\n"
        'Roy Ebersole, 61, raises wheat. "I sold a third of my crop," he said.\n'
        '"He tells that story every spring," said his daughter, Kayla, 29, who runs the sprayer.\n'
        "A NATO spokesperson said the deliveries had begun.\n"
        "\u2013 Allies are stepping up, the spokesperson said.\n"
    )
    assert [q.speaker_id for q in quotes(text)] == [
        "world_health_organization",
        "roy_ebersole",
        "kayla_ebersole",
        "nato",
    ]


def test_relatives_offices_and_bodies_with_link_words() -> None:
    text = (
        "News\nLiza Marchuk won in three sets. Her coach, Ruben Castellanos-Weir, said the first set was hard.\n"
        "Her mother, Iryna, reached by phone in Kyiv, said they had watched. \u201cWe did not breathe,\u201d her "
        "mother said.\n"
        "A fan who gave her name only as Olha, 34, held up a flag. \u201cI had to be here,\u201d she said.\n"
        "\u201cLet the guns fall silent\u201d, said the President of the Council, the Rev. Dr Annegret "
        "Vollmer-Sauer.\n"
        "A Department for Transport spokesperson said: \u2018The UK has sanctioned more vessels.\u2019\n"
    )
    assert [q.speaker_id for q in quotes(text)] == [
        "iryna_marchuk",
        "olha",
        "annegret_vollmer_sauer",
        "department_for_transport",
    ]


def test_forum_handles_and_our_correspondent() -> None:
    text = (
        "AMA\nOur Kyiv correspondent, Hanna Okhrimenko-Sayer, answered readers\u2019 questions on the forum.\n"
        "The most upvoted question came from Sunflower_Seed_Oil: \u201cIs the plan dead or just renamed?\u201d\n"
        "tram_driver_lviv wanted to know: \u201cDoes losing Yermak make Ukraine weaker?\u201d\n"
        "\u201cHonestly, both,\u201d the correspondent wrote.\n"
        "Halfway through, a moderator, Lindenbaum_77, pinned a reminder: \u201cPlease keep it civil.\u201d\n"
    )
    assert [q.speaker_id for q in quotes(text)] == [
        "sunflower_seed_oil",
        "tram_driver_lviv",
        "hanna_okhrimenko_sayer",
        "lindenbaum_77",
    ]


def test_a_state_body_named_without_its_state_takes_the_storys_country() -> None:
    text = (
        "TULCEA \u2014 Drone debris fell near Plauru, in Romania, on Saturday. Romanian fighter jets were "
        "scrambled over Romania.\n"
        "\u201cThe aircraft had the target on radar,\u201d the Ministry of National Defence said.\n"
        "A spokesperson for the Chancellery of the Prime Minister said the matter was closed. \u201cWe ask "
        "nothing more,\u201d the spokesperson said.\n"
        "\u201cEvery certificate is public,\u201d Belgrade said.\n"
        "\u201cThe list is the easy part,\u201d says Me Claire Hoffmann.\n"
        "\u201cI kept his phone,\u201d said International Arbiter Goran Peri\u0107.\n"
    )
    assert [q.speaker_id for q in quotes(text)] == [
        "ministry_of_national_defence_of_romania",
        "chancellery_of_the_prime_minister_of_romania",
        "serbia",
        "claire_hoffmann",
        "goran_peric",
    ]


def test_one_word_firms_described_as_bodies_and_a_former_banker() -> None:
    text = (
        "News\nSlovnaft, owned by Hungary\u2019s MOL group, says it can keep the refinery running. \u201cSupplies "
        "are not at risk,\u201d the company says in a statement.\n"
        "Euroclear itself chooses its words carefully. A spokesperson for the company said it would comply. "
        "\u2018Our obligation is to our clients\u2019, the spokesperson said.\n"
        "Marie-H\u00e9l\u00e8ne Dubois-Lemaire, who spent two decades in the back offices of Brussels banks, said "
        "traders were talking. \u2018It is small, but it exists\u2019, the former banker said.\n"
    )
    assert [q.speaker_id for q in quotes(text)] == ["slovnaft", "euroclear", "marie_helene_dubois_lemaire"]


def test_a_spokesperson_for_a_body_the_gazetteer_knows_by_description() -> None:
    text = "News\n\u201cWe are ready to talk,\u201d a spokesperson for the presidential office said.\n"
    assert [q.speaker_id for q in quotes(text)] == ["ukrainian_presidency"]


def test_a_described_subject_after_a_fronted_clause_is_the_pronouns_antecedent() -> None:
    text = (
        "News\nSigrid Alm\u00e5s, a former diplomat, spoke first. Kari Lundeby, an analyst, disagreed. \u201cIt is "
        "hard,\u201d she said.\n"
        "Asked whether the fund could help, the former diplomat was blunt. \u201cMoney is the easy part,\u201d she "
        "said.\n"
    )
    assert [q.speaker_id for q in quotes(text)] == ["kari_lundeby", "sigrid_almas"]


def test_national_bodies_named_by_metonym_or_short_name() -> None:
    text = (
        "News\n\u201cDeliveries will resume,\u201d a Pentagon spokesperson said.\n"
        "\u201cAny buyer needs a licence,\u201d a Treasury Department spokesperson said.\n"
        "The ambassador was summoned to the Foreign Office. \u201cThis is unacceptable,\u201d the Foreign Office "
        "said.\n"
        "\u201cOur purchases are driven by need,\u201d the Ministry of External Affairs said.\n"
    )
    assert [q.speaker_id for q in quotes(text)] == [
        "united_states_department_of_defense",
        "united_states_department_of_the_treasury",
        "foreign_commonwealth_and_development_office",
        "ministry_of_external_affairs_india",
    ]


def test_embassies_in_capitals_offices_of_listed_bodies_and_state_services() -> None:
    text = (
        "News\nUkraine said the strike on Kharkiv killed four. The State Emergency Service said rescuers were at the "
        "site. \u201cEvery minute counts,\u201d the service said.\n"
        "The Russian Embassy in New Delhi said Moscow would keep supplying oil. \u201cWe are a reliable partner,\u201d "
        "the embassy said.\n"
        "\u201cThe partnership matters,\u201d said a spokesperson for the US Embassy in New Delhi.\n"
        "\u201cIt was a war crime,\u201d a spokesperson for the European Union\u2019s diplomatic service said.\n"
        "\u201cOur building is unusable,\u201d a spokesperson for the EU delegation in Kyiv said.\n"
    )
    assert [q.speaker_id for q in quotes(text)] == [
        "state_emergency_service_of_ukraine",
        "embassy_of_russia_in_india",
        "embassy_of_the_united_states_in_india",
        "european_union",
        "european_union",
    ]


def test_styles_homes_honorifics_and_names_behind_an_article() -> None:
    text = (
        "News\n\u201cWe have heard promises before,\u201d said the Rev. Marko Hlibovych, the church\u2019s pastor.\n"
        "Daryna Voloshyn, 44, of Citrus Heights, who left Kharkiv in 2022, said she was relieved. \u201cNobody "
        "shouted,\u201d she said.\n"
        "Oksana Pell, 34, learned on Friday that her brother, Ivan Bodnar, 29, was free. On Saturday he sent a "
        "message, which she has allowed the Riverside Evening Ledger to share. \u201cI am here,\u201d he said.\n"
        "Her husband, Tom Pell, 36, a plumber, said he had heard about him every day. \u201cOksana has had his "
        "photo on the fridge,\u201d Mr Pell said.\n"
    )
    assert [q.speaker_id for q in quotes(text)] == ["marko_hlibovych", "daryna_voloshyn", "ivan_bodnar", "tom_pell"]


def test_another_states_ministry_and_a_bodys_short_name() -> None:
    text = (
        "News\nUkraine's Foreign Ministry welcomed the statement. Saudi Arabia's Foreign Ministry also welcomed "
        "the outcome. \u201cThe Kingdom will continue its efforts,\u201d the ministry said.\n"
        "Gunvor withdrew after the Treasury Department said it would not license the deal. \u201cAny buyer must "
        "show the Kremlin gains nothing,\u201d a Treasury spokesperson said.\n"
    )
    assert [q.speaker_id for q in quotes(text)] == [
        "saudi_arabia_ministry_of_foreign_affairs",
        "united_states_department_of_the_treasury",
    ]


def test_a_state_body_takes_the_country_its_own_paragraph_names() -> None:
    text = (
        "News\nUkraine said Russia launched 90 drones overnight, and Ukraine asked for more air defence.\n"
        "A spokesperson for the Ministry of Defence said British deliveries would continue. \u201cOur support is "
        "unwavering,\u201d the spokesperson said.\n"
    )
    assert [q.speaker_id for q in quotes(text)] == ["ministry_of_defence_of_united_kingdom"]


def test_short_ministry_names_take_their_official_form_and_capitals_their_country() -> None:
    text = (
        "News\n\u201cThe Kingdom will keep offering its good offices,\u201d the Saudi Foreign Ministry said.\n"
        "The Federal Interior Ministry in Berlin counted the arrivals. \u201cNumbers are rising,\u201d the ministry "
        "said.\n"
        "The Ukrainian embassy in Berlin said the men were welcome home. \u201cMany will return,\u201d the embassy "
        "said.\n"
    )
    assert [q.speaker_id for q in quotes(text)] == [
        "saudi_arabia_ministry_of_foreign_affairs",
        "federal_ministry_of_the_interior",
        "embassy_of_ukraine_in_germany",
    ]


def test_a_given_name_with_age_and_town_industrial_firms_and_filings() -> None:
    text = (
        "News\nArtem, 19, from Kharkiv, asked that his surname not be used. \u201cI ran from the drones,\u201d he "
        "said.\n"
        "At Rheinhuette Aluminium, a rolling mill near Neuss, the mood was calm. \u201cOur concern is energy "
        "prices,\u201d the company said.\n"
        "Konkan Coast Refineries Ltd said in a stock exchange filing that it had stopped buying Russian crude. "
        "\u201cWe will comply with all sanctions,\u201d the filing said.\n"
    )
    assert [q.speaker_id for q in quotes(text)] == ["artem", "rheinhuette_aluminium", "konkan_coast_refineries_ltd"]


def test_an_honorific_picks_among_people_of_one_surname_for_later_pronouns() -> None:
    text = (
        "News\nLesia Tkachenko, 71, swept glass from the stairwell. \u201cI counted the explosions,\u201d Ms. "
        "Tkachenko said.\n"
        "Her grandson, Bohdan Tkachenko, 24, had driven across the city. \u201cShe refused to go,\u201d he said.\n"
        "Representative Janet Kessler-Ruiz said she had not been briefed. \u201cNot like this,\u201d Ms. "
        "Kessler-Ruiz said.\n"
        "By afternoon Ms. Tkachenko had put the kettle on. \u201cThey want us to be afraid,\u201d she said.\n"
    )
    assert [q.speaker_id for q in quotes(text)] == [
        "lesia_tkachenko",
        "bohdan_tkachenko",
        "janet_kessler_ruiz",
        "lesia_tkachenko",
    ]


def test_city_administrations_and_a_ministry_seated_in_a_capital() -> None:
    text = (
        "News\nRussian drones struck Kharkiv overnight. The city\u2019s military administration said three people "
        "were hurt. \u201cFires broke out in two districts,\u201d the administration said.\n"
        "In the capital, the Kyiv City Military Administration reported debris. \u201cNo one was killed,\u201d the "
        "Kyiv City Military Administration said.\n"
        "Moscow cut gas to the region. The Ministry of Energy in Chi\u0219in\u0103u said supplies were secure. "
        "\u00abAll consumers are supplied\u00bb, a ministry spokesperson said.\n"
    )
    assert [q.speaker_id for q in quotes(text)] == [
        "kharkiv_city_military_administration",
        "kyiv_city_military_administration",
        "ministry_of_energy_of_moldova",
    ]


def test_firms_told_by_their_trade_and_bodies_by_their_head_noun() -> None:
    text = (
        "News\nSwiss commodities trader Halvard withdrew its bid. Halvard, which was founded in 2001, said it had no "
        "ties to Moscow. \u201cWe respect the decision,\u201d the company said.\n"
        "The state-owned trading company Dunarex SPA said it followed the law. \u201cAll exports are licensed,\u201d "
        "the company said.\n"
        "Machine operator R. Velan, 34, said shifts had been cut. \u201cWe wait for a call,\u201d he said.\n"
        "The Ukrainian Canadian Congress said the text was weak. \u201cOne sentence is not enough,\u201d the "
        "congress said.\n"
        "Drones hit Sumy overnight. The city council declared mourning. \u201cFlags will fly at half mast,\u201d the "
        "council said.\n"
    )
    assert [q.speaker_id for q in quotes(text)] == [
        "halvard",
        "dunarex_spa",
        "r_velan",
        "ukrainian_canadian_congress",
        "sumy_city_council",
    ]


def test_us_style_departments_whitehall_departments_and_name_particles_after_the_verb() -> None:
    text = (
        "News\nA buyer was sentenced in Boston. \u201cThose who arm Moscow will be found,\u201d the Justice "
        "Department said.\n"
        "In London, \u201cWe have sanctioned more vessels than anyone,\u201d the Department for Transport said.\n"
        "The fair was run by Anneke van der Berg and Rhodri ap Dafydd. \u201cThree years ago,\u201d said Ms van der "
        "Berg. \u201cNext year,\u201d said Mr ap Dafydd.\n"
    )
    assert [q.speaker_id for q in quotes(text)] == [
        "united_states_department_of_justice",
        "department_for_transport",
        "anneke_van_der_berg",
        "rhodri_ap_dafydd",
    ]


def test_a_foreign_ministry_named_by_its_seat() -> None:
    text = (
        "News\nRome sent generators. \u201cItaly will do its part,\u201d the Farnesina said.\n"
        "In Bras\u00edlia, \u201cBrazil will keep talking to both sides,\u201d Itamaraty said in a note. \u201cWe are "
        "ready to help,\u201d the ministry added.\n"
    )
    assert [q.speaker_id for q in quotes(text)] == [
        "ministry_of_foreign_affairs_and_international_cooperation_of_italy",
        "ministry_of_foreign_affairs_of_brazil",
        "ministry_of_foreign_affairs_of_brazil",
    ]


def test_a_body_s_state_counts_short_forms_of_state_names() -> None:
    text = (
        "News\nIn London, the prime minister told MPs that the UK was working with France on a plan. A Ministry of "
        "Defence spokesperson said: \u201cUK support for Ukraine is unwavering.\u201d\n"
    )
    assert [q.speaker_id for q in quotes(text)] == ["ministry_of_defence_of_united_kingdom"]


def test_a_body_named_last_over_its_secretary_and_a_state_s_delegation_as_it() -> None:
    text = (
        "News\nUS Treasury Secretary Scott Bessent signed the deal. The US Treasury said it signalled commitment. "
        "\u201cThis agreement tells the world,\u201d the Treasury said in a statement.\n"
        "10:40 \u2014 The Kremlin said the talks would be long.\n"
        "16:02 \u2014 Ukraine\u2019s delegation has put out a statement. \u201cWe handed over our proposals,\u201d it "
        "said.\n"
    )
    assert [q.speaker_id for q in quotes(text)] == ["united_states_department_of_the_treasury", "ukraine"]


def test_the_sbu_is_ukraine_s_security_service() -> None:
    text = "News\n\u201cForty-one aircraft were hit,\u201d the SBU said in a statement.\n"
    assert [q.speaker_id for q in quotes(text)] == ["security_service_of_ukraine"]


def test_a_press_office_speaks_for_the_body_it_serves() -> None:
    text = (
        "News\n\u201cThe Holy See is ready to help,\u201d a spokesperson for the Holy See Press Office said. "
        "\u201cThe door stays open,\u201d the press office said.\n"
    )
    assert [q.speaker_id for q in quotes(text)] == ["vatican", "vatican"]


def test_church_bodies_head_their_names() -> None:
    text = (
        "News\nA spokesman for the Greek Orthodox Archdiocese of Australia said parishes prayed. \u201cEaster "
        "belongs to those who suffer,\u201d the spokesman said.\n"
    )
    assert [q.speaker_id for q in quotes(text)] == ["greek_orthodox_archdiocese_of_australia"]


def test_acronyms_of_hyphenated_names_reporting_verbs_that_open_a_line_and_bodies_by_their_heads() -> None:
    text = (
        "News\nReporters reached Joint Base Elmendorf-Richardson at dawn. \u201cWe have hosted presidents "
        "before,\u201d a JBER spokesperson told me.\n"
        "\u2022 Writes Margit Hollerer, a reader in Linz: \u201cCould you tell us once what is in the plan?\u201d\n"
        "Jonas Brekke, an analyst at Fjord Maritime Intelligence, counts tankers. \u201cWe see ten a day,\u201d he "
        "says.\n"
        "Voices of Captivity, a group representing families of missing soldiers, took calls all day. \u201cTen "
        "families cried for another reason,\u201d the group said.\n"
    )
    assert [q.speaker_id for q in quotes(text)] == [
        "joint_base_elmendorf_richardson",
        "margit_hollerer",
        "jonas_brekke",
        "voices_of_captivity",
    ]


def test_a_ministry_named_with_a_demonym_takes_its_official_form() -> None:
    text = "News\n\u201cOur pilots did their job,\u201d the Dutch Ministry of Defence said.\n"
    assert [q.speaker_id for q in quotes(text)] == ["ministry_of_defence_of_netherlands"]


def test_german_style_degrees_and_a_band_after_a_capitalised_article() -> None:
    text = (
        "News\n\u00abEveryone wants the assets\u00bb, says Dr. oec. HSG Reto Ammann, an economist in Zurich. "
        "\u00abThe deadline is the price\u00bb, Ammann says.\n"
        "In Camden, guitarist Bohdan Kravchuk, 35, frontman of The Steppe Cats, was playing a benefit gig. "
        "\u201cWe stopped between songs,\u201d he said.\n"
    )
    assert [q.speaker_id for q in quotes(text)] == ["reto_ammann", "reto_ammann", "bohdan_kravchuk"]


def test_a_posting_before_the_verb_and_a_body_told_by_its_kind() -> None:
    text = (
        "News\nA spokeswoman for the Ukrainian Embassy in London said: \u2018We watched with hope.\u2019\n"
        "The environmental group Baltic Sea Watch says the risk is growing. \u201cOne accident could cost more,\u201d "
        "the group says.\n"
    )
    assert [q.speaker_id for q in quotes(text)] == ["embassy_of_ukraine_in_united_kingdom", "baltic_sea_watch"]


def test_a_description_subject_after_a_time_phrase_and_a_role_told_by_worked_as() -> None:
    text = (
        "News\nMarta Oduya-Lind spent two decades as a Russian interpreter at the State Department. Among the "
        "protesters was Iryna Bakula, 41, a nurse. \u201cWe heard the jets first,\u201d Bakula says.\n"
        "Weeks later, the interpreter still comes back to the silence. \u201cNobody was allowed to ask anything,\u201d "
        "she says.\n"
    )
    assert [q.speaker_id for q in quotes(text)] == ["iryna_bakula", "marta_oduya_lind"]


def test_a_paragraph_opened_by_she_goes_on_with_the_voice_before_it() -> None:
    text = (
        "News\nDr Aroha Ngata, a lecturer in Wellington, said the summit mattered. \u2018Two per cent starts to "
        "look like a minimum,\u2019 she said.\n"
        "In Auckland, Olena Marchuk, who arrived from Kharkiv in 2022, followed the coverage. \u2018I care whether "
        "Kharkiv gets another Patriot,\u2019 she said.\n"
        "She ends her messages with \u2018kia kaha\u2019, a phrase she learnt at work. \u2018It means stay "
        "strong,\u2019 she said.\n"
    )
    assert [q.speaker_id for q in quotes(text) if not q.fragment] == ["aroha_ngata", "olena_marchuk", "olena_marchuk"]


def test_a_body_with_its_acronym_in_brackets_before_the_verb() -> None:
    text = (
        "News\n\u00abSwitzerland will examine the package\u00bb, the State Secretariat for Economic Affairs (Seco) "
        "said.\n"
    )
    assert [q.speaker_id for q in quotes(text)] == ["state_secretariat_for_economic_affairs"]


def test_a_kin_noun_as_subject_is_the_relative_of_that_surname_and_a_place_is_no_speaker() -> None:
    text = (
        "News\nRoy Ebersole, 61, who raises wheat north of Hays, said he stopped trading geopolitics. \u201cI sold "
        "a third of my crop,\u201d he said.\n"
        "A fertilizer dealer in Great Bend, who asked not to be named, said customers were asking. \u201cEvery "
        "guy asks me about urea,\u201d he said.\n"
        "Back at the farm, Kayla Ebersole pulled up the forecast while her father checked the rain gauge. "
        "\u201cRain,\u201d he said, \u201cis the only deal I care about.\u201d\n"
        "Their daughter, Alisa Ebersole, 19, stood beside her mother. \u201cI don\u2019t know,\u201d she said.\n"
    )
    assert [q.speaker_id for q in quotes(text)] == [
        "roy_ebersole",
        None,
        "roy_ebersole",
        "roy_ebersole",
        "alisa_ebersole",
    ]


def test_titles_and_honorifics_of_other_house_styles_are_no_part_of_the_name() -> None:
    text = (
        "News\nPol Col Anan Wongsakul, a deputy police commander, spoke. \u201cWe keep the peace,\u201d Pol Col Anan "
        "told reporters.\n"
        "Khun Pranee Thongdee, 61, rents out scooters. \u201cThey all pay in cash,\u201d Pranee said.\n"
        "\u201cWe do not predict ceasefires,\u201d Chief Executive Ingrid Moser-Halvorsen said on a call.\n"
        "Herder L. Khulan, 58, lives near the route. \u201cThe sheep will notice,\u201d Khulan said.\n"
        "\u201cLatvia supports a just and lasting peace,\u201d R\u012bga said.\n"
    )
    assert [q.speaker_id for q in quotes(text)] == [
        "anan_wongsakul",
        "pranee_thongdee",
        "ingrid_moser_halvorsen",
        "l_khulan",
        "latvia",
    ]


def test_a_ministry_posted_in_a_capital_or_under_a_colon_dateline_is_that_state_s() -> None:
    text = (
        "News\nPHUKET \u2014 Russians and Ukrainians watched the talks.\n"
        "A spokesperson for the Ministry of Foreign Affairs in Bangkok said the kingdom wanted peace. "
        "\u201cThailand supports every effort,\u201d the spokesperson said.\n"
    )
    assert [q.speaker_id for q in quotes(text)] == ["ministry_of_foreign_affairs_of_thailand"]
    text = (
        "News\nTAIPEI \u2014 Lawmakers studied the strike on Russian air bases by Ukraine.\n"
        "The Ministry of National Defense said it was studying the attack. \u201cWe are following it closely,\u201d "
        "the ministry said.\n"
    )
    assert [q.speaker_id for q in quotes(text)] == ["ministry_of_national_defense_of_taiwan"]


def test_a_surname_with_a_post_honorific_and_a_fronted_place_of_the_speaker() -> None:
    text = (
        "News\n\u201cNobody expected a miracle,\u201d said Mr Tariq Mehmood Awan, a former ambassador.\n"
        "Awan Sahib, as probationers still call him, compared the day with May 10. \u201cOur guns went quiet,\u201d "
        "he said.\n"
        "In Rawalpindi\u2019s Raja Bazaar, Muhammad Arshad, a cloth merchant, followed the news. \u201cEvery price "
        "has that war in it,\u201d he said.\n"
    )
    assert [q.speaker_id for q in quotes(text)] == ["tariq_mehmood_awan", "tariq_mehmood_awan", "muhammad_arshad"]


def test_a_region_named_like_a_country_is_no_person_a_pronoun_means() -> None:
    text = (
        "News\nSDLP MLA Siobh\u00e1n N\u00ed Dhuibhir, who represents Foyle, welcomed the pledge. \u201cFor once "
        "Europe is not waiting,\u201d she said.\n"
        "The Foyle MLA added that Northern Ireland had its own experience of outside guarantees. \u201cWe know that "
        "agreements are kept over decades,\u201d she said.\n"
    )
    assert [q.speaker_id for q in quotes(text)] == ["siobhan_ni_dhuibhir", "siobhan_ni_dhuibhir"]


def test_the_paper_says_is_the_newspaper_the_paragraph_names() -> None:
    text = (
        "News\nLe Courrier du Matin calls the outcome a ceasefire for power lines. \u201cMoscow offered what costs it "
        "least,\u201d the paper says in an unsigned editorial.\n"
        "The Kyivskyi Kurier is cautiously positive. \u201cIf the energy pause holds, that is worth something,\u201d "
        "the paper writes.\n"
    )
    assert [q.speaker_id for q in quotes(text)] == ["le_courrier_du_matin", "kyivskyi_kurier"]


def test_the_gaffer_and_the_club_that_said_in_a_statement() -> None:
    text = (
        "News\n\u201cWe were daft for the penalty,\u201d said Rovers manager Gordon McFadyen.\n"
        "Dynamo said in a statement that the proceeds would go to a workshop. \u201cEvery ticket buys a spare "
        "part,\u201d the club said.\n"
        "McFadyen was philosophical by the time he reached the bus. \u201cFootball is the least important thing,\u201d "
        "the gaffer said.\n"
    )
    assert [q.speaker_id for q in quotes(text)] == ["gordon_mcfadyen", "dynamo", "gordon_mcfadyen"]


def test_a_lone_given_name_with_an_age_and_a_long_description() -> None:
    text = (
        'News\nNarek Avetisyan, an analyst, spoke first. "It was a start," he said.\n'
        "Dmitry, 34, a programmer from Saint Petersburg who moved to Yerevan in 2022 and asked that only his first "
        'name be used, watched the statements in a cafe. "I watched it like a football match," he said.\n'
    )
    assert [q.speaker_id for q in quotes(text)] == ["narek_avetisyan", "dmitry"]


def test_a_fact_check_claim_label_names_who_posted_it() -> None:
    text = (
        "News\nCLAIM 1. Shared in posts on X and TikTok that have been viewed two million times:\n"
        "\u201cFrom today the EU has banned ALL Russian oil.\u201d\n"
        "CLAIM 2. Posted on X on 18 July by the commentator Dominic Farrow-Hale, who has 300,000 followers:\n"
        "\u201cThe new cap is $45 and it is fixed.\u201d\n"
    )
    assert [q.speaker_id for q in quotes(text)] == [None, "dominic_farrow_hale"]


def test_a_briefing_question_labelled_with_the_reporter_s_name() -> None:
    text = (
        "News\nThe minister took questions after the meeting.\n"
        "Q (Tom Brannagh, Irish Chronicle): \u201cIs the American backstop real, or is it a phrase?\u201d\n"
    )
    assert [q.speaker_id for q in quotes(text)] == ["tom_brannagh"]


def test_a_party_before_a_title_and_a_spanish_honorific_are_no_part_of_the_name() -> None:
    text = (
        "News\n\u201cPhoto opportunities do not remove the tariffs,\u201d said Opposition Congress MP Pradeep "
        "Kulkarni.\n"
        "Do\u00f1a Olga Kuzyk de Ben\u00edtez teaches on Saturdays. \u201cThe children learn the songs,\u201d "
        "Do\u00f1a Olga said.\n"
    )
    assert [q.speaker_id for q in quotes(text)] == ["pradeep_kulkarni", "olga_kuzyk_de_benitez"]


def test_an_alderman_by_title_a_team_cap_and_a_speaking_lead_are_no_other_speakers() -> None:
    text = (
        "News\nFormer Ald. Bohdan Kravchuk-Nolan watched the arrivals on his phone. \u201cThe Europeans came as a "
        "team,\u201d the former alderman said.\n"
        "A man in a Chicago Bears cap shook his head. \u201cWe got a meeting about a meeting,\u201d he said.\n"
    )
    assert [q.speaker_id for q in quotes(text)] == ["bohdan_kravchuk_nolan", None]


def test_he_added_opening_a_paragraph_goes_on_with_the_unnamed_voice_before() -> None:
    text = (
        "News\nDonald Trump said on Sunday that the talks were going well.\n"
        "A member of the Ukrainian delegation told APE on condition of anonymity that points had been rewritten. "
        "\u201cIt is no longer a dictation,\u201d the delegate said.\n"
        "\u201cBut the hardest questions were left for the presidents,\u201d he added.\n"
    )
    assert [q.speaker_id for q in quotes(text)] == [None, None]


def test_a_party_label_and_a_lowercase_title_between_the_quote_and_the_name() -> None:
    text = (
        "News\nPrime Minister Anthony Albanese said on Friday that Australia was open to contributing.\n"
        '"We are not going to be bystanders," Liberal senator Fiona Marchetti-Boyd says. "But Australians will '
        'want to know what the mission is."\n'
    )
    assert [q.speaker_id for q in quotes(text)] == ["fiona_marchetti_boyd", "fiona_marchetti_boyd"]


def test_a_ceo_by_title_and_a_body_by_the_acronym_it_was_given() -> None:
    text = (
        "News\nCEO Anne Sofie Lund of Vesterhavet Energi says the decision matters. \u00bbOur customers pay us in "
        "euros,\u00ab says Lund.\n"
        "The Confederation of Danish Industry (DI) welcomed the agreement. \u00bbDanish companies are ready,\u00ab DI "
        "said.\n"
    )
    assert [q.speaker_id for q in quotes(text)] == ["anne_sofie_lund", "confederation_of_danish_industry"]


def test_a_ministry_whose_report_names_its_state_first() -> None:
    text = (
        "News\nThe US plan was presented to Zelensky in Kyiv on Thursday.\n"
        "The Ministry of Foreign Affairs said Lithuania would not accept decisions taken over Ukraine's head. "
        "\u201cNothing about Ukraine without Ukraine,\u201d the ministry said.\n"
    )
    assert [q.speaker_id for q in quotes(text)] == ["ministry_of_foreign_affairs_of_lithuania"]


def test_a_ministry_of_insular_policy_and_a_security_agency_take_the_paper_s_state() -> None:
    text = (
        "News\nATHENS \u2014 Greek shipowners studied the new price cap.\n"
        "The Ministry of Maritime Affairs and Insular Policy said it would issue guidance. \u00abOwners will have "
        "clear instructions\u00bb, the ministry said.\n"
    )
    assert [q.speaker_id for q in quotes(text)] == ["ministry_of_maritime_affairs_and_insular_policy_of_greece"]


def test_a_spokesperson_for_the_prime_minister_s_office_is_that_office_of_its_state() -> None:
    text = (
        "News\nCanadian Prime Minister Mark Carney announced the package on Tuesday.\n"
        "A spokesperson for the Prime Minister\u2019s Office said the aid would include drones. \u201cCanada\u2019s "
        "commitment to Ukraine is not seasonal,\u201d the spokesperson said.\n"
    )
    assert [q.speaker_id for q in quotes(text)] == ["office_of_the_prime_minister_of_canada"]


def test_abbreviated_academic_and_professional_titles_are_no_part_of_the_name() -> None:
    text = (
        "News\n\u201cThe Kremlin has turned a maritime deal into a banking negotiation,\u201d said Conf. univ. dr. "
        "Andreea St\u0103nescu-Vlad of a Constan\u021ba institute. \u201cThat tells you who is in a hurry.\u201d\n"
        "Eng. Samuel Otieno-Wafula, a petroleum engineer, said freight could add to the bill. \u201cInsurance and "
        "freight are where the surprises hide,\u201d said Eng. Otieno-Wafula.\n"
    )
    assert [q.speaker for q in quotes(text)] == [
        "Andreea St\u0103nescu-Vlad",
        "Andreea St\u0103nescu-Vlad",
        "Samuel Otieno-Wafula",
    ]


def test_an_embassy_named_in_full_in_a_capital_is_its_embassy_in_that_country() -> None:
    text = (
        "News\nThe Embassy of Ukraine in Nairobi welcomed the US move. \u201cEvery dollar taken from Russia\u2019s "
        "oil revenue is a dollar less for the missiles,\u201d the embassy said.\n"
    )
    assert [q.speaker_id for q in quotes(text)] == ["embassy_of_ukraine_in_kenya"]


def test_a_national_treasury_is_a_body_of_the_paper_s_state_not_the_us_treasury() -> None:
    text = (
        "News\nNAIROBI \u2014 The US Treasury on Wednesday imposed sanctions on Rosneft and Lukoil.\n"
        "The National Treasury said Kenya's fuel arrangement would cushion the country. \u201cKenya does not "
        "import Russian crude,\u201d the Treasury said.\n"
    )
    assert [q.speaker for q in quotes(text)] == ["National Treasury of Kenya"]


def test_a_name_with_an_elided_particle_stays_one_name() -> None:
    text = (
        "News\nPARIS \u2014 The Quai d\u2019Orsay said Europe would not accept a settlement that rewarded aggression. "
        "\u201cEurope\u2019s security cannot be negotiated without Europe,\u201d the ministry said.\n"
    )
    assert [q.speaker for q in quotes(text)] == ["Ministry for Europe and Foreign Affairs of France"]
