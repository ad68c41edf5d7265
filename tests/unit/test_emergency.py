"""The emergency guard's rules: danger also when only hinted at, no alarm for hard but safe situations.

Cases: tests/emergency_cases.yml (hand-written, never trained on) and the examples of issue 9.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.nlu.emergency import CHILD, MEDICAL, PARENT, SUICIDE, VIOLENCE, danger_kind, fold, signals_danger

CASES = yaml.safe_load((Path(__file__).parents[1] / "emergency_cases.yml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("text", CASES["emergency"])
def test_hinted_danger_is_an_emergency(text: str) -> None:
    assert signals_danger(text)


@pytest.mark.parametrize("text", CASES["not_emergency"])
def test_hard_but_safe_situations_are_no_emergency(text: str) -> None:
    assert danger_kind(text) is None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("manchmal verrutscht ihm die Hand, meine Mutter hatte ein blaues Auge", VIOLENCE),
        ("ich suche einen Grund weiterzumachen", SUICIDE),
        ("ich sehe nur die Klinge", SUICIDE),
        ("das Baby hört nicht auf zu schreien, ich habe Angst, dass ich es schüttle", PARENT),
        ("nebenan schreit seit Stunden ein kleines Kind", CHILD),
        ("Mein Mann schlägt mich", VIOLENCE),
        ("ich will nicht mehr leben", SUICIDE),
        # shaking that happened: the baby must see a doctor now (112), a shaken grown-up is violence
        ("mein freund hat das baby geschüttelt weil es so geschrien hat, jetzt ist es ganz schlapp", MEDICAL),
        ("Ich habe meinen Sohn (4 Monate) gestern geschüttelt. Er wirkt normal aber ich hab Angst", MEDICAL),
        ("die kleine wurde von ihm geschüttelt und jetzt trinkt sie nicht mehr", MEDICAL),
        ("er hat mich an den schultern geschüttelt und angeschrien, die kinder standen daneben", VIOLENCE),
        # it did not happen: the overwhelmed parent's numbers
        ("ich hätte sie fast geschüttelt, so fertig war ich", PARENT),
        ("ich habe das baby nicht geschüttelt aber ich war kurz davor", PARENT),
        ("mein baby schreit seit stunden, ich hab angst das ich was schlimmes mache", PARENT),
        ("ich habe Angst vor dem, was ich sonst tun könnte, die Kleine schreit seit 3 Stunden", PARENT),
        ("ich will nicht mehr leben, ich habe heute mein baby geschüttelt", SUICIDE),
        # short of breath for real
        ("mein sohn kriegt kaum luft und die lippen werden blau", MEDICAL),
        ("ich bekomme keine luft mehr, wenn ich mich hinlege, und die brust tut weh", MEDICAL),
        # a protection order broken, a veiled threat against the children
        ("Er darf eigentlich nicht in unsere Nähe, aber seit gestern steht sein Auto wieder vor dem Haus", VIOLENCE),
        ("trotz kontaktverbot ruft er jeden tag an und sagt er holt sich die kinder", VIOLENCE),
        ("Mein Ex steht seit Tagen abends vor der Tür, obwohl er nicht zu uns darf.", VIOLENCE),
        ("wir haben ein annäherungsverbot, das interessiert ihn nicht", VIOLENCE),
        ("Er hat mir geschrieben, dass er genau weiß, wo die Kinder in die Kita gehen", VIOLENCE),
        # a child shut out in the cold, the cold told first
        (
            "Gegenüber sitzt seit Stunden ein Junge im T-Shirt auf der Treppe, 2 Grad. Er sagt er darf nicht rein.",
            CHILD,
        ),
        ("der junge von nebenan steht barfuß im schnee vor der haustür, seine mutter lässt ihn nicht rein", CHILD),
        # thrown out tonight: the numbers that also find a Frauenhaus place at night (116 016)
        ("mein freund hat uns rausgeschmissen, ich steh mit den kindern im regen vor dem haus", VIOLENCE),
        # stop 25: each new rule gives the numbers that fit it
        ("der kleine hat den weichspüler aufgemacht und davon getrunken, jetzt spuckt er", MEDICAL),
        ("im kinderzimmer lag ein zettel von meiner tochter, es tut ihr leid und wir sind nicht schuld", SUICIDE),
        ("mein onkel sagt, es ist unser geheimes spiel und wenn ich es erzähle kommt mama ins gefängnis", CHILD),
        ("wir haben die kommode vor die tür geschoben, er tobt seit einer stunde in der küche", VIOLENCE),
        ("ich hab gemerkt wie ich die kleine fester gepackt hab als gut ist, jetzt sitz ich auf dem balkon", PARENT),
        ("die ärztin hat gefragt ob mich zuhause jemand schlägt, ich hab nein gesagt, er sitzt ja daneben", VIOLENCE),
    ],
)
def test_the_kind_of_danger_chooses_the_numbers(text: str, kind: str) -> None:
    assert danger_kind(text) == kind


@pytest.mark.parametrize(
    "text",
    [
        "Ich kann einfach nicht mehr, keine Lehrstelle",
        "ich bin am ende mit den nerven, die kita hat schon wieder zu",
        "Was schlagen Sie vor?",
        "das Kindergeld ist weg, die Familienkasse zahlt nicht",
        "mein Sohn hat blaue Flecken vom Fußball",
        "die Miete bringt uns noch um",
        "mein kind hat schüttelfrost und fieber",
        "an der klingel steht kein name",
        "Der Lehrer hat nur den Kopf geschüttelt, als ich nach Nachhilfe gefragt habe",
        "die Frau vom Amt hat mit dem Kopf geschüttelt, kein Wohngeld für uns",
        "Kopfschütteln beim Jobcenter, keiner hilft uns",
        "ich hab ihr zur Begrüßung die Hand geschüttelt",
        "Kissen aufgeschüttelt und Betten gemacht, dann kam der Anruf von der Kita",
        "wir haben uns vor Lachen geschüttelt",
        "mein sohn darf nicht rein weil er sein handy vergessen hat haha",
        "die kinder dürfen seit wochen nicht rein in die turnhalle, es ist kalt in der ersatzhalle",
        "ich hab angst dass ich beim antrag was falsch mache",
        # short of breath at a thought; a mother alone with her twins while the father works away ("Montage")
        "die rechnungen stapeln sich, ich krieg kaum luft, wenn ich an die zahlen denke",
        "Nebenan wohnt eine Mama mit Zwillingen, ganz allein, ihr Mann ist auf Montage. Wer kann sie unterstützen?",
        # asking about a protection order, or a father who does not know his children's school, is no danger now
        "wie beantrage ich ein kontaktverbot gegen meinen ex, und wer hilft mir beim antrag?",
        "Er darf nach dem Urteil nicht mehr zu uns, wie regeln wir jetzt den Umgang mit den Kindern?",
        "mein ex weiß nicht mal, wo die kinder zur schule gehen, aber unterhalt zahlt er auch nicht",
        "die lehrerin sagt, dass sie weiß, wo die kinder nachmittags betreut werden können",
    ],
)
def test_everyday_words_that_look_like_danger(text: str) -> None:
    assert danger_kind(text) is None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("das ist doch Kindesmissbrauch", CHILD),
        ("ich habe ihn durchgerüttelt", PARENT),
        ("die Kleine hat Herztabletten geschluckt", MEDICAL),
        ("das Nachbarskind ist seit gestern allein in der Wohnung", CHILD),
    ],
)
def test_the_tail_of_a_compound_is_found_though_patterns_start_at_words(text: str, kind: str) -> None:
    assert danger_kind(text) == kind


@pytest.mark.parametrize(
    "text",
    [
        "meine Schultern sind total verkrampft vom Tragen",
        "blaue Flecken vom Schulsport, ist das normal",
        "die Nebenkosten bringen mich noch um",
        "im Kinofilm wird einer erwürgt, ab wie vielen Jahren ist der",
    ],
)
def test_no_match_in_the_middle_of_a_word_and_compound_heads_of_safe_phrases(text: str) -> None:
    assert danger_kind(text) is None


@pytest.mark.parametrize(
    ("typed", "folded"),
    [("Schüttle", "schuttle"), ("schuettle", "schuttle"), ("Straße  und   Weg", "strasse und weg")],
)
def test_folding_makes_spellings_equal(typed: str, folded: str) -> None:
    assert fold(typed) == folded
