"""German age parser: finds children's ages in what parents really type ("14 monate", "8. klasse")."""

from __future__ import annotations

import re
from dataclasses import dataclass

ADULT_AGE = 21  # "ich bin 16" is a young person asking for themself; "ich bin 35" is a parent
SELF_MIN_AGE = 10  # "ich bin 1 Jahr in Elternzeit", "ich bin 2 mal umgezogen": no child writes at that age
MAX_MONTHS = 48
MAX_WEEKS = 104

NUMBER_WORDS = {
    "null": 0, "eins": 1, "ein": 1, "einem": 1, "einen": 1, "eine": 1, "zwei": 2, "drei": 3,
    "vier": 4, "fünf": 5, "fuenf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10,
    "elf": 11, "zwölf": 12, "zwoelf": 12, "dreizehn": 13, "vierzehn": 14, "fünfzehn": 15,
    "fuenfzehn": 15, "sechzehn": 16, "siebzehn": 17, "achtzehn": 18, "neunzehn": 19, "zwanzig": 20,
    "anderthalb": 1.5, "eineinhalb": 1.5, "zweieinhalb": 2.5, "dreieinhalb": 3.5,
    "viereinhalb": 4.5, "fünfeinhalb": 5.5, "halbes": 0.5,
}  # fmt: skip
ORDINALS = {
    "erste": 1, "zweite": 2, "dritte": 3, "vierte": 4, "fünfte": 5, "fuenfte": 5, "sechste": 6,
    "siebte": 7, "achte": 8, "neunte": 9, "zehnte": 10, "elfte": 11, "zwölfte": 12, "zwoelfte": 12,
    "dreizehnte": 13,
}  # fmt: skip
AGE_WORDS = {
    r"neugeboren(?:e|es|er|en)?": 0.0,
    r"babys?": 0.5,
    r"säuglinge?|saeuglinge?": 0.5,
    r"kleinkind(?:er)?|krippenkind(?:er)?": 2.0,
    r"kindergartenkind(?:er)?|kitakind(?:er)?": 4.5,
    r"vorschulkind(?:er)?": 5.5,
    r"grundschulkind(?:er)?|grundschüler(?:in|innen)?|grundschueler(?:in|innen)?": 8.0,
    r"teenager|teenie": 15.0,
}
# The ages each word above stands for (by its typical value): "Baby, 4 Monate" is one child, not two.
AGE_WORD_RANGES = {0.0: (0, 0.5), 0.5: (0, 1.5), 2.0: (1, 3), 4.5: (3, 6), 5.5: (5, 7), 8.0: (6, 11), 15.0: (12, 19)}
SCHOOL_START_AGE = 5.5  # a child in grade N is about N + 5.5 years old
# "ich (14) bin schwanger", "meine Tochter, 15, ist schwanger": a young mother's own age, not a child's
YOUNG_MOTHER_MIN_AGE = 11
YOUNG_MOTHER_DISTANCE = 30  # characters between her age and "schwanger"
# "9 Jahre, 3. Klasse" is one child: a school grade this close to an age the message states is that child's grade
GRADE_SAME_CHILD_YEARS = 2.0

