"""The rule-based NLU components: sentence features only, a need named plainly, a second need named in a message,
the emergency guard."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
import yaml
from rasa.shared.exceptions import InvalidConfigException
from rasa.shared.nlu.constants import (
    ENTITIES,
    FEATURE_TYPE_SENTENCE,
    FEATURE_TYPE_SEQUENCE,
    INTENT,
    INTENT_RANKING_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.features import Features
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from actions.common import GUESSED_ROLE
from bot.nlu.components import (
    EMERGENCY_MODEL_FLOOR,
    NEED_BESIDE_EMERGENCY,
    TOKEN_COUNT_ORIGIN,
    AgeAnswer,
    CallBackAsked,
    EmergencyGuard,
    GermanAgeExtractor,
    NamedNeed,
    NeedMentions,
    SentenceFeaturesOnly,
    named_need,
    need_beside_emergency,
    second_need,
)

CONFIG = Path(__file__).parents[2] / "config.yml"


def featurized(text: str) -> Message:
    message = Message(data={TEXT: text, "response": "Antwort"})
    for attribute in (TEXT, "response"):
        for origin in ("words", "chars"):
            for kind, rows in ((FEATURE_TYPE_SEQUENCE, 3), (FEATURE_TYPE_SENTENCE, 1)):
                message.add_features(Features(np.ones((rows, 4)), kind, attribute, origin))
    return message


def kinds(message: Message) -> list[tuple[str, str, str]]:
    return [(f.attribute, f.origin, f.type) for f in message.features]


def test_sentence_features_only_drops_the_texts_token_rows_of_the_named_featurizers() -> None:
    component = SentenceFeaturesOnly(["chars"])
    [message] = component.process([featurized("wir suchen eine kita")])
    assert kinds(message) == [
        (TEXT, "words", FEATURE_TYPE_SEQUENCE),
        (TEXT, "words", FEATURE_TYPE_SENTENCE),
        (TEXT, "chars", FEATURE_TYPE_SENTENCE),
        *[("response", o, kind) for o in ("words", "chars") for kind in (FEATURE_TYPE_SEQUENCE, FEATURE_TYPE_SENTENCE)],
    ]
    data = component.process_training_data(TrainingData([featurized("kita"), featurized("hort")]))
    assert [kinds(m) for m in data.training_examples] == [kinds(message), kinds(message)]


def test_without_any_token_rows_left_the_text_keeps_its_token_count_in_one_zero_column() -> None:
    [message] = SentenceFeaturesOnly(["words", "chars"]).process([featurized("wir suchen eine kita")])
    assert kinds(message) == [
        (TEXT, "words", FEATURE_TYPE_SENTENCE),
        (TEXT, "chars", FEATURE_TYPE_SENTENCE),
        *[("response", o, kind) for o in ("words", "chars") for kind in (FEATURE_TYPE_SEQUENCE, FEATURE_TYPE_SENTENCE)],
        (TEXT, TOKEN_COUNT_ORIGIN, FEATURE_TYPE_SEQUENCE),
    ]
    count = message.features[-1].features
    assert count.shape == (3, 1) and not count.any()


@pytest.mark.parametrize("origins", [[], None, [3]])
def test_sentence_features_only_needs_the_featurizers_named(origins: Any) -> None:
    with pytest.raises(InvalidConfigException, match="origins"):
        SentenceFeaturesOnly.create({"origins": origins}, None, None, None)


def test_sentence_features_only_stands_before_classifiers_without_transformer_layers() -> None:
    """With transformer layers the token rows would carry meaning (attention mixes them into the sentence)."""
    pipeline = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))["pipeline"]
    first = [step["name"] for step in pipeline].index("bot.nlu.components.SentenceFeaturesOnly")
    classifiers = [step for step in pipeline[first:] if step["name"] in ("DIETClassifier", "ResponseSelector")]
    assert [step["name"] for step in classifiers] == ["DIETClassifier", "ResponseSelector"]
    assert [step.get("number_of_transformer_layers") for step in classifiers] == [0, 0]
    # a classifier that picks its featurizers must also pick the token count, or it gets no token rows at all
    assert all(TOKEN_COUNT_ORIGIN in step.get("featurizers", [TOKEN_COUNT_ORIGIN]) for step in classifiers)


def ranked(*pairs: tuple[str, float]) -> list[dict[str, Any]]:
    return [{"name": name, "confidence": confidence} for name, confidence in pairs]


@pytest.mark.parametrize(
    ("text", "ranking", "expected"),
    [
        # a word of the category stands in the text and the model sees the need too
        (
            "Wir haben Schulden beim Stromanbieter und jetzt auch noch Mietrückstand",
            ranked(("need_schuldnerberatung", 0.6), ("need_wohnen", 0.2)),
            "wohnen",
        ),
        (
            "Wir brauchen einen Kitaplatz und ich will einen Deutschkurs machen",
            ranked(("need_kinderbetreuung", 0.7), ("need_sprache_integration", 0.09)),
            "sprache_integration",
        ),
        # the model alone is sure enough
        ("ganz lange geschichte", ranked(("need_wohnen", 0.5), ("need_schuldnerberatung", 0.35)), "schuldnerberatung"),
        # faint and without a word of its own: no second need
        ("Wir suchen einen Kitaplatz", ranked(("need_kinderbetreuung", 0.9), ("need_wohnen", 0.06)), None),
        # named plainly, though the model did not rank it
        (
            "wir sind neu aus der ukraine, tochter braucht kita und ich brauche deutschkurs",
            ranked(("need_sprache_integration", 0.97), ("need_lernfoerderung", 0.01)),
            "kinderbetreuung",
        ),
        # a common word alone names no need: parents who work still ask for child care
        (
            "ich arbeite schicht und brauche einen kitaplatz",
            ranked(
                ("need_kinderbetreuung", 0.98),
            ),
            None,
        ),
        # someone who works has work: no second need "Arbeit und Ausbildung" …
        (
            "Mein Mann arbeitet Schicht und ich fange im August wieder an, wir brauchen einen Krippenplatz",
            ranked(("need_kinderbetreuung", 0.9), ("need_arbeit_ausbildung", 0.04)),
            None,
        ),
        (
            "ich arbeite ab april wieder voll, wer nimmt dann meinen kleinen, er ist 1",
            ranked(("need_kinderbetreuung", 0.8), ("need_arbeit_ausbildung", 0.1)),
            None,
        ),
        # … but wanting to work, or being without work, is one
        (
            "ich möchte wieder arbeiten gehen, aber für meine tochter (2) gibt es keinen krippenplatz",
            ranked(("need_kinderbetreuung", 0.8), ("need_arbeit_ausbildung", 0.1)),
            "arbeit_ausbildung",
        ),
        (
            "seit mein mann arbeitslos ist reicht das geld nicht für die klassenfahrt",
            ranked(("need_bildung_teilhabe", 0.8), ("need_arbeit_ausbildung", 0.05)),
            "arbeit_ausbildung",
        ),
        # an office met on the way is no need of its own: the Jobcenter where BuT is applied for
        (
            "ich war beim jobcenter wegen dem bildungspaket, meine tochter braucht die klassenfahrt bezahlt",
            ranked(("need_bildung_teilhabe", 0.7), ("emergency", 0.11), ("need_arbeit_ausbildung", 0.05)),
            None,
        ),
        # … unless the model sees that need too
        (
            "das jobcenter sagt ich soll wieder arbeiten, aber wer passt dann auf meinen sohn auf?",
            ranked(("need_kinderbetreuung", 0.7), ("need_arbeit_ausbildung", 0.2)),
            "arbeit_ausbildung",
        ),
        # a need's word at the end of a compound ("Teilzeitausbildung", "Berufssprachkurs")
        (
            "ich hab eine zusage für eine teilzeitausbildung ab august, aber für den kleinen keine betreuung",
            ranked(("need_kinderbetreuung", 0.8), ("need_arbeit_ausbildung", 0.1)),
            "arbeit_ausbildung",
        ),
        (
            "ich bin ingenieur aus syrien und möchte einen berufssprachkurs b2, das jobcenter will mich als helfer",
            ranked(("need_arbeit_ausbildung", 0.8), ("need_sprache_integration", 0.1)),
            "sprache_integration",
        ),
        # a short word as the end of a compound: "schulden" in "Handyschulden"
        (
            "Wir sollen bis März aus der Wohnung raus, und mein Mann hat noch Handyschulden bei drei Anbietern.",
            ranked(("need_wohnen", 0.8), ("need_finanzielle_hilfe", 0.1)),
            "schuldnerberatung",
        ),
        # everyday words for a need: clothes, a pram, a youth club
        (
            "ich bin im 6. monat schwanger und hab noch nichts, kein bettchen, keine klamotten, keinen kinderwagen",
            ranked(("need_fruehe_hilfen", 0.8), ("need_lebensmittel_kleidung", 0.1)),
            "lebensmittel_kleidung",
        ),
        (
            "wir wollen dass es hier wieder einen jugendtreff gibt und wir bei der stadt mitreden können",
            ranked(("need_jugendbeteiligung", 0.8), ("need_freizeit_kultur", 0.1)),
            "freizeit_kultur",
        ),
        # a common word ("lernen") names a second need only where the model sees it too (here at 0.02)
        (
            "gibt es einen kurs, wo man als mutter lernt ruhig zu bleiben, wenn die kinder streiten",
            ranked(("need_erziehungsberatung", 0.8), ("need_lernfoerderung", 0.02)),
            None,
        ),
        (
            "gibt es einen kurs, wo man als mutter lernt ruhig zu bleiben, wenn die kinder streiten",
            ranked(("need_erziehungsberatung", 0.6), ("need_lernfoerderung", 0.15)),
            "lernfoerderung",
        ),
        # a common word inside a compound names nothing: "Hausarbeit" is no work to look for
        (
            "die hausarbeit und die kinder wachsen mir über den kopf, die kleine ist 2 und hat keinen krippenplatz",
            ranked(("need_kinderbetreuung", 0.8), ("need_arbeit_ausbildung", 0.1)),
            None,
        ),
        # a benefit the family already gets, or the Kita as the place where something happens, names no further need
        (
            "die klassenfahrt kostet 240 euro und wir kriegen wohngeld, mein mann verdient nicht viel",
            ranked(("need_bildung_teilhabe", 0.8), ("need_finanzielle_hilfe", 0.1)),
            None,
        ),
        (
            "mein sohn (4) beißt in der kita die anderen kinder und die erzieherin weiß nicht weiter",
            ranked(("need_erziehungsberatung", 0.8), ("need_kinderbetreuung", 0.1)),
            None,
        ),
        (
            "seit der trennung zahlt er keinen unterhalt mehr und ich weiß nicht wie ich die miete zahlen soll",
            ranked(("need_finanzielle_hilfe", 0.8), ("need_erziehungsberatung", 0.1)),
            None,
        ),
        # stop 25: the Kita that called, a child who goes there, one's own work as a childminder, a new home
        (
            "die kita hat gestern schon wieder angerufen, unsere mia (3) kratzt und tritt die anderen",
            ranked(("need_erziehungsberatung", 0.8), ("need_kinderbetreuung", 0.1)),
            None,
        ),
        (
            "er weint jeden morgen und will nicht mehr in den hort, seit ein neuer junge da ist",
            ranked(("need_erziehungsberatung", 0.8), ("need_kinderbetreuung", 0.1)),
            None,
        ),
        (
            "ich bin tagesmutter und ein tageskind (2) kommt oft hungrig, wo kann ich mich beraten lassen",
            ranked(("need_schutz_krise", 0.8), ("need_kinderbetreuung", 0.1)),
            None,
        ),
        (
            "wir wohnen jetzt zu dritt in einer eigenen wohnung, aber mein großer schläft seit dem umzug nicht mehr",
            ranked(("need_erziehungsberatung", 0.8), ("need_wohnen", 0.1)),
            None,
        ),
        # … asked for, they still do
        (
            "mein kleiner soll im august in den hort, gibt es dort noch freie plätze? und er hat probleme beim lesen",
            ranked(("need_lernfoerderung", 0.8), ("need_kinderbetreuung", 0.1)),
            "kinderbetreuung",
        ),
        (
            "wir wohnen zu fünft in einer 2-zimmer-wohnung und der sohn (9) kann nirgends hausaufgaben machen",
            ranked(("need_lernfoerderung", 0.8), ("need_wohnen", 0.1)),
            "wohnen",
        ),
        (
            "die klassenfahrt kostet 240 euro, kriegen wir eigentlich wohngeld? mein mann verdient nicht viel",
            ranked(("need_bildung_teilhabe", 0.8), ("need_finanzielle_hilfe", 0.1)),
            "finanzielle_hilfe",
        ),
        (
            "mein sohn (4) beißt andere kinder und ich brauche ab mai einen platz in der kita",
            ranked(("need_erziehungsberatung", 0.8), ("need_kinderbetreuung", 0.1)),
            "kinderbetreuung",
        ),
        # looking for work, said so, though the model ranks it low ("Arbeit" alone needs the model's agreement)
        (
            "wir sind neu hier aus rumänien, ich suche arbeit und wohnung, wir wohnen zu sechst in 2 zimmern",
            ranked(("need_wohnen", 0.8), ("need_arbeit_ausbildung", 0.07)),
            "arbeit_ausbildung",
        ),
        (
            "mein mann hat arbeit gefunden, aber wir wohnen zu sechst in 2 zimmern, wo finden wir eine wohnung",
            ranked(("need_wohnen", 0.8), ("need_arbeit_ausbildung", 0.07)),
            None,
        ),
        # a person of the Familienzentrum, asked for in so many words
        (
            "wir dürfen die enkel nicht sehen. wir würden gern mit jemandem persönlich sprechen, mit termin",
            ranked(("need_erziehungsberatung", 0.8), ("need_familienzentrum_lotse", 0.02)),
            "familienzentrum_lotse",
        ),
        (
            "mein sohn (12) wird gemobbt, gibt es jemand zum reden für ihn?",
            ranked(("need_erziehungsberatung", 0.8), ("need_familienzentrum_lotse", 0.02)),
            None,
        ),
        # where the family has been, how it came, what it has (blind set 9)
        (
            "unser baby (6 wochen) schreit jeden abend stundenlang, der kinderarzt sagt, er ist gesund",
            ranked(("need_fruehe_hilfen", 0.8), ("need_gesundheit_entwicklung", 0.1)),
            None,
        ),
        (
            "der kinderarzt sagt, es ist kolik, aber wir suchen auch einen neuen kinderarzt in alfeld",
            ranked(("need_fruehe_hilfen", 0.8), ("need_gesundheit_entwicklung", 0.1)),
            "gesundheit_entwicklung",
        ),
        (
            "er hat beim mittagessen gesagt, er haut seine schwester, die beiden streiten nur",
            ranked(("need_erziehungsberatung", 0.8), ("need_bildung_teilhabe", 0.1)),
            None,
        ),
        (
            "wo ist das familienzentrum und komme ich mit kinderwagen rein?",
            ranked(("need_familienzentrum_lotse", 0.8), ("need_lebensmittel_kleidung", 0.1)),
            None,
        ),
        (
            "meine kinder gehen kita und schule, ich will deutsch lernen am vormittag",
            ranked(("need_sprache_integration", 0.8), ("need_kinderbetreuung", 0.1)),
            None,
        ),
        (
            "vor drei jahren waren wir im frauenhaus, jetzt haben wir eine eigene wohnung und ich suche arbeit",
            ranked(("need_arbeit_ausbildung", 0.8), ("need_wohnen", 0.1), ("need_schutz_krise", 0.05)),
            None,
        ),
        (
            "wir waren im frauenhaus und brauchen jetzt dringend eine wohnung, ich suche auch arbeit",
            ranked(("need_arbeit_ausbildung", 0.8), ("need_wohnen", 0.1)),
            "wohnen",
        ),
        # the same need is never its own second need
        (
            "kita und krippe",
            ranked(
                ("need_kinderbetreuung", 0.9),
            ),
            None,
        ),
    ],
)
def test_second_need(text: str, ranking: list[dict[str, Any]], expected: str | None) -> None:
    first = str(ranking[0]["name"])
    assert second_need(text, ranking, first) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("kita", "kinderbetreuung"),
        ("Kitaplatz?", "kinderbetreuung"),
        ("hort kosten", "kinderbetreuung"),
        ("Nachhilfe Mathe bitte", "lernfoerderung"),
        ("schwanger mit 16", "fruehe_hilfen"),
        ("Schuldnerberatung", "schuldnerberatung"),
        ("DEUTSCHKURS", "sprache_integration"),
        ("Mathenachhilfe", "lernfoerderung"),
        ("kinderwagen gesucht", "lebensmittel_kleidung"),
        # voice typing splits compounds
        ("kinder zu schlag?", "finanzielle_hilfe"),
        ("logo pädie", "gesundheit_entwicklung"),
        # an office typed alone still names its need (only as a second need in a story it does not)
        ("jugendamt?", "schutz_krise"),
        # two needs named: the model and "Geht es um …?" decide
        ("kita und deutschkurs", None),
        # common words name no need on their own
        ("geld", None),
        ("baby", None),
        ("wetter morgen", None),
        ("", None),
        # a longer message is the model's to understand
        ("ich suche für meinen Sohn einen Kitaplatz", None),
    ],
)
def test_named_need(text: str, expected: str | None) -> None:
    assert named_need(text) == expected


def message(text: str, intent: str, ranking: list[dict[str, Any]]) -> Message:
    found = Message(data={TEXT: text})
    found.set(INTENT, {"name": intent, "confidence": ranking[0]["confidence"]})
    found.set(INTENT_RANKING_KEY, ranking)
    return found


@pytest.mark.parametrize("unsure", ["nlu_fallback", "show_all_needs", "out_of_scope"])
def test_a_need_named_plainly_wins_over_an_unsure_model(unsure: str) -> None:
    ranking = ranked((unsure, 0.5), ("need_kinderbetreuung", 0.3), ("need_freizeit_kultur", 0.1))
    (result,) = NamedNeed().process([message("kita", unsure, ranking)])
    assert result.get(INTENT) == {"name": "need_kinderbetreuung", "confidence": 1.0}
    assert [i["name"] for i in result.get(INTENT_RANKING_KEY)] == [
        "need_kinderbetreuung",
        unsure,
        "need_freizeit_kultur",
    ]


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("Kita Kosten?", "faq"),  # a confident FAQ answer stays
        ("Kita Rückruf bitte", "request_callback"),
        ("hort", "need_kinderbetreuung"),
        ("wetter morgen", "nlu_fallback"),  # nothing named
    ],
)
def test_named_need_leaves_confident_and_unnamed_results(text: str, intent: str) -> None:
    ranking = ranked((intent, 0.9), ("need_lernfoerderung", 0.05))
    (result,) = NamedNeed().process([message(text, intent, ranking)])
    assert result.get(INTENT)["name"] == intent and result.get(INTENT_RANKING_KEY) == ranking


@pytest.mark.parametrize("intent", ["need_gesundheit_entwicklung", "nlu_fallback", "greet"])
def test_a_story_that_asks_to_be_called_starts_the_call_back_form(intent: str) -> None:
    text = "Frisch getrennt, die Kleine hat Neurodermitis. Kann mich mal jemand von euch anrufen? Nach 19 Uhr"
    ranking = ranked((intent, 0.8), ("request_callback", 0.1))
    (result,) = CallBackAsked().process([message(text, intent, ranking)])
    assert result.get(INTENT) == {"name": "request_callback", "confidence": 1.0}


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("Kann mich jemand zurückrufen, wie lange dauert der Antrag auf Kinderzuschlag?", "faq"),  # FAQ stays
        ("Kann mich jemand anrufen? 0151 23456789", "inform_contact"),  # an answer inside the form stays
        ("Das Jobcenter kann mich nicht mal zurückrufen, wir brauchen Wohngeld", "need_finanzielle_hilfe"),
    ],
)
def test_call_back_words_leave_other_results(text: str, intent: str) -> None:
    ranking = ranked((intent, 0.9), ("request_callback", 0.05))
    (result,) = CallBackAsked().process([message(text, intent, ranking)])
    assert result.get(INTENT)["name"] == intent


def with_ages(found: Message) -> Message:
    (aged,) = GermanAgeExtractor().process([found])
    return aged


def test_an_age_confirms_the_models_first_guess_below_the_threshold() -> None:
    ranking = ranked(("nlu_fallback", 0.45), ("inform_age", 0.445), ("need_gesundheit_entwicklung", 0.05))
    (result,) = AgeAnswer().process([with_ages(message("und für meine Tochter, 12?", "nlu_fallback", ranking))])
    assert result.get(INTENT) == {"name": "inform_age", "confidence": 1.0}
    assert [i["name"] for i in result.get(INTENT_RANKING_KEY)][:2] == ["inform_age", "nlu_fallback"]


@pytest.mark.parametrize(
    ("text", "ranking"),
    [
        # the model's first guess was something else: "Geht es um …?" as before
        ("mein Sohn ist 12 und hat Bauchweh", ranked(("nlu_fallback", 0.45), ("need_gesundheit_entwicklung", 0.4))),
        # inform_age guessed but no age found
        ("und für meine Tochter?", ranked(("nlu_fallback", 0.45), ("inform_age", 0.44))),
        # the model was sure of something else
        ("Kita für meine Tochter, 3", ranked(("need_kinderbetreuung", 0.9), ("inform_age", 0.05))),
    ],
)
def test_age_answer_leaves_everything_else(text: str, ranking: list[dict[str, Any]]) -> None:
    intent = str(ranking[0]["name"])
    (result,) = AgeAnswer().process([with_ages(message(text, intent, ranking))])
    assert result.get(INTENT)["name"] == intent and result.get(INTENT_RANKING_KEY) == ranking


def test_need_mentions_adds_an_other_need_entity() -> None:
    ranking = ranked(("need_schuldnerberatung", 0.6), ("need_wohnen", 0.2))
    (result,) = NeedMentions().process([message("Schulden und die Miete ist offen", "need_schuldnerberatung", ranking)])
    assert [(e["entity"], e["value"]) for e in result.get(ENTITIES)] == [("other_need", "wohnen")]


@pytest.mark.parametrize(
    ("text", "first", "implied"),
    [
        # tutoring or a club the family cannot pay: Bildung und Teilhabe
        (
            "lehrerin sagt vielleicht LRS, nachhilfe 25 euro die stunde ist zu teuer für uns",
            "need_lernfoerderung",
            "bildung_teilhabe",
        ),
        ("sie will in den turnverein, aber wir bekommen bürgergeld", "need_freizeit_kultur", "bildung_teilhabe"),
        ("er braucht nachhilfe in mathe, wo gibt es das?", "need_lernfoerderung", None),
        ("die kita ist so teuer, gibt es einen platz?", "need_kinderbetreuung", None),
        # money for food run out: the Tafel
        (
            "seit dem umzug kommt kein kindergeld, noch 25 euro bis monatsende",
            "need_finanzielle_hilfe",
            "lebensmittel_kleidung",
        ),
        (
            "strom soll abgestellt werden und der kühlschrank ist so gut wie leer",
            "need_schuldnerberatung",
            "lebensmittel_kleidung",
        ),
        ("ich kaufe kaum noch essen, damit die miete bezahlt ist", "need_wohnen", "lebensmittel_kleidung"),
        ("die kinder essen, ich nicht. das jobcenter hat gekürzt", "need_finanzielle_hilfe", "lebensmittel_kleidung"),
        ("wir haben noch keinen kitaplatz, ab dem ersten muss ich arbeiten", "need_kinderbetreuung", None),
        ("kein geld für die klassenfahrt, wer hilft?", "need_bildung_teilhabe", None),
        ("die kinder essen kaum gemüse, gibt es eine ernährungsberatung?", "need_gesundheit_entwicklung", None),
        ("der kühlschrank ist leer, wo ist die tafel?", "need_lebensmittel_kleidung", None),
        # a child without friends: leisure
        (
            "seit dem umzug findet er keinen anschluss und spielt immer allein",
            "need_erziehungsberatung",
            "freizeit_kultur",
        ),
        ("sie hat hier noch keine freunde und ihr deutsch ist schwach", "need_sprache_integration", "freizeit_kultur"),
        ("er hat keine freunde in der klasse, mathe ist eine 5", "need_lernfoerderung", "freizeit_kultur"),
        ("er sitzt nur noch in seinem zimmer, 40 bewerbungen und nur absagen", "need_arbeit_ausbildung", None),
        ("sie hat viele freunde, aber in der schule klappt nichts", "need_lernfoerderung", None),
    ],
)
def test_a_need_the_story_implies_is_offered_as_a_guess(text: str, first: str, implied: str | None) -> None:
    (result,) = NeedMentions().process([message(text, first, ranked((first, 0.8)))])
    found = [(e["entity"], e["value"], e.get("role")) for e in result.get(ENTITIES) or []]
    assert found == ([("other_need", implied, None), ("other_need", implied, GUESSED_ROLE)] if implied else [])


def test_a_story_answered_with_a_question_keeps_every_need_it_names() -> None:
    """ "Geht es um …?" comes first; whichever topic the family taps, the other one named can be offered after."""
    text = "hab seit dem frühjahr stromschulden bei den stadtwerken und jetzt zwei offene monatsmieten beim vermieter"
    ranking = ranked(("nlu_fallback", 0.45), ("need_wohnen", 0.25), ("need_schuldnerberatung", 0.17))
    (result,) = NeedMentions().process([message(text, "nlu_fallback", ranking)])
    assert [(e["entity"], e["value"]) for e in result.get(ENTITIES)] == [
        ("other_need", "wohnen"),
        ("other_need", "schuldnerberatung"),
    ]
    # a common word ("Arbeit") counts only where the model sees that need too (here at 0.02: not kept)
    text = "seit mein mann hier arbeit hat wohnen wir in alfeld, unsere tochter (4) braucht einen kitaplatz"
    ranking = ranked(("nlu_fallback", 0.45), ("need_kinderbetreuung", 0.4), ("need_arbeit_ausbildung", 0.02))
    (result,) = NeedMentions().process([message(text, "nlu_fallback", ranking)])
    assert [e["value"] for e in result.get(ENTITIES)] == ["kinderbetreuung"]
    # a question without a need's word keeps none
    vague = ranked(("nlu_fallback", 0.45), ("need_wohnen", 0.25), ("need_schuldnerberatung", 0.17))
    (result,) = NeedMentions().process([message("es ist alles zu viel gerade", "nlu_fallback", vague)])
    assert not result.get(ENTITIES)


def test_guard_forces_emergency_and_names_its_kind() -> None:
    ranking = ranked(("need_fruehe_hilfen", 0.8), ("emergency", 0.1))
    text = "das Baby schreit seit Stunden und ich habe Angst, dass ich es schüttle"
    (result,) = EmergencyGuard().process([message(text, "need_fruehe_hilfen", ranking)])
    assert result.get(INTENT) == {"name": "emergency", "confidence": 1.0}
    assert result.get(INTENT_RANKING_KEY)[0]["name"] == "emergency"
    # an overwhelmed parent's numbers lead on to Frühe Hilfen by their own button: no second need offered
    assert [(e["entity"], e["value"]) for e in result.get(ENTITIES)] == [("emergency_type", "parent_overwhelmed")]


def test_after_other_emergencies_the_need_of_the_message_is_offered() -> None:
    ranking = ranked(("emergency", 0.6), ("need_wohnen", 0.3))
    text = "er hat mich geschlagen, ich will mit den kindern weg, aber wohin?"
    (result,) = EmergencyGuard().process([message(text, "emergency", ranking)])
    assert [(e["entity"], e["value"]) for e in result.get(ENTITIES)] == [
        ("emergency_type", "violence"),
        ("other_need", "wohnen"),
    ]


@pytest.mark.parametrize(
    ("text", "need", "role"),
    [
        # named in the message: "Sie haben auch … erwähnt"
        ("ich will nicht mehr leben, ich finde einfach keine lehrstelle", "arbeit_ausbildung", None),
        # only the model saw it: offered without saying the family mentioned it
        ("er hat mich geschlagen, ich will mit den kindern weg, aber wohin?", "lernfoerderung", "guessed"),
        # put out tonight: a roof for the night, whatever the model guessed ("Kinderbetreuung" for the two children)
        (
            "er hat uns rausgeschmissen, ich sitz mit den kindern im auto, wo können wir heute nacht hin",
            "wohnen",
            "guessed",
        ),
    ],
)
def test_a_need_beside_an_emergency_that_the_message_did_not_name_is_marked_as_guessed(
    text: str, need: str, role: str | None
) -> None:
    ranking = ranked(("emergency", 0.6), ("need_lernfoerderung", 0.3))
    (result,) = EmergencyGuard().process([message(text, "emergency", ranking)])
    [other] = [e for e in result.get(ENTITIES) if e["entity"] == "other_need"]
    assert (other["value"], other.get("role")) == (need, role)


def test_the_need_beside_an_emergency_replaces_the_second_need_of_the_model_s_first() -> None:
    """A calm-sounding story the model takes for an emergency keeps its need: offered after the numbers."""
    ranking = ranked(("need_schuldnerberatung", 0.4), ("emergency", 0.35), ("need_wohnen", 0.1))
    text = "die mahnungen stapeln sich, ich schlafe nicht mehr und die miete ist auch offen"
    found = message(text, "need_schuldnerberatung", ranking)
    found.set(ENTITIES, [{"entity": "other_need", "value": "wohnen", "extractor": "NeedMentions"}])
    (result,) = EmergencyGuard().process([found])
    assert result.get(INTENT)["name"] == "emergency"
    assert [(e["entity"], e["value"]) for e in result.get(ENTITIES)] == [("other_need", "schuldnerberatung")]


@pytest.mark.parametrize(
    ("ranking", "expected"),
    [
        (ranked(("emergency", 0.7), ("need_erziehungsberatung", 0.2), ("need_wohnen", 0.05)), "erziehungsberatung"),
        # the best need, wherever it stands among the other intents
        (ranked(("emergency", 0.5), ("greet", 0.3), ("need_lernfoerderung", NEED_BESIDE_EMERGENCY)), "lernfoerderung"),
        # too faint to offer
        (ranked(("emergency", 0.9), ("need_kinderbetreuung", NEED_BESIDE_EMERGENCY - 0.01)), None),
        # the crisis help is the emergency answer's own button already
        (ranked(("emergency", 0.5), ("need_schutz_krise", 0.4), ("need_wohnen", 0.1)), None),
        (ranked(("emergency", 1.0), ("faq", 0.0)), None),
    ],
)
def test_need_beside_emergency(ranking: list[dict[str, Any]], expected: str | None) -> None:
    assert need_beside_emergency(ranking) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the one need the message names plainly wins over the model's guess …
        ("mein sohn 16 will nicht mehr leben, weil er keine lehrstelle findet", "arbeit_ausbildung"),
        ("ich kann nicht mehr, die schulden wachsen mir über den kopf", "schuldnerberatung"),
        # … common words and offices name none: the model's guess stays
        ("er schlägt mich, wenn er von der arbeit kommt", "lernfoerderung"),
        ("beim jugendamt glaubt mir keiner, dass er mich schlägt", "lernfoerderung"),
        # two needs named: the model decides between them
        ("ich will nicht mehr leben, die schulden und kein kitaplatz", "lernfoerderung"),
    ],
)
def test_a_need_named_plainly_beside_an_emergency_wins(text: str, expected: str) -> None:
    ranking = ranked(("emergency", 0.6), ("need_lernfoerderung", 0.3))
    assert need_beside_emergency(ranking, text) == expected


def test_guard_trusts_the_models_emergency_guess_from_the_floor_on() -> None:
    ranking = ranked(("nlu_fallback", 0.45), ("need_schutz_krise", 0.4), ("emergency", EMERGENCY_MODEL_FLOOR))
    (result,) = EmergencyGuard().process([message("es ist wieder so wie früher bei uns", "nlu_fallback", ranking)])
    assert result.get(INTENT)["name"] == "emergency"
    assert result.get(ENTITIES, []) == []


@pytest.mark.parametrize(
    ("ranking", "alarms"),
    [
        # a need twice as likely as the emergency: the model's guess does not count
        (ranked(("need_erziehungsberatung", 0.62), ("emergency", 0.24)), False),
        (
            ranked(("need_erziehungsberatung", 2 * EMERGENCY_MODEL_FLOOR + 0.01), ("emergency", EMERGENCY_MODEL_FLOOR)),
            False,
        ),
        # up to that share it counts: an emergency below a likelier need (a held-out case: 0.2 beside 0.18)
        (ranked(("need_erziehungsberatung", 2 * EMERGENCY_MODEL_FLOOR), ("emergency", EMERGENCY_MODEL_FLOOR)), True),
        (ranked(("nlu_fallback", 0.45), ("need_fruehe_hilfen", 0.24), ("emergency", 0.2)), True),
        # below the floor never, whatever the needs
        (ranked(("nlu_fallback", 0.8), ("emergency", 0.19)), False),
    ],
)
def test_the_models_emergency_guess_counts_unless_a_need_is_far_likelier(
    ranking: list[dict[str, Any]], alarms: bool
) -> None:
    text = "ich weiß nicht mehr weiter mit ihm"
    (result,) = EmergencyGuard().process([message(text, str(ranking[0]["name"]), ranking)])
    assert (result.get(INTENT)["name"] == "emergency") is alarms


def test_a_rule_alarms_even_when_the_model_is_sure_of_a_need() -> None:
    ranking = ranked(("need_erziehungsberatung", 0.95), ("emergency", 0.01))
    text = "er hat mich heute wieder geschlagen, ich brauche eine Erziehungsberatung"
    (result,) = EmergencyGuard().process([message(text, "need_erziehungsberatung", ranking)])
    assert result.get(INTENT)["name"] == "emergency"


def test_guard_leaves_calm_messages_alone() -> None:
    ranking = ranked(("need_arbeit_ausbildung", 0.7), ("emergency", 0.05))
    (result,) = EmergencyGuard().process(
        [message("Ich kann nicht mehr, keine Lehrstelle", "need_arbeit_ausbildung", ranking)]
    )
    assert result.get(INTENT)["name"] == "need_arbeit_ausbildung"


def test_an_emergency_in_another_language_sets_that_language_for_the_numbers() -> None:
    ranking = ranked(("nlu_fallback", 0.5), ("emergency", 0.3))
    text = "I am hiding with my kids in the bathroom and he is screaming outside"
    (result,) = EmergencyGuard().process([message(text, "nlu_fallback", ranking)])
    assert result.get(INTENT)["name"] == "emergency"
    assert ("language", "en") in [(e["entity"], e["value"]) for e in result.get(ENTITIES)]


def test_a_calm_message_in_another_language_sets_no_language() -> None:
    ranking = ranked(("need_kinderbetreuung", 0.9), ("emergency", 0.01))
    (result,) = EmergencyGuard().process(
        [message("we need a kindergarten place for our son", "need_kinderbetreuung", ranking)]
    )
    assert result.get(ENTITIES, []) == []
