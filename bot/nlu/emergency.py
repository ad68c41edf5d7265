"""Danger to life, body or a child, found by rule — also when it is only hinted at.

Parents rarely write "Gewalt" or "Suizid". They write "manchmal rutscht ihm die Hand aus", "ich suche einen
Grund weiterzumachen", "ich habe Angst, dass ich es schüttle". The rules below know such phrasings and say
which kind of danger it is, so the bot gives the fitting numbers first (see `utter_emergency` in domain.yml).

Text and patterns are compared in a folded form (lower case, umlauts and ß spelled out as a/o/u/ss, runs of
white space as one), so "schüttle", "schuettle" and "schuttle" are the same word here.
A false alarm costs a family one extra message; a missed emergency can cost far more, so the rules lean
towards alarm, but exhaustion alone ("ich kann nicht mehr", "bin am Ende") is no emergency: that family
gets help for its need.
"""

from __future__ import annotations

import re

VIOLENCE, SUICIDE, PARENT, CHILD, MEDICAL = "violence", "suicide", "parent_overwhelmed", "child_danger", "medical"
EMERGENCY_TYPES = (VIOLENCE, SUICIDE, PARENT, CHILD, MEDICAL)

_FOLD = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss", "’": "'"})


def _fold_letters(text: str) -> str:
    text = text.translate(_FOLD)
    return re.sub(r"(?<=[aou])e", "", text)  # ae/oe/ue as typed without umlauts


def fold(text: str) -> str:
    """Lower case, umlauts folded ('schüttle', 'schuettle' -> 'schuttle'), white space collapsed."""
    return re.sub(r"\s+", " ", _fold_letters(text.lower()))


def _pattern(source: str) -> re.Pattern[str]:
    """A pattern written in plain German, folded like the text (letters only: \\W stays \\W)."""
    return re.compile(_fold_letters(source))


PERSON = (
    r"(?:er|sie|mann|ex|freund|partner|vater|papa|stiefvater|stiefmutter|mutter|mama|bruder|onkel|opa"
    r"|schwiegervater|lebensgefahrte|typ)"
)
ME_US = r"(?:mich|mir|uns|die kinder|den kindern|mein\w*|unser\w*|sie|ihn|ihr|ihm)"