_WORD_ALTERNATION = "|".join(
    sorted((w for w in NUMBER_WORDS if w not in ("ein", "einem", "einen", "eine")), key=len, reverse=True)
)
_ORDINAL_ALTERNATION = "|".join(sorted(ORDINALS, key=len, reverse=True))
NUM = rf"(?:\d{{1,2}}(?:[.,]5)?|{_WORD_ALTERNATION})"
UNIT_NUM = rf"(?:\d{{1,2}}(?:[.,]5)?|{_WORD_ALTERNATION}|ein|einem|einen|eine)"
UNIT = r"(?:jahren|jahre|jahr|j\.|j\b|monaten|monate|monat|mon\.|wochen|woche)"
CUE = (
    r"(?:ist|is|sind|wird|werden|bin|alter|alter von|mit|von|kindern|kinder|kind|sohn|tochter|junge|jungen"
    r"|mädchen|maedchen|kleiner|kleine|kleinen|kleener|kleene|große|großer|grosse|grosser|großen|grossen|enkel|enkelin"
    r"|kleinste|kleinsten|jüngste|jüngsten|juengste|juengsten|älteste|ältesten|aelteste|aeltesten|mittlere|mittleren"
    r"|zwillinge|sohnemann"
    # English, the families' most frequent other language: "my son is 4", "our kids (2 and 5)", "kids are 2 and 5"
    r"|(?:kids|kid|son|daughter|child|children|boy|girl|twins|grandson|granddaughter|little one)(?: are)?)"
)
FILLER = r"(?:(?:gerade|erst|schon|bald|jetzt|fast|knapp|ca\.?|circa|etwa|ungefähr|ungefaehr|noch)\s+)*"
NOT_AGE_BEFORE = re.compile(
    r"(?:\b(?:seit|vor|in|nach|innerhalb|alle|für|fuer|um|ab|bis|unter|über|ueber|schon seit|letzten"
    r"|nächsten|naechsten|wegen)|\d\s*[-–])\s*$"
)
NOT_AGE_AFTER = re.compile(
    r"^\s*(?:uhr|euro|eur\b|€|%|prozent|kinder|mal|minuten|stunden|tage|tagen"
    r"|zu hause|zuhause|lang|her|später|spaeter|bis\b|\.\s*woche"
    # "wir sind 4 Personen": a head count; "2 Monate Miete", "3 Jahre Wartezeit": money and time owed or waited
    r"|personen|person\b|leute|erwachsene|menschen|köpfe|koepfe"
    r"|miete|mieten\b|rückstand|rueckstand|schulden|lohn|gehalt|kindergeld|elterngeld|elternzeit|warte|arbeitslos"
    r"|probezeit|kündigungsfrist|kuendigungsfrist|frist"
    # "draußen sind 2 Grad", "sie ist 3 Kilo leichter": measures
    r"|grad\b|°|kilo|kg\b|gramm|zentimeter|cm\b|meter\b|km\b|liter\b|stück|stueck|seiten\b|punkte)"
)
ARTICLES = ("ein", "eine", "einen", "einem")
ARTICLE_AGE_CUE = re.compile(rf"{CUE}\s+{FILLER}$")
SELF_BEFORE = re.compile(rf"\bich\s+bin\s+{FILLER}$")
# "bin schwanger 7 monat", "schwanger, im 5. Monat", "schwanger seit 10 wochen": how far the pregnancy is, not a child
PREGNANCY_BEFORE = re.compile(r"schwanger\w*[\s,.:;-]+(?:(?:im|in der|seit|jetzt|erst|schon|ca\.?|etwa)\s+){0,2}$")

# digits with the year and month words of the families' other languages (issue 11):
# "he is 4 years old", "йому 4 роки", "4 yaşında", "عمره 4 سنوات", "7 months", "8 місяців", "6 aylık", "5 أشهر"
FOREIGN_YEARS = r"(?:years?|yrs?|y\.?o\.?|рок\w*|рік|р\.|ya[sş]\w*|سنة|سنوات|سنين|سنه|سنتين)"
FOREIGN_MONTHS = r"(?:months?|mos?\b|місяц\w*|міс\.|aylık|aylik|ay\b|شهر\w*|اشهر|أشهر)"
FOREIGN = re.compile(rf"(?<![\d.,])(\d{{1,2}}(?:[.,]5)?)\s*({FOREIGN_YEARS}|{FOREIGN_MONTHS})(?!\w)")
FOREIGN_MONTH = re.compile(FOREIGN_MONTHS)
# "3 years ago", "for 2 years", "3 роки тому", "2 yıl önce", "منذ 3 سنوات": time, not an age
FOREIGN_NOT_AGE_BEFORE = re.compile(r"(?:\b(?:for|since|від|вже|уже|протягом|за)|منذ|من)\s*$")
FOREIGN_NOT_AGE_AFTER = re.compile(r"^\s*(?:ago|тому|önce|once|before)\b")
# Eastern Arabic and Persian digits as typed on Arabic keyboards: "٤" is 4
DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # "schwanger", and in the families' other languages: "pregnant", "вагітна", "беременна", "hamileyim", "حامل"
    ("pregnancy", re.compile(
        r"\b(?:schwangerschaft|schwangere[nr]?|schwanger|pregnan(?:t|cy)|вагітн\w*|беременн\w*|hamile\w*"
        r"|[وف]?حامل[ةه]?)\b"
    )),
    ("grade", re.compile(rf"\b(?:(\d{{1,2}})\.?\s*klasse|klasse\s*(\d{{1,2}})\b|({_ORDINAL_ALTERNATION})n?\s+klasse)")),
    ("compound", re.compile(rf"\b({NUM})[\s-]?(jährig|jaehrig|monatig)\w*")),
    ("unit", re.compile(rf"\b(?:(halbes)\s+jahr|({UNIT_NUM})\s*({UNIT}))(?!\w)")),
    ("foreign", FOREIGN),
    ("word", re.compile(r"\b(" + "|".join(AGE_WORDS) + r")\b")),
    ("self", re.compile(rf"\bich\s+bin\s+{FILLER}({NUM})\b(?!\s*\.)")),
    ("cue", re.compile(rf"\b{CUE}\W{{0,3}}{FILLER}({NUM})\b(?![.,]\d)")),
    ("only", re.compile(rf"^\W*{FILLER}({NUM})(?=\W*$|\s*(?:,|und|and|&)\s*{NUM}\W*$)")),
    # shorthand of staff and hurried parents: "lernförderung 8", "kita 4?"
    ("trailing", re.compile(r"^[^\d]*[a-zäöüß]\s+(\d{1,2})\W*$")),
]  # fmt: skip
LIST_CONTINUATION = re.compile(rf"^\s*(?:,|und|u\.|and|&|\+)\s*({NUM})(?:\s*({UNIT}))?\b")


