"""The German age parser on what parents really type."""

from __future__ import annotations

import pytest

from bot.nlu.ages import find_ages


def ages(text: str) -> list[tuple[str, float]]:
    return [(text[m.start : m.end], m.value) for m in find_ages(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mein Sohn ist 4 und wir suchen einen Kitaplatz", [("4", 4.0)]),
        ("sie ist vier", [("vier", 4.0)]),
        ("meine tochter ist zwölf", [("zwölf", 12.0)]),
        ("anderthalb", [("anderthalb", 1.5)]),
        ("er ist anderthalb jahre", [("anderthalb jahre", 1.5)]),
        ("14 Monate", [("14 Monate", 1.17)]),
        ("6 wochen alt", [("6 wochen", 0.12)]),
        ("unser 2-jähriger", [("2-jähriger", 2.0)]),
        ("vierjährige tochter", [("vierjährige", 4.0)]),
        ("wir haben ein Baby", [("Baby", 0.5)]),
        ("sie geht in die 8. Klasse", [("8. Klasse", 13.5)]),
        ("achte klasse", [("achte klasse", 13.5)]),
        ("Grundschulkind", [("Grundschulkind", 8.0)]),
        ("Kindergartenkind", [("Kindergartenkind", 4.5)]),
        ("ich bin schwanger", [("schwanger", 0.0)]),
        ("ich bin 16 und suche eine ausbildung", [("16", 16.0)]),
        ("ich bin 35 und mein sohn ist 4", [("4", 4.0)]),
        ("3 und 6", [("3", 3.0), ("6", 6.0)]),
        ("kinder sind 2 und 7 jahre alt", [("2", 2.0), ("7 jahre", 7.0)]),
        ("und für meine Tochter, 12?", [("12", 12.0)]),
        ("1,5 jahre", [("1,5 jahre", 1.5)]),
        ("mei kleener is 2", [("2", 2.0)]),
        ("sie ist ein jahr alt", [("ein jahr", 1.0)]),
        ("lernförderung 8", [("8", 8.0)]),
        ("kita 4?", [("4", 4.0)]),
        # a young mother's own age is not the child's: the child is the baby
        ("ich (14) bin schwanger", [("schwanger", 0.0)]),
        ("meine Tochter, 15, ist schwanger", [("schwanger", 0.0)]),
        ("ich bin schwanger und mein Sohn ist 4", [("schwanger", 0.0), ("4", 4.0)]),
        ("meine Kinder sind 13, 11 und 4", [("13", 13.0), ("11", 11.0), ("4", 4.0)]),
        # a word and a number for the same child are one child; for two children, two
        ("ich allein mit Baby 4 monat", [("4 monat", 0.33)]),
        ("ich bin schwanger, das Baby kommt im Mai", [("schwanger", 0.0)]),
        # how far the pregnancy is, typed after it, is no child ("Kind mit 0.58 Jahren" was offered a search)
        ("bin schwanger 7 monat und mein freund hat mich rausgeworfen", [("schwanger", 0.0)]),
        ("schwanger seit 10 wochen", [("schwanger", 0.0)]),
        ("ich bin schwanger, 6. Monat, und mein Sohn ist 3", [("schwanger", 0.0), ("3", 3.0)]),
        ("schwanger und die Kleine ist 7 Monate alt", [("schwanger", 0.0), ("7 Monate", 0.58)]),
        # the older, the youngest, the middle one: "Kita für meinen Großen (4)" was searched for the baby only
        ("Kita für meinen Großen (4), die Kleine ist erst 7 Monate", [("4", 4.0), ("7 Monate", 0.58)]),
        ("meine älteste ist 13 und der jüngste 3", [("13", 13.0), ("3", 3.0)]),
        ("ich bin 5 Monate schwanger und habe schon 2 Kinder, 3 und 5", [("schwanger", 0.0), ("3", 3.0), ("5", 5.0)]),
        ("wir sind 4 Personen, meine Kinder sind 4 und 7", [("4", 4.0), ("7", 7.0)]),
        ("mein sohn ist 4 und hat 39 grad fieber", [("4", 4.0)]),
        ("gekündigt wegen 2 Monate Miete, mein Sohn ist 6", [("6", 6.0)]),
        ("wir haben ein Baby und einen 5-jährigen", [("Baby", 0.5), ("5-jährigen", 5.0)]),
        ("Grundschulkind, 8 Jahre", [("8 Jahre", 8.0)]),
        # an age and the grade that fits it are one child; a grade far from it is a second child
        ("meine tochter 9 jahre, 3. klasse, sie kann nich gut lesen", [("9 jahre", 9.0)]),
        ("Er ist in der 6. Klasse und 12 Jahre alt", [("12 Jahre", 12.0)]),
        ("Meine Tochter ist 9 und mein Sohn geht in die 8. Klasse", [("9", 9.0), ("8. Klasse", 13.5)]),
    ],
)
def test_ages_are_found_with_their_span(text: str, expected: list[tuple[str, float]]) -> None:
    assert ages(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "wir sind seit 3 jahren in deutschland",
        "in der 20. woche",
        "ich warte schon ein jahr auf einen platz",
        "offen von 9 bis 12 uhr",
        "ich war 6 jahre zu hause",
        "ich habe 3 kinder",
        "die klassenfahrt kostet 25 euro",
        "ich bin 38",
        "schreibaby",
        "babyausstattung",
        "sprachkurs a2",
        "vorsorge u7",
        "aus 50 Euro wurden 400",
        "vor 1,5 Jahren angemeldet",
        "seit 2 wochen essen wir nur nudeln",
        "er hat um 12 Schluss",
        "die 7b fährt an die Nordsee",
        "wir sind 4 Personen in 2 Zimmern",
        "der Vermieter hat gekündigt wegen 2 Monate Miete",
        "uns fehlen 2 Monate Miete",
        "nach 3 Jahre Wartezeit immer noch nichts",
        "mein Mann hat 2 Monate Lohn nicht bekommen",
        "ich bin noch 1 Jahr in Elternzeit, danach will ich arbeiten",
        "ich bin noch ein Jahr in Elternzeit",
        "draußen sind 2 Grad und die Kinder haben keine Winterjacken",
        "die Kleine ist 3 Kilo zu leicht, sagt die Ärztin",
        "der Schulweg ist 4 km lang",
    ],
)
def test_numbers_that_are_no_child_ages_are_ignored(text: str) -> None:
    assert ages(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my son is 4 years old and needs a kindergarten", [4.0]),
        ("Шукаємо садок для сина, йому 4 роки", [4.0]),
        ("Oğlumuz 4 yaşında, kreş arıyoruz", [4.0]),
        ("ابني عمره ٤ سنوات", [4.0]),  # Eastern Arabic digit
        ("ابنتي عمرها 6 سنوات وتحتاج مساعدة", [6.0]),
        ("the baby is 6 months", [0.5]),
        ("донечці 6 місяців", [0.5]),
        ("6 aylık bebeğim var", [0.5]),
        ("I am pregnant and we have no midwife", [0.0]),
        ("I'm 16 years old and pregnant, what can I do", [0.0]),  # a young mother, the child is the baby
        ("Я вагітна, шукаю акушерку", [0.0]),
        ("Hamileyim ve ebe arıyorum", [0.0]),
        ("أنا حامل وأبحث عن قابلة", [0.0]),
        ("we moved here 3 years ago", []),
        ("we waited for 2 years", []),
        ("2 yıl önce geldik", []),
        ("منذ 3 سنوات نعيش هنا", []),
        # English without "years": a child word before the number, and lists with "and"
        ("we moved with our two kids (2 and 5), who do I ask for a Kita?", [2.0, 5.0]),
        ("my son is 4 and my daughter 7", [4.0, 7.0]),
        ("our kids are 2 and 5", [2.0, 5.0]),
        ("My daughter 9 loves to dance", [9.0]),
        ("we are 5 people and my son got 2 bad marks", []),
    ],
)
def test_ages_in_the_other_languages(text: str, expected: list[float]) -> None:
    assert [m.value for m in find_ages(text)] == expected