PATTERNS: dict[str, tuple[str, ...]] = {
    VIOLENCE: (
        rf"schl[aä]g\w* {ME_US}",
        rf"\b(?:haut|hauen|verprugelt|prugelt|schubst|schubsen|stosst|tritt|treten|wurgt|wurgen|packt) {ME_US}",
        r"(?:hat|hatte|haben) (?:mich|uns|mein\w*(?: \w+)?|sie|ihn|die kinder) (?:geschlagen|verprugelt|geschubst|"
        r"getreten|gewurgt|geohrfeigt|gestossen|verletzt)",
        r"(?:werde|wurde|wird|werden|worden) (?:wieder |oft |immer )?(?:geschlagen|verprugelt|getreten|gewurgt)",
        r"(?:bringt|bringe|bring|bringen) (?:mich|uns|ihn|sie|es|mein\w*) um",
        rf"(?:will|wollen|droht|drohen|drohte) {ME_US} .{{0,20}}(?:um(?:zu)?bringen|toten|abstechen|kaputt ?machen)",
        r"mit (?:dem|einem) messer|messer (?:an|gegen)",
        r"angst um (?:mein|unser) leben",
        # euphemisms: the hand that "slips", bruises, a black eye, things thrown, fear of coming home
        r"hand\b.{0,25}(?:rutsch|ausgerutscht|ausrutsch|locker)|(?:rutsch|verrutsch)\w* .{0,25}hand",
        r"hand (?:gegen|erhoben|erhebt)|die hand erhoben",
        rf"{PERSON}\b.{{0,60}}(?:blaue[ns]? (?:auge|flecke?n?)|veilchen|blutige lippe)",
        r"(?:blaue[ns]? (?:auge|flecke?n?)|veilchen|blutige lippe).{0,60}\b(?:von ihm|von ihr|wieder|schon wieder|"
        r"versteckt|verstecke|schminke|uberschminke|angst|wenn er|wenn sie|er hat|sie hat)",
        r"(?:fliegen|wirft|werfen|schmeisst|schmeissen|flogen)\b.{0,30}(?:sachen|teller|glaser|gegenstande|"
        r"stuhle|flaschen|durch die (?:wohnung|kuche|gegend))",
        rf"angst vor (?:ihm|meinem (?:mann|freund|vater|ex|partner|stiefvater)|papa|meiner mutter|{PERSON}\b)",
        r"(?:traue?|trau) mich nicht (?:mehr )?(?:nach hause|heim)",
        r"(?:eingesperrt|sperrt (?:mich|uns|die kinder) ein)",
        r"(?:hausliche|korperliche) gewalt",
        r"wenn (?:er|sie) (?:getrunken|betrunken|sauer|wutend) ist.{0,60}(?:angst|verstecken|weh|schlimm)",
        r"an den haaren|(?:kopf|gesicht) gegen (?:die|den|eine|einen) (?:wand|tür|heizung|tisch|schrank)",
        r"gegen (?:die|den) (?:wand|heizung|tür|schrank) (?:geschubst|gestoßen|geschleudert|gedrückt|geworfen)",
        r"(?:drückt|drückte|schnürt|nimmt) mir .{0,20}(?:luft|hals|kehle)|luft ab(?:drückt|gedrückt)?\b|würgt|gewürgt",
        r"(?:droht|drohte|gedroht)\w* .{0,40}(?:anzutun|antun|umzubringen|umbringen|wehzutun|weh zu tun|töten|"
        r"kinder (?:mit)?zunehmen|kinder wegzunehmen)",
        r"\b(?:er|mann|freund|partner|vater|papa)\b.{0,30}(?:völlig |total |komplett )?außer sich",
        r"(?:flecken|striemen|würgemale|abdrücke).{0,30}(?:wo er|wo sie|von ihm|von ihr|festhält|festgehalten)",
        r"(?:hebt|hob|erhebt) (?:die|seine|ihre) hand|hand (?:hebt|hob)|eine (?:gefangen|geknallt|gescheuert|geklebt)|"
        r"ohrfeige",
        r"(?:trinkt|trinken|betrunken|besoffen|getrunken)\b.{0,40}"
        r"(?:schlag|schläg|haut|hauen|prügel|gewalt|aggressiv)",
        r"(?:möbel|sachen|teller|flaschen) (?:fliegen|flogen)",
        r"(?:liegt|lag) (?:auf dem|am) boden.{0,40}(?:schreit|er|sie)",
        r"(?:er|sie) .{0,30}(?:liegt|lag) (?:auf dem|am) boden",
        r"(?:traue?|trau) mich nicht (?:mehr )?(?:rein|zurück|ins haus|in die wohnung)",
        r"platzwunde",
        r"hoffen,? (?:dass|das) er (?:gute laune|nicht wütend|nicht betrunken|ruhig)",
    ),
    SUICIDE: (
        r"suizid|selbstmord|lebensmud|freitod",
        r"(?:nicht|nich|nimmer) mehr (?:leben|da sein|dasein|hier sein|aufwachen|weiterleben|existieren)",
        r"(?:will|mochte|mocht|werde|wurde am liebsten|wurde gern) (?:sterben|tot sein)",
        r"(?:mich|mir) (?:umbringen|das leben nehmen|etwas antun|was antun|was an tun)",
        r"(?:mir|mich) .{0,10}(?:antun|an tun)\b",
        r"grund,? (?:weiter ?zu ?machen|weiterzumachen|zu leben|am leben zu bleiben|aufzustehen)",
        r"(?:ich sehe?|mein leben hat|das leben hat) (?:einfach )?keinen sinn mehr|(?:hat|macht) alles keinen sinn",
        r"(?:sinn|lohnt) .{0,20}(?:leben|weiterleben|weitermachen)",
        r"(?:einschlafen|schlafen|einschlaf\w*) und nie(?:mals)? (?:wieder|mehr) aufwach",
        r"(?:besser|leichter|besser dran) ohne mich|ohne mich (?:besser|leichter)",
        r"(?:allem|dem ganzen|meinem leben) ein ende|mit allem schluss",
        r"(?:will|mocht\w*|werde) (?:einfach )?alles beenden",
        r"fur immer (?:weg|verschwinden|einschlafen)|(?:verschwinden|weg sein) fur immer",
        r"abschiedsbrief|(?:tabletten|pillen) (?:gesammelt|sammeln|gehortet|horte)",
        r"(?:brucke|dach|fenster|balkon|hochhaus)\b.{0,30}(?:springen|runter)|vor (?:den|einen) zug|auf die gleise",
        # self-harm
        r"\bklinge\b|rasierklinge|\britz(?:t|en|e mich|e sich|t sich)\b|\bgeritzt|selbstverletz",
        r"schneide? (?:mich|sich)|schneidet sich|(?:mich|sich) (?:selbst )?(?:schneiden|verletzen)",
        r"narben .{0,30}(?:arm|arme|armen|bein|handgelenk)|(?:arm|arme|armen|handgelenk)\w* .{0,30}narben",
        r"lieber tot|tot sein wollen|(?:wäre|wär|bin) (?:dann )?(?:lieber |besser )?tot\b",
        r"schluss mit allem|mit allem schluss|allem ein ende",
        r"plan .{0,30}(?:wie ich (?:gehe|sterbe|es mache)|mich umzubringen|zu sterben)",
        r"wie ich (?:am besten )?(?:sterbe|gehe)\b",
        r"schlaftabletten|(?:packung|alle|die ganzen) tabletten .{0,40}(?:vor mir|nehmen|schlucken|liegen)",
        r"(?:wie hoch|hoch ist) .{0,25}brücke|brücke .{0,30}(?:springen|runter|hinunter|hinab)",
        r"(?:niemand|keiner) (?:würde|wird) mich vermissen|mich (?:würde|wird) (?:niemand|keiner) vermissen",
        r"(?:schon |bereits )?alles geregelt|(?:lieblings)?sachen verschenkt|verschenkt (?:seine|ihre|meine) sachen",
        r"vor (?:ein|einen|den|die) (?:auto|zug|lkw|bus|bahn) (?:zu )?(?:laufen|springen|werfen|legen)",
        r"ins wasser (?:zu )?gehen|in die leine (?:zu )?(?:gehen|springen)",
        r"\bstrick\b|aufhängen|aufzuhängen|erhängen",
        r"(?:besser|leichter) (?:dran )?(?:ohne mich|mit einer anderen)|mit einer anderen (?:mama|mutter|mutti) besser",
        r"(?:arme?|haut|beine?) (?:auf)?(?:kratz|schneid|ritz)|kratze? (?:mir|mich) .{0,15}(?:arme|haut|blut)|"
        r"bis (?:es )?blut kommt|schnitte (?:am|an den|auf)|mit (?:einer|der) scherbe|verbrenne? mich",
        r"alles keinen sinn|keinen sinn (?:mehr )?zu leben|leben (?:hat )?keinen sinn",
        r"(?:bald|dann|morgen) nicht mehr da (?:bin|ist|sein)|nicht mehr da sein werde",
        r"(?:dunkel|schwarz)\b.{0,40}(?:nicht mehr aufwachen|ins wasser|gehen will|verschwinden)",
    ),
    PARENT: (
        r"schuttel|schuttl",
        r"angst,? (?:dass|das) ich (?:ihm|ihr|ihn|es|sie|dem baby|meinem kind|den kindern|das baby|mein kind)?"
        r".{0,30}(?:weh ?tu|was an ?tu|etwas an ?tu|verletz|schlag|haue|kontrolle|vergesse)",
        r"(?:sonst|fast|beinahe) (?:hatte|hatt|tu|mach|mache|hat) ich (?:ihm|ihr|dem baby|dem kind|es|ihn)"
        r"? ?(?:was|etwas|weh|geschlagen|geschuttelt)",
        r"(?:kissen|decke) (?:auf|aufs|uber) (?:das|sein|ihr)? ?(?:gesicht|baby)",
        r"(?:verliere|verlier) (?:gleich |bald )?die (?:kontrolle|beherrschung)",
        r"ich (?:habe|hab) (?:mein\w* (?:kind|baby|sohn|tochter)|es|ihn|sie) (?:geschlagen|gestossen|geschuttelt)",
        r"(?:werfe|schmeiss|schmeisse) (?:es|das baby|ihn|sie) (?:gleich )?(?:aus dem|an die|gegen)",
        r"gerüttelt|rüttel|viel zu fest (?:angefasst|gepackt|gedrückt|gehalten)|zu fest gepackt",
        r"gewalttätig (?:werde|zu meinem|gegen mein)|(?:werde|bin) (?:gleich |bald )?gewalttätig",
        r"sonst passiert (?:heute |gleich |noch |bald )?(?:nacht )?(?:was|etwas)|sonst (?:würde|werde|tu|tue) ich "
        r".{0,15}(?:weh|was an|etwas an|wehtun)",
        r"angst vor mir(?: selbst)?\b",
        r"(?:baby|kind|ihn|sie|es)\b.{0,30}fallen (?:zu )?lassen",
        r"(?:schon|fast|beinahe) (?:zu)?geschlagen|ins gesicht (?:geschlagen|gehauen)|hab (?:schon )?zugeschlagen",
        r"hand auf (?:den|seinen|ihren) mund|mund zugehalten",
        r"(?:ins zimmer|aufs sofa|aufs bett|in die ecke|auf den boden) (?:geschubst|geschmissen|geworfen|gestoßen)",
        r"nicht (?:mehr )?für (?:mich|sich) garantieren",
        r"(?:halte|halt|ertrage) (?:mein kind|meine kinder|das baby|ihn|sie) nicht mehr aus",
        r"(?:meine )?hände (?:machen|tun) (?:sachen|dinge)",
    ),
    CHILD: (
        r"missbrauch|missbraucht|vergewaltig|sexuell\w* (?:ubergriff|belastig|angefasst)",
        r"(?:fasst|fasste|anfassen|angefasst|beruhrt|beruhren) .{0,30}(?:unsittlich|intim|unterhose|zwischen die"
        r" beine|privat|wo er nicht|wo sie nicht|geschlechtsteil)",
        rf"{PERSON}\b.{{0,30}}(?:fasst|fasste) (?:mein\w*|mich|sie|ihn) (?:an|unsittlich)",
        r"(?:nacktbilder|nacktfotos|nackt ?fotos|pornos?) .{0,40}(?:kind|tochter|sohn|ihr|ihm|geschickt|zeigt)",
        r"(?:nebenan|nachbar\w*|gegenüber|über uns|unter uns|über mir|unter mir|von oben|von unten|im haus"
        r"|nebenwohnung|hausflur|treppenhaus)\b.{0,80}"
        r"(?:schreit|schreien|brüllt|weint|wimmert|ruft|allein|alleine|schlägt|geschlagen|hunger|verwahrlos|klatscht"
        r"|nichts zu essen|nix zu essen|gebettelt|bettelt|fliegen)"
        r".{0,60}(?:stunden|tagen|tage|seit|nacht|immer|jeden tag|niemand|keiner|kind|baby|klein|mama)",
        r"(?:kind|kinder|kleinkind|baby|kleine|kleinen|junge|mädchen|jährige\w*)\b.{0,80}"
        r"(?:\balleine?\b|ohne (?:erwachsene|eltern)|keiner (?:macht auf|kommt)|niemand (?:ist |war )?(?:da|zu sehen|"
        r"kommt|macht auf|reagiert))"
        r".{0,60}(?:seit|stunden|tage|nacht|wohnung|treppenhaus|hausflur|tür|fenster|wasser|kalt|straße)",
        r"\b(?:seit|stunden|tage|nacht)\b.{0,60}(?:kind|kinder|kleinkind|baby|kleine)\b.{0,40}(?:\balleine?\b|"
        r"ohne (?:erwachsene|eltern))",
        r"(?:darf|soll|sollen) (?:es )?(?:nicht|niemandem|keinem) (?:erzählen|sagen|verraten)|unser geheimnis",
        r"(?:ohne kleidung|nackt\w*) .{0,30}(?:anfass|angefasst|fotos|bilder|zeigt)|(?:bilder|fotos|nachrichten) "
        r".{0,20}(?:von sich|nackt)",
        r"mit zigaretten|verbrannt wird|brandwunden|brandmale",
        r"(?:halb )?aus dem (?:offenen )?fenster|kinderwagen mit baby|baby drin und (?:keiner|niemand)",
        r"haut und knochen|um (?:brot|essen) (?:angebettelt|gebettelt)",
        r"fremde[rn]? (?:mann|frau|typ) .{0,60}(?:kinder|kind|schulweg|auto)|in sein auto (?:zu )?steigen",
        r"(?:aus dem internet|online kennengelernt).{0,80}(?:trifft|treffen|geld|geschenke|geheim|erzählen)|"
        r"trifft sich mit (?:einem|einer) erwachsenen",
        r"unterwäsche .{0,40}(?:treppenhaus|draußen|straße|nachts)",
        r"(?:kind|kinder|kleine|kleinen|baby|sauglin)\w*.{0,40}(?:seit (?:gestern|tagen|stunden)|tagelang|nachts)"
        r" .{0,20}(?:allein|alleine|ohne (?:eltern|erwachsene|essen))",
        r"(?:allein|alleine) gelassen.{0,40}(?:seit|tage|nacht|stunden)|verwahrlos",
        r"(?:kind|sohn|tochter|baby) (?:ist )?(?:weg|verschwunden|entfuhrt)\b|will mein kind mitnehmen",
    ),
    MEDICAL: (
        r"atmet (?:nicht|kaum|ganz komisch)|bewusstlos|reagiert nicht mehr|nicht ansprechbar|krampf(?:t|anfall)",
        r"(?:tabletten|medikamente|putzmittel|gift|reiniger) (?:geschluckt|getrunken|gegessen|genommen)|vergiftet",
        r"blutet (?:stark|sehr)|notarzt|krankenwagen|rettungswagen|allergischer schock",
        r"(?:vom|aus dem) (?:balkon|fenster|wickeltisch|hochbett) gefallen",
        r"\b(?:brennt es|es brennt|feuer)\b(?! ?(?:und flamme|wehr(?:fest|haus)))",
    ),
}
GENERIC = _pattern(
    r"^\W*(?:notfall|notruf|sos|hilfe+ ?schnell|schnell hilfe|hilf+e{2,}|polizei)\W*$|ruf\w* die polizei"
)