@dataclass(frozen=True)
class AgeMention:
    """One age found in a message: character span and value in years."""

    start: int
    end: int
    value: float
    kind: str


def _number(token: str) -> float:
    token = token.lower()
    if token in NUMBER_WORDS:
        return float(NUMBER_WORDS[token])
    return float(token.replace(",", "."))


def _in_years(amount: float, unit: str) -> float:
    if unit.startswith("mon"):
        return round(amount / 12, 2)
    if unit.startswith("woche"):
        return round(amount / 52, 2)
    return amount


def _plausible(value: float, unit: str) -> bool:
    if unit.startswith("mon"):
        return value * 12 <= MAX_MONTHS
    if unit.startswith("woche"):
        return value * 52 <= MAX_WEEKS
    return 0 <= value <= ADULT_AGE


def _match_value(kind: str, match: re.Match[str], text: str) -> tuple[int, int, float] | None:
    """Span and value for one regex match, or None when the context says it is no age."""
    if kind == "pregnancy":
        return match.start(), match.end(), 0.0
    if kind == "grade":
        grade_text = match.group(1) or match.group(2)
        grade = int(grade_text) if grade_text else ORDINALS[match.group(3)]
        return (match.start(), match.end(), grade + SCHOOL_START_AGE) if 1 <= grade <= 13 else None
    if kind == "foreign":
        if FOREIGN_NOT_AGE_BEFORE.search(text[: match.start()]) or FOREIGN_NOT_AGE_AFTER.match(text[match.end() :]):
            return None
        unit = "monat" if FOREIGN_MONTH.fullmatch(match.group(2)) else "jahr"
        value = _in_years(_number(match.group(1)), unit)
        return (match.start(1), match.end(), value) if _plausible(value, unit) else None
    if kind == "word":
        word = match.group(1)
        value = next(v for pattern, v in AGE_WORDS.items() if re.fullmatch(pattern, word))
        return match.start(), match.end(), value
    if kind == "compound":
        unit = "monat" if match.group(2) == "monatig" else "jahr"
        value = _in_years(_number(match.group(1)), unit)
        return (match.start(), match.end(), value) if _plausible(value, unit) else None
    if kind == "unit":
        if match.group(1):
            return match.start(1), match.end(), 0.5
        if NOT_AGE_BEFORE.search(text[: match.start()]) or NOT_AGE_AFTER.match(text[match.end() :]):
            return None
        number_text, unit = match.group(2), match.group(3)
        is_age = ARTICLE_AGE_CUE.search(text[: match.start()]) or text[match.end() :].lstrip().startswith("alt")
        if number_text in ARTICLES and not is_age:  # "ich warte schon ein jahr": a duration
            return None
        value = _in_years(_number(number_text), unit)
        if value < SELF_MIN_AGE and SELF_BEFORE.search(text[: match.start()]):  # "ich bin 5 Monate schwanger"
            return None
        if unit.startswith(("mon", "woch")) and PREGNANCY_BEFORE.search(text[: match.start()]):
            return None
        return (match.start(), match.end(), value) if _plausible(value, unit) else None
    # a bare number: only with an age cue and no sign of time, money or counting
    start, end = match.span(1)
    if NOT_AGE_AFTER.match(text[end:]) or NOT_AGE_BEFORE.search(text[:start]):
        return None
    value = _number(match.group(1))
    if kind == "self" and value < SELF_MIN_AGE:
        return None
    return (start, end, value) if _plausible(value, "jahr") else None