# Phrases that look like danger but are not: sport bruises, metaphors, games, a scraped knee.
NOT_DANGER = _pattern(
    r"(?:fussball|handball|sport|training|spielplatz|hingefallen|gesturzt|tobt|toben|kita hingefallen)"
    r".{0,40}(?:blaue[ns]? fleck|blaues auge)"
    r"|(?:blaue[ns]? fleck\w*|blaues auge).{0,40}"
    r"(?:fussball|handball|sport|training|spielplatz|hingefallen|gesturzt|toben)"
    r"|(?:miete|schulden|rechnungen|kosten|stress|arbeit|hausaufgaben|mathe|die schule|der lehrer)\w* "
    r"(?:bringt|bringen) (?:mich|uns) (?:noch )?um"
    r"|\b(?:computer|handy|video|konsolen)?spiel\w*.{0,40}(?:schiess|toten|umbringen|kampf)"
    r"|schlag mich nicht|schlagt mich nicht|vorgeschlagen|nachgeschlagen|aufgeschlagen|eingeschlagen|zugeschlagen|"
    r"angeschlagen|fehlgeschlagen|schlagen sie .{0,20}vor|schuttelfrost|flasche\w* .{0,20}schutt"
    r"|um den verstand|ritzt \w+ namen|ritzt .{0,20}in (?:die|den) (?:bank|schulbank|tisch|baum)"
    r"|(?:wutanfall|wutanfalle|trotzphase|trotzanfall|trotzanfalle)\w*.{0,60}(?:haut|schlagt|tritt|beisst) (?:mich|uns)"
)
_COMPILED = {kind: _pattern("|".join(f"(?:{p})" for p in patterns)) for kind, patterns in PATTERNS.items()}


def danger_kind(text: str) -> str | None:
    """The kind of danger the message speaks of (violence, suicide, …), or None."""
    folded = fold(text)
    cleaned = NOT_DANGER.sub(" ", folded)
    for kind in (SUICIDE, PARENT, VIOLENCE, CHILD, MEDICAL):
        if _COMPILED[kind].search(cleaned):
            return kind
    if GENERIC.search(folded):
        return MEDICAL
    return None


def signals_danger(text: str) -> bool:
    """True when the message speaks of acute danger to life, body or a child."""
    return danger_kind(text) is not None