def find_ages(text: str) -> list[AgeMention]:
    """All age mentions in `text`, in reading order, never overlapping; parents' own ages left out."""
    lowered = text.lower().translate(DIGITS)
    taken: list[AgeMention] = []
    for kind, pattern in PATTERNS:
        for match in pattern.finditer(lowered):
            found = _match_value(kind, match, lowered)
            if found is None:
                if kind == "self":  # "ich bin 35": a parent; its number must not count elsewhere
                    taken.append(AgeMention(match.start(1), match.end(1), -1, "parent"))
                continue
            start, end, value = found
            if any(start < m.end and m.start < end for m in taken):
                continue
            taken.append(AgeMention(start, end, value, kind))
    mentions = sorted((m for m in taken if m.kind != "parent"), key=lambda m: m.start)
    children = _without_words_for_a_named_age(_without_young_mothers(_with_list_continuations(lowered, mentions)))
    return _without_grades_for_a_named_age(children)


def _without_grades_for_a_named_age(mentions: list[AgeMention]) -> list[AgeMention]:
    """Drops a school grade when the same message gives an age that fits it ("9 Jahre, 3. Klasse")."""

    def named(grade: AgeMention) -> bool:
        return any(
            m.kind not in ("grade", "word") and abs(m.value - grade.value) <= GRADE_SAME_CHILD_YEARS for m in mentions
        )

    return [m for m in mentions if m.kind != "grade" or not named(m)]


def _without_words_for_a_named_age(mentions: list[AgeMention]) -> list[AgeMention]:
    """Drops "Baby" when the same message gives that baby's age ("Baby 4 Monate", "schwanger … Baby")."""

    def named(word: AgeMention) -> bool:
        low, high = AGE_WORD_RANGES[word.value]
        return any(m.kind != "word" and low <= m.value <= high for m in mentions)

    return [m for m in mentions if m.kind != "word" or not named(m)]


def _without_young_mothers(mentions: list[AgeMention]) -> list[AgeMention]:
    """Drops the age of a pregnant girl or young woman next to "schwanger": the child is the baby (0)."""
    pregnancies = [m for m in mentions if m.kind == "pregnancy"]
    return [
        m
        for m in mentions
        if not (
            m.kind != "pregnancy"
            and YOUNG_MOTHER_MIN_AGE <= m.value <= ADULT_AGE
            and any(min(abs(p.start - m.end), abs(m.start - p.end)) <= YOUNG_MOTHER_DISTANCE for p in pregnancies)
        )
    ]


def _with_list_continuations(text: str, mentions: list[AgeMention]) -> list[AgeMention]:
    """'3 und 6', '2, 5 und 7 jahre': further children after a found age."""
    result: list[AgeMention] = []
    for mention in mentions:
        result.append(mention)
        end = mention.end
        # "schwanger, 6. Monat": what follows a pregnancy is how far it is, not another child
        while mention.kind != "pregnancy" and (match := LIST_CONTINUATION.match(text[end:])):
            start = end + match.start(1)
            stop = end + match.end()
            if any(start < m.end and m.start < stop for m in mentions) or NOT_AGE_AFTER.match(text[stop:]):
                break
            unit = match.group(2) or "jahr"
            value = _in_years(_number(match.group(1)), unit)
            if not _plausible(value, unit):
                break
            result.append(AgeMention(start, stop, value, "list"))
            end = stop
    return result
