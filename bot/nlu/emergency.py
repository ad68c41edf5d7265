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


# spoken forms written as said: "wär für alle einfacher wenn ich nich mehr da wär", "bilder wo ich nix anhab"
_SPOKEN = {
    "nich": "nicht", "nix": "nichts", "nischt": "nichts", "nüscht": "nichts", "is": "ist", "dat": "das", "wat": "was",
    "isse": "ist sie", "isser": "ist er", "hab's": "habe es", "z'fest": "zu fest", "vui": "viel",
}  # fmt: skip
_SPOKEN_WORDS = re.compile(r"\b(?:" + "|".join(_SPOKEN) + r")\b")


def fold(text: str) -> str:
    """Lower case, umlauts folded ('schüttle', 'schuettle' -> 'schuttle'), white space collapsed, spoken forms
    spelled out ('nich' -> 'nicht', 'nix' -> 'nichts')."""
    text = _SPOKEN_WORDS.sub(lambda m: _SPOKEN[m.group(0)], text.lower())
    return re.sub(r"\s+", " ", _fold_letters(text))


def _pattern(source: str) -> re.Pattern[str]:
    """A pattern written in plain German, folded like the text (letters only: \\W stays \\W)."""
    return re.compile(_fold_letters(source))


# whole words: the "er" of "Tochter" or the "ihr" of "ihren Bruder" is no person of danger
PERSON = (
    r"\b(?:er|sie|mann|ex|freund|partner|vater|papa|stiefvater|stiefmutter|mutter|mama|bruder|onkel|opa"
    r"|schwiegervater|lebensgefahrte|typ)"
)
ME_US = (
    r"(?:mich|mir|uns|die kinder|den kindern|mein\w*|unser\w*|sie|ihn|ihr|ihm"
    r"|(?:ihre|ihren|seine|seinen) (?:frau|freundin|kinder|kind|tochter|sohn|mutter|mama|baby|kleine\w*|stief\w+))\b"
)

# put out of the home by someone ("rausgeschmissen", "vor die Tür gesetzt"), not out of a club or a school chat
_THROWN_OUT = (
    r"(?:(?:uns|mich|die kinder|sie|ihn) (?:\w+ ){0,2}(?:rausgeschmissen|rausgeworfen|rausgesetzt|vor die tur gesetzt"
    r"|auf die strasse gesetzt|aus der wohnung geworfen|aus der wohnung geschmissen)|(?:rausgeschmissen|rausgeworfen"
    r"|vor die tur gesetzt|auf die strasse gesetzt) worden)"
)

# thrown out, now, with nowhere to go tonight: "mein Freund hat uns rausgeschmissen, ich steh mit den Kindern vor dem
# Haus, es regnet … wo können wir heute Nacht hin?" (not "letzte Woche rausgeworfen, schlafe bei …"); violence, and
# a roof for the night is the need beside it (bot.nlu.components)
NOWHERE_TONIGHT_PATTERNS = (
    rf"{_THROWN_OUT}\b.{{0,120}}(?:heute nacht|diese nacht|heut nacht|vor dem haus|vor der tur|im regen|es regnet"
    r"|im auto|im treppenhaus|mitten in der nacht)",
    rf"(?:heute nacht|diese nacht|mitten in der nacht|gerade eben|vorhin)\b.{{0,60}}{_THROWN_OUT}",
    r"(?:uns|mich|die kinder) (?:heute nacht|gerade|grad|eben|vorhin) (?:rausgeschmissen|rausgeworfen|vor die tur"
    r" gesetzt)",
    r"wo (?:konnen|sollen|soll|kann) (?:wir|ich)\b(?: \w+){0,4} (?:heute nacht|diese nacht|heut nacht) "
    r"(?:hin|schlafen|ubernachten|bleiben|unterkommen)\b",
    # said indirectly: "ich weiß nicht, wo ich heute Nacht schlafen soll"
    r"wo (?:ich|wir) (?:\w+ ){0,2}(?:heute nacht|diese nacht|heut nacht) "
    r"(?:hin|schlafen|ubernachten|bleiben|unterkommen)\b (?:soll|sollen|kann|konnen)\b",
)

# someone watching the home after a separation or violence, for a long while
_AFTER_SEPARATION = r"(?:getrennt|trennung|\bex\b|gewalt|anzeige|kontaktverbot)"
_WATCHING_PLACE = (
    r"im auto (?:sitzt|steht|wartet|parkt)|(?:sitzt|steht|wartet|parkt) (?:\w+ ){0,8}(?:im auto|vor (?:dem|unserem"
    r"|meinem)"
    r" (?:haus|eingang|fenster)|gegenuber|auf dem parkplatz)"
)
_WATCHING_TIME = (
    r"seit (?:\d+|einer|zwei|drei|vier|funf|zehn|zwanzig|dreissig|vierzig) (?:minuten|stunden?)|seit stunden"
    r"|stundenlang"
    r"|blick auf|beobachtet|starrt"
)
# tablets kept at hand: "die Tabletten von meiner verstorbenen Mutter hab ich noch im Schrank"
_MEANS_KEPT = (
    r"(?:tabletten|pillen|medikamente|schlaftabletten)\w* (?:von (?:\w+ ){0,3})?(?:hab|habe|hat|liegen|sind) (?:ich )?"
    r"(?:noch |alle )?(?:im schrank|gesammelt|gehortet|aufgehoben|zur seite gelegt|versteckt)"
)
# after "bringt … um": a clock time is a drop-off ("bringt die Kinder um 8 in die Kita"), not a threat
_NOT_A_TIME = (
    r"(?! ?\d| (?:halb|viertel|punkt|kurz|ca|circa|etwa|zirka|gegen|eins|zwei|drei|vier|funf|sechs|sieben|acht|neun"
    r"|zehn|elf|zwolf|mitternacht|mittag)\b)"
)

PATTERNS: dict[str, tuple[str, ...]] = {
    VIOLENCE: (
        rf"schl[aä]g\w*(?: er| sie)? {ME_US}",
        rf"\b(?:haut|hauen|verprugelt|prugelt|schubst|schubsen|stosst|tritt|treten|wurgt|wurgen|packt)(?: er"
        rf"| sie)? {ME_US}",
        r"(?:hat|hatte|haben) (?:mich|uns|mein\w*(?: \w+)?|sie|ihn|die kinder) (?:geschlagen|verprugelt|geschubst|"
        r"getreten|gewurgt|geohrfeigt|gestossen|verletzt)",
        # "er hat mich gestern die treppe runtergestoßen": a few words between, but none that puts it in the past
        # … or where: "er hat mich gestern in den bauch getreten" (not "aus versehen")
        r"\b(?:hat|hatte) (?:mich|uns|sie|ihn|die kinder)"
        r"(?: (?!fruher|damals|als|vor|jahre\w*|mal\b|versehen\b|\w*spiel|schach|tennis|rennen|wettlauf)\w+){1,8} "
        r"(?:geschlagen|verprugelt|\w*geschubst|getreten|gewurgt|\w*gestossen|gewatscht|geohrfeigt)\b",
        r"(?:werde|wurde|wird|werden|worden) (?:wieder |oft |immer )?(?:geschlagen|verprugelt|getreten|gewurgt)",
        # told with the time after it: "wie mein Freund mich geschlagen hat, heute wieder"
        r"\b(?:mich|uns|die kinder|mama|meine (?:mama|mutter)) (?:\w+ ){0,2}(?:geschlagen|verprugelt|getreten|gewurgt"
        r"|geohrfeigt|\w*geschubst|\w*gestossen)\b(?: hat| hatte)?,? (?:und )?(?:das )?(?:\w+ )?(?:gestern|gerade"
        r"|eben|vorhin|heute (?:wieder|morgen|nacht|abend|fruh)|schon wieder|wieder|letzte nacht)\b",
        # "er bringt Mama um, wenn …"; not a time: "Papa bringt sie um 8 zur Kita", "um halb acht"
        rf"(?:bringt|bringe|bring|bringen) (?:mich|uns|ihn|sie|es|dich|euch|mein\w*|mama|papa|die mama|die kinder"
        rf"|die mutter|meine frau|die frau)(?: alle| beide| noch| wirklich)? um\b{_NOT_A_TIME}",
        rf"(?:will|wollen|droht|drohen|drohte) {ME_US} .{{0,20}}(?:um(?:zu)?bringen|toten|abstechen|kaputt ?machen)",
        r"mit (?:dem|einem) messer|messer (?:an|gegen)",
        r"messer (?:gezogen|gezuckt|rausgeholt)|(?:zieht|zuckt|zog) (?:ein|das|sein|ihr) messer",
        # other weapons, and threats with them
        r"(?:mit|hat|holt|nimmt|nahm|halt) (?:dem|einem|ein|den|das|seinem|seine[mn]?) (?:hammer|axt|beil"
        r"|baseballschlager"
        r"|pistole|waffe|knarre|gewehr)\b.{0,40}(?:durch|auf (?:mich|uns)|rum|herum|bedroht|droht|hinter|vor (?:mir|uns"
        r"|der tur))|(?:bedroht|droht|gedroht)\w* (?:\w+ ){0,3}mit (?:dem|einem|seiner|der) \w*(?:hammer|axt|beil"
        r"|schlager|pistole|waffe|knarre|gewehr|messer)",
        # "das er uns alle abstechen will": the threatened before the verb
        r"\b(?:uns|mich|die kinder|euch|mama)\b(?: alle| beide)? (?:\w+ ){0,2}(?:abstechen|abzustechen|abmurksen"
        r"|kaltmachen|erschlagen|erwurgen|erstechen|umlegen|umbringen|umzubringen)\b(?! (?:lassen|wurde ich))",
        r"(?:hat|hatte) (?:mir|ihr|ihm|uns) (?:den|die|das) (?:arm|hand|finger|handgelenk"
        r"|nase)\w* (?:\w+ )?(?:umgedreht"
        r"|verdreht|gebrochen|ausgekugelt)",
        # pushed against the wall: now ("drückt mich an die Wand") or recently ("gestern … an die Wand gedrückt");
        # "hat mich schon mal an die Wand gedrückt" told from a safe place asks for advice (need_schutz_krise)
        r"(?:druckt|presst|schubst|stosst|wirft|schleudert) (?:mich|uns|sie|ihn|die kinder) (?:\w+ )?(?:an"
        r"|gegen) die wand"
        r"|(?:heute|gestern|gerade|grad|eben|vorhin|wieder|letzte nacht|heute nacht)\b.{0,40}(?:an|gegen) die wand "
        r"(?:gedruckt|gepresst|gedrangt|geschleudert|gestossen|geworfen|geschubst|genagelt)",
        r"trauen uns nicht (?:mehr )?(?:raus|nach hause|heim|rein)|(?:schliesst|schloss) (?:mich|uns|die kinder|sie) "
        r"(?:\w+ )?ein\b",
        r"(?:macht|machen|mach) (?:mich|uns) kaputt\b.{0,40}(?:wenn ich|angst)|kaputt\w*\b.{0,30}wenn ich (?:\w+ ){0,3}"
        r"(?:gehe|geh|weggehe|abhaue)\b",
        r"trau\w* mich nicht (?:mehr )?aus (?:dem|meinem) (?:zimmer|schlafzimmer|bad|badezimmer|kinderzimmer)",
        r"angst um (?:mein|unser) leben",
        # euphemisms: the hand that "slips", bruises, a black eye, things thrown, fear of coming home
        r"hand\b.{0,25}(?:rutsch|ausgerutscht|ausrutsch|locker)|(?:rutsch|verrutsch)\w* .{0,25}hand",
        r"hand (?:gegen|erhoben|erhebt)|die hand erhoben|hand gehoben gegen",
        # threats of what will happen to someone, stalking by the (ex-)partner
        r"(?:gedroht|droht|drohte)\b.{0,60}(?:passiert|geschieht) (?:\w+ ){0,3}(?:was|etwas)\b",
        # stalking is advice (need_schutz_krise) until he stands at the door or window
        r"(?:verfolgt|stalkt|trennung|\bex\b|angst)\b.{0,80}(?:steht|stand|lauert|lauerte|wartet|wartete)(?: er"
        r"| mein ex)? "
        r"(?:\w+ ){0,2}(?:vor (?:der|unserer|meiner|dem) (?:tur|wohnung|haus)|am \w*fenster)",
        # a protection order broken: "er darf eigentlich nicht in unsere Nähe, aber das interessiert ihn nicht",
        # "trotz Kontaktverbot steht er wieder vor dem Haus" (asking how to get such an order is advice, no alarm)
        r"(?:kontaktverbot|annaherungsverbot|naherungsverbot|gewaltschutz\w*|darf (?:\w+ ){0,2}nicht (?:mehr )?"
        r"(?:in (?:unsere|meine|die) nahe|zu uns|zu mir|an uns ran|an mich ran|sich (?:uns|mir) nahern))\b.{0,120}?"
        r"(?:\b(?:steht|stand|lauert|lauerte|taucht|tauchte|schreibt|schrieb|ruft|rief|ignoriert|ignorierte)\b"
        r"|interessiert (?:ihn|sie) nicht|halt (?:er |sie )?sich nicht (?:dran|daran))",
        r"\b(?:steht|stand|lauert|taucht|kommt)\b.{0,80}\b(?:trotz (?:des |dem )?(?:kontaktverbot|annaherungsverbot"
        r"|naherungsverbot|gewaltschutz\w*)|obwohl er (?:\w+ ){0,2}nicht (?:in unsere nahe|zu uns|zu mir) darf)",
        # a veiled threat against the children: "er schreibt mir, dass er weiß, wo die Kinder zur Schule gehen"
        r"\b(?:schreibt|schrieb|geschrieben|sagt|sagte|gesagt|droht|drohte|gedroht|textet|simst)\b(?: \w+){0,3},? "
        r"(?:dass|das) er "
        r"(?:\w+ )?(?:weiss|wusste|kennt),? wo (?:die|meine|unsere|ich|wir|du)\b",
        # the partner "hurts" or "beats" without an object: "mein mann macht mir weh", "er schlägt jeden abend"
        r"\b(?:er|sie|mann|freund|partner|vater|papa|stiefvater|ex)\b (?:\w+ ){0,2}(?:macht|tut) (?:mir|uns|den kindern"
        r"|ihr|ihm) (?:\w+ ){0,2}weh\b|\b(?:er|sie|mann|freund|partner|vater|papa|ex)\b (?:\w+ ){0,2}(?:hat|hatte) "
        r"(?:mir|uns|den kindern|ihr|ihm) (?:\w+ ){0,2}weh ?getan",
        r"\b(?:mann|freund|partner|vater|papa|stiefvater|ex|lebensgefahrte)\b (?:\w+ )?(?:schlagt|prugelt|haut)\b"
        r"(?! (?:vor|sich|die tur|turen|zu)\b)",
        # "er wird dann handgreiflich", "mein Mann ist gewalttätig" ("nie gewalttätig" is set aside, see NOT_DANGER)
        r"\b(?:er|sie|mann|freund|partner|vater|papa|ex)\b (?:wird |ist )?(?:dann |schnell |sofort |gleich "
        r"|wieder |oft |manchmal |immer )?(?:handgreiflich|gewalttatig)",
        rf"{PERSON}\b.{{0,60}}(?:blaue[ns]? (?:auge|flecke?n?)|veilchen|blutige lippe)",
        r"(?:blaue[ns]? (?:auge|flecke?n?)|veilchen|blutige lippe).{0,60}\b(?:von ihm|von ihr|wieder|schon wieder|"
        r"versteckt|verstecke|schminke|uberschminke|angst|wenn er|wenn sie|er hat|sie hat)",
        r"(?:fliegen|wirft|werfen|schmeisst|schmeissen|flogen)\b.{0,30}(?:sachen|teller|glaser|gegenstande|"
        r"stuhle|flaschen|durch die (?:wohnung|kuche|gegend))",
        rf"angst vor (?:ihm|meinem (?:mann|freund|vater|ex|partner|stiefvater)|papa|meiner mutter|{PERSON}\b)",
        r"(?:traue?|trau) mich nicht (?:mehr )?(?:nach hause|heim)",
        # afraid to go home: "ich hab Angst, nach Hause zu gehen", "Angst heimzukommen, wenn er da ist"
        r"\bangst,? (?:\w+ ){0,2}(?:(?:nach hause|heim) ?zu ?(?:gehen|kommen|fahren)|heimzu(?:gehen|kommen|fahren))",
        r"(?:eingesperrt|sperrt (?:mich|uns|die kinder) ein)",
        # coercive control: phone or keys taken and the door locked, not let out; hiding with the children
        r"(?:handy|telefon|schlussel)\w* (?:\w+ )?(?:weggenommen|abgenommen|weg|ab|versteckt|kaputt gemacht)\b.{0,80}"
        r"(?:abgeschlossen|abgesperrt|zugesperrt|eingeschlossen|lasst (?:mich|uns) nicht)"
        r"|(?:abgeschlossen|abgesperrt|zugesperrt|lasst (?:mich|uns) nicht (?:mehr )?raus)\b.{0,80}"
        r"(?:handy|telefon|schlussel)\w* (?:\w+ )?(?:weggenommen|abgenommen|weg|ab|mit)\b",
        r"\b(?:er|mann|freund|partner|ex|vater|papa)\b.{0,20}(?:lasst|liess) (?:mich|uns) nicht (?:mehr )?(?:raus|gehen"
        r"|aus dem haus|aus der wohnung|weg)",
        r"(?:mich|uns) mit (?:den|meinen|unseren) (?:kindern|kids|kleinen)\b.{0,25}(?:eingeschlossen|eingesperrt"
        r"|versteckt|verbarrikadiert)",
        r"\b(?:er|sie|mann|ex|freund|partner|vater|papa)\b.{0,60}(?:hammert|tritt|trat|bollert|wummert|schlagt|haut|"
        r"tretet)\w* (?:gegen|an) (?:die|unsere|meine) \w*tur\b|\btur\b.{0,30}(?:tritt|trat|hammert|bollert) dagegen"
        r"|tur (?:eintreten|einzutreten|eingetreten)",
        # threats, also veiled: "wenn ich gehe findet er mich", "stellt mich kalt", "zündet die wohnung an"
        r"wenn (?:ich|wir) (?:\w+ ){0,4}(?:gehe|gehen|abhaue|abhauen|verlasse|weggehe|rede|anzeige|erzahle"
        r"|sage)\b.{0,60}"
        rf"(?:findet (?:er |sie )?(?:mich|uns)|bringt (?:er |sie )?(?:mich|uns|die kinder)(?: alle| beide)? "
        rf"um\b{_NOT_A_TIME}|umbring|umzubringen|\btot"
        r"|kalt ?(?:stellt|macht|machen)|anzund|zundet|sieht (?:mich|uns) (?:keiner|niemand|nie))",
        r"(?:stellt|macht) (?:mich|uns) kalt|\b(?:er|sie)\b (?:\w+ )?(?:zundet|fackelt) (?:die|unsere|meine|das|mein)"
        r" (?:wohnung|haus|auto)\w* (?:an|ab)\b",
        r"\b(?:er|mann|freund|partner|ex|vater|papa)\b.{0,40}kurz und klein (?:geschlagen|gehauen|gemacht)"
        r"|(?:geflüchtet|geflohen|abgehauen)\b.{0,60}sucht (?:uns|mich)",
        # strangling: hands on the throat, squeezed
        r"(?:am|um den|an den) hals\b.{0,40}(?:gepackt|zugedruckt|zugedrückt|gelegt|festgehalten|gedruckt)"
        r"|(?:hande|hand|finger) (?:um|an) (?:meinen|den|ihren|seinen) hals|hals zu ?(?:gedruckt|druckt|drucken)",
        # rage and fear: "er rastet aus und ich hab angst um die kinder"
        r"(?:rastet|rastete|ausgerastet|austickt|tickt|tickte|dreht durch|durchgedreht|tobt)\b.{0,60}"
        r"(?:angst (?:um (?:die|meine|unsere) kinder|um (?:mich|uns)|vor ihm|das er|dass er)|(?:solche|so eine"
        r"|so) angst)"
        r"|angst (?:um (?:die|meine|unsere) kinder|um (?:mich|uns)|vor ihm)\b.{0,60}(?:ausrastet|rastet|austickt"
        r"|dreht durch|durchdreht|tobt)",
        r"(?:am arm|an den armen|an den haaren|am hals|am kragen)\b.{0,40}(?:gezerrt|geschleift|gerissen"
        r"|durch (?:den flur|die wohnung|das zimmer|die kuche|das haus))",
        r"(?:hausliche|korperliche) gewalt",
        r"wenn (?:er|sie|papa|mein mann)\b.{0,30}(?:getrunken|betrunken|besoffen|sauer|wutend)\b.{0,60}(?:zitter\w*"
        r"|versteck\w*|fluchten|weg mussen)|wenn (?:er|sie) (?:getrunken|betrunken|besoffen|sauer|wutend) (?:ist|hat)\b"
        r".{0,60}(?:angst|verstecken|weh"
        r"|schlimm)",
        r"an den haaren|(?:kopf|gesicht) gegen (?:die|den|eine|einen) (?:wand|tür|heizung|tisch|schrank)",
        # also in second-language German without the article: "er hat mein kopf gegen schrank geschlagen"
        r"(?:kopf|gesicht) gegen (?:\w*wand|\w*tur|heizung|\w*tisch|\w*schrank|boden|fenster|spiegel|waschbecken)\b"
        r"|(?:mein|meinen|unser\w*|mir den|mir meinen) (?:kopf|gesicht) (?:\w+ ){0,2}gegen\b",
        # an injury explained away: "ich hab gesagt, ich bin gestolpert. Bin ich nicht.", and a doctor's question
        # denied: "der Arzt hat gefragt, ob mir jemand wehtut. Ich hab nein gesagt."
        r"(?:gesagt|erzahlt|behauptet|gemeint)\w*,? (?:dass |das )?ich (?:\w+ ){0,3}(?:gestolpert|hingefallen"
        r"|gefallen|gesturzt|ausgerutscht|gegen (?:die|eine|den) \w+ gelaufen|gestossen)\b[^?]{0,40}?(?:bin ich nicht"
        r"|war ich nicht|ist (?:er|sie) nicht|stimmt (?:aber |doch )?nicht|(?:war|ist) (?:aber |naturlich )?gelogen"
        r"|(?:hab|habe) (?:ich )?gelogen|nicht die wahrheit|war es nicht|wars nicht)",
        r"(?:gefragt|fragte|fragt),? ob (?:mir|mich|uns|ihr|ihm) (?:\w+ ){0,2}(?:jemand|einer|wer|er|mein mann"
        r"|mein freund|mein partner) (?:\w+ ){0,2}(?:weh ?tut|weh ?getan|schlagt|geschlagen|verletzt|haut)\b.{0,60}"
        r"(?:nein gesagt|gelogen|nichts gesagt|verneint)",
        # marks on one's own neck (strangling): "die Flecken an meinem Hals"
        r"(?:flecken|striemen|abdrucke|wurgemale|male|spuren|rote\w* streifen)\w* (?:an|am|auf) (?:meinem|meinen) hals"
        r"|(?:meinem|meinen) hals\b.{0,20}(?:flecken|striemen|abdrucke|wurgemale)",
        r"gegen (?:die|den) (?:wand|heizung|tür|schrank) (?:geschubst|gestoßen|geschleudert|gedrückt|geworfen)",
        r"(?:drückt|drückte|schnürt|nimmt) mir .{0,20}(?:luft|hals|kehle)|luft ab(?:drückt|gedrückt)?\b|würgt|gewürgt",
        r"(?:droht|drohte|gedroht)\w* .{0,40}(?:anzutun|antun|umzubringen|umbringen|wehzutun|weh zu tun|töten|"
        r"kinder (?:mit)?zunehmen|kinder wegzunehmen)",
        r"\b(?:er|mann|freund|partner|vater|papa)\b.{0,30}(?:völlig |total |komplett )?außer sich",
        r"(?:flecken|striemen|würgemale|abdrücke).{0,30}(?:wo er|wo sie|von ihm|von ihr|festhält|festgehalten)",
        r"(?:hebt|hob|erhebt) (?:die|seine|ihre) hand|hand (?:hebt|hob)|eine (?:gefangen|geknallt|gescheuert|geklebt)|"
        r"ohrfeige|watsch\w*|(?:eine|ane|a) (?:geschmiert|gschmiert|gewatscht|gwatscht|gelangt)",
        r"(?:trinkt|trinken|betrunken|besoffen|getrunken)\b.{0,40}"
        r"(?:schlag|schläg|haut|hauen|prügel|gewalt|aggressiv)",
        r"(?:möbel|sachen|teller|flaschen) (?:fliegen|flogen)",
        r"(?:liegt|lag) (?:auf dem|am) boden.{0,40}(?:schreit|er|sie)",
        r"(?:er|sie) .{0,30}(?:liegt|lag) (?:auf dem|am) boden",
        r"(?:traue?|trau) mich nicht (?:mehr )?(?:rein|zurück|ins haus|in die wohnung)",
        r"platzwunde",
        r"hoffen,? (?:dass|das) er (?:gute laune|nicht wütend|nicht betrunken|ruhig)",
        *NOWHERE_TONIGHT_PATTERNS,
        # a door kicked in, being locked in, a hand print on a face, a forced marriage
        r"\w*tur(?:en)?\b (?:\w+ ){0,2}eingetreten",
        r"(?:sperrt|schliesst|sperrte|schloss) (?:\w+ ){0,3}(?:wohnung|haustur|tur|uns|mich)\w* (?:\w+ ){0,2}"
        r"(?:ab|zu|ein)\b"
        r".{0,100}(?:komm\w*|kann|konnen|darf|durfen) (?:\w+ ){0,7}nicht (?:raus|hinaus|weg)\b",
        r"handabdr\w* (?:im|auf dem|auf der|am|an der) (?:gesicht|wange|backe|arm|oberarm|rucken|hals)"
        r"|abdr\w* (?:im|auf dem|auf der|an der) (?:gesicht|wange|backe|hals)",
        r"(?:wollen|will|sollen|soll|werden) (?:mich|sie|meine (?:tochter|schwester)) (?:\w+ ){0,10}"
        r"(?:zwangs)?verheiraten"
        r"|zwangs(?:heirat|ehe|verheirat)\w*",
        # a threat not to come back from: "wenn ich nicht zurück komme, er macht mich kaputt", "wenn ich ihn verlasse,
        # erlebt keiner von uns Weihnachten"
        r"wenn (?:ich|wir) (?:\w+ ){0,3}(?:nicht )?(?:zuruck ?komme|zuruck ?kommen|heim ?komme|nach hause komme"
        r"|zuruckgehe)"
        r"\b.{0,40}(?:macht (?:\w+ )?(?:mich|uns) kaputt|bringt (?:\w+ )?(?:mich|uns) um\b)",
        r"(?:erlebt|erleben|uberlebt|uberleben) (?:keiner|niemand|ihr|du|die kinder|keine[rs]?)(?: von (?:uns|euch))? "
        r"(?:\w+ ){0,2}(?:weihnachten|ostern|silvester|den (?:sommer|winter|nachsten|morgigen)|das (?:nachste"
        r"|neue) jahr"
        r"|(?:den|ihren|seinen|deinen|euren) \w*geburtstag)",
        r"(?:dass|das) er (?:\w+ )?(?:weiss|wusste|kennt),? wann (?:\w+ ){0,3}(?:aus der|von der|in die|zur) "
        r"(?:schule|kita|krippe|arbeit|kindergarten|hort)",
        # a knife in the hand of a drunk or raging partner; a chair against the door while someone rages
        r"\b(?:er|mann|freund|partner|vater|papa|ex|stiefvater)\b (?:\w+ ){0,3}(?:hat|hatte|nimmt|nahm|holt|holte|halt"
        r"|hielt) (?:\w+ ){0,3}\w*messer\b.{0,150}(?:trinkt|getrunken|betrunken|besoffen|wutend|sauer|droht|bedroht"
        r"|schreit|brullt|tobt|zu ende|um(?:zu)?bringen|komische sachen)|(?:trinkt|getrunken|betrunken|besoffen"
        r"|wutend|droht|tobt)"
        r"\b.{0,150}\b(?:er|mann|freund|partner|vater|papa|ex|stiefvater)\b (?:\w+ ){0,3}(?:hat|hatte|nimmt|nahm|holt"
        r"|holte|halt|hielt) (?:\w+ ){0,3}\w*messer\b",
        r"(?:brullt|gebrullt|schreit|tobt|betrunken|trinkt|messer|ganz leise|schlagt|droht)\b.{0,150}(?:stuhl|schrank"
        r"|kommode|sofa)\w* vor (?:die |der )?\w*tur\b|(?:stuhl|schrank|kommode|sofa)\w* vor (?:die |der )?\w*tur\b"
        r".{0,150}(?:brullt|tobt|betrunken|messer|schlagt|droht)",
        r"(?:was|etwas|sachen|flaschen|teller|stuhle?) (?:\w+ )?gegen (?:die|unsere|meine) \w*tur (?:geschmissen"
        r"|geworfen"
        r"|gedonnert|geknallt|getreten|gehauen|gepoltert)",
        r"(?:sitz\w*|sind|bin|hock\w*|versteck\w*|eingeschlossen) (?:\w+ ){0,2}mit (?:meinem|meiner|meinen|dem|der|den"
        r"|unserem|unserer|unseren) (?:\w+ )?(?:kleinen?|kind\w*|baby|sohn|tochter|kids|jungs)\b.{0,30}(?:im|in der|ins"
        r"|auf dem) (?:bad|badezimmer|kinderzimmer|schlafzimmer|keller|klo|toilette|zimmer|dachboden)\b.{0,30}"
        r"(?:abgeschlossen|eingeschlossen|verriegelt|verbarrikadiert|versteckt)",
        # beaten so that one could not sit: "nach dem letzten Mal konnte ich eine Woche nicht richtig sitzen"
        r"(?:nach dem letzten mal|danach|hinterher|seitdem|seit dem|als er|als sie)\b.{0,30}(?:konnte|kann|konnt) "
        r"(?:ich|er|sie) (?:\w+ ){0,3}nicht (?:mehr )?(?:richtig )?sitzen"
        r"|gibt(?:'?s| es) (?:wieder |dann )?(?:haue|dresche|prugel|schlage|den gurtel)\b|setzt es (?:wieder )?was\b",
        # watching the home after a separation or violence: "seit 40 Minuten auf dem Parkplatz gegenüber im Auto,
        # Blick auf unseren Eingang"
        rf"{_AFTER_SEPARATION}\b.{{0,300}}?(?:{_WATCHING_TIME})\b.{{0,100}}(?:{_WATCHING_PLACE})"
        rf"|{_AFTER_SEPARATION}\b.{{0,300}}?(?:{_WATCHING_PLACE})\b.{{0,100}}(?:{_WATCHING_TIME})",
        rf"{_AFTER_SEPARATION}\b.{{0,300}}?(?:sitzt|steht|wartet"
        rf"|parkt) (?:{_WATCHING_TIME})\b (?:\w+ ){{0,3}}(?:im auto"
        r"|vor (?:der|dem|unserem|meinem|unserer) (?:haus|eingang|fenster|kita|schule|tur))",
        r"\b(?:ex|er)\b.{0,150}(?:geschrieben|schreibt|gesagt|sagt)\b.{0,20}(?:dass?|:) (?:das"
        r"|es) (?:\w+ )?(?:heute|jetzt)"
        r" (?:endet|ein ende hat|vorbei ist)",
        # a court-ordered distance broken: "ein Mann steht am Zaun … er darf nicht, Gericht hat gesagt 100 Meter
        # Abstand"
        r"(?:steht|stand|wartet|lauert|taucht|will (?:\w+ ){0,2}(?:holen|abholen|mitnehmen)|am zaun|vor der (?:kita"
        r"|schule"
        r"|tur))\b.{0,200}(?:\d+ meter (?:abstand|entfernung)|(?:gericht|richter\w*"
        r"|familiengericht)\b.{0,40}(?:verboten"
        r"|untersagt|abstand))|(?:\d+ meter (?:abstand|entfernung)|(?:gericht|richter\w*|familiengericht)\b.{0,40}"
        r"(?:verboten|untersagt|abstand))\b.{0,200}(?:steht|stand|wartet|lauert|taucht (?:\w+ )?auf|am zaun)\b",
        # children not brought back, the other parent gone with luggage: "er muss zurückbringen … geht nicht an
        # Telefon … mit große Koffer weg"
        r"(?:zuruck ?bringen|zuruckgeben|abgeben|zuruck ?sein)\b.{0,200}(?:geht nicht (?:mehr )?(?:ans |an "
        r"(?:das |sein |ihr )?)(?:telefon|handy)|nicht erreichbar)\b.{0,200}(?:koffer|flughafen|heimat|ausland)",
        # taking the children away: "dann siehst du die Kinder nie wieder", passports applied for in secret
        r"(?:sehe|siehst|seht|sieht) (?:ich|du|ihr|sie) (?:die kinder|die zwei|die beiden|meine kinder|deine kinder"
        r"|die kleinen|\w+) (?:\w+ )?nie (?:wieder|mehr)",
        r"heimlich\b.{0,60}(?:reisepass|passe|kinderreisepass|kinderausweis)|(?:reisepass|reisepasse"
        r"|kinderreisepass)\w*"
        r"\b.{0,60}heimlich",
        r"(?:nimmt|nehme|bringt|bringe|entfuhrt|entfuhre) (?:\w+ ){0,2}(?:die |meine |unsere "
        r"|deine )?kinder (?:\w+ ){0,3}"
        r"(?:in die turkei|ins ausland|in (?:den |die )?(?:irak|iran|libanon|heimat)|in seine heimat|nach (?:syrien"
        r"|afghanistan|marokko|tunesien|algerien|russland|albanien|pakistan|agypten|nigeria))\b",
        # a pet threatened as a warning: "hat den Kater übers Balkongeländer gehalten: so schnell kann's gehen"
        r"(?:katze|kater|hund|hamster|kaninchen|meerschwein\w*|haustier)\w*\b.{0,60}(?:(?:uber|aus) (?:das|den|die"
        r"|dem) "
        r"\w*(?:gelander|brustung|fenster)|gewurgt|getreten|ertrankt|erschlagen|gegen die wand)\b"
        r"|so schnell (?:kann|kanns|kann es|kann's) (?:\w+ )?gehen",
        # documents withheld, deportation as a threat
        r"(?:pass|reisepass|ausweis|papiere|aufenthaltstitel)\b.{0,40}(?:darf (?:ich )?(?:\w+ )?nicht haben|weggenommen"
        r"|abgenommen|versteckt|eingeschlossen|nimmt er mir)",
        r"(?:droht\w*|sagt|sonst|wenn)\b.{0,60}(?:ruft|anruft|meldet|melde|anrufen) (?:\w+ )?(?:die |bei der )?"
        r"auslanderbehorde",
        # an injured woman kept from the doctor: "Rippen tun weh … mein Mann sagt, nicht zum Arzt gehen"
        r"(?:rippen|auge|blut|gebrochen|verletz\w*|geschwollen|gefallen)\b.{0,100}\b(?:mann|er|freund|partner)\b "
        r"(?:\w+ ){0,2}(?:sagt|verbietet|lasst)\w*,? (?:\w+ ){0,3}(?:nicht|kein\w*) (?:zum |zur )?(?:arzt|arztin"
        r"|krankenhaus|notaufnahme)",
        # stalking: the new number found out, messages "ich sehe dich", photos one never took
        r"(?:neue|meine neue) (?:nummer|handynummer|adresse)\b.{0,30}(?:hatte er (?:\w+ ){0,2}(?:nach|innerhalb|sofort"
        r"|gleich)|kannte er|findet er (?:\w+ )?immer|rausgefunden|herausgefunden)",
        r"(?:schreibt|schrieb|geschrieben|sms|nachricht\w*)\b.{0,60}(?:ich sehe dich|ich beobachte dich|ich weiss,? wo"
        r" (?:du|ihr)|ich krieg dich|ich finde (?:dich|euch)|du entkommst mir)",
        r"(?:foto|fotos|bilder) von (?:uns|mir|den kindern)\b.{0,80}(?:nie gemacht|nicht gemacht|heimlich)",
        # a place in a women's shelter needed today (not one told of as past: "war vor 2 Jahren im Frauenhaus, jetzt
        # alles ruhig"), violence that "happened" again
        r"(?:brauche|brauchen|suche|suchen|muss|mussen)\b.{0,30}(?:heute|sofort|jetzt|dringend|heute nacht)\b.{0,30}"
        r"frauenhaus|(?:brauche|brauchen|suche|suchen|muss|mussen)\b.{0,30}frauenhaus\w*\b.{0,30}(?:heute|sofort|jetzt"
        r"|dringend|heute nacht)\b|(?:ist|war) (?:\w+ )?(?:wieder )?gewalt (?:passiert|vorgefallen)",
        # hiding from the partner, a threat for talking to others, a threat against the children
        r"ohne (?:dass|das) (?:er|sie|mein mann|mein ex|mein freund) (?:mich|uns) findet|wo (?:er|sie) (?:mich"
        r"|uns) nicht"
        r" findet|(?:uns|mich) (?:\w+ ){0,3}vor (?:ihm|meinem (?:mann|ex|freund|partner)) versteck\w*|versteck\w* "
        r"(?:uns|mich) (?:\w+ ){0,3}vor (?:ihm|meinem (?:mann|ex|freund|partner))",
        r"wenn (?:ich|du) (?:\w+ ){0,6}(?:dann )?passiert (?:\w+ )?(?:was|etwas) mit (?:mir|dir|uns|euch)\b",
        r"(?:hat|kriegt|bekommt) (?:sie|die kinder|dich|euch) (?:auch )?(?:keiner|niemand)\b",
        r"(?:nach dem letzten mal|letztes mal)\b.{0,60}(?:blaue flecken|striemen|nicht (?:richtig )?sitzen)",
        r"(?:brauch|brauche|brauchst|braucht) (?:ich|du|er|sie) (?:gar )?nicht (?:erst |mehr )?(?:heim|nach hause) ?"
        r"(?:zu )?kommen",
        # a neighbour hears someone cry "hör auf"
        r"(?:nachbar\w*|nebenan|oben|unten|gegenuber)\b.{0,200}(?:frau|kind|mann|jemand|mutter|madchen|junge)\w* "
        r"(?:\w+ ){0,2}(?:ruft|schreit|rief|schrie)\w* (?:\w+ ){0,2}\W*(?:aufhoren|hor auf|lass mich los|hilfe)\b",
        # taken abroad for good: "fliegt die Familie mit mir in die Heimat und ich komme nicht mehr zurück"
        r"(?:in die heimat|ins ausland|in die turkei|in den (?:irak|iran|libanon))\b.{0,60}(?:komme|kommst|kommt) "
        r"(?:\w+ )?nicht (?:mehr )?zuruck",
        # Low German: "Mien Keerl hett mi vandaag wedder gegen de Wand smeten", "he haut gegen de Döör"
        r"\b(?:mi|mich)\b (?:\w+ ){0,3}gegen (?:die|de) wand (?:\w+ )?(?:smeten|schmeten|geschmissen|geworfen|gestossen"
        r"|geknallt)|\b(?:he|er|ex)\b.{0,60}(?:haut|bollert|ballert|tritt|hammert) (?:gegen|an) (?:de|die) (?:door|dor"
        r"|tur)\b",
        # --- second-language and spoken forms (stop 26): "ich und 2 kinder in bad abschließen. er schreien draußen",
        # "er tür kaputt machen mit fuß", "hat mir n glas hinterher geworfen", "tür abgeschlossen von außen"
        r"\b(?:ich|wir|uns|mich|\w+ kinder|kindern)\b.{0,40}(?:bad|badezimmer|schlafzimmer|kinderzimmer|klo|toilette"
        r"|keller)\b.{0,20}(?:abschliessen|abgeschlossen|einschliessen|eingeschlossen|zuschliessen|zugeschlossen"
        r"|verriegelt|verbarrikadiert|versteck\w*)\b.{0,150}"
        r"(?:schrei|brull|tobt|betrunken|besoffen|tur\b.{0,20}(?:kaputt|tritt|treten|hammer|schlag))"
        r"|(?:schrei|brull|tobt|betrunken|besoffen|trinken|getrunken)\w*\b.{0,150}(?:bad|badezimmer|schlafzimmer"
        r"|kinderzimmer|klo|toilette|keller)\b.{0,20}(?:abschliessen|abgeschlossen|einschliessen|eingeschlossen"
        r"|zuschliessen|zugeschlossen|verriegelt|verbarrikadiert)",
        r"\b(?:er|mann|ex|freund|vater|papa|stiefvater)\b.{0,30}\btur\b (?:\w+ ){0,2}(?:kaputt ?(?:machen|gemacht|macht"
        r"|treten|getreten|schlagen|geschlagen)|eintreten|eintritt|aufbrechen"
        r"|aufgebrochen)\b(?=.{0,40}(?:mit (?:dem |der )?"
        r"(?:fuss|faust|fussen)|wut|betrunken|schrei|brull))",
        r"\b(?:mir|uns|mama|meiner mutter|meiner frau) (?:\w+ ){0,3}(?:glas|teller|flasche|messer|stuhl|tasse|becher"
        r"|aschenbecher|vase|schere|topf|pfanne|hammer|stein|schuh)\w* (?:hinterher ?|nach ?)(?:geworfen|geschmissen"
        r"|gepfeffert|gefeuert)\b",
        r"(?:auftauche|auftauch|heimkomme|nach hause komme|reinkomme|zuruckkomme)\b.{0,30}(?:dann|sonst) knallt",
        r"\b(?:er|mann|freund|vater|papa|ex|stiefvater)\b.{0,80}(?:(?:tur|wohnung|haustur)\b.{0,30}(?:von aussen"
        r"|von draussen) (?:\w+ )?(?:abgeschlossen|abschliessen|zugeschlossen|zugesperrt|abgesperrt|verschlossen)"
        r"|(?:abgeschlossen|zugeschlossen|zugesperrt|abgesperrt|abschliessen) (?:\w+ )?von aussen)",
        r"(?:pass|reisepass|papiere|ausweis|aufenthaltstitel)\w* (?:\w+ ){0,2}(?:weggenommen|weg genommen|abgenommen"
        r"|versteckt|weg ?geschlossen)\b.{0,80}(?:abgeschlossen|abgesperrt|eingesperrt|lasst (?:mich|uns) nicht|nicht "
        r"raus)",
        # a threat to take the children away if the mother does something: "wenn ich zu deutsch kurs gehe er nimmt
        # kinder weg und ich nie wieder sehen"
        r"wenn (?:ich|du)\b.{0,60}(?:nimmt|nehme|nehmen|holt) (?:er |sie )?(?:mir |dir )?(?:die |meine |unsere "
        r"|deine )?"
        r"(?:kinder|kind|kleinen|baby|sohn|tochter)\w* (?:\w+ )?weg\b.{0,60}(?:nie (?:mehr |wieder )?(?:sehen"
        r"|wiedersehen)|ausland|heimat|turkei|syrien|afghanistan|irak)",
        # an outburst and its marks: "hatte gestern wieder einen seiner Ausraster … jetzt ein Veilchen, Handgelenk dick"
        r"\b(?:freund|mann|partner|ex|er|vater|papa|stiefvater)\b.{0,100}(?:ausraster|ausgerastet|ausgetickt"
        r"|durchgedreht|ausgeflippt)\b.{0,120}(?:veilchen|blaue[ns]? auge|blaue[ns]? fleck\w*"
        r"|handgelenk\w* (?:\w+ )?(?:dick"
        r"|geschwollen)|lippe\w* (?:\w+ )?(?:dick|geplatzt|blutet))",
        # seized by the throat, pressed against a door: "hat mich gestern wieder an Hals gepackt und gegen Tür gedrückt"
        r"(?:an (?:den |dem )?hals|am hals|an der kehle|an die kehle|an die gurgel) (?:\w+ )?(?:gepackt|gewurgt"
        r"|gedruckt"
        r"|festgehalten|genommen|zugedruckt)",
        # (recently: "hat mich schon mal an die Wand gedrückt", told from a safe place, asks for advice)
        r"(?:heute|gestern|gerade|grad|eben|vorhin|wieder|letzte nacht|heute nacht)\b.{0,40}\b(?:mich|uns)\b "
        r"(?:\w+ ){0,6}(?:gegen|an) (?:die |den |der )?(?:tur|wand|schrank|heizung) (?:\w+ )?(?:gedruckt|gepresst"
        r"|geschubst|gestossen|geschleudert|geworfen)",
        r"bitte nicht vor den kindern",
        # a knife held up and a threat: "Küchenmesser genommen und vor mir und Kinder gehalten … macht alle kaputt"
        r"\w*messer (?:\w+ ){0,2}(?:genommen|geholt|gezogen|gehalten|rausgeholt|in der hand)\b.{0,80}(?:vor (?:mir|uns"
        r"|den kindern)|gegen (?:mich|uns)|droht|gesagt|kaputt|umbring)|(?:macht|mache|mach) (?:uns "
        r"|euch )?alle kaputt",
        # a partner's veiled threat: "Mein Mann sagt, wenn ich nochmal was sage, passiert was"
        r"\b(?:mann|freund|partner|ex|lebensgefahrte)\b (?:\w+ )?(?:sagt|sagte|hat gesagt|droht|drohte|meint)\b.{0,20}"
        r"wenn (?:ich|du)\b.{0,60}(?:passiert (?:was|etwas)|dann knallt|erlebst du|wirst du sehen|bereust du)",
        # an ex who knows the address and stands before the house: "er weiß jetzt wo ich wohne … stand vor haus"
        r"\bex\b.{0,150}(?:steht|stand|stehen|wartet|wartete) (?:\w+ ){0,3}vor (?:dem |unserem |meinem )?(?:haus|tur"
        r"|fenster|eingang|wohnung)\b(?=.{0,100}(?:angst|\d+ minuten|stunden|droht|polizei))"
        r"|\bex\b.{0,100}(?:weiss (?:\w+ )?wo (?:ich|wir) wohn|egal wie|droht)\w*\b.{0,150}(?:steht|stand|wartet"
        r"|wartete) (?:\w+ ){0,3}vor (?:dem |unserem |meinem )?(?:haus|tur|fenster|eingang|wohnung)\b",
        # --- blind set 9 (stop 26)
        # a foretold harm tonight: "er sagt heute Nacht passiert etwas Schlimmes", "gleich passiert ein Unglück"
        r"(?:heute nacht|heute abend|heute|gleich|bald|morgen) (?:\w+ )?(?:passiert|passieren|geschieht|gibt es"
        r"|gibts) (?:\w+ )?(?:was|etwas|ein) (?:schlimmes|schreckliches|furchtbares|ungluck)\b(?! (?:war|gewesen))",
        # hitting the wall till the hand bleeds, and the family hides: "gegen Wand geschlagen bis Hand blutet"
        r"(?:gegen|an) (?:die |eine )?wand (?:\w+ )?(?:geschlagen|gehauen|geboxt|geschlagt|schlagt|haut"
        r"|boxt)\b.{0,40}(?:blut\w*)\b.{0,200}(?:angst|tur zu|abgeschlossen|eingeschlossen|versteck\w*|im bad|schuld)",
        # --- blind set 10 (stop 26)
        # locked in, keys taken, and a threat for his return: "die Wohnungstür abgeschlossen und beide Schlüssel
        # mitgenommen … wenn er heute Abend wiederkommt, bin ich dran"
        r"(?:tur|wohnung|haustur|wohnungstur)\w* (?:\w+ )?(?:abgeschlossen|zugeschlossen"
        r"|verriegelt)\b.{0,80}schlussel\w* (?:\w+ )?(?:mitgenommen|eingesteckt|weggenommen|abgezogen|versteckt)",
        r"wenn (?:er|sie|mein mann|mein freund|papa)\b.{0,40}(?:wieder ?kommt|heim ?kommt|nach hause kommt"
        r"|zuruck ?kommt)\w*,? (?:dann )?(?:bin ich|sind wir|ist sie|bist du|ist mama) dran\b",
        # "er macht mich kaputt", said as a threat
        r"(?:gesagt|sagt|droht|drohte|schreit|schrie|brullt)\b.{0,80}\b(?:er |dann )?(?:macht|mach) (?:er "
        r"|sie )?(?:mich|uns|dich|sie) kaputt\b",
    ),
    SUICIDE: (
        r"suizid|selbstmord|lebensmud|freitod",
        # a note that takes leave: "ein Zettel, dass es ihm leid tut, dass wir nichts dafür können, dass sein Hamster
        # zu seiner Cousine soll"
        r"(?:(?:zettel|brief|briefe|notiz|nachricht|abschiedsbrief)\w*\b.{0,60}(?:gefunden|hinterlassen|liegen"
        r"|versteckt"
        r"|auf dem (?:tisch|kissen|bett))|(?:gefunden|liegt|lag|lagen|hinterlassen)\b.{0,30}(?:zettel|brief|briefe"
        r"|notiz|nachricht))\b.{0,120}(?:leid\b.{0,80}(?:nichts dafur|keine schuld|nicht schuld|nicht (?:eure|deine"
        r"|ihre) schuld|(?:hab|habe) euch lieb|(?:soll|sollen) (?:\w+ ){0,3}(?:zu|an) (?:seine|ihre|meine)\w*\b)"
        r"|(?:nichts dafur|keine schuld|nicht schuld|nicht (?:eure|deine|ihre) schuld)\b.{0,80}leid\b)",
        r"(?:nicht|nich|nimmer) mehr (?:leben|da sein|dasein|hier sein|aufwachen|weiterleben|existieren)",
        r"(?:will|mochte|mocht|werde|wurde am liebsten|wurde gern) (?:sterben|tot sein)",
        r"(?:mich|mir) (?:umbringen|das leben nehmen|etwas antun|was antun|was an tun)",
        # a teen or partner: "das er sich umbringen will", "sie will sich was antun"
        r"\bsich (?:\w+ ){0,2}(?:umbringen|umzubringen|das leben (?:zu )?nehmen|(?:was|etwas) an(?:zu)?tun)",
        r"(?:weg|raus|verschwinden|gehen) (?:aus|von) dieser welt|diese welt verlassen",
        r"wie ?viele? (?:tabletten|pillen|schlaftabletten)\b.{0,30}(?:brauche|reichen|todlich|braucht man|nehmen muss)"
        r"|todliche?n? dosis|uberdosis",
        r"lieblings\w+\b.{0,60}(?:brauch\w* (?:\w+ ){0,2}(?:jetzt |bald |dann )?nicht mehr|nie mehr)",
        r"(?:war|ware|bin|sein) (?:ich )?(?:am liebsten |einfach )?(?:weg|tot) fur immer|am liebsten (?:war"
        r"|ware) ich tot",
        r"(?:mir|mich) .{0,10}(?:antun|an tun)\b",
        r"grund,? (?:weiter ?zu ?machen|weiterzumachen|zu leben|am leben zu bleiben|aufzustehen)",
        r"(?:ich sehe?|mein leben hat|das leben hat) (?:einfach )?keinen sinn mehr|(?:hat|macht) alles keinen sinn",
        r"(?:sinn|lohnt) .{0,20}(?:leben|weiterleben|weitermachen)",
        r"(?:einschlafen|schlafen|einschlaf\w*) und nie(?:mals)? (?:wieder|mehr) aufwach|nie(?:mals)? (?:wieder|mehr) "
        r"aufwach",
        r"keine kraft (?:mehr )?(?:zu leben|zum leben|weiterzuleben|weiter zu leben)"
        r"|(?:springt|springe|spring|springen|sturzt sich|sturze mich|wirft sich|werfe mich) (?:\w+ ){0,2}(?:vom"
        r"|von der|aus"
        r" dem|vor den|vor einen|von einer) (?:dach|brucke|balkon|fenster|hochhaus|zug|parkhaus)",
        r"(?:nicht|nich) (?:so )?weiter ?leben|weiter ?leben (?:kann|will|mag) ich nicht",
        # a burden to all, better off without me, "for when I am no more"
        r"(?:allen|fur alle|euch|meiner familie|den kindern|meinen kindern) (?:nur )?(?:noch )?(?:eine )?last\b"
        r"|(?:bin|nur) (?:noch )?eine last\b",
        r"ohne mich\b.{0,30}(?:besser|leichter|glucklicher)|(?:besser|leichter)\b.{0,30}wenn ich nicht mehr (?:da )?"
        r"(?:war|bin|ware)\b|wenn ich nicht mehr (?:da )?bin\b",
        # goodbye messages: letters to everyone, farewells, "nicht böse sein" and then unreachable
        r"(?:allen|jedem|jeden|jedes kind|jede[rn]? von \w+|den kindern|meinen kindern|meiner familie) (?:noch )?"
        r"(?:einen |nen |ein )?(?:brief|briefe"
        r"|abschiedsbrief\w*|letzte nachricht)\b.{0,80}(?:ruhe|verzeih|lieb|kraft|nicht mehr|gebracht|fur immer)",
        r"(?:tschuss|lebt wohl|macht'?s gut|verzeiht mir|verzeih mir)\b.{0,80}(?:kann (?:das |so )?nicht mehr"
        r"|nicht mehr da|fur immer|keine kraft)|verabschiedet\b.{0,60}(?:nicht mehr da|fur immer)|(?:nicht mehr da"
        r"|fur immer)\b.{0,60}verabschiedet|(?:bin|ist|sei) bald nicht mehr da\b",
        r"(?:nicht (?:bose|sauer) sein|lieb hat|liebe euch|leid tut)\b.{0,80}(?:nicht mehr ans (?:telefon|handy)"
        r"|geht nicht (?:mehr"
        r" )?(?:ran|ans)|nicht (?:mehr )?erreichbar|erreiche (?:ihn|sie) nicht)",
        r"(?:besser|leichter|besser dran) ohne mich|ohne mich (?:besser|leichter)",
        # putting things in order and a letter for everyone; at a bridge, the tracks or the river, not going on
        r"(?:alles|die wohnung) (?:\w+ ){0,2}(?:aufgeraumt|geputzt|geregelt)\b.{0,80}(?:fur|an) (?:jeden|jede|alle"
        r"|jedes kind|die kinder) (?:\w+ ){0,2}brief\w*(?! (?:zum|zur|fur den|fur die)\b)",
        r"(?:kann|schaff\w*) (?:das |es )?(?:alles )?nicht mehr(?:[,.!;]| ich\b| und\b).{0,120}\b(?:brucke|gleis\w*"
        r"|schienen|fluss|an der leine|dach)\b.{0,120}(?:besser so|fur immer|ein ende|ob ich (?:\w+ ){0,3}nach hause)",
        r"(?:allem|dem ganzen|meinem leben) ein ende|mit allem schluss",
        r"(?:will|mocht\w*|werde) (?:einfach )?alles beenden",
        r"fur immer (?:weg|verschwinden|einschlafen)|(?:verschwinden|weg sein) fur immer",
        r"abschiedsbrief|\w*(?:tabletten|pillen) (?:gesammelt|sammeln|gehortet|horte)",
        r"\w*(?:tabletten|pillen|medikamente)\b.{0,30}(?:gesammelt|gehortet|gebunkert|zusammengesucht)",
        r"(?:brucke|dach|fenster|balkon|hochhaus|parkhaus|parkdeck|turm)\b.{0,30}(?:springen|runter)|vor (?:den|einen)"
        r" zug|auf die gleise|(?:denk\w*|stell\w* mir vor|gedanken?)\b.{0,40}\bgleise",
        # self-harm
        r"\bklinge\b|(?:rasier|anspitzer|spitzer|cutter)klingen?\b|\britz(?:t|en|e mich|e sich|t sich| mich| mir)\b"
        r"|\bgeritzt"
        r"|selbstverletz",
        r"schneide? (?:mich|sich)|schneidet sich|(?:mich|sich) (?:selbst )?(?:schneiden|verletzen)",
        r"narben .{0,30}(?:arm|arme|armen|bein|handgelenk)|(?:arm|arme|armen|handgelenk)\w* .{0,30}narben",
        # "ich bin tot" alone is tiredness; "lieber tot" is not
        r"lieber tot|tot sein wollen|(?:wäre|wär|bin) (?:dann )?(?:lieber|besser) tot\b|wäre (?:am liebsten|gern) tot",
        r"schluss mit allem|mit allem schluss|allem ein ende",
        r"plan .{0,30}(?:wie ich (?:gehe|sterbe|es mache)|mich umzubringen|zu sterben)",
        r"wie ich (?:am besten )?(?:sterbe|gehe)\b",
        r"schlaftabletten|(?:packung|alle|die ganzen) tabletten .{0,40}(?:vor mir|nehmen|schlucken|liegen)",
        r"(?:wie hoch|hoch ist) .{0,25}brücke|brücke .{0,30}(?:springen|runter|hinunter|hinab)",
        r"(?:niemand|keiner) (?:würde|wird) mich vermissen|mich (?:würde|wird) (?:niemand|keiner) vermissen",
        r"(?:schon |bereits )?alles geregelt|(?:lieblings)?sachen verschenkt"
        r"|verschenkt (?:\w+ ){0,5}(?:seine|ihre|meine) (?:sachen|lieblings\w*)",
        # "wir müssten uns bald keine Sorgen mehr um ihn machen"
        r"(?:mussten|musstet|musst|braucht|brauchtet|brauchen) (?:\w+ ){0,3}bald keine sorgen (?:mehr )?um (?:ihn|sie"
        r"|mich)",
        r"vor (?:ein|einen|den|die) (?:auto|zug|lkw|bus|bahn) (?:zu )?(?:laufen|springen|werfen|legen)",
        r"ins wasser (?:zu )?gehen|in die leine (?:zu )?(?:gehen|springen)",
        # hanging: oneself, not pictures or washing
        r"\bstrick\b|(?:mich|sich) (?:\w+ ){0,4}(?:aufhang\w*|aufzuhang\w*)|\berhang\w*",
        r"(?:besser|leichter|einfacher) (?:dran )?(?:ohne mich|mit einer anderen)|mit einer anderen (?:mama|mutter"
        r"|mutti) besser",
        r"(?:arme?|haut|beine?) (?:auf)?(?:kratz|schneid|ritz)|kratze? (?:mir|mich) .{0,15}(?:arme|haut|blut)|"
        r"bis (?:es )?blut kommt|schnitte (?:am|an den|auf)|mit (?:einer|der) scherbe|verbrenne? mich",
        r"(?:arme?|beine?|oberschenkel|handgelenke?|bauch)\w* (?:\w+ ){0,2}(?:voller|voll mit|voll von) (?:schnitte"
        r"|narben"
        r"|ritzer|schnittwunden|brandwunden|brandblasen)",
        r"verbrenn\w* (?:sich|mich)\b.{0,30}(?:feuerzeug|zigarette|arm|haut|absichtlich)",
        r"(?:druckt|drucke) (?:sich|mir) (?:\w+ ){0,2}zigarette\w* .{0,25}aus\b",
        r"(?:schlagt|haut|verletzt|beisst|kratzt|schlage|haue) (?:sich|mich) (?:selbst|selber)\b.{0,50}(?:bis (?:es "
        r"|sie |er"
        r" |ich )?blut\w*|blutig|wund)",
        r"(?:arme?|beine?|haut|handgelenke?|oberschenkel)\w* (?:\w+ )?auf(?:ge)?(?:schnitten|schneid\w*|kratzt|ritzt)",
        # an attempt broken off, living only for the children
        r"(?:nur|bloss) wegen (?:meiner|meinem|meinen|der|den) (?:tochter|sohn|kinder\w*|kleinen|familie)\b.{0,30}"
        r"(?:noch da|nicht gesprungen|wieder runter|am leben|noch hier)|(?:brucke|dach|gleise)\b.{0,60}wieder runter",
        r"alles keinen sinn|keinen sinn (?:mehr )?zu leben|leben (?:hat )?keinen sinn",
        r"(?:bald|dann|morgen) nicht mehr da (?:bin|ist|sein)|nicht mehr da sein werde",
        r"(?:dunkel|schwarz)\b.{0,40}(?:nicht mehr aufwachen|ins wasser|gehen will|verschwinden)",
        # wanting to be with someone who died: "heute nacht geht sie zur Brücke … und dann ist sie bei ihm"
        r"(?:gestorben|verstorben|\btot\b|im himmel|gefallen im krieg)\b.{0,250}(?:dann|endlich"
        r"|bald) (?:\w+ ){0,3}(?:wieder )?"
        r"bei (?:ihm|ihr|papa|mama|oma|opa)\b(?! (?:zu besuch|ubernachten|schlafen|wohnen|einziehen))"
        r"|(?:geht|gehe|gehen|will|wollte) (?:\w+ ){0,3}(?:zur|zu|auf die|an die) brucke\b.{0,80}(?:dann ist (?:alles"
        r"|es)"
        r" (?:gut|vorbei)|bei (?:ihm|ihr|papa|mama|oma|opa)\b|fur immer)",
        # belongings given away and no sense left: "meine airpods und hoodies verschenkt … keinen plan wofür das alles"
        r"(?:verschenkt|geschenkt|weggegeben|vermacht)\b.{0,200}(?:(?:wofur|wozu) (?:\w+ ){0,2}das (?:alles|ganze)"
        r"(?=\s*(?:[.!?,;]|$))|keinen (?:plan|sinn) mehr|brauch\w* (?:\w+ ){0,2}(?:eh |ja |bald |dann )?nicht mehr"
        r"|abschied)|(?:(?:wofur|wozu) (?:\w+ ){0,2}das (?:alles|ganze)(?=\s*(?:[.!?,;]|$))|keinen (?:plan|sinn) mehr)"
        r".{0,200}(?:verschenkt|geschenkt|weggegeben|vermacht)\b",
        # the family "better off" and the means at hand: "die Jungs wären bei meiner Schwester besser aufgehoben …
        # die Tabletten hab ich noch im Schrank"
        rf"besser (?:dran|aufgehoben)\b.{{0,250}}(?:{_MEANS_KEPT}"
        r"|wie ich (?:das )?(?:alles )?(?:regeln|ordnen|beenden))"
        rf"|{_MEANS_KEPT}.{{0,250}}besser (?:dran|aufgehoben)",
        # pills stockpiled: "ich sammle Tabletten seit einem Monat, jetzt 60 Stück in der Schublade"
        r"(?:sammle|sammel|sammeln|horte|bunker\w*) (?:\w+ ){0,3}(?:tabletten|pillen|medikamente|schlaftabletten)"
        r"|(?:tabletten|pillen|medikamente|schlaftabletten)\w* (?:\w+ ){0,3}(?:gesammelt|gehortet|gebunkert)",
        # "egal ich weiß eh schon wie ich das beende", "heute wirds tiefer", "hab schon alles verschenkt tschüss"
        r"(?:weiss|weiß) (?:eh |schon |genau |jetzt |ja )+,?wie ich (?:das|es|alles) (?:beende|beenden)\b",
        r"(?:wirds|wird es|wird's) (?:\w+ )?tiefer|tiefer (?:geschnitten|geritzt)",
        r"(?:alles|all meine sachen|meine sachen) (?:\w+ )?(?:verschenkt|weggegeben)\b.{0,40}(?:tschuss|lebt wohl"
        r"|machts gut"
        r"|macht es gut|\bbye\b|ciao|adieu|leb wohl)",
        # blades found, bloody tissues
        r"klingen (?:\w+ ){0,3}gefunden|klingen aus (?:einem|dem) (?:anspitzer|spitzer|rasierer)|(?:taschentucher"
        r"|tucher)"
        r" mit blut",
        # a young mother at the open window: "das wäre für uns beide am einfachsten"
        r"(?:offene\w* fenster|balkon|brucke|\d+\. stock)\b.{0,100}(?:ware|war|sei|waren)\b (?:\w+ )?(?:fur uns "
        r"(?:beide|alle)|fur alle) (?:am )?(?:einfachsten|besten|besser)",
        # blood and a locked door: "Im Bad ist Blut auf dem Boden … sie antwortet nicht mehr"
        r"blut (?:auf dem |auf |am |im )?(?:boden|handtuch|waschbecken|laken|bett)\b(?!.{0,150}nasenblut).{0,150}"
        r"(?:antwortet nicht"
        r"|reagiert nicht|macht nicht auf|eingeschlossen|abgeschlossen)|(?:eingeschlossen|abgeschlossen)\b.{0,150}"
        r"blut (?:auf|am|im)\b",
        # the wheel or the river in mind: "wie es wäre, einfach nicht mehr zu lenken", "Baby hat es besser ohne sie …
        # will zum Fluss"
        r"(?:uberlegt|gedacht|denke|dachte|wie es ware|wie es war)\b.{0,60}(?:nicht mehr (?:zu )?lenken|gegen (?:einen"
        r"|den) baum|in den gegenverkehr|vor (?:den|einen) (?:zug|lkw))",
        r"besser (?:dran )?ohne (?:sie|ihn|mich)\b.{0,150}(?:fluss|leine|wasser|brucke|gleis\w*|zug)\b|(?:fluss|leine"
        r"|brucke|gleis\w*)\b.{0,150}besser (?:dran )?ohne (?:sie|ihn|mich)\b",
        r"(?:frische\w* |tiefe\w* )?schnitte\b.{0,60}\bblut\w*|(?:unterarm|arm|arme|oberschenkel|bein|beine"
        r"|handgelenk)\w* (?:\w+ ){0,2}voller (?:frischer |tiefer )?(?:schnitte|schnittwunden)",
        r"(?:isst kaum|redet (?:\w+ )?nicht|nicht mehr er selbst|nicht mehr sie selbst|zieht sich zuruck"
        r"|schluss gemacht"
        r"|trennung)\b.{0,200}(?:seine|ihre|sein|ihr)\w* (?:\w+ ){0,3}(?:playstation|switch|konsole|xbox|handy"
        r"|lieblings\w*|gitarre|fahrrad|schuhe)\b.{0,60}(?:geschenkt|verschenkt|weggegeben|vermacht)",
        r"(?:meine|die) (?:arme|unterarme|handgelenke|beine|oberschenkel) (?:\w+ )?(?:brennen|bluten) (?:schon"
        r"|wieder|noch)"
        r"\b(?! vom| von)",
        r"(?:seine|ihre|meine) (?:\w+ )?(?:uhr|kette|ring|handy|konsole|playstation|gitarre|lieblings\w*) (?:\w+ ){0,3}"
        r"(?:geschenkt|verschenkt|vermacht)\b.{0,200}(?:brucke|gleis\w*|hochhaus|dach)\b",
        # a plan for tonight and the children provided for: "die Briefe für die beiden liegen schon auf dem Küchentisch
        # … heute Nacht soll es vorbei sein"
        r"(?:heute|heut|diese) (?:nacht|abend)\w* (?:\w+ ){0,2}(?:soll|wird|ist) (?:es|alles) (?:\w+ )?vorbei\b"
        r"|(?:soll|wird) (?:es|alles) (?:heute|heut) (?:nacht|abend) (?:\w+ )?vorbei\b",
        r"briefe? fur (?:die beiden|die kinder|meine kinder|jeden|alle|jedes kind)\b.{0,40}(?:liegen|liegt|geschrieben"
        r"|bereit)",
        r"wer (?:nimmt|kummert sich um|versorgt) (?:dann )?(?:die|meine) kinder\b.{0,300}(?:kann (?:\w+ )?nicht mehr"
        r"|vorbei sein|briefe)|(?:kann (?:\w+ )?nicht mehr|vorbei sein)\b.{0,300}wer (?:nimmt|kummert sich um|versorgt)"
        r" (?:dann )?(?:die|meine) kinder",
        # --- second-language and spoken forms (stop 26)
        r"(?:mach\w* ich schluss|schluss machen)\b(?! mit)(?!.{0,60}\bmit (?:ihm|ihr|dem|der|meinem|meiner))"
        r".{0,60}(?:uberlegt,? wie|wie ich es mache|einen plan)"
        r"|(?:uberlegt,? wie|einen plan)\b.{0,60}(?:mach\w* ich schluss|schluss machen)",
        r"(?:tabletten|pillen|schlaftabletten)\w*\b.{0,60}(?:korn|schnaps|wodka|whisky|alkohol|flasche)\b.{0,150}"
        r"(?:nicht mehr|fur immer|keine kraft|ohne mich|waise)|(?:nicht mehr|fur immer|keine kraft|ohne mich)\b.{0,200}"
        r"(?:(?:tabletten|pillen)\w*\b.{0,60}(?:korn|schnaps|wodka|whisky|alkohol|flasche)|(?:korn|schnaps|wodka|whisky"
        r"|flasche)\b.{0,60}(?:tabletten|pillen))",
        r"(?:besser|leichter|einfacher)\b.{0,30}wenn (?:ich|wir) (?:beide |alle )?(?:\w+ )?nicht mehr (?:da "
        r"|hier )?(?:war"
        r"|bin|ware|waren|sind|sein)\b",
        r"(?:baby|kind|kleine|kinder)\w* (?:\w+ ){0,2}(?:ist|ware|war|sind|waren|hat es|hatte es|haben es|hatten es) "
        r"(?:\w+ )?besser (?:dran )?ohne (?:sie|mich)\b",
        r"danke fur alles\b.{0,100}(?:du warst|ihr wart|warst|wart) (?:\w+ )?(?:die|der|das|ein\w*) (?:beste|allerbeste"
        r"|liebste)\w*|(?:du warst|ihr wart) (?:\w+ )?(?:die|der|das) (?:beste|allerbeste)\w*\b.{0,120}(?:geht nicht"
        r"|nicht mehr ans|nicht mehr ran|nicht erreich|abgeschaltet|aus ist)",
        r"(?:springt|springe|spring|springen) (?:\w+ ){0,2}(?:aus|vom|von|vor) (?:fenster|balkon|dach|brucke|zug)\b",
        r"(?<!lach mich )(?<!lache mich )(?<!lachen uns )lieber (?:sterben|sterbe|springen|springe|springt|umbringen)\b"
        r"(?! vor)",
        r"(?:tabletten|pillen|medikamente|schlaftabletten)\w* (?:\w+ ){0,3}(?:zusammen ?gesucht|zusammengesammelt"
        r"|gesammelt|gehortet|bereit ?gelegt)",
        # --- blind set 9 (stop 26)
        # a letter to be opened later, belongings given away and an odd calm: "einen Brief, den ich erst später
        # aufmachen soll", "hat alles verschenkt und ist so komisch ruhig"
        r"(?:brief|zettel|umschlag|abschiedsbrief)\w*\b.{0,60}(?:erst )?(?:spater|irgendwann|morgen|nachher"
        r"|wenn (?:ich|sie|er) (?:\w+ )?(?:weg|nicht mehr da|tot)\w*)\W{0,3} (?:\w+ ){0,3}(?:aufmachen|aufzumachen"
        r"|offnen|zu offnen|lesen|zu lesen)\b",
        r"(?:verschenkt|verschenken|weggegeben|hergegeben)\b.{0,250}(?:komisch|seltsam|merkwurdig|unheimlich|auffallig"
        r"|so|total|ganz) (?:\w+ )?(?:ruhig|friedlich|gelassen|erleichtert|nett|lieb)\b",
        # a farewell and the phone off: "Entschuldigung für alles, ich hab euch lieb" … "Handy ausgemacht"
        r"(?:entschuldigung|sorry|verzeiht|verzeih|tut mir leid|es tut mir so leid) (?:mir )?(?:fur"
        r"|wegen) alles\b.{0,200}(?:handy (?:\w+ )?(?:aus|ausgemacht|ausgeschaltet|abgeschaltet)"
        r"|nicht (?:mehr )?erreichbar|weg ?gegangen|verschwunden|nicht (?:mehr )?ran|nicht (?:mehr )?(?:ans"
        r"|an das) (?:handy|telefon))",
        # --- blind set 10 (stop 26)
        # a farewell in the family chat, things given away, the phone off: "passt gut auf euch auf, hab euch lieb"
        r"(?:passt|pass) (?:\w+ )?auf (?:euch|dich) auf\b.{0,200}(?:handy (?:\w+ )?(?:aus|ausgeschaltet|ausgemacht)"
        r"|nicht (?:mehr )?erreichbar|nicht (?:mehr )?(?:zu hause|da)\b|verschwunden|nicht (?:mehr )?ran)",
        r"(?:verschenkt|weggegeben|hergegeben)\b.{0,300}(?:handy (?:ist |\w+ )?(?:aus|ausgeschaltet|ausgemacht)"
        r"|nicht (?:mehr )?erreichbar|(?:hab|habe) euch (?:\w+ )?lieb)",
        # at a bridge, on a roof or by the tracks, not coming home: "sie steht an der Leinebrücke, will nie mehr heim"
        r"(?:steht|stehe|sitzt|sitze|ist|bin) (?:\w+ ){0,2}(?:an|auf) (?:der|dem|einer|einem) \w*(?:brucke|dach"
        r"|gleis\w*)\b.{0,120}(?:nie (?:mehr|wieder)|nicht mehr|antwortet nicht|will nicht|keinen sinn|abschied"
        r"|tschuss|lebwohl)",
        # cutting again, deeper: "hab mich gerade im Bad wieder geschnitten, diesmal tiefer"
        r"(?:mich|mir) (?:\w+ ){0,3}wieder (?:\w+ )?(?:geschnitten|geritzt)\b|(?:geschnitten"
        r"|geritzt)\b,? (?:\w+ )?diesmal (?:\w+ )?tiefer",
        # after birth: "für Baby ist besser eine andere Mama"
        r"(?:baby|kind|kinder|kleine)\w* (?:\w+ ){0,2}(?:ist|ware|war|sind) (?:\w+ )?besser (?:eine |ein )?(?:andere"
        r"|anderer|neue|neuer) (?:mama|mutter|papa|vater)",
    ),
    PARENT: (
        r"\w*schuttel|\w*schuttl",
        r"angst,? (?:dass|das) ich (?:ihm|ihr|ihn|es|sie|dem baby|meinem kind|den kindern|das baby|mein kind)?"
        r".{0,30}(?:weh ?tu|was an ?tu|etwas an ?tu|verletz|schlag|haue|kontrolle|vergesse)",
        # "ich hab angst das ich was schlimmes mache" (not "… was falsch mache": that is about a form)
        r"angst,? (?:dass|das) ich .{0,30}(?:was|etwas) (?:schlimmes|schreckliches|boses)"
        r"|angst (?:vor dem|davor),? was ich (?:\w+ ){0,3}(?:tun|tue|mache|anstelle)",
        r"(?:sonst|fast|beinahe) (?:hatte|hatt|tu|mach|mache|hat) ich (?:ihm|ihr|dem baby|dem kind|es|ihn)"
        r"? ?(?:was|etwas|weh|geschlagen|geschuttelt)",
        r"(?:kissen|decke) (?:auf|aufs|uber) (?:das|sein|ihr)? ?(?:gesicht|baby)",
        r"(?:verliere|verlier) (?:gleich |bald )?die (?:kontrolle|beherrschung)",
        r"ich (?:habe|hab) (?:mein\w* (?:kind|baby|sohn|tochter)|es|ihn|sie) (?:geschlagen|gestossen|geschuttelt)",
        r"(?:werfe|schmeiss|schmeisse) (?:es|das baby|ihn|sie) (?:gleich )?(?:aus dem|an die|gegen)",
        r"\w*rüttel|viel zu fest (?:angefasst|gepackt|gedrückt|gehalten)|zu fest gepackt",
        # too hard: "so fest gepackt das er abdrücke hat", "so doll am arm gerissen", "so fest gekniffen"
        r"(?:so|zu|viel zu|richtig) (?:fest|doll|hart) (?:auf (?:den|seinen|ihren) (?:po|hintern|kopf|rucken)"
        r"|ins gesicht"
        r"|auf die (?:finger|hand|hande)) (?:gehauen|geschlagen|gekloppt)",
        r"(?:so|zu|viel zu|richtig|total) (?:fest|doll|hart|grob|heftig|stark) (?:am arm |an den armen |am kragen )?"
        r"(?:gepackt|angefasst|gerissen|geschuttelt|gekniffen|gezwickt|geschubst|gestossen|geworfen|hingeworfen)",
        r"kissen (?:schon |bereits )?(?:in der hand|genommen|gegriffen)|(?:kissen|decke)\b.{0,20}(?:ubers gesicht"
        r"|aufs gesicht|auf (?:sein|ihr) gesicht)",
        r"mund zu(?:halte|halten|hielt|zuhalten)\b|(?:nase und mund|mund und nase) zu",
        r"unter ?wasser (?:zu )?(?:drucken|gedruckt|druckt|drucke|festhalten|festgehalten|festzuhalten)",
        r"(?:tu|tue) (?:meinem|meiner|dem|der) (?:baby|kind|sohn|tochter|kleinen)\w*(?: gleich| bald| noch| sonst)? "
        r"(?:was|etwas)\b(?! (?:gutes|zu|schones|leckeres|nettes|in|ins|auf|rein))|(?:tu|tue) (?:ihm|ihr) (?:gleich "
        r"|bald "
        r"|noch |sonst )?(?:was|etwas)\b(?! (?:gutes|zu|schones|leckeres|nettes|in|ins|auf|rein))",
        r"(?:schreit|brullt|weint|heult)\b.{0,30}(?:dann |sonst )?passiert (?:hier )?(?:was|etwas|ein ungluck)\b",
        r"gewalttätig (?:werde|zu meinem|gegen mein)|(?:werde|bin) (?:gleich |bald )?gewalttätig",
        r"sonst passiert (?:heute |gleich |noch |bald )?(?:nacht )?(?:was|etwas)|sonst (?:würde|werde|tu|tue) ich "
        r".{0,15}(?:weh|was an|etwas an|wehtun)",
        r"angst vor mir(?: selbst)?\b",
        r"(?:baby|kind|ihn|sie|es)\b.{0,30}fallen (?:zu )?lassen",
        r"(?:schon|fast|beinahe) (?:zu)?geschlagen|ins gesicht (?:geschlagen|gehauen)|hab (?:schon )?zugeschlagen",
        r"hand auf (?:den|seinen|ihren) mund|mund zugehalten|hand (?:uber|auf) (?:ihr|sein|das|dem) (?:gesicht|nase)",
        r"bevor ich (?:\w+ ){0,2}(?:was|etwas) (?:schlimmes|dummes|schreckliches)|sonst (?:mach|mache|tu"
        r"|tue) ich (?:noch )?"
        r"(?:was|etwas) (?:schlimmes|dummes|schreckliches)",
        r"(?:ins zimmer|aufs sofa|aufs bett|in die ecke|auf den boden) (?:geschubst|geschmissen|geworfen|gestoßen)",
        r"nicht (?:mehr )?für (?:mich|sich) garantieren|für nichts (?:mehr )?garantieren",
        r"(?:was|etwas) an ?(?:zu)?tu\w*|(?:tu|tue) (?:\w+ ){1,3}(?:was|etwas) an\b",
        r"(?:kurz davor|nah dran|fast|beinahe|knapp davor) (?:ihn|sie|es|das baby|den kleinen|die kleine|mein kind"
        r"|meinen sohn|meine tochter)\b.{0,30}(?:werfen|schmeissen|schlagen|hauen|schutteln|schubsen)",
        r"(?:halte|halt|ertrage) (?:mein kind|meine kinder|das baby|ihn|sie) nicht mehr aus",
        r"(?:meine )?hände (?:machen|tun) (?:sachen|dinge)",
        # "wie ich ihn fester gepackt hab als ich darf", "mich im Bad eingeschlossen" while the baby screams
        r"(?:fester|harter|doller|grober) (?:\w+ )?(?:gepackt|angefasst|gedruckt|gehalten|geschuttelt|zugepackt) "
        r"(?:\w+ ){0,2}als",
        r"mich (?:\w+ ){0,2}(?:im bad|im badezimmer|auf dem balkon|in der kuche|im keller|im klo|auf der toilette) "
        r"(?:eingeschlossen|eingesperrt)\b.{0,120}(?:schreit|brullt|weint)|(?:schreit|brullt|weint)\b.{0,250}mich "
        r"(?:\w+ ){0,2}(?:im bad|im badezimmer|auf dem balkon|im keller|im klo|auf der toilette) (?:eingeschlossen"
        r"|eingesperrt)",
        r"(?:sonst|gleich) (?:\w+ ){0,2}zu (?:fest|doll|hart|grob) (?:packe|anpacke|anfasse|schuttle|drucke)",
        r"(?:gedanken|bilder im kopf|absichtlich|einfach)\b.{0,60}(?:baby|kind|kleine\w*|sie|ihn) (?:\w+ ){0,3}fallen "
        r"(?:lasse|lassen|zu lassen)\b",
        r"(?:grob|zu fest|hart|heftig) (?:\w+ ){0,2}(?:ins|in das|aufs|auf das|in die) (?:bett\w*|kinderbett\w*|wiege"
        r"|stubenwagen)\b (?:\w+ )?(?:geworfen|geschmissen|geknallt|fallen lassen)",
        r"(?:baby|schreit|weint|brullt)\b.{0,200}angst,? (?:\w+ ){0,3}was ich (?:sonst|noch) (?:\w+ )?(?:mach|mache"
        r"|tue|tu"
        r"|anstelle)\b",
        r"\b(?:grad|gerade|eben|vorhin) (?:\w+ ){0,2}zu (?:fest|doll|hart|grob) (?:ge)?(?:packt|gepackt|angepackt"
        r"|geschuttelt|gedruckt)\b",
        # "ich merke, dass ich gleich was tue, was ich nicht will" (blind set 10)
        r"(?:gleich|sonst|noch) (?:\w+ )?(?:was|etwas) (?:tue|tu|mache|mach|anstelle)\b,? (?:\w+ )?(?:was"
        r"|das) ich (?:\w+ )?(?:nicht will|nicht wollte|bereue|bereuen werde)",
    ),
    CHILD: (
        # someone who comes to a child's bed or room at night, and the child must keep it secret
        r"(?:kommt|kam|geht|ging|schleicht|schlich|legt sich) nachts (?:\w+ ){0,3}(?:ins bett|in (?:mein|ihr|sein|das)"
        r" (?:zimmer|bett))\b.{0,120}(?:keinem|niemandem|niemand|geheimnis|verraten)",
        r"nachts (?:\w+ ){0,2}(?:ins bett|in (?:mein|ihr|sein|das) (?:zimmer|bett)|an (?:mein|ihr"
        r"|sein) bett) (?:kommt|kam"
        r"|geht|ging|schleicht|schlich)\b.{0,150}(?:keinem|niemandem|niemand|geheimnis|verraten|schworen)",
        r"\w*missbrauch|\w*vergewaltig|sexuell\w* (?:ubergriff|belastig|angefasst)",
        r"(?:fasst|fasste|anfassen|angefasst|beruhrt|beruhren) .{0,30}(?:unsittlich|intim|unterhose|zwischen die"
        r" beine|privat|wo er nicht|wo sie nicht|geschlechtsteil)",
        rf"{PERSON}\b.{{0,30}}(?:fasst|fasste) (?:mein\w*|mich|sie|ihn) (?:an|unsittlich)",
        r"(?:nacktbilder|nacktfotos|nackt ?fotos|\w*pornos?) .{0,40}(?:kind|tochter|sohn|ihr|ihm|geschickt|zeigt)",
        r"(?:nebenan|nachbar\w*|gegenüber|über uns|unter uns|über mir|unter mir|von oben|von unten|im haus"
        r"|durch die wand"
        r"|nebenwohnung|hausflur|treppenhaus)\b.{0,80}"
        r"(?:schreit|schreien|brüllt|weint|wimmert|ruft|allein|alleine|schlägt|geschlagen|hunger|verwahrlos|klatscht"
        r"|nichts zu essen|nix zu essen|gebettelt|bettelt|fliegen)"
        r".{0,60}(?:stunden|\btagen?\b|seit|nacht|immer|jeden tag|niemand|keiner|kind|baby|klein|mama|papa"
        r"|bitte nicht|hor auf|aufhoren)",  # not Montage
        # the neighbours' children with bruises again and again
        r"(?:nachbar\w*kind\w*|(?:nachbar\w*|nebenan|von oben|von unten|gegenuber|im haus)\b.{0,40}(?:kind|kinder|junge"
        r"|jungen|madchen|kleine\w*)|(?:kind|kinder|junge|jungen|madchen|kleine\w*)\b.{0,20}(?:nachbar\w*|nebenan"
        r"|von oben|von unten|gegenuber))\b.{0,40}(?:immer|standig|oft|schon wieder|wieder|jeden tag)\b.{0,20}"
        r"(?:blaue flecke?n?|blaue[ns]? auge|striemen)",
        r"\w*(?:kind|kinder|baby|kleine|kleinen|junge|mädchen|jährige\w*)\b.{0,80}"
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
        r"\w*(?:kind|kinder|kleine|kleinen|baby|sauglin)\w*.{0,40}(?:seit (?:dem |der )?(?:gestern|vorgestern|tagen"
        r"|stunden"
        r"|wochenende|\w+tag|heute (?:morgen|fruh)|mittag)|tagelang|nachts)"
        r" .{0,20}(?:allein|alleine|ohne (?:eltern|erwachsene|essen))",
        r"(?:allein|alleine) gelassen.{0,40}(?:seit|tage|nacht|stunden)|verwahrlos",
        r"(?<!nehmen )(?<!nimmt )(?<!holen )\w*(?:kind|sohn|tochter|baby) (?:ist )?(?:weg|verschwunden"
        r"|entfuhrt)\b(?! ?(?:nehmen|genommen|nimmt|holen|geholt))|will mein kind mitnehmen",
        # grooming and exploitation of a teen: an adult from the chat, secret meetings, gifts, pictures, money
        r"(?:chat\w*|internet|online|instagram|snapchat|tiktok|discord|\w*spiel)\b.{0,80}(?:[2-9]\d ?jahrig\w*"
        r"|erwachsen\w*|alter\w* (?:mann|typ))|(?:[2-9]\d ?jahrig\w*|erwachsen\w*|alter\w* (?:mann|typ))\b.{0,60}"
        r"(?:geschenke|geld|bilder von|fotos von|heimlich)",
        r"(?:online|internet|chat|spiel|instagram|snapchat|tiktok|discord)\w*\b.{0,80}heimlich\b.{0,40}treffen",
        r"(?:ihr|ihm|meiner tochter|meinem sohn|dem kind)\b.{0,20}(?:nacktbilder|nacktfotos|nacktvideos|pornos?"
        r"|dick ?pics?)|(?:erwachsen\w*|alter\w* (?:mann|typ))\b.{0,40}nackt",
        # a minor with an adult partner: "sie ist 14, er 24"
        r"(?:sie|er|tochter|sohn)\w* (?:ist )?1[0-5]\b.{0,25}\b(?:er|sie)\b (?:ist )?(?:schon )?[2-9]\d\b"
        r"|\b1[0-5]\b.{0,40}\b(?:freund|typ|mann|kerl)\b,? (?:mit|von|ist|der)? ?(?:ist )?(?:schon |fast |uber )?"
        r"[2-9]\d\b"
        r"(?! ?(?:euro|eur|€|minuten|min|km|meter|prozent|%|uhr|mal)\b)",
        # an adult giving a minor drugs or alcohol, a small child left in the car, a child nobody can find, a carer gone
        r"(?:mann|typ|erwachsen\w*|alter\w*)\b.{0,40}\b(?:ihm|ihr)\b.{0,10}(?:drogen|gras|koks|crystal|alkohol)",
        r"\w*(?:kind|jahrig\w*|baby|kleine\w*)\b.{0,30}(?:allein |alleine )?im (?:auto|wagen) (?:sitzen|zuruck|warten)"
        r"\b.{0,40}(?:wahrend|kneipe|stunden|hitze|sonne|nachts|abends)",
        r"(?:niemand|keiner) weiss,? wo (?:sie|er|mein\w*|unser\w*) (?:ist|steckt)",
        r"(?:mutter|mama|eltern|vater)\w*\b.{0,40}(?:nicht (?:mehr )?gesehen|sehe ich nicht|nicht mehr da|weg)\b.{0,60}"
        r"\w*(?:kind|kleine\w*|baby)\b.{0,30}(?:weint|schreit|wimmert|allein)",
        # a small child out alone at night
        r"(?:nachts|mitten in der nacht|um (?:[0-4]|mitternacht)\b)\b.{0,60}\w*(?:kind|junge|madchen|kleine\w*|baby)\b"
        r".{0,60}(?:barfuss|schlafanzug|allein|niemand|keiner|ohne (?:jacke|schuhe|eltern|erwachsene))",
        # a child left where it is in danger while the parents are away
        r"(?:balkon|fenster|dach|weint|schreit|schreien)\b.{0,60}(?:eltern|mutter|mama|vater|papa)\w* (?:sind|ist) "
        r"(?:nicht da|weg|nicht zu ?hause)|(?:eltern|mutter|mama|vater|papa)\w* (?:sind|ist) (?:nicht da|weg|nicht zu"
        r" ?hause)\b.{0,60}(?:balkon|fenster|dach|weint|schreit|schreien)",
        # a carer drunk or drugged with a small child
        r"(?:zugedrohnt|besoffen|sturzbetrunken|betrunken|bekifft|high|bewusstlos)\b.{0,60}(?:baby|kleinkind|kleine\w*"
        r"|kind|kinder)\b.{0,40}(?:schreit|weint|allein|alleine|krabbelt|nass|hunger)",
        # a child still not home, a child beaten now
        r"(?:seit|immer noch|noch immer)\b.{0,30}nicht (?:mehr )?(?:nach hause|heim|zuruck)\w*(?: gekommen)?",
        r"\w*(?:kind|kinder|kleine\w*|junge|madchen|baby)\b.{0,40}(?:wird|werden) (?:\w+ ){0,3}(?:geschlagen|verprugelt"
        r"|getreten|misshandelt)|(?:wird|werden) (?:ein|das|die|der) (?:kind|kinder|kleine\w*|junge|madchen|baby)\b"
        r".{0,40}(?:geschlagen|verprugelt|getreten|misshandelt)",
        r"(?:an|zu) (?:andere[n]? |seine[n]? )?(?:manner|typen|kumpels|freunde)\b.{0,20}(?:weiter|fur geld|verkauft)",
        r"(?:wird|wurde|worden) (?:\w+ )?(?:von|vom) (?:\w+ ){0,2}(?:angefasst|befummelt|begrapscht)|\bbefummel\w*"
        r"|begrapsch\w*|begrabsch\w*",
        # a child locked out in the cold, a drunk parent who drives the children
        r"\w*(?:kind|kinder|kleine|kleinen|kleiner|junge|madchen|baby|sohn|tochter)\b.{0,60}(?:ausgesperrt|vor die tur "
        r"gesetzt|rausgeworfen|nicht rein ?gelassen)\b.{0,60}(?:kalt|minus|nacht|stunde|seit|jacke|barfuss"
        r"|schlafanzug|weint)|(?:minusgrad\w*|eiskalt|nachts|barfuss|ohne jacke)\b.{0,40}(?:ausgesperrt|vor die tur"
        r" gesetzt)",
        # … also when the cold is told first: "sitzt seit Stunden im T-Shirt auf der Treppe, 2 Grad, er darf nicht rein"
        r"\w*(?:kind|kinder|kleine|kleinen|kleiner|junge|jungen|madchen|baby|sohn|tochter)\b.{0,80}(?:kalt|kalte|minus"
        r"|\d+ grad|schnee|friert|zittert|t-shirt|barfuss|schlafanzug|ohne jacke|nachts|dunkel|seit stunden|stundenlang"
        r"|die ganze nacht)\b.{0,80}(?:ausgesperrt|nicht rein ?gelassen|(?:darf|durfen) (?:\w+ ){0,2}nicht (?:rein|ins "
        r"haus|in die wohnung)\b|(?:lasst|lassen|liess) (?:ihn|sie|es|die kinder|den kleinen|die kleine) (?:\w+ ){0,2}"
        r"nicht (?:rein|ins haus|in die wohnung)\b)",
        r"(?:betrunken|besoffen|bekifft|getrunken)\b.{0,60}(?:mit den kindern|mit dem kind|mit dem baby|die kinder)\b"
        r".{0,30}(?:auto|fahren|losfahren|fahrt)",
        # "8 oder 9 Bier gehabt und ist jetzt mit beiden Kindern ins Auto gestiegen"
        r"(?:\d+ (?:oder \d+ )?(?:bier|glas|glaser|schnaps|wein|kurze)\w*|promille|angetrunken|gekifft)\b.{0,80}mit "
        r"(?:den|dem|der|beiden|meinen|unseren|seinen|zwei|drei) (?:kindern|kind|baby|kleinen|jungs|madchen)\b.{0,40}"
        r"(?:auto|fahren|losfahren|fahrt|gefahren|weggefahren|eingestiegen|gestiegen|losgefahren)",
        # secrecy forced on a child: "ein Geheimspiel unter der Decke, und wenn sie das verrät, kommt Mama ins
        # Gefängnis"
        r"geheimspiel|geheimes spiel|spiel\w* unter der (?:decke|bettdecke)",
        r"wenn (?:sie|er|du|ich) (?:das|es|was) (?:\w+ )?(?:verrat|erzahlt|sagt"
        r"|weitersagt)\b.{0,60}(?:kommt (?:\w+ ){0,2}ins"
        r" (?:gefangnis|heim|knast)|passiert (?:\w+ )?(?:was|etwas)|stirbt|muss (?:\w+ ){0,2}sterben|tot\b)",
        r"wie von (?:einem|nem|ner|der|dem|einer) (?:gurtel|kabel|stock|kochloffel|zigarette|ring|peitsche|schlag)\b",
        # a stranger's child outside, underdressed: "ein Kind barfuß im Schlafanzug an der B3"
        r"\bein (?:kleine[sr]? )?(?:kind|junge|madchen|kleinkind|kleiner|kleines)\b.{0,80}(?:barfuss|im schlafanzug"
        r"|in unterhose|nackt|in windel\w*|ohne schuhe)\b(?=.{0,120}(?:strasse|\bb ?\d+\b|drausse?n|treppenhaus"
        r"|vor (?:der|unserer|meiner) tur|klingelt|lauft|allein|alleine|nachts|\bgrad\b|minus|keiner|niemand))"
        r"|(?:lauft|steht|klingelt|irrt|sitzt)\b.{0,60}\bein (?:kleine[sr]? )?(?:kind|junge|madchen|kleinkind|kleiner"
        r"|kleines)\b.{0,80}(?:barfuss|im schlafanzug|in unterhose|nackt|in windel\w*|ohne schuhe)",
        # a carer who does not open while the children cry; a mother at the open window with the newborn at night
        r"(?:macht|machen) (?:\w+ ){0,2}nicht (?:mehr )?auf\b.{0,150}(?:baby|kind|kinder|kleine\w*)\b.{0,60}(?:weinen"
        r"|schreien|weint|schreit)",
        r"(?:stand|steht|sass|sitzt) (?:\w+ ){0,2}mit (?:ihm|ihr|dem baby|dem kind|dem kleinen|der kleinen"
        r"|dem saugling)"
        r" (?:\w+ ){0,2}am (?:offenen|geoffneten) (?:fenster|balkon\w*)",
        r"besser (?:war|ware|wars|wares),? wenn (?:es|er|sie|das baby|das kind|der kleine|die kleine) nicht (?:mehr )?"
        r"(?:da|hier|geboren|auf der welt) (?:war|ware|gewesen)",
        # punishment that endangers a child: a night on the balcony, days without food
        r"(?:musste|muss|mussten|musst) (?:ich|er|sie|wir|du) (?:\w+ ){0,3}(?:auf dem balkon|im keller|drauss?en"
        r"|vor der tur"
        r"|im treppenhaus) (?:schlafen|ubernachten|stehen|bleiben|sitzen)\b",
        r"(?:durfte|darf|durften|bekam|kriegte) (?:ich|er|sie|wir) (?:\w+ ){0,3}(?:nix|nichts|kein\w*) (?:zu )?essen"
        r"|(?:\d+|zwei|drei|vier) tage? (?:lang )?(?:nix|nichts|kein\w*) (?:zu )?essen (?:bekommen|gekriegt|gegeben)",
        # a child away overnight, or gone with a strange man: "gestern Abend nicht nach Hause gekommen … in das Auto
        # von einem Mann eingestiegen"
        r"(?:gestern|letzte nacht|heute nacht|die ganze nacht|seit gestern)\b.{0,40}nicht (?:mehr )?(?:nach hause|heim)"
        r"\w*(?: gekommen)?",
        r"(?:in|ins) (?:ein |das )?auto (?:von )?(?:einem|eines|nem) (?:fremden|mann|typen"
        r"|erwachsenen)\w* (?:\w+ ){0,6}"
        r"(?:eingestiegen|gestiegen)",
        # grip marks on a child's arms, flinching when lifted; the back full of welts; begged to tell no one
        r"(?:fingerabdruck|griffspur|griffmark|druckstell)\w*\b.{0,30}(?:oberarm|arm|armen|hals|handgelenk|bein)"
        r"|(?:oberarm|armen|handgelenk)\w*\b.{0,40}(?:fingerabdruck|griffspur|griffmark)\w*",
        r"zuckt (?:\w+ )?zusammen,? (?:\w+ ){0,2}wenn (?:man|ich|jemand|wir) (?:ihn|sie|es) (?:\w+ )?(?:hochnehmen"
        r"|anfassen"
        r"|beruhren|hochheben|in den arm)",
        r"(?:rucken|po|beine|arme|hintern)\w* (?:\w+ ){0,2}voller (?:striemen|blauer flecken|flecken|blutergusse)"
        r"|striemen\b.{0,40}(?:alte und (?:frische|neue)|frisch)",
        r"(?:angefleht|gebeten|schworen lassen)\w*,? (?:es |das )?(?:keinem|niemandem) (?:zu )?(?:sagen|erzahlen"
        r"|verraten)"
        r"|(?:darf|soll|durfe) (?:es |das )?(?:mama|papa|der mama|dem papa|den eltern|meiner mutter|seiner mutter"
        r"|ihrer mutter) (?:\w+ )?(?:nicht )?(?:sagen|erzahlen|verraten)\b(?!.{0,60}(?:uberraschung|geschenk|geburtstag"
        r"|party|weihnachten|muttertag|vatertag))|geheimnis unter (?:mannern|uns mannern)",
        r"nicht (?:wieder |mehr )?(?:da|dort|unten) anfassen|blut in (?:der|ihrer|seiner) (?:windel|unterhose"
        r"|schlupfer)",
        # a child locked in at night as a punishment
        r"(?:im keller|in den keller|auf dem balkon|in der abstellkammer|im dunkeln)\b.{0,100}(?:muss|musste|mussen) "
        r"(?:sie|er|ich) (?:\w+ ){0,2}(?:schlafen|bleiben|sitzen|stehen)\b.{0,60}(?:wenn (?:sie|er|ich) (?:\w+ ){0,2}"
        r"(?:frech|bose|unartig|nicht (?:hort|gehorcht|brav))|strafe|im dunkeln|eingesperrt|abgeschlossen|tage)",
        # grooming: pictures in pyjamas or underwear asked for
        r"(?:soll|sollst|will|wollte|verlangt|fragt)\b.{0,40}(?:fotos?|bilder|videos?) (?:\w+ ){0,2}(?:im schlafanzug"
        r"|in unterwasche"
        r"|in unterhose|im bikini|nackt|oben ohne)|(?:fotos?|bilder|videos?) (?:\w+ ){0,2}(?:im schlafanzug"
        r"|in unterwasche|in unterhose|im bikini|oben ohne) (?:\w+ ){0,2}(?:schicken|senden)",
        # sextortion: "sonst geht das Video an alle meine Follower", pictures put online after a break-up
        r"(?:video|videos|bilder|fotos|nudes)\b.{0,60}(?:an alle|an meine|online|follower|ins netz)\b.{0,60}(?:sonst"
        r"|wenn nicht|bis \d+ uhr)|(?:will|verlangt|fordert|zahlen|schicken)\w*\b.{0,30}(?:\d+ ?(?:€|euro))\b.{0,60}"
        r"(?:sonst|bis)\b.{0,60}(?:video|bilder"
        r"|fotos|nudes)\b.{0,40}(?:an alle|online|follower|ins netz)",
        r"(?:stellt|stelle|schickt|verschickt|postet|veroffentlicht) (?:er|sie)? ?(?:\w+ )?(?:meine|deine"
        r"|ihre) (?:\w+ )?"
        r"(?:bilder|fotos|videos?|nacktbilder|nudes)\b.{0,30}(?:online|ins netz|rum|herum|an alle|allen)",
        # a parent too drunk or high to stand with a small child; a mother shut in the bathroom with the newborn
        r"(?:geraucht|getrunken|betrunken|besoffen|bekifft|gekifft|drogen|schnaps|zugedrohnt|was genommen)\b.{0,300}"
        r"kann (?:kaum|nicht mehr) (?:\w+ )?stehen\b",
        r"mit (?:ihm|ihr|dem baby|dem kind|dem kleinen|der kleinen) (?:\w+ ){0,2}(?:im|ins|in) (?:bad|badezimmer)\w* "
        r"(?:\w+ ){0,2}eingeschlossen",
        r"(?:geheimdienst|alufolie)\b.{0,200}(?:durfen|darf) (?:\w+ ){0,2}nicht (?:raus|hinaus|weg)\b|(?:durfen|darf) "
        r"(?:\w+ ){0,2}nicht (?:raus|hinaus|weg)\b.{0,200}(?:geheimdienst|alufolie)",
        # a child crying at the door of someone who does not open; a child not found at a friends' place
        r"(?:weint|schreit|ruft)\b.{0,100}\b(?:sie|er|mutter|mama|vater|papa|keiner|niemand) (?:\w+ ){0,2}macht "
        r"(?:\w+ ){0,2}nicht (?:mehr )?auf\b",
        r"bei (?:seinen|ihren|den) (?:freunden|freundinnen|kumpels) ist (?:er|sie) (?:auch )?nicht\b",
        # welts and an angry parent: "Striemen am Oberschenkel … Papa war sauer"
        r"striemen\b.{0,80}(?:sauer|wutend|bose|gurtel|geschlagen|gehauen|haue)\b",
        # someone comes into a child's room at night while the mother works
        r"(?:onkel|stiefvater|freund von (?:mama|meiner mutter|ihrer mutter|seiner mutter)|mamas freund|cousin|nachbar"
        r"|untermieter|lebensgefahrte)\b.{0,40}(?:kommt|kam|geht|schleicht) nachts (?:\w+ ){0,2}(?:in mein|in ihr"
        r"|in sein"
        r"|zu mir|zu ihr|zu ihm|ins) (?:zimmer|bett)",
        # a drunk carer about to drive with the child
        r"(?:riecht|roch) (?:\w+ ){0,2}nach (?:alkohol|schnaps|bier|wein|fahne)\b.{0,150}(?:will|wollte|jetzt|gleich"
        r"|setzt sich)\b.{0,40}(?:auto|fahren)\b|(?:kann kaum"
        r" (?:gerade )?stehen|lallt)\b.{0,150}(?:ins auto|losfahren|fahren)",
        # --- second-language and spoken forms (stop 26)
        # a child writes that the parent has been gone since yesterday: "ich bin 9 und mama ist seit gestern weg"
        r"(?:mama|mutter|papa|vater|eltern)\b (?:\w+ ){0,2}(?:seit|schon seit) (?:gestern|vorgestern|heute (?:fruh"
        r"|morgen)|\w+ tagen?|\d+ tagen?|\w+ stunden|\d+ stunden)\b (?:\w+ ){0,2}(?:weg|fort|verschwunden"
        r"|nicht (?:mehr )?"
        r"(?:da|zuhause|zu hause|heim|nach hause|wieder ?gekommen|zuruck))\b(?! (?:auf|zur|zu|im|in|bei|ins) (?:kur"
        r"|reha"
        r"|arbeit|krankenhaus|klinik|urlaub|montage|dienstreise|geschaftsreise|oma|opa))(?=.{0,150}(?:bruder"
        r"|schwester|baby"
        r"|hunger|nichts (?:mehr )?zu essen|nur noch|weint|allein))",
        r"ich bin (?:[5-9]|1[0-3])\b.{0,100}(?:mama|mutter|papa|vater|eltern)\b (?:\w+ ){0,2}(?:seit|schon seit) "
        r"(?:gestern|vorgestern|\w+ tagen?|\d+ tagen?)\b (?:\w+ ){0,2}(?:weg|fort|nicht (?:mehr )?(?:da|heim|nach hause"
        r"|wieder ?gekommen|zuruck))",
        r"(?:keiner|niemand) macht (?:die |uns )?(?:tur )?(?:auf|mehr auf)\b.{0,80}(?:seit|gestern|stunden|weint|weinen"
        r"|schrei)|(?:seit|gestern|stunden)\b.{0,80}(?:weint|weinen|schrei\w*)\b.{0,60}(?:keiner|niemand) macht "
        r"(?:die )?(?:tur )?auf",
        r"(?:baby|kleinkind)\b.{0,60}(?:treppenhaus|hausflur|draussen|vor der tur|auf dem balkon|im auto)\b.{0,100}"
        r"(?:macht nicht auf|niemand|keiner|allein|seit (?:fruh|stunden|heute|\d))|(?:kinderwagen|maxi-?cosi)\b.{0,40}"
        r"(?:baby|kind)\b.{0,60}(?:seit (?:fruh|stunden|heute|\d)|macht nicht auf|niemand|keiner)",
        r"seit (?:gestern|vorgestern|\w+ tagen?|\d+ tagen?)\b(?: \w+)? (?:die |der )?(?:mama|mutter|papa|vater|eltern) "
        r"(?:ist|sind) (?:\w+ )?(?:nicht (?:mehr )?(?:da|zuhause|zu hause|heim|zuruck)|weg)\b(?=.{0,150}(?:kinder"
        r"|bruder"
        r"|schwester|baby|hunger|weint|allein))",
        r"(?:betrunken|besoffen)\b.{0,60}(?:kam|kommt|ging|geht) (?:\w+ ){0,2}(?:ins |in das |in )?zimmer (?:von )?"
        r"(?:meine[rn]? |unsere[rn]? |der |dem )?(?:tochter|sohn|kind|kinder|kleinen|madchen)",
        # a wedding that turns out to be one's own: "es ist MEINE Hochzeit", found out, not wanted
        r"(?:ist|es ist) meine (?:eigene )?hochzeit\b.{0,200}(?:nicht will|will (?:das |ihn )?nicht|gezwungen"
        r"|niemand darf"
        r"|heimlich)|(?:rausgefunden|erfahren|heimlich|niemand darf)\b.{0,200}(?:ist"
        r"|es ist) meine (?:eigene )?hochzeit",
        r"(?:(?:madchen|junge|kind|kleine\w*|kleiner)\b.{0,40}(?:sitzt|steht|wartet)|(?:sitzt|steht"
        r"|wartet) (?:\w+ ){0,2}"
        r"(?:madchen|junge|kind))\b.{0,30}\bseit\b.{0,80}(?:treppe|vor "
        r"(?:der|ihrer|seiner|die) (?:haus)?tur|draussen)\b.{0,150}(?:minus|\d+ grad|kalt|dunkel|dunne\w* jacke"
        r"|t-?shirt)",
        r"(?:nicht abgeholt|ist noch hier|ist noch da|noch nicht abgeholt)\b.{0,120}(?:gehen nicht ans (?:handy"
        r"|telefon)"
        r"|nicht erreichbar|niemand erreichbar|keiner erreichbar|geht keiner ran)|(?:gehen nicht ans (?:handy"
        r"|telefon)|nicht "
        r"erreichbar)\b.{0,120}(?:nicht abgeholt|noch hier|noch da)",
        # a child's words about being touched, and a secret: "Der Onkel macht auch immer so an meinem Po"
        r"(?:onkel|mann|papa|opa|stiefvater|freund|trainer|nachbar|cousin|babysitter)\b (?:\w+ ){0,4}(?:macht|fasst"
        r"|fummelt|streichelt|beruhrt|reibt|leckt|kusst)\w* (?!sich\b)(?:\w+ ){0,3}(?:an|am|auf) (?:meinem|meinen|meine"
        r"|meiner|ihrem|ihren|ihre|ihrer|seinem|seinen|seine|dem|den|die|der) (?:po|popo|pipi|muschi|penis|scheide"
        r"|schniedel|pullermann|puller|unterhose)\b",
        r"(?:onkel|mann|papa|opa|stiefvater|freund|trainer|nachbar|cousin|babysitter)\b.{0,80}\b(?:po|popo|pipi|muschi"
        r"|penis|scheide|schniedel|pullermann|puller|unterhose)\b.{0,80}geheimnis",
        # a threat that makes a child keep silent: "wenn ich mama erzähle was er macht … dann kommt mama ins gefängnis"
        r"wenn (?:ich|du|sie|er) (?:\w+ ){0,3}(?:erzahle|erzahlst|erzahlt|sage|sagst|sagt|verrate|verratst|verrat"
        r"|petze|petzt)\b.{0,80}"
        r"(?:gefangnis|ins heim|kommt (?:\w+ )?weg|passiert (?:was|etwas)|\btot\b|stirbt|umbring|glaubt (?:dir|mir"
        r"|euch)"
        r" (?:keiner|niemand))",
        # marks and the belt at home: "rote Striemen am Rücken … will nicht nach Hause, … wieder den Gürtel"
        r"striemen\b.{0,200}(?:gurtel|(?:will|mochte|traut sich|trau mich|will ich) (?:\w+ )?nicht (?:mehr )?(?:nach "
        r"hause|heim))|(?:will|mochte|traut sich) (?:\w+ )?nicht (?:mehr )?(?:nach hause|heim)\b.{0,150}(?:gurtel|haue"
        r"|schlage|prugel)\b",
        # pictures without clothes and a threat to send them: "bilder von mir wo ich nix anhab … schickt er die an die
        # ganze schule"
        r"(?:nichts an(?:hab|habe|hatte|hast|hat)?|nackt\w*|oben ohne|ohne (?:kleidung|klamotten))\b.{0,100}"
        r"(?:schickt|verschickt|schicken|postet|zeigt) (?:\w+ ){0,3}(?:an (?:die |alle|meine|seine)|in (?:die|der) "
        r"(?:klasse|gruppe|schule)|online|ins netz|rum|herum)",
        # a forced marriage, only a one-way ticket: "nur Hinflug … ich werde dort verlobt", "muss heiraten cousin"
        r"(?:(?:werde|wird|soll|sollen|muss) (?:\w+ ){0,3}verlobt|verlobt werden|verheiratet werden)\b.{0,150}"
        r"(?:hinflug|nicht (?:mehr )?zuruck|dort bleiben|bleibe\w* (?:\w+ ){0,4}dort)|nur (?:ein |einen )?hinflug\b"
        r".{0,150}(?:verlobt|heiraten|hochzeit|verheiratet)",
        r"(?:muss|mussen) (?:\w+ ){0,3}heiraten\b.{0,80}(?:cousin|mann den|nicht will|will nicht|weint|turkei"
        r"|heimat|flug"
        r"|ausland)|(?:soll|sollen) (?:\w+ ){0,8}heiraten\b.{0,80}(?:cousin|mann den|nicht will|will (?:das |den "
        r"|ihn )?nicht"
        r"|weint|flug)"
        r"|heiraten (?:muss|soll)\b.{0,80}(?:cousin|nicht will|will nicht|weint)",
        # --- blind set 9 (stop 26)
        # a mother after birth hears voices or shuts herself in with the baby (the child is in danger; the writer is
        # not the one overwhelmed): "jemand sagt ihr, das Baby sei nicht unseres", "mit ihm im Schlafzimmer
        # eingeschlossen"; a foster child "ist nicht unser leibliches", a nephew "nicht mein Sohn" are no sign
        r"(?:baby|kind|kleine)\w* (?:sei|ist|ware) (?:gar )?nicht (?:unser|ihr|mein|sein)\w*\b(?! (?:schuld|fehler"
        r"|leiblich|kind|baby|sohn|tochter|enkel|problem|ding|sache))",
        r"(?:hort|horte|hore|horen) (?:\w+ )?stimmen\b(?! (?:der|von|aus|im|durch|beim|nebenan|vom|auf))",
        r"\bsich (?:\w+ ){0,2}mit (?:dem|unserem|ihrem|meinem) (?:baby|kind|sohn|tochter|kleinen"
        r"|saugling)\b.{0,40}(?:eingeschlossen|eingesperrt|verbarrikadiert)",
        # a neighbour's children alone for days: "die Mutter seit Freitag nicht mehr gesehen … die Kinder weinen"
        r"(?:mutter|mama|vater|papa|eltern|frau|mann|nachbar\w*)\b (?:\w+ ){0,3}seit (?:montag|dienstag|mittwoch"
        r"|donnerstag|freitag|samstag|sonntag|gestern|vorgestern|tagen|\w+ tagen|\d+ tagen"
        r"|letzte\w* woche)\b (?:\w+ ){0,3}nicht (?:mehr )?gesehen\b.{0,200}(?:kind|kinder|kleinen?|baby|sohn"
        r"|tochter)\w*",
        r"(?:kind|kinder|kleine|grossere|grosse|junge|madchen|nachbarskind\w*)\b.{0,60}(?:gefragt|fragt|gebettelt"
        r"|bettelt|bittet)\w*,? (?:\w+ ){0,3}(?:brot|was zu essen|essen|hunger)\b(?=.{0,300}(?:klingel|offnet"
        r"|macht (?:\w+ )?(?:keiner|niemand)|nicht gesehen|allein))|(?:kind|kinder|kleine|grossere|grosse|junge"
        r"|madchen|nachbarskind\w*)\b.{0,60}(?:nach|um) (?:\w+ )?(?:brot|essen|was zu essen)\b (?:\w+ )?(?:gefragt"
        r"|gebettelt|gebeten)\b(?=.{0,300}(?:klingel|offnet|macht (?:\w+ )?(?:keiner|niemand)|nicht gesehen|allein))",
        # a drunk parent who will drive the child: "sie holt ihn gleich mit dem Auto … hat gelallt am Telefon"
        r"(?:auto|fahrt|fahren|losfahren)\b.{0,120}(?:gelallt|lallt|lallte|betrunken|besoffen|viel getrunken|voll wie)"
        r"|(?:gelallt|lallte|betrunken|besoffen|viel getrunken)\b.{0,120}(?:ins auto|mit dem auto|am steuer|fahrt"
        r"|fahren|losfahren)\b(?=.{0,150}(?:kind|kinder|enkel|sohn|tochter|holen|abholen|mitnehmen))",
        # an adult man courts a girl or boy in secret: "ein Mann, 30 oder älter, schickt Geld, sie darf den Eltern
        # nichts sagen"
        r"(?:mann|typ|kerl|erwachsene\w*)\b.{0,120}(?:geld|geschenke|bilder|fotos)\b.{0,120}(?:eltern|mama|papa"
        r"|niemandem|keinem) (?:\w+ )?(?:nichts|nix|nicht) (?:sagen|erzahlen|verraten)",
        # a dark cellar as punishment: "muss in den Keller, wenn er frech ist, und das Licht bleibt aus"
        r"(?:in den|im|in n) keller (?:\w+ ){0,2}(?:muss|musste|mussen|gesperrt|eingesperrt|gesteckt|geschickt)\b"
        r"|(?:muss|musste|mussen|sperrt|sperrte|steckt|steckte) (?:\w+ ){0,3}in den keller\b.{0,80}(?:frech|unartig"
        r"|bose|nicht (?:brav|hort|gehort)|licht|dunkel|weint)",
        # --- blind set 10 (stop 26)
        # an online "friend" who wants to meet in secret or asks for photos: "will ihn morgen am Bahnhof abholen … soll
        # es niemandem erzählen", "hat ihm Guthaben geschenkt und nach Fotos gefragt"
        r"(?:online|internet|spiel|chat|instagram|tiktok|snapchat|discord|kumpel|fremde\w*)\b.{0,250}(?:abholen"
        r"|treffen|holt \w+ ab|mitnehmen)\b.{0,150}(?:niemandem|keinem|niemand) (?:\w+ )?(?:erzahlen|sagen|verraten)",
        r"(?:online|internet|spiel|chat|app)\w*\b.{0,300}(?:nach|um) (?:\w+ )?(?:fotos|bilder|nacktbilder"
        r"|nacktfotos)\w* (?:gefragt|gebeten|verlangt)",
        # a stranger asks a child to get into his car: "hat meine Tochter gefragt, ob sie einsteigt"
        r"(?:mann|fremde\w*|typ|kerl)\b.{0,100}\bob (?:sie|er) (?:\w+ )?(?:einsteigt|einsteigen|mitkommt|mitkommen"
        r"|mitfahrt|mitfahren)\b|(?:auto|kombi|wagen|transporter)\b.{0,60}\bob (?:sie|er) (?:\w+ )?(?:einsteigt"
        r"|einsteigen)\b",
        # a marriage planned abroad for a girl who does not want it: "da wartet schon ein Mann und Hochzeit ist geplant"
        r"(?:hochzeit|heirat)\w* (?:ist |wird )?(?:\w+ )?(?:geplant|organisiert|arrangiert"
        r"|ausgemacht)\b.{0,200}(?:will (?:\w+ ){0,2}nicht|ich bin 1[3-7]|bin (?:erst )?1[3-7]|meine?n? pass|pass hat)",
        r"(?:wartet|warten) (?:\w+ ){0,2}(?:ein|der|einen) (?:mann|brautigam)\b.{0,80}(?:hochzeit|heirat|verlob)",
        # what a small child tells: "der Onkel hat ihr weh gemacht unten"
        r"(?:weh ?getan|weh ?gemacht|angefasst|beruhrt|gestreichelt)\b.{0,30}(?:\bunten\b(?! (?:am|an der|an den|im"
        r"|in der|beim) )|untenrum|da unten|zwischen den beinen|an der scheide|am po\b|am popo|am penis|am pimmel)"
        r"|(?:da unten|untenrum|zwischen den beinen|an der scheide|am po|am popo|am penis"
        r"|am pimmel)\b (?:\w+ )?(?:angefasst|beruhrt|weh ?getan|weh ?gemacht|gestreichelt)\b",
        # a drunk parent drives off with the children: "trinkt jeden Abend … mit beide Kinder in Auto weggefahren"
        r"(?:trinkt(?! (?:nie|kein|nicht))|getrunken|betrunken|besoffen|lallt|gelallt)\b.{0,150}(?:kinder|kind|sohn"
        r"|tochter|kleinen?)\w*\b.{0,40}(?:weggefahren|losgefahren|ins auto|in auto|im auto|mit dem auto|mit auto)",
        r"(?:weggefahren|losgefahren)\b.{0,100}(?:nicht (?:mehr )?gerade (?:laufen|stehen|gehen)|betrunken|besoffen"
        r"|lallt)",
    ),
    MEDICAL: (
        r"atmet (?:nicht|kaum|ganz komisch)|bewusstlos|reagiert nicht mehr|nicht (?:mehr )?(?:richtig )?ansprechbar"
        r"|krampf(?:t|anfall)",
        # blue lips or face, a seizure going on now (not "hatte letztes jahr"), twitching on the floor, no air
        r"blaue[n]? lippen|lippen (?:sind |werden |ganz )*blau|blau (?:im gesicht|angelaufen|anlaufen)|lauft blau an",
        r"(?:hat|kriegt|bekommt) (?:gerade |grad |wieder |einen |nen )*(?:fieberkrampf|krampfanfall|krampf\b(?! (?:in"
        r"|im"
        r"|vom|beim|von) ))|zuckend",
        r"atmet (?:\w+ ){0,3}(?:flach|stossweise)\b|nicht (?:mehr )?wach ?zu ?(?:kriegen|bekommen)|lasst sich "
        r"nicht (?:mehr )?wecken",
        r"(?:punkt|flecken|fleckchen|ausschlag)\w*\b.{0,60}\bglas|glas ?test",
        r"(?:kriegt|bekommt|kriegen|bekommen|krieg|bekomme) (?:keine|kaum) luft(?! durch die nase)",
        r"(?:gesicht|lippen|zunge|augen)\w* (?:schwillt|schwellen|ist geschwollen|sind geschwollen|zugeschwollen)",
        r"(?:umgekippt|zusammengebrochen|zusammengeklappt|besoffen|betrunken"
        r"|bewusstlos)\b.{0,50}(?:wacht nicht (?:mehr )?"
        r"auf|wird nicht (?:mehr )?wach|nicht wach zu kriegen|nicht wachzukriegen)",
        # swallowed: button cells, magnets, dishwasher tabs, descaler, lamp oil …
        r"(?:batterie|knopfbatterie|knopfzelle|magnet|spulmaschinentab|geschirrspultab|waschmittel|weichspuler"
        r"|entkalker"
        r"|lampenol|grillanzunder|spiritus|bleiche|chlor|abflussreiniger|rattengift|essigessenz|nagellackentferner"
        r"|liquid|tabs?(?!letten))\w*\b.{0,30}(?:geschluckt|verschluckt|getrunken|gegessen|im mund|in den mund"
        r"|abgebissen|geleckt)",  # "tab", not the "Tab" of "Tabletten" ("die Tabletten hat sie gut geschluckt")
        r"(?:ganze|ganzen|viele|alle) (?:packung |schachtel |blister )?(?:tabletten|pillen|paracetamol|ibuprofen"
        r"|schlaftabletten|medikamente)\w*\b.{0,20}(?:geschluckt|genommen|eingenommen|gegessen)|(?:paracetamol"
        r"|ibuprofen|antidepressiva|blutdrucktabletten)\w*\b.{0,20}(?:geschluckt|gegessen|erwischt)",
        r"(?:auf den kopf|mit dem kopf)\b.{0,40}(?:gefallen|geknallt|gestossen|aufgeschlagen)\b.{0,60}(?:erbricht|kotzt"
        r"|spuckt|ubergibt|bewusstlos|schlafrig|apathisch|nicht ansprechbar)",
        # scalds and drowning
        r"(?:heisses|kochendes) (?:wasser|fett|ol|tee|kaffee)\b.{0,30}(?:uber|gekippt|druber|abbekommen)"
        r"|(?<!leicht )verbruht|haut (?:lost sich|wirft blasen)",
        r"(?:in den|ins|in die) (?:pool|teich|wasser|see|planschbecken|regentonne|badewanne|tonne)\w* gefallen"
        r"|fast ertrunken|zuckt (?:am ganzen korper|unkontrolliert)",
        r"\w*(?:tabletten|medikamente|putzmittel|gift|reiniger) (?:geschluckt|getrunken|gegessen|genommen)|vergiftet",
        # "hat aus flasche getrunken unter spüle, die blaue für toilette", "Kippe gegessen"
        r"(?:getrunken|geschluckt|verschluckt|gegessen|genascht|abgeleckt|geleckt|in den mund genommen)\b.{0,40}"
        r"(?:unter (?:der |dem )?(?:spule|waschbecken|spulbecken)|\w*reiniger|putzmittel|spulmittel|fur (?:die |das "
        r"|den )?(?:toilette|klo|wc|abfluss)\b|klostein|wc-?stein|spulmaschinentab\w*|waschmittel\w*|desinfektion\w*"
        r"|chlor|bleiche|entkalker|lampenol|grillanzunder)",
        r"(?:\w*reiniger|putzmittel|spulmittel|unter (?:der |dem )?spule|klostein|wc-?stein|kippe|zigarette"
        r"|desinfektion)\w*\b.{0,40}(?:getrunken|geschluckt|verschluckt|gegessen|genascht|im mund|in den mund"
        r"|abgeleckt)",
        r"blutet (?:stark|sehr)|notarzt|krankenwagen|rettungswagen|allergischer schock",
        r"(?:vom|aus dem) (?:balkon|fenster|wickeltisch|hochbett) gefallen",
        # swelling after food: "Lippen und Augen sind ganz dick, er sagt, der Hals ist eng"
        r"(?:lippen|augen|gesicht|zunge)\w* (?:\w+ ){0,3}(?:sind|ist|werden|wird) (?:ganz |total |so |sehr )?(?:dick"
        r"|geschwollen)\b.{0,80}(?:hals|luft|atm\w*|hustet|nuss|erdnuss|allergi\w*|gegessen|stich|biene|wespe)"
        r"|hals (?:ist|wird|sei|fuhlt sich) (?:\w+ )?eng\b(?!.{0,40}(?:pulli|pullover|kragen|shirt|jacke|rolli))",
        # a small child ate someone's tablets: "ein paar Tabletten aus Omas Handtasche gefuttert"
        r"(?:ein paar|mehrere|viele|einige|handvoll|\d+|alle|ganze\w*) (?:\w+ )?(?:tabletten|pillen|kapseln)\w*\b"
        r".{0,50}(?:geschluckt|gegessen|gefuttert|genascht|erwischt|zerkaut|in den mund gesteckt)"
        r"|(?:tabletten|pillen|medikamente|kapseln)\w* (?:\w+ ){0,2}(?:aus|von) (?:\w+ ){0,2}(?:handtasche|nachttisch"
        r"|schrank|schublade|dose|oma|opa|mama|papa)\w*\b.{0,30}(?:geschluckt|gegessen|gefuttert|genascht|erwischt"
        r"|zerkaut)",
        # breathing hard and oddly, croup, lips turning blue: "pfeift beim Einatmen, die Haut zieht sich rein"
        r"atmet (?:\w+ ){0,5}(?:komisch|stossweise|japsend)\b|pfeift beim (?:ein|aus)?atmen"
        r"|(?:haut|rippen|brustkorb)\b.{0,30}zieht sich (?:\w+ ){0,2}(?:rein|ein)\b|lippen (?:\w+ ){0,3}(?:blau"
        r"|blaulich|lila|grau)\w*",
        # a feverish child that hardly reacts
        r"fieber\b.{0,150}(?:apathisch|teilnahmslos|reagiert kaum|kaum ansprechbar|guckt (?:\w+ )?kaum)",
        # fever with a stiff neck or spots that do not fade when pressed (meningitis), or 41 degrees and more
        r"fieber\b.{0,150}(?:steife\w* (?:nacken|hals)|nacken (?:\w+ ){0,2}(?:steif|hart)|nackensteif\w*"
        r"|kopf (?:\w+ )?nicht (?:mehr )?(?:\w+ ){0,3}(?:beugen|auf die brust|nach vorn)|(?:flecke?n?|punktchen|punkte"
        r"|pickelchen|ausschlag)\b.{0,60}(?:nicht weg|wegdruck|glas|nicht verschwind))"
        r"|(?:steife\w* (?:nacken|hals)|nackensteif\w*)\b.{0,100}fieber"
        r"|fieber (?:von |uber |bei |mit )?(?:4[1-2](?:[.,]\d)?|einundvierzig)\b|\b(?:4[1-2](?:[.,]\d)?|einundvierzig)"
        r" ?(?:grad|°c?)? fieber",
        r"\b(?:brennt es|es brennt|feuer)\b(?! ?(?:und flamme|wehr(?:fest|haus)))",
        # --- second-language and spoken forms (stop 26): "hat getrinkt aus flasche unter spüle", "schlucken batterie"
        r"(?:getrinkt|getrunkt|trinken|trinkt|schlucken|schluckt|gesluckt)\b.{0,40}(?:unter (?:der |dem )?(?:spule"
        r"|waschbecken)|\w*reiniger|putzmittel|spulmittel|fur (?:die |das |den )?(?:toilette|klo|wc)\b|waschmittel"
        r"|chlor|bleiche|entkalker|lampenol)",
        r"(?:schlucken|geschluckt|verschluckt|gegessen|im mund|in den mund)\b.{0,20}(?:batterie|knopfbatterie"
        r"|knopfzelle|magnet)\w*",
        # a fall with signs after it: "vom Wickeltisch geknallt, Kopf zuerst. Jetzt isse so schlapp, … gespuckt"
        r"(?:vom|aus dem|von der) (?:wickeltisch|hochbett|bett|sofa|couch|treppe|stuhl|hochstuhl|klettergerust)\b "
        r"(?:\w+ ){0,4}(?:gefallen|geknallt|gesturzt|geflogen|gekippt|runtergefallen)\b.{0,120}(?:spuckt|gespuckt"
        r"|erbricht|erbrochen|gekotzt|kotzt|schlapp|schlafrig|apathisch|bewusstlos|nur (?:noch )?(?:pennen|schlafen)"
        r"|nicht ansprechbar)",
        # a feverish child that twitches or does not react: "fieber 40,5, jetzt er zucken komisch … nicht reagieren"
        r"fieber\b.{0,120}(?:zuckt|zucken|krampft|krampfen|reagiert nicht|nicht (?:richtig )?reagier(?:t|en)\b"
        r"|augen (?:\w+ ){0,2}(?:verdreht|so weg|starr))",
        # --- blind set 9 (stop 26)
        # an open pill box and a child who is hard to wake or staggers: "Tablettenschachtel offen … schwer zu wecken"
        r"(?:tabletten|pillen|medikament|schachtel|blister|dose)\w*\b.{0,40}(?:offen|aufgemacht|leer|fehlen|gefunden"
        r"|rumgelegen)\b.{0,150}(?:schwer (?:zu )?(?:wecken|wach)|kaum (?:\w+ )?wach|wie betrunken|torkelt|taumelt"
        r"|schwankt|sehr mude|so mude|schlafrig|apathisch|schlapp)",
        # a baby hard to wake, limp, grey: "kriegen sie kaum wach, trinkt nicht, schlapp, grau um den Mund"
        r"(?:kriegen|kriege|krieg|bekommen|bekomme) (?:\w+ ){0,3}(?:kaum"
        r"|nicht (?:richtig )?)wach\b.{0,150}(?:trinkt (?:\w+ )?nicht|schlapp|grau|blau|blass|fieber|atmet|stohnt"
        r"|reagiert)",
        r"(?:baby|saugling|neugeboren\w*|wochen alt)\b.{0,120}(?:schwer (?:zu )?wecken|kaum (?:\w+ )?wach"
        r"|nicht (?:richtig )?wach (?:zu )?(?:kriegen|bekommen))",
        # a cut still bleeding after pressing on it: "Schnitt am Unterarm … immer noch durchblutet obwohl ich drücke"
        r"(?:schnitt|wunde|schnittwunde|platzwunde)\w*\b.{0,80}(?:immer noch|noch immer|hort nicht auf zu"
        r"|trotz) (?:\w+ )?(?:blutet|bluten|durchblutet|durchgeblutet|druck\w*)\b|(?:blutet|bluten"
        r"|durchgeblutet) (?:immer noch|noch immer|weiter)\b.{0,80}(?:druck\w*|drauf|tuch|verband|pflaster|minuten"
        r"|stunde)",
        # --- blind set 10 (stop 26)
        # a young baby who does not drink and only sleeps, or whose nappy stays dry
        r"(?:baby|saugling|neugeboren\w*|wochen alt|\d+ wochen)\b.{0,80}(?:trinkt|trink) (?:\w+ ){0,3}(?:nicht|kaum"
        r"|nichts)\b(?! (?:aus|gut|so gut|genug|viel|richtig gut))(?=.{0,150}(?:nur (?:noch )?schlaf|schlaft nur"
        r"|schlapp|trocken|fieber|kaum wach|nicht wach|apathisch))",
        r"windel\w* (?:\w+ ){0,4}trocken\b(?=.{0,100}(?:seit|stunden|morgen|fruh|gestern|schlapp|fieber|trinkt))"
        r"|windel\w* (?:\w+ )?seit (?:\w+ ){0,3}trocken\b|(?:seit|schon) (?:\w+ ){0,3}(?:trockene windel"
        r"|windel\w* trocken)",
        # fever in a baby under three months: "Baby 2 Monate, hat Fieber 39,2"
        r"\b(?:\d|zwei|drei|vier|funf|sechs|sieben|acht|neun|zehn|elf|zwolf) wochen alt\b.{0,80}fieber|(?:baby"
        r"|saugling|neugeboren\w*|kleine|kleiner)\w*\b.{0,40}\b(?:\d|zwei|drei|vier|funf|sechs|sieben|acht|neun|zehn"
        r"|elf|zwolf) wochen\b.{0,80}fieber|(?:baby|saugling)\w*\b.{0,40}\b(?:1|2|ein|einen|zwei|eineinhalb"
        r"|anderthalb) monat\w*\b.{0,80}fieber|fieber\b.{0,80}\b(?:\d|zwei|drei|vier|funf|sechs|sieben"
        r"|acht) wochen alt",
        # bleeding that does not stop
        r"hort (?:\w+ )?nicht (?:mehr )?auf zu bluten|blutung (?:\w+ )?(?:hort|lasst sich) (?:\w+ )?nicht (?:auf"
        r"|stoppen|stillen)",
    ),
}
# Shaking that has happened decides the numbers before the general order below. A baby or child already shaken must
# see a doctor now, even when it seems calm: the emergency call (112) comes first, not the words for an overwhelmed
# parent ("er hat die Kleine geschüttelt", "ich hab den Kleinen vorhin geschüttelt", "das Baby wurde geschüttelt").
# A grown-up shaken by the partner is violence ("er hat mich an den Schultern geschüttelt"). Not when it did not
# happen ("fast", "nicht", "Angst, dass …"): that parent gets the parent's numbers.
_DONE = r"(?:hat|hatte|habe|hab|haben|hast|wurde|ist)\b"
_NOT_DONE = r"(?:(?!\b(?:fast|beinahe|nicht|nie|niemals|kein\w*|angst|sonst|bevor|wollte|will|wurde|mochte)\b)[^.!?])"
_SMALL_CHILD = (
    r"(?:baby\w*|kleine\w*|kind\w*|sohn\w*|tochter\w*|saugling\w*|neugeboren\w*|bub|junge|jungen|madchen|enkel\w*"
    r"|zwerg\w*|maus\w*|schatz)\b"
)
_GROWN_UP = r"(?:mich|meine (?:frau|mutter|mama|freundin|schwester|oma)|mama)\b"
SHAKEN_FIRST = (
    (
        MEDICAL,
        _pattern(
            rf"(?<!\w){_DONE}{_NOT_DONE}{{0,30}}?\b{_SMALL_CHILD}{_NOT_DONE}{{0,40}}?\b(?:\w+)?geschuttelt"
            rf"|(?<!\w){_SMALL_CHILD}{_NOT_DONE}{{0,25}}?\b{_DONE}{_NOT_DONE}{{0,40}}?\b(?:\w+)?geschuttelt"
        ),
    ),
    (VIOLENCE, _pattern(rf"(?<!\w){_DONE}{_NOT_DONE}{{0,20}}?\b{_GROWN_UP}{_NOT_DONE}{{0,40}}?\bgeschuttelt")),
)
GENERIC = _pattern(
    r"^\W*(?:notfall|notruf|sos|hilfe+ ?schnell|schnell hilfe|hilf+e{2,}|polizei)\W*$|ruf\w* die polizei"
)

# Phrases that look like danger but are not: sport bruises, metaphors, games, a scraped knee.
_SOMEONE_ELSE = (
    r"mann|freund|papa|vater|mutter|mama|partner|ex|opa|oma|onkel|bruder|schwester|stiefvater|nachbar\w*|typ"
    r"|lebensgefahrte|er hat mich|sie hat mich"
)
NOT_DANGER = _pattern(
    r"(?<!\w)(?:"  # at word starts, as the patterns below
    r"\w*(?:fussball|handball|sport|training|spielplatz|hingefallen|gesturzt|tobt|toben|kita hingefallen)"
    r".{0,40}(?:blaue[ns]? fleck|blaues auge)"
    r"|(?:blaue[ns]? fleck\w*|blaues auge).{0,40}"
    r"(?:fussball|handball|sport|training|spielplatz|hingefallen|gesturzt|toben)"
    r"|\w*(?:miete|schulden|rechnungen|kosten|stress|arbeit|hausaufgaben|mathe|die schule|der lehrer)\w* "
    r"(?:bringt|bringen) (?:mich|uns) (?:noch )?um"
    r"|(?:\b(?:computer|handy|video|konsolen)?spiel\w*|zock\w*|gam(?:t|en|er)\b|fortnite|playstation|xbox|minecraft"
    r"|roblox)\b.{0,40}(?:schiess|toten|umbringen|kampf|bring\w* (?:euch|dich|ihn|sie|mich)(?: alle)? um\b)"
    r"|schlag mich nicht|schlagt mich nicht|vorgeschlagen|nachgeschlagen|aufgeschlagen|eingeschlagen|zugeschlagen|"
    r"angeschlagen|fehlgeschlagen|schlagen sie .{0,20}vor|schuttelfrost|flasche\w* .{0,20}schutt"
    # shaking one's head or a hand, plumping a pillow, shaking with laughter: "sie hat nur den Kopf geschüttelt"
    r"|kopf\w*schutt\w*|kopf (?:\w+ ){0,2}(?:ge)?schutt\w*|(?:hand|hande) (?:\w+ ){0,2}(?:ge)?schutt\w*"
    r"|auf(?:zu)?(?:ge)?schutt\w*|(?:vor|von) (?:lachen|ekel|kalte)\w* (?:\w+ ){0,2}(?:ge)?schutt\w*"
    r"|(?:ge)?schutt\w* (?:\w+ ){0,2}vor (?:lachen|ekel|kalte)|aus dem armel"
    # a small child banging its own head when angry is a question for the paediatrician, not violence
    r"|(?:sohn|tochter|kind|kleine\w*|junge|madchen|baby|zwerg|maus|kid)\w*(?: \(\d+\))? (?:\w+ ){0,3}(?:haut|schlagt"
    r"|knallt|hammert|stosst|rammt|wirft|schmeisst)\w* (?:sich )?(?:\w+ )?(?:(?:seinen|ihren|den) )?kopf"
    r"|(?:sohn|tochter|kind|kleine\w*|junge|madchen|baby|zwerg|maus|kid)\w*(?: \(\d+\))? (?:(?!(?:er|sie|papa|mama|mann"
    r"|vater|mutter|freund)\b)\w+ ){0,4}(?:seinen|ihren|den) kopf (?:\w+ ){0,3}gegen"
    r"|(?:haut|schlagt|knallt|hammert|stosst|rammt)\w* (?:er (?:sich )?(?:\w+ )?seinen"
    r"|sie (?:sich )?(?:\w+ )?ihren) kopf"
    # an animal or a thing fell from the balcony, not a child: "unsere Katze ist vom Balkon gefallen"
    r"|(?:katze|kater|hund|hamster|vogel|wellensittich|blumentopf|ball|handy|spielzeug|\w*tier)\w* (?:\w+ ){0,3}"
    r"(?:vom|aus dem) (?:balkon|fenster) gefallen"
    # "ich will sterben vor Peinlichkeit 💀", "ich sterbe vor Hunger"
    r"|(?:sterben|sterbe|stirbt|tot umfallen) vor (?:peinlichkeit|lachen|langeweile|neid|hunger|durst|hitze|kalte"
    r"|mudigkeit|aufregung|lampenfieber|neugier)"
    r"|um den verstand|(?:bringt|bringen|bringe) (?:mich|uns) (?:noch )?um (?:den|die|das|meinen|meine|unseren|unsere) "
    r"(?!ecke)\w+"
    # an everyday threat taken back as a joke: "ich bring ihn um wenn er sein Zimmer so lässt 😂 nee spaß" (not a
    # crying baby: "ich bring sie um wenn sie nicht aufhört zu schreien 😅" stays an alarm)
    r"|(?:bring|bringe) (?:ihn|sie) (?:noch )?um,? wenn (?:er|sie)\b(?!.{0,60}(?:schrei|weint|heult|baby|schlag|haut))"
    r"(?=.{0,80}(?:(?<!kein )(?:spass|scherz)|haha|\blol\b|😂|🤣|😅))"
    # violence that is over, told before the question: "hat früher getrunken und geschlagen, jetzt ist er in Therapie"
    r"|(?:fruher|damals|vor (?:\w+ )?jahren|jahrelang)\b.{0,60}(?:geschlagen|getrunken|gewalt\w*|handgreiflich"
    r"|geprugelt)\b.{0,80}?\b(?:jetzt|heute|inzwischen|mittlerweile|seit)\b"
    r"|ritzt \w+ namen|ritzt .{0,20}in (?:die|den) (?:bank|schulbank|tisch|baum)"
    r"|(?:wutanfall|wutanfalle|trotzphase|trotzanfall|trotzanfalle)\w*.{0,60}(?:haut|schlagt|tritt|beisst)(?: sie"
    r"| er)? "
    r"(?:mich|uns)(?:(?:(?!\b(?:" + _SOMEONE_ELSE + r")\b).){0,120}?blaue[ns]? fleck\w*)?"
    # a child under six hitting the parent is a question of upbringing: "Mein Sohn (3) haut mich!! … schlägt er mir
    # ins Gesicht" — up to the last such verb before an adult is named ("… und mein Mann schlägt mich" still alarms)
    # (a sentence that begins with "er"/"sie", or a pronoun of the other sex, may be someone else)
    r"|(?:(?:sohn|junge|kleiner|zwerg)\w* ?\((?:[1-5]|[1-5] ?j\w*|\d{1,2} ?mon\w*)\)|(?:[1-5]-?|zwei|drei|vier|funf)"
    r"jahrige[rn]?\b)(?:(?!\b(?:" + _SOMEONE_ELSE + r"|sie)\b|[.!;:] er\b)[^?]){0,160}"
    r"\b(?:haut|hauen|schlagt|tritt|beisst|kratzt|boxt|zwickt)(?: er)? (?:mich|mir|uns)\b"
    r"(?:(?:(?!\b(?:" + _SOMEONE_ELSE + r"|sie)\b|[.!;:] er\b).){0,120}?blaue[ns]? fleck\w*)?"  # and its bruise
    r"|(?:(?:tochter|madchen|kleine|maus)\w* ?\((?:[1-5]|[1-5] ?j\w*|\d{1,2} ?mon\w*)\)|(?:[1-5]-?|zwei|drei|vier"
    r"|funf)jahrige\b)(?:(?!\b(?:" + _SOMEONE_ELSE + r"|er)\b|[.!;:] sie\b)[^?]){0,160}"
    r"\b(?:haut|hauen|schlagt|tritt|beisst|kratzt|boxt|zwickt)(?: sie)? (?:mich|mir|uns)\b"
    r"(?:(?:(?!\b(?:" + _SOMEONE_ELSE + r"|er)\b|[.!;:] sie\b).){0,120}?blaue[ns]? fleck\w*)?"  # and its bruise
    # a high fever that is over: "hatte letztes Jahr mal 41 Fieber, gibt es einen Kurs …"
    r"|(?:hatte|hatten|damals|fruher|letzte[ns]? \w+|vor (?:\w+ )?(?:wochen|monaten|jahren))\b.{0,30}?"
    r"(?:fieber (?:von |uber |bei |mit )?(?:4[1-2](?:[.,]\d)?|einundvierzig)\b|\b(?:4[1-2](?:[.,]\d)?|einundvierzig)"
    r" ?(?:grad|°c?)? fieber)"
    # "das Baby schläft besser ohne mich im Zimmer", "ich lach mich lieber tot"
    r"|(?:schlaft|schlafen|isst|essen|trinkt|spielt|spielen|lernt|lernen|klappt|geht|lauft|funktioniert|kommt)\w* "
    r"(?:\w+ ){0,2}besser (?:\w+ )?ohne mich|lach\w* (?:mich|uns|dich) (?:\w+ )?(?:lieber |noch |halb )?tot"
    # the children as the ones who "kill" me: "Meine Kinder bringen mich noch um 😂 Ferien seit 3 Tagen"
    r"|(?:kinder|kids|jungs|madels|blagen|goren|zwerge|kleinen?|teenager|pubertier\w*)\b (?:\w+ )?(?:bringen"
    r"|bringt) mich"
    r" (?:\w+ ){0,2}um\b"
    # "ich bring mich um vor Scham 😭", a party upstairs, a fear of the Jugendamt's visit, a game of hide-and-seek,
    # Halloween make-up, shaking the bottle, "unser Hund bringt mich um"
    r"|(?:bring\w*) mich (?:\w+ )?um vor (?:scham|peinlichkeit|lachen|langeweile|neugier|aufregung)"
    r"|(?:nachbar\w*|oben|unten|nebenan)\b.{0,80}(?:schrei\w*|knall\w*|laut\w*|grol\w*)\b.{0,80}(?:party|feier\w*"
    r"|musik|fussball|geburtstag)\w*|(?:party|feier\w*)\b.{0,60}(?:schrei\w*|laut|knall\w*)"
    r"|(?:jugendamt|amt)\b.{0,120}(?:nehmen|nimmt|holen|holt) (?:sie |die |es )?(?:mir |uns )?(?:mein\w* |unser\w* "
    r"|das "
    r"|die |den )?(?:kind|baby|kinder|sohn|tochter)\w* weg"
    r"|(?:eingesperrt|eingeschlossen)\b.{0,60}(?:beim (?:verstecken|spielen)|versteckspiel|im spiel|zum spass)"
    r"|(?:halloween|fasching|karneval|kostum\w*|schmink\w*|geschminkt)\b.{0,80}(?:schnittwunde\w*|narben|wunde\w*"
    r"|blut\w*)|(?:schnittwunde\w*|narben|wunde\w*|blut\w*)\b.{0,80}(?:geschminkt|schminke|halloween|fasching)"
    r"|schutt\w* (?:die |der |das )?(?:flasche|flaschchen|milch|saft|dose|kissen|decke|bettdecke)"
    r"|(?:unser|unsere|mein|meine)\w* (?:hund|katze|kater|hamster|papagei|welpe|pferd|auto|handy|laptop|waschmaschine"
    r"|heizung|chef|job|arbeit) (?:bringt|bringen) (?:mich|uns) (?:noch )?um\b"
    # night terrors: "Nachtschreck … wacht schreiend auf und ist nicht ansprechbar"
    r"|(?:nachtschreck|pavor nocturnus|albtr[aä]um\w*|schlafwandel\w*)\b.{0,150}(?:nicht ansprechbar|schrei\w*)"
    r"|nicht ansprechbar\b.{0,150}(?:nachtschreck|pavor|albtr[aä]um|schlafwandel)"
    # an ambulance that came weeks ago, or a toy one: "war letzte Woche mit dem Krankenwagen in der Klinik, jetzt …"
    r"|(?:letzte[nmrs]? (?:woche|monat|jahr|winter|sommer|klassenfahrt|urlaub|ferien|reise|ausflug|mal)"
    r"|vor (?:\w+ )?(?:wochen|monaten|jahren)|damals|fruher)\b"
    r"(?:(?!\b(?:jetzt|gerade|grad|heute|eben|wieder)\b).){0,60}(?:krankenwagen|rettungswagen|notarzt)\w*"
    r"|(?:krankenwagen|rettungswagen|notarzt)\w*\b(?:(?!\b(?:jetzt|gerade|grad|heute|eben|wieder)\b).){0,60}"
    r"(?:letzte[nmrs]? (?:woche|monat|jahr|winter|sommer|klassenfahrt|urlaub|ferien|reise|ausflug|mal)"
    r"|vor (?:\w+ )?(?:wochen|monaten|jahren))\b"
    r"|(?:spielzeug|lego|playmobil|liebt|mag|malt|spielt (?:mit|gern\w*))\w*\b(?: \w+)?(?: \w+)? (?:krankenwagen"
    r"|rettungswagen)\w*|(?:krankenwagen|rettungswagen)\w* (?:spielen|malen|bauen|fahren)"
    # an ambulance that came for something small, said so: "Rettungswagen war da, zum Glück nur eine Prellung"
    # (stop 27; "der Krankenwagen kommt, aber er atmet nur noch flach" names no small injury, "… nur eine Platzwunde,
    # und jetzt schlägt er wieder" goes on in the same sentence: both stay emergencies)
    r"|(?:krankenwagen|rettungswagen|notarzt|sanitater)\w*\b[^.!?]{0,40}\b(?:aber|zum gluck|gott sei dank)\b"
    r"[^.!?]{0,25}\b(?:nur (?:eine?n? |ein paar )?(?:verstauchung|prellung|platzwunde|schurfwunde|beule|zerrung"
    r"|kratzer)\w*|nichts (?:gebrochen|schlimmes))(?![^.!?]{0,80}\b(?:jetzt|gerade|grad|wieder|schon wieder)\b)"
    # a thing, not a person, "kills" me: "die Hitze bringt mich um", "die Schule bringt mich noch ins Grab"
    r"|(?:die|der|das|diese[rs]?) (?!(?:mann|freund|vater|papa|typ|ex|partner|bruder|kerl|stiefvater|onkel|opa|mutter"
    r"|mama|frau)\b)\w+ (?:bringt|bringen) (?:mich|uns) (?:noch |echt |wirklich )?(?:ins grab|um)\b"
    # --- blind set 10 (stop 26)
    # a swallowing that is past or called harmless: "Letztes Jahr hat er mal Spülmittel getrunken … nichts passiert",
    # "Vitamin-D-Tablette gegessen, beim Giftnotruf hieß es, das ist völlig harmlos"
    r"|(?:letzte[ns]? (?:jahr|woche|monat|mal|sommer|winter)|vor (?:\w+ ){0,2}(?:wochen|monaten|jahren)"
    r"|damals)\b[^.!?]{0,80}(?:getrunken|geschluckt|verschluckt|gegessen|genascht)\b(?![^.!?]{0,60}\b(?:jetzt|gerade"
    r"|heute|eben|wieder|seitdem|noch)\b)|(?:getrunken|geschluckt|verschluckt|gegessen"
    r"|genascht)\b[^.!?]{0,80}(?:giftnotruf|giftzentrale|giftinformation|kinderarzt|arzt)\w*\b[^.!?]{0,60}(?:harmlos"
    r"|unbedenklich|entwarnung|nicht schlimm|nichts passier)"
    # an ambulance almost called: "ich war schon kurz davor, den Rettungswagen zu rufen"
    # (only these words between: "fast aufgehört zu atmen, Notarzt gerufen" must stay an emergency)
    r"|(?:kurz davor|fast so weit|beinahe so weit|fast|beinahe|schon uberlegt|uberlegt)\b,? (?:den |einen "
    r"|die )?(?:rettungswagen|krankenwagen|notarzt|notruf)\w* (?:zu )?(?:rufen|anzurufen|gerufen|angerufen|gewahlt"
    r"|wahlen)"
    # a joke with a window on the ground floor: "spring ich aus dem Fenster 🙈 Wir wohnen im Erdgeschoss"
    r"|(?:spring|springe|springen)\w* (?:ich |wir )?aus dem fenster\b(?=.{0,60}(?:erdgeschoss|parterre|keine sorge"
    r"|nur spass|😂|🤣|🙈|😅|😆))"
    # self-harm that is past, with help now: "hat sich letztes Jahr geritzt, seitdem in Therapie, geht deutlich besser"
    r"|(?:letzte[ns]? (?:jahr|sommer|winter)|vor (?:\w+ )?(?:monaten|jahren))\b.{0,30}(?:geritzt|selbstverletz\w*"
    r"|geschnitten)\b(?=.{0,100}(?:seitdem|heute|jetzt|inzwischen|mittlerweile) (?:(?!nicht\b|kein\w*\b"
    r"|nie\b)\w+ ){0,5}(?:gut|besser|stabil|vorbei|therapie))"
    # house arrest: "mich eingesperrt!!! (also Hausarrest bis Freitag)"
    r"|(?:eingesperrt|eingeschlossen)\W{0,8}(?:\w+ ){0,2}hausarrest|hausarrest\b.{0,40}(?:eingesperrt|eingeschlossen)"
    # films, books, plays: what happens in the story
    r"|\w*(?:theater|rolle|film|krimi|buch|roman|marchen|serie|horspiel|tatort)\w*\b.{0,120}(?:vergiftet"
    r"|erwurgt|ermordet|getotet|erschossen|ertrunken|umgebracht|erstochen|entfuhrt|gekidnappt|verschleppt)"
    # a film, a book or a lesson about violence: "in der Schule einen Film über häusliche Gewalt gesehen" (what is
    # said about the family itself still counts: only the words about the film are set aside)
    r"|\w*(?:film|doku|dokumentation|buch|roman|serie|sendung|bericht|artikel|referat|unterricht|projekttag|vortrag"
    r"|theaterstuck)\w*\b (?:\w+ ){0,3}(?:uber|zum thema|zu) (?:\w+ ){0,2}(?:hausliche\w* )?(?:gewalt|missbrauch)\w*"
    r"|(?:versteckspiel|fangspiel|rollenspiel|beim spielen)\w*\b.{0,60}(?:eingesperrt|eingeschlossen|ausgesperrt)"
    r"|(?:nicht|nie|kein\w*) (?:aggressiv|gewalttatig|handgreiflich)"
    # a parent who cannot leave the children alone (and needs care for them) is not a child left alone
    r"|(?:nicht|nie) (?:mehr |so lange |lange |einfach |abends |nachts )?(?:allein|alleine) (?:lassen|bleiben)\b"
    # a parent alone with the children, or lonely, is no child left alone: "ganz allein mit ihren zwei Schulkindern"
    r"|(?:allein|alleine|alleinerziehend)(?: zu hause| zuhause| daheim)? mit (?:ihren|seinen|meinen|unseren|den|\w+)"
    r" (?:\w+ )?(?:kindern|kids|jungs"
    r"|madchen|kleinen|schulkindern)"
    r"|(?:sie|er|ich) (?:ist|bin) (?:ganz |total |so )?(?:allein|alleine) und (?:hat|habe|hab) (?:niemand\w*|keinen)"
    # "ich könnte mich ohrfeigen/schütteln" (I could kick myself), "fühl mich wie eingesperrt"
    r"|(?:konnt\w*) mich (?:\w+ ){0,2}(?:ohrfeigen|schutteln|treten|schlagen)|wie eingesperrt"
    # a parent at home with the baby, or who would otherwise have to leave the children alone (and asks for care)
    r"|\b(?:bin|sind|war|waren)\b (?:\w+ ){0,4}mit (?:dem|meinem|unserem|den|meinen|unseren) "
    r"(?:baby|kind|kindern|kleinen|sohn|tochter|zwillingen)\b (?:\w+ )?(?:allein|alleine)\b"
    r"|(?:musste|muss) (?:die|meine|unsere) (?:\w+ )?(?:kinder|kleinen|kids)(?: \([^)]{0,12}\))? "
    r"(?:sonst |dann |abends |nachts )?(?:allein|alleine) lassen"
    # classmates throwing a child's things about is bullying (Schulsozialarbeit), not violence at home:
    # "die anderen Kinder werfen seine Sachen in den Müll", "in der Pause werfen sie ihr die Sachen hinterher"
    r"|(?:kinder|mitschuler\w*|klassenkamerad\w*|jungs|madchen|die anderen|die grosseren|die grossen)\b (?:\w+ ){0,3}"
    r"(?:werfen|warfen|schmeissen|schmissen) (?:\w+ ){0,2}(?:seine|ihre|sein|ihr|meine|mein)\w* (?:\w+ )?"
    r"(?:sachen|schulsachen|ranzen|schulranzen|mappe|rucksack|federmappe|mutze|jacke)"
    r"(?: (?:aus dem (?:fenster|bus)|in den (?:mull|dreck|bach)|in die ecke|auf den boden))?"
    r"|(?:schule|klasse|schulhof|pause|schulbus)\b.{0,40}(?:werfen|schmeissen) (?:\w+ )?(?:ihm|ihr) (?:\w+ ){0,2}"
    r"sachen (?:nach|hinterher)"
    # a child afraid to go home with a bad report is no violence: "er hat Angst, nach Hause zu gehen, wegen dem Zeugnis"
    r"|angst\b.{0,40}(?:nach hause|heim)\w*\b.{0,40}\bwegen (?:\w+ ){0,2}(?:zeugnis|note|noten|klassenarbeit"
    r"|mathearbeit|arbeit|test)\w*"
    r"|(?:zeugnis|noten|klassenarbeit|mathearbeit)\w*\b.{0,60}angst\b.{0,30}(?:nach hause|heim)\w*"
    # things, not people: "die Nachzahlung haut mich um", "ich könnte das Ding aus dem Fenster werfen"
    r"|(?:das|es|dies|\w*zahlung|\w*rechnung|\w*kosten|preis\w*) haut (?:mich|uns)(?: \w+){0,2} um\b"
    r"|(?:bringt|bringen) (?:mich|uns) (?:noch )?um mit (?:ihr|sein|eur|dem|der|den)\w* "
    r"(?!messer|waffe|pistole|gewehr)\w+"
    r"|(?:das ding|den fernseher|die konsole|das handy|den laptop|das tablet) aus dem fenster (?:werfen|schmeissen)"
    r"|(?:hingefallen|gesturzt|gestolpert|fahrrad|spielplatz|sport|fussball|toben)\b.{0,60}(?:platzwunde|veilchen)"
    r"|(?:platzwunde|veilchen)\b.{0,60}(?:hingefallen|gesturzt|gestolpert|genaht|geklebt|ball|sport|fussball)"
    r"|schlag\w* (?:mich|uns|sich) (?:\w+ ){0,4}(?:durch|herum|rum)\b"
    r"|schlag\w* (?:mir|uns|euch|ihnen) vor\b(?! (?:den|dem|der|allen|meinen|unseren) )"
    # "schlag mir mal ein Rezept vor": the separable "vor" at the end of the clause
    r"|schlag\w* (?:mir|uns|euch|ihnen|dir)\b[^.,;?!]{0,60}? vor(?=\s*(?:[.,;?!]|$|und\b|oder\b|bitte\b))"
    # short of breath only at a thought is fear, no illness: "ich krieg kaum Luft, wenn ich an die Zahlen denke"
    r"|(?:keine|kaum) luft,? (?:\w+ ){0,2}(?:wenn|sobald) ich (?:\w+ ){0,2}(?:an|daran)\b(?: \w+){0,4} denke"
    # school work about a bridge or a poison is no plan: "wie hoch ist die Brücke …, für ein Referat"
    r"|(?:wie hoch|hoch ist) .{0,25}brucke.{0,60}(?:referat|hausaufgabe|schulprojekt|fur die schule)"
    # self-harm that is over: "ich hab früher geritzt, heute geht es mir gut"
    r"|(?:fruher|damals|als teenager|als jugendliche\w*|vor (?:\w+ )?jahren)\b.{0,30}(?:geritzt|selbstverletz\w*"
    r"|geschnitten)\b.{0,60}(?:heute|jetzt|inzwischen|mittlerweile) (?:\w+ ){0,3}(?:gut|besser|stabil|vorbei)"
    # a teen hard to wake for school, cooking with a knife
    r"|(?:morgens|fruh|zur schule|fur die schule|am wochenende)\b.{0,30}nicht (?:wach|aus dem bett)\w*(?: zu)?"
    r"(?: kriegen| bekommen)?"
    r"|(?:schneide\w*|schnippel\w*|kochen|brot|gemuse|obst|apfel|schnitz\w*)\b.{0,30}mit (?:dem|einem) messer"
    r"|mit (?:dem|einem) messer\b.{0,30}(?:schneide\w*|schnippel\w*|kochen|brot|gemuse|obst|apfel|schnitz\w*)"
    r")"
)
# The German patterns are tried at word starts only (`(?<!\w)`): some four times faster than at every letter. A pattern
# that must also find the tail of a compound says so with a leading \w* ("geschüttelt", "Kindesmissbrauch",
# "Herztabletten", "Nachbarskind").
_WORD_START = r"(?<!\w)(?:{})"
_COMPILED = {
    kind: _pattern(_WORD_START.format("|".join(f"(?:{p})" for p in patterns))) for kind, patterns in PATTERNS.items()
}


# --- English, Ukrainian, Turkish and Arabic (issue 11) ---------------------------------------------------------------
# These messages are compared in their own folded form (`fold_other`): lower case, white space collapsed, apostrophes
# (’ ʼ ‘ `) as ', Arabic short vowels and tatweel dropped, alef forms as ا, ى as ي, ة as ه, and the Turkish letters
# ı ş ç ğ ö ü (also İ, whose lower() leaves a combining dot) spelled without their marks — so "ölmek", "olmek" and
# "ÖLMEK" are the same word, and ı/i never matter. The German umlaut folding is not applied here (it would eat the
# "e" of "blue" or "issue"). Patterns are written in lower case and folded the same way, so Turkish may be written with
# or without its marks, Arabic with or without hamza. Past violence told as history ("he hit me last year") asks for
# advice, not the emergency numbers: past forms alarm only next to a word of "now/today/again".
_OTHER_FOLD = str.maketrans(
    {
        "’": "'",
        "ʼ": "'",
        "‘": "'",
        "`": "'",
        "´": "'",
        "ı": "i",
        "ş": "s",
        "ç": "c",
        "ğ": "g",
        "ö": "o",
        "ü": "u",
        "â": "a",
        "î": "i",
        "û": "u",
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ة": "ه",
        "ё": "е",
    }
)
_OTHER_MARKS = re.compile("[\u0307\u064b-\u065f\u0670\u0640]")  # combining dot of İ, Arabic vowel signs, tatweel


def _fold_other_letters(text: str) -> str:
    return _OTHER_MARKS.sub("", text).translate(_OTHER_FOLD)


def fold_other(text: str) -> str:
    """Lower case, white space collapsed, Turkish marks and Arabic spelling variants folded (no German folding)."""
    return re.sub(r"\s+", " ", _fold_other_letters(text.lower()))


def _pattern_other(source: str) -> re.Pattern[str]:
    return re.compile(_fold_other_letters(source))


# English helpers
_EN_FAMILY = (
    r"(?:me|us|my (?:mum|mom|mother|wife|kids?|children|son|daughter|sister|brother|baby)|the (?:kids|children|baby)"
    r"|her|him)"
)
_EN_KID = (
    r"(?:the |my |our |this )?(?:baby|babies|him|her|it|son|daughter|little one|kid|kids|child|children|newborn"
    r"|toddler)"
)
_EN_FEAR = r"(?:afraid|scared|terrified|worried|frightened|fear|panicking)"
_EN_NOW = (
    r"(?:again|today|tonight|yesterday|just now|right now|this morning|this evening|every day|all the time"
    r"|last night)"
)
_EN_CHILD = r"(?:child|children|kid|kids|toddler|baby|little (?:boy|girl|one)|boy|girl|\d+ ?(?:year|yr)s? ?old)"
# Ukrainian helpers (also a few Russian forms, many Ukrainian families write Russian)
_UK_CHILD = r"(?:дитин|дітей|діти|дитя|малий|мала|малого|малу|малюк|хлопч|дівчин|немовл|ребен|ребён)"
_UK_KID_OBJ = r"(?:його|її|малого|малу|малюка|дитину|немовля|сина|доньку|дочку|їй|йому|дитині|малому|малій)"
# Turkish helpers (folded: no marks)
_TR_CHILD = r"(?:cocu|bebe|ufaklik|oglan|kiz|oglu|ogl)"
# Arabic helpers (folded: ة as ه, no hamza on alef)
_AR_CHILD = r"(?:طفل|ولد|بنت|بيبي|صغير|اطفال|ولاد|اولاد|ابني|بنتي)"
_AR_FEAR = r"(?:خايف|خايفه|خايفين|اخاف|بخاف|خوفي|خوفانه|مرعوب|مرعوبه)"

PATTERNS_OTHER_LANGUAGES: dict[str, tuple[str, ...]] = {
    VIOLENCE: (
        # English
        # coercive control: "my husband took my passport and says if I leave him he will take the kids abroad"
        r"\bif i (?:leave|go)\b.{0,60}(?:take|taking) (?:the |my |our )?(?:kids|children|baby)|(?:took|taken|hid|hidden"
        r"|keeps) (?:away )?my passport",
        rf"\b(?:hits|hitting|beats|beating|punch(?:es|ing)|kick(?:s|ing)|slap(?:s|ping)|chok(?:es|ing)|strangl(?:es"
        rf"|ing)"
        rf"|shov(?:es|ing)|push(?:es|ing)|smack(?:s|ing)) {_EN_FAMILY}\b",
        rf"\b(?:hit|beat|slapped|punched|kicked|choked|pushed|shoved|strangled"
        rf"|smacked) {_EN_FAMILY}(?: \w+){{0,3}} {_EN_NOW}",
        rf"{_EN_NOW},? (?:he|she|my \w+) (?:hit|beat|slapped|punched|kicked|choked|strangled)\b",
        r"\bbeat (?:me|us|her|him|my \w+) up\b|\bbeaten up\b",
        # pushed down the stairs or to the floor; afraid to go home
        rf"\b(?:pushed|shoved|threw|kicked|dragged) {_EN_FAMILY} (?:down the stairs|(?:on|onto|to) the "
        r"(?:floor|ground))"
        r"|\b(?:i'?m|i am|we'?re|we are) (?:so |too |really )?(?:afraid|scared|terrified) to go (?:back )?home\b",
        r"\bthreat\w* (?:to |that he'?ll |that she'?ll |he'?ll |she'?ll )?(?:kill|murder|stab|hurt|burn|strangle)\b",
        r"\b(?:he|she|they|husband|partner|boyfriend|ex|dad|father|brother)(?:'?s| is| will|'?ll|'d| would| wants to"
        r"| is going to"
        r"|'?s going to| is gonna|'?s gonna| tried to| tries to| said he'?d| said she'?d| says he'?ll| swears he'?ll) "
        r"(?:kill|murder|stab|strangle) (?:me|us|the kids|the children|the baby|my \w+|her|him|them|all of us)\b",
        r"(?:knife|gun) (?:at|to|against|on|in front of) (?:me|my|us|her|him|the kids)\b|(?:holding|waving|pointing"
        r"|grabbed"
        r"|pulled|came at \w+ with|threaten\w* (?:me|us) with) (?:a |the |his |her )?(?:\w+ )?(?:kitchen )?(?:knife"
        r"|gun)"
        r"|(?:knife|gun)\b.{0,30}\bcame (?:at|after) (?:me|us|her|him)\b"
        r"|\b(?:he|she|husband|partner|boyfriend|ex|dad|father)(?:'?s| is| has| got)(?: got)? (?:a|the|his|her) "
        r"(?:kitchen )?(?:knife|gun)\b(?! (?:set|sharpener|block))"
        r"|sleeps with a knife|\bstabb?(?:ed|ing|s)? (?:me|her|him|us)\b",
        r"\block(?:ed|s)? (?:me|us|the kids|the children|my \w+) in\b|\b(?:i'?m|i am|we'?re|we are) locked in"
        r"|locked (?:myself|ourselves) in|(?:hiding|hid|hide) (?:with the kids |with my \w+ )?in the (?:bath|bathroom"
        r"|toilet"
        r"|wardrobe|closet|cellar)|won'?t let (?:me|us) (?:out|leave)|took (?:away )?my phone",
        r"(?:kick\w*|smash\w*|break\w*|broke|trying to break|hammering on|pounding on) (?:in |down |at |on )?(?:the "
        r"|our |my )?"
        r"(?:bathroom |bedroom |front |flat )?door",
        rf"(?:afraid|scared|terrified) (?:to go|of going) (?:back )?home|(?:afraid|scared|terrified|fear) for (?:my"
        rf"|our) li(?:fe|ves)"
        rf"|{_EN_FEAR} (?:of )?what (?:he|she)(?:'ll| will| is going to| might) do (?:to (?:me|us|the kids) )?(?:when"
        rf"|tonight|if)",
        r"(?:drunk|drinks|drinking)\b.{0,40}\b(?:hits|beats|violent|throws (?:things|stuff)|smash\w*|hurts)",
        r"\b(?:black eye|bruises|bruised|split lip)\b.{0,60}\b(?:he|him|his|again|hide|hiding|cover|makeup|afraid"
        r"|scared)\b",
        r"domestic (?:violence|abuse)|(?:grabbed|had) (?:me|her) by the (?:throat|neck|hair)|hands? (?:around"
        r"|round) my (?:neck|throat)"
        r"|pulled (?:me|her) by the hair|dragged (?:me|her)|threw (?:me|her) (?:against|on|to|down|into)"
        r"|slammed my head"
        r"|throw(?:s|ing) (?:things|stuff|plates|bottles) at (?:me|us)",
        # Ukrainian
        r"\b(?:мене|нас) (?:\w+ )?б'?(?:ють|є)\b|\bб'?(?:ють|є|е) (?:мене|нас|маму|мою|дітей|дитину|сина|доньку|її|його"
        r"|ногами)|\bбить (?:мене|нас|дітей)",
        r"(?:побив|побила|вдарив|вдарила|душив|задушив|штовхнув|кинув) (?:мене|нас|маму|дітей)\b"
        r"|\b(?:бив|била) (?:мене|нас|маму|дітей)\b.{0,20}(?:знову|вчора|сьогодні|щойно)"
        r"|(?:знову|вчора|сьогодні|щойно)\b.{0,20}\b(?:бив|била)\b|душить (?:мене|нас|її)",
        r"(?:погрож\w*|грозить\w*|каже|сказав|обіцяє|кричить|хоче|збирається) .{0,20}(?:вбити|убити|вб'?є|уб'?є|вб'?ю"
        r"|уб'?ю|зарізати"
        r"|заріже|задушить|задушу|убить|убьет|убьёт)|(?:він|вона|чоловік|батько|тато|вітчим)\b.{0,20}(?:вб'?є|уб'?є"
        r"|заріже|убьет) "
        r"(?:нас|мене|дітей|маму)|(?:избил|ударил|бьет|бьёт) (?:меня|нас|детей|маму)",
        r"\bнож\w*\b.{0,30}(?:на мене|на нас|погрож|кидається|біжить|ганяється|в руках|в руці|до горла)|(?:з|із"
        r"|зі) ножем\b.{0,30}"
        r"(?:на мене|за мною|погрож|до мене|ходить|стоїть|бігає)|(?:погрож\w*|тримає|схопив|дістав"
        r"|махає) (?:кухонн\w* )?нож"
        r"|(?:бігає|ходить|ганяється|стоїть|кидається|погрожує|прийшов) (?:\w+ )?з ножем",
        r"(?:зачинив|замкнув|закрив|запер)\w* (?:мене|нас|дітей|її|нас з дітьми)\b|(?:зачинил|замкнул|закрил|сховал"
        r"|ховаюсь|ховаємось"
        r"|сиджу|сидимо)\w* .{0,20}(?:у|в) (?:ванній|туалеті|шафі|підвалі)",
        r"(?:вибиває|ламає|виламує|б'?є|гатить|гамселить|товче) .{0,15}двер|(?:ногами|кулаками) .{0,10}(?:в|у) двер",
        r"боюсь (?:йти|іти|повертатись|повертатися) додому|(?:боюсь|страшно) за (?:своє|наше) життя",
        r"(?:забрав|відібрав)\w* (?:у мене |в мене |мій )?(?:телефон|ключі)\w*\b.{0,60}(?:зачинив|замкнув|закрив"
        r"|не випускає|боюсь|страшно)|не випускає (?:мене|нас) (?:з дому|з квартири|надвір)",
        r"(?:п'?яний|напився|бухий)\b.{0,40}(?:б'?є|кидається|бити|погрожує|розбиває|кидає (?:в мене|речі))",
        r"(?:синці|синяки|синяк під оком|фінгал)\b.{0,50}(?:від нього|від неї|знову|ховаю|приховую|тональн)",
        # Turkish (folded: ö->o, ü->u, ş->s, ç->c, ğ->g, ı->i)
        # the door locked, the keys pocketed, children hiding (blind set 10): "kapıyı kilitledi ve anahtarları cebine
        # koydu … çocuklar odada saklanıyor"
        r"kapi\w* kilitle\w*\b.{0,80}anahtar\w*|cocuklar\w* (?:\w+ )?saklan\w*",
        # an ex who threatens to "finish" her, a restraining order ignored: "beni bitireceğini söyledi"
        r"\bbeni (?:\w+ )?(?:bitirece\w*|oldurece\w*|yok edece\w*)|uzaklastirma karari\w*\b.{0,80}(?:umurunda degil"
        r"|umursamiyor|takmiyor|bekliyor|geliyor|arkamdan)",
        # married off by force: "beni kuzenimle evlendirecek", "pasaportumu babam aldi"
        r"(?:beni|zorla|kuzen\w*)\b.{0,60}evlendir\w*|evlendir\w*\b.{0,60}(?:istemiyorum|istemiyor|zorla|kuzen\w*)",
        r"\b(?:beni|bizi|annemi|cocuklari|cocugu|kizimi|oglumu|bana|bize|anneme|cocuklara)\b.{0,20}(?:dov(?:uyor|ecek"
        r"|meye)|dovup"
        r"|vuruyor|vuracak|tokat(?:liyor| atiyor)|tekmeliyor|tekme atiyor|bogazimi|bogmaya|boguyor|itip kakiyor"
        r"|yumrukluyor)",
        r"(?:kocam|esim|babam|erkek arkadasim|sevgilim|eski esim|abim|agabeyim|uvey babam)\b.{0,40}(?:dovuyor|dovecek"
        r"|vuruyor"
        r"|vuracak|tokatliyor|tekmeliyor|boguyor|bogacak|yumrukluyor)",
        r"(?:yine|gene|bugun|az once|demin|dun|simdi|su an)\b.{0,30}(?:dovdu|vurdu|tokat atti|tekmeledi|bogazimi sikti"
        r"|itti)",
        r"(?:beni|bizi|hepimizi|cocuklari|annemi)\b.{0,20}oldur\w*|oldurmekle tehdit|oldurecegini (?:soyl|soyu)"
        r"|olduresiye",
        r"bicak\w*\b.{0,30}(?:uzerime|bana|ustume|tehdit|dayadi|cekti|elinde|yuruyor|kosuyor)|(?:elinde|eline) bicak",
        r"(?:banyo|tuvalet|oda|dolab|bodrum)\w*\b.{0,10}(?:kilitledim|kilitlendim|kilitlendik|saklandik|saklaniyoruz"
        r"|saklaniyorum"
        r"|kapandim|kapandik)|(?:beni|bizi|cocuklari)\b.{0,15}kilitledi",
        r"kapiyi (?:tekmeliyor|kirmaya|kiriyor|yumrukluyor|zorluyor|kiracak)|kapiya (?:tekme|yumruk)",
        r"eve (?:gitmeye|donmeye) korkuyorum|canimdan korkuyorum|hayatimdan korkuyorum",
        r"(?:telefonumu|telefonu|anahtarlari)\w* (?:aldi|elimden aldi|kirdi|sakladi)\b.{0,60}(?:kilitledi|disari"
        r" cikarmiyor|korkuyorum)",
        r"(?:sarhos|ictiginde|icince|icip)\b.{0,40}(?:dov|vur|saldir|kiriyor|tehdit)",
        r"(?:morluk|morluklar|gozum mor|mosmor)\w*\b.{0,50}(?:kocam|o yapti|yine|sakli|sakliyorum|kapatiyorum|makyaj)",
        # Arabic (Levantine, Iraqi, MSA; folded: ة->ه, أإآ->ا)
        r"يضربني|يضربنا|يضربها|يضربهم|يضربه\b|يضرب (?:امي|ماما|الاولاد|الولاد|اولادي|ولادي|بنتي|ابني|اختي|مرته|زوجته)"
        r"|يبسطني"
        r"|يخنقني|خنقني"
        r"|يدفشني|دفشني|يرفسني|يلكمني|يصفعني|يكتلني|بيكتلني",
        r"(?:ضربني|ضربنا|بسطني|ضربها) (?:اليوم|مبارح|امبارح|هلق|هلا|هسه|هسا|الحين|الان|مره ثانيه|مره تانيه|كمان مره"
        r"|من شوي|قبل شوي)"
        r"|(?:اليوم|مبارح|امبارح|هلق|هسه|الحين|الان|مره ثانيه|مره تانيه|كمان مره|من شوي|قبل شوي) (?:\w+ )?(?:ضربني"
        r"|ضربنا|بسطني)",
        r"يقتلني|يقتلنا|يقتلها|يقتلهم|يذبحني|يذبحنا|يذبحها|يكتلنا|بيقتلني|بيذبحني|يموتني|بالقتل|بالذبح",
        r"(?:سكين|سكينه|موس|خنجر)\b.{0,25}(?:علي|عليي|علينا|بايده|بيده|يهدد|هددني|رقبتي|يركض)|(?:طلع|شهر"
        r"|رفع) "
        r"(?:ال)?(?:سكين|سكينه|خنجر)",
        # holding a knife is cooking ("ماسك السكين وعم يقطع البصل") unless it is turned on someone
        r"(?:حامل|ماسك|مسك|جاب) (?:ال)?(?:سكين|سكينه|خنجر)\w*\b.{0,30}(?:علي|عليي|علينا|عليها|يهدد|يصرخ|يركض|ورانا"
        r"|ورايي)",
        # coercive control: phone taken, door locked
        r"(?:اخد|اخذ|سحب|كسر|خبى)\s?(?:ل)?(?:تلفوني|موبايلي|جوالي|تلفونها|التلفون)\b.{0,60}(?:قفل|سكر|حبس|خايف\w*"
        r"|ما بيخليني|ما بيخلينا)|(?:سكر|قفل)\s?(?:ال)?باب\b.{0,40}(?:ما (?:بي|ي)خلي\w* (?:اطلع|نطلع)|اخد|اخذ|سحب)",
        r"(?:قفل|سكر|حبس)\s?(?:ال)?(?:باب )?(?:علي|عليي|علينا|عليها)\b|(?:قفل|حبس)(?:ني|نا)\b|(?:قفلت|سكرت|حبست|تخبيت"
        r"|تخبينا|مخبايه"
        r"|مختبئه|مختبيه|مسكره)\s?(?:على )?(?:حالي|حالنا|نفسي)?\s?(?:ب|في |بال|في ال)?(?:الحمام|حمام|التواليت|الغرفه"
        r"|غرفه)",
        # kicking or breaking the door; "يدق الباب" is only knocking (the landlord at the door)
        r"(?:يرفس|يكسر|عم يكسر|يخبط|يضرب|يشوط|يلبط)\s?(?:على |ب|بال|في )?(?:ال)?باب",
        rf"{_AR_FEAR}\w* (?:ارجع|اروح|روح|انام) (?:عال|على ال|ع ال)?بيت|{_AR_FEAR}\w* على حياتي"
        rf"|{_AR_FEAR}\w* على حياتنا",
        r"(?:سكران|شارب)\b.{0,30}(?:يضرب|يكسر|يهدد)",
        r"(?:كدمات|عيني زرقا|عيني مزرقه|وجهي مزرق)\b.{0,40}(?:منه|زوجي|ضرب|اخبي|بخبي|مخبي|مكياج)",
        # Russian, Polish, Romanian (no language pack: the numbers come in German, better than none)
        r"(?:бьёт|бьет|избил\w*|ударил\w*|душит|душил) (?:меня|нас|детей|маму|ребёнка|ребенка)",
        r"bije (?:mnie|nas|dzieci|mame|mamę)|(?:mąż|maz|partner|były|byly|ojciec|ojczym)\w*\b.{0,40}(?:bije|uderzył"
        r"|uderzyl|dusił|dusil|grozi nożem|grozi nozem)",
        r"(?:so[tțţ]ul|b[aă]rbatul|partenerul|fostul|tat[aă]l)\w*\b.{0,40}(?:cu[tțţ]it\w*|m[aă] bate|ne bate"
        r"|bate copiii"
        r"|m[aă] amenin[tțţ]\w*)|m[aă] bate\b|ne bate\b",
    ),
    SUICIDE: (
        # English
        r"\bsuicid\w*|\bkill (?:myself|my ?self)\b|\bend (?:my life|it all|everything|it tonight|it now|it for good)\b"
        r"|take my (?:own )?life|hang myself|overdose\b",
        r"\b(?:want|wanna|wish|going|ready|wanting) (?:to )?die\b|i'?d rather (?:be )?dead|better off dead"
        r"|wish i (?:was|were) "
        r"(?:dead|never born)|disappear forever|(?:don'?t|dont|do not) (?:want|wanna) (?:to )?(?:live|be alive|be here"
        r"|exist"
        r"|wake up)(?: anymore| any more)?\b|no (?:reason|point) (?:to|in) (?:live|living|go on|going on|carry on"
        r"|carrying on)"
        r"|can'?t go on living",
        r"(?:not|never|wouldn'?t) (?:to )?wake up (?:again|anymore|tomorrow|ever)|(?:go to )?sleep and (?:never"
        r"|not) wake up"
        r"|sleep forever",
        r"goodbye (?:letter|note|message)s?|suicide note|wrote (?:letters|notes) to (?:my|the) (?:kids|children|family)"
        r"|gave away (?:all )?my (?:things|stuff)|said goodbye to (?:everyone|everybody)"
        r"|(?:written|wrote|writing|left) (?:\w+ )?(?:letters?|notes?|goodbyes?) (?:to|for) (?:everyone|everybody|all)",
        r"sorry for everything\b.{0,200}(?:phone (?:is )?(?:off|switched off|turned off)|turned (?:off )?(?:his"
        r"|her) phone|not answering|left the house|(?:is )?gone|love you)",
        r"better off (?:without me|(?:if|when) i\b)|(?:be|are) better without me|(?:no ?one|nobody) would (?:miss"
        r"|notice)|won'?t be (?:here"
        r"|around) "
        r"(?:much longer|tomorrow|anymore)",
        r"(?:saving|saved|collecting|collected|hoarding|stockpil\w*) (?:up )?(?:my |the )?(?:pills|tablets|meds"
        r"|sleeping pills)"
        r"|(?:all|whole (?:box|pack|bottle) of) (?:my |the |these |her |his )?(?:pills|tablets|sleeping pills)\b.{0,40}"
        r"(?:take|swallow|in front of me|ready|tonight)|jump (?:off|from|in front of)|throw myself (?:off|in front"
        r"|under)",
        r"\bcut(?:ting|s)? (?:myself|my ?self|herself|himself|my (?:arms?|wrists?|legs?|thighs?|skin))|self[- ]?harm\w*"
        r"|hurt(?:ing)? (?:myself|herself|himself) on purpose|\bburn(?:ing|ed|t)? (?:myself|my (?:arms?|skin))"
        r"|razor blade"
        r"|cuts on (?:her|his|my) (?:arms?|wrists?|legs?|thighs?)|scratch(?:ing)? (?:myself|my arms) (?:until"
        r"|till) (?:it )?bleed",
        # Ukrainian
        r"не (?:хочу|хочеться) (?:більше )?жити|більше не хочу жити|хочу (?:померти|вмерти|здохнути|зникнути назавжди)"
        r"|покінчити (?:з собою|з життям)|самогубств|суїцид|накласти на себе руки|(?:вбити|убити) себе|не хочу жить"
        r"|хочу умереть"
        r"|покончить с собой",
        r"покінч\w* (?:з )?(?:усім|всім)|покласти всьому край|(?:закінчу|покінчу) (?:все|це|з цим) (?:сьогодні|вночі"
        r"|назавжди)"
        r"|сьогодні вночі (?:все )?(?:закінчу|покінчу)",
        r"не прокинутис[ья]|не прокинусь|не прокидатис[ья]|заснути (?:і не прокинутись|назавжди)",
        r"прощальн\w* (?:лист|записк)|попрощал\w* з (?:усіма|всіма|дітьми)|роздал\w* (?:всі |усі )?(?:свої )?речі",
        # "I won't be a burden to anyone any more" (blind set 10): "більше не буде ні для кого тягарем"
        r"(?:не буд\w*|більше не|больше не)\b.{0,40}(?:тягар|обуз)\w*",
        # a farewell in the family chat and gone (blind set 9): "Вибачте за все, я вас люблю" … "вимкнув телефон"
        r"(?:вибач|пробач|прост)\w* (?:мені |меня |нас )?за вс[еёі]\w*\b.{0,200}(?:вимкн\w*|выключ\w*|не (?:бере"
        r"|відповіда|отвеча)\w*|пішов|пішла|ушел|ушла|зник\w*|пропав|пропала|люблю)",
        r"(?:всім|дітям|їм|рідним) (?:\w+ )?(?:буде )?(?:краще|легше) без мене|(?:всім|дітям|рідним) (?:\w+ )?"
        r"(?:написала?|написав) (?:\w+ )?(?:листи|листа|записки)|"
        r"без мене (?:всім |дітям |їм )?(?:буде )?(?:краще|легше)|ніхто не (?:буде )?сумуватиме"
        r"|ніхто (?:й )?не помітить",
        r"(?:ріжу|ріже|різати|порізала|порізав|режу|режет) (?:собі |себе )?(?:руки|вени|зап'?ястя|ноги|стегна)|(?:ріже"
        r"|ріжу|різати"
        r"|порізала|режу|режет) себе|(?:порізи|шрами) на (?:руках|зап'?ястях|ногах|стегнах)|\bлезо|самоушкодж|порезы",
        r"(?:стрибнути|стрибну|кинутис[ья]|кинусь) (?:з|під|у|в) (?:мосту|даху|вікна|балкона|поїзд|потяг|машину|воду"
        r"|річку)",
        r"(?:зібрала?|збираю|накопичила?|ховаю) (?:\w+ )?(?:таблетки|пігулки)|(?:випити|вип'?ю|ковтну) (?:всі"
        r"|усі) (?:таблетки|пігулки)",
        # Turkish
        r"(?:yasamak|yasamayi) istemiyorum|olmek isti\w*|olsem (?:daha iyi|keske|kurtulur)|keske olsem|intihar"
        r"|kendimi (?:oldur|as|asacag|atacag|atmak|kes|yak)\w*|canima kiy\w*|hayatima son|her seye son ver\w*"
        r"|her seyi bitir\w*",
        r"(?:bir daha|hic|bir daha hic) uyanmasam|uyanmak istemiyorum|uyanmamak|sabah uyanmasam",
        r"veda (?:mektub|not|mesaj)\w*|vedalas\w* (?:herkesle|cocuklarla)|esyalarimi dagittim",
        r"bensiz (?:daha )?(?:iyi|mutlu|rahat)|ben olmasam\b.{0,20}(?:daha )?(?:iyi|rahat|mutlu)"
        r"|kimse (?:beni )?(?:ozlemez"
        r"|fark etmez)",
        r"(?:kollari|bilekleri|bacaklari)\w* (?:\w+ )?(?:kesikler|jilet izleri)|kendimi (?:jilet|yarala)\w*"
        r"|kendini (?:kes|jilet|yarala)\w*|kollarimi (?:kes|jilet)\w*|kolunu (?:kes"
        r"|jilet)\w*"
        r"|bilegimi kes\w*|bilegini kes\w*|\bjilet\w*|kendine zarar ver\w*|kendime zarar ver\w*",
        r"(?:kopruden|balkondan|camdan|pencereden|catidan)\b.{0,15}(?:atla(?:yacag|mak|sam|rim|yacam|yiver)\w*)"
        r"|(?:trenin|arabanin|tirin) (?:altina|onune) (?:atla|kendimi at)\w*",
        r"(?:hap|ilac)\w* (?:biriktir|topladim)\w*|butun (?:haplari|ilaclari) (?:icecegim|icerim|yutacagim|icsem"
        r"|yutsam)",
        # Arabic
        r"بدي موت|بدي اموت|ابي اموت|اريد اموت|اريد ان اموت|ودي اموت|نفسي اموت|اتمنى الموت|اتمنى اموت|ما بدي عيش"
        r"|ما بدي اعيش"
        r"|ما اريد اعيش|ما ابي اعيش|لا اريد ان اعيش|لا اريد العيش|ما عاد بدي عيش|انتحر|انتحار|اقتل (?:حالي|نفسي|روحي)"
        r"|انهي حياتي|خلص من (?:حالي|حياتي|نفسي)|خلص كل شي الليله|موت حالي",
        # a teen or partner: "بدها تموت"
        r"(?:بدو|بدها|بده|يبي|تبي|يريد|تريد) (?:ي|ت)موت\b",
        r"(?:الكل|كلهم|الولاد|ولادي|اولادي|العيله)\s?(?:رح |راح |بي|ب)?(?:يرتاح|يرتاحو|ارتاح|مرتاحين|احسن|افضل)\w*\s?"
        r"(?:اذا|لو|بس)\s?(?:انا )?(?:مش|مو|ما|ما عدت|ما عاد)\s?(?:موجود|موجوده|عايش|عايشه|هون)",
        r"كتبت (?:رسايل|رسائل|رساله)\s?(?:ل|الى )?(?:كل واحد|الكل|الجميع|كل حدا)",
        r"(?:ايد|دراع|زند|اجر|رجل)\w*\s?(?:مليان\w*|كلها|فيها)\s?(?:جروح|جرح|تشطيب|خدوش)",
        r"انام وما (?:ا)?(?:صحى|فيق|قوم)|نام وما (?:ا)?(?:صحى|فيق|قوم)|ما (?:اصحى|افيق|صحى|فيق) (?:ابدا|مره تانيه"
        r"|مره ثانيه)",
        r"رسال\w* وداع|رسائل وداع|ودعت (?:الكل|الجميع|اولادي|ولادي)|كتبت (?:رسايل|رسائل|رساله) (?:لاولادي|للاولاد"
        r"|لولادي|وداع)"
        r"|وزعت اغراضي",
        r"(?:احسن|احلى|ارتاح\w*|افضل|مرتاحين)\s?(?:بلاي|بدوني|من دوني|بغيابي|بلايا)|(?:بدوني|بلاي|من دوني) (?:احسن|افضل"
        r"|ارتاح)",
        r"(?:اجرح|جرحت|بجرح|عم اجرح|بقطع|قطعت|اقطع|اشطب|شطبت)\s?(?:حالي|نفسي|ايدي|يدي|شراييني|عروقي|معصمي|اجري|رجلي)"
        r"|(?:تجرح|يجرح|تقطع|يقطع|تشطب|يشطب|عم تجرح|عم يجرح)\s?(?:حالها|حاله|نفسها|نفسه|شرايينها|شرايينه)|شفره"
        r"|موس الحلاقه"
        r"|ايذاء (?:النفس|نفسي)|جروح على (?:ايدها|ايده|ايدي|يدها|يدي|اجرها|معصم)",
        r"(?:ارمي|اكب|انط|اقفز|انزت)\s?(?:حالي|نفسي)?\s?(?:من|عن|تحت) (?:ال)?(?:جسر|بلكون|بلكونه|شباك|سطح|برج|قطار"
        r"|سياره|طابق)",
        r"(?:جمعت|عم اجمع|بجمع|خبيت|مخبيه|مخبي)\s?(?:ال)?(?:حبوب|دوا|ادويه)|(?:اشرب|اخذ|ابلع|بلع)\s?(?:كل|كلها|علبه"
        r"|العلبه)\s?"
        r"(?:ال)?(?:حبوب|دوا|ادويه)",
        # Russian, Polish, Romanian
        r"(?:хочу|хочется) (?:умереть|сдохнуть)|покончить с собой|не хочу (?:больше )?жить|режу себя|режет себя"
        r"|резала себя|порезы\b.{0,40}(?:кровь|кровит|глубок\w*)",
        r"(?:chcę|chce) umrzeć|zabić się|zabic sie|nie chcę (?:już )?żyć|nie chce (?:juz )?zyc|tnie się|tnie sie"
        r"|ci[eę]cia\b.{0,60}krwawi|samookalecz\w*",
        r"vreau s[aă] mor|s[aă] m[aă] sinucid|sinucid\w*|nu mai vreau s[aă] tr[aă]iesc",
    ),
    PARENT: (
        # English
        rf"(?:almost|nearly|about to|urge to|i|i'?ve|i have|want(?:ed)? to|feel like|going to|gonna|could) (?:just )?"
        rf"(?:shake|shook|shaken|shaking) {_EN_KID}\b",
        rf"{_EN_FEAR},? (?:that )?i(?:'?ll| will| might| could| would|'?d| am going to|'?m going to|'?m gonna"
        rf"| gonna)? (?:\w+ )?"
        rf"(?:throw|drop|hit|smack|slap|hurt|harm|shake|suffocate|smother|strangle|do something(?: bad)? to"
        rf"|lose it with) {_EN_KID}\b",
        rf"(?:almost|nearly|just) (?:threw|hit|smacked|slapped|shook|shoved|choked|smothered) {_EN_KID}\b"
        rf"|(?:urge to|want(?:ed)? to|feel like) (?:throw|shake|hit|hurt|smother|suffocate)(?:ing)? {_EN_KID}\b",
        rf"{_EN_FEAR} of (?:what i (?:might|could|will|would) do|myself)|(?:don'?t|do not|can'?t) trust myself (?:with"
        rf"|around) "
        rf"{_EN_KID}|(?:going to|gonna|about to) lose (?:it|control) (?:with|on) {_EN_KID}"
        rf"|pillow (?:\w+ ){{0,2}}(?:over|on|near|against|onto) (?:his|her"
        rf"|the baby'?s) face"
        rf"|hand over (?:his|her|the baby'?s) (?:mouth|face)",
        # Ukrainian
        r"(?:ледь|майже|мало|трохи|ледве|чуть) не (?:струсну\w*|трусну\w*|кинул\w*|кинув|вдарил\w*|вдарив|задушил\w*"
        r"|викинул\w*)",
        rf"(?:боюсь|боюся|страшно|лякаюсь|боюсь сама себе)\w*,? що (?:я )?(?:\w+ )?(?:вдарю|кину|струшу|нашкоджу|задушу"
        rf"|викину"
        rf"|зроблю {_UK_KID_OBJ} (?:щось|боляче|зле|погане)|(?:щось )?зроблю (?:щось )?(?:погане|страшне|з ним|з нею"
        rf"|{_UK_KID_OBJ}))",
        rf"(?:трясла|трусила|струснула|потрусила|трясу|трушу) {_UK_KID_OBJ}|(?:хочеться|хочу) {_UK_KID_OBJ} (?:викинути"
        rf"|кинути"
        rf"|вдарити|задушити|трусити)|боюсь (?:сама |сам )?себе|не довіряю собі|\bя (?:\w+ )?(?:вдарила|трусила"
        rf"|потрусила"
        rf"|штовхнула|кинула) {_UK_KID_OBJ}|подушк\w* (?:\w+ )?(?:на|до|біля|над) (?:його |її )?(?:обличчя|лиця|лице)"
        r"|страшно від себе",
        # Turkish
        r"(?:bebegi|bebegimi|cocugu|cocugumu|onu|oglumu|kizimi)\b.{0,20}(?:sars(?:acag|tim|iyorum|mak|ma)\w*"
        r"|firlat(?:acag|mak|tim)\w*"
        r"|duvara at\w*|bogacag\w*|bogmak\w*|vuracag\w*|dovecek\w*|dovecegim|incitecek\w*)",
        r"(?:ona|bebege|cocuga|ogluma|kizima|bebegime|cocuguma)\b.{0,10}(?:bir sey|zarar|kotu bir sey) (?:yapacag"
        r"|yapmaktan|vereceg"
        r"|verecek|yaparim|yapabilirim|vermekten)\w*",
        r"(?:az kalsin|neredeyse|az daha|az kaldi)\b.{0,30}(?:sarsacak|sarsiyordum|sarstim|vuracaktim|vuruyordum"
        r"|firlatacaktim"
        r"|firlatiyordum|bogacaktim|tokat atacaktim)|kendimden korkuyorum|kendime guvenemiyorum",
        # Arabic
        rf"{_AR_FEAR}\w*\s?(?:انو |ان |لا |من انو |من )?(?:ا|ب)?(?:عمل|سوي) (?:فيه|فيها|بيه|بيها|بالبيبي|بالولد"
        rf"|بابني|ببنتي)",
        rf"{_AR_FEAR}\w*\s?(?:انو |ان |لا |من انو )?(?:اضرب|ارمي|اهز|اخنق|اذي|اوذي|ضرب|رمي|هز|خنق)(?:ه|ها|و|يه|يها"
        rf"|هم)\b",
        r"(?:كنت رح|كنت حا|كنت راح|شوي و|كان بدي|كدت|كنت بدي|تقريبا)\s?(?:ا|ب)?(?:هز|ضرب|رمي|خنق|كب)(?:ه|ها|و|يه|يها)\b"
        r"|هزيت(?:ه|ها|و) (?:بقوه|كتير|كثير|جامد)|هززت(?:ه|ها)|(?:خايف|خايفه|خايفين) من (?:حالي|نفسي)",
        # Russian: "я только что заметила, что сильно его трясла"
        r"(?:сильно |слишком )?(?:тряс\w*|встряхнул\w*) (?:его|её|ее|ребёнка|ребенка|малыша|сына|дочь)|(?:его|её|ее"
        r"|малыша|ребёнка|ребенка) (?:\w+ )?(?:тряс\w*)|боюсь,? что (?:сделаю|ударю|наврежу|сорвусь)",
    ),
    CHILD: (
        # English
        rf"{_EN_CHILD}\b.{{0,60}}\b(?:alone|by (?:him|her|them)sel(?:f|ves)|on (?:his|her"
        rf"|their) own)\b.{{0,60}}\b(?:balcony"
        rf"|window|windowsill|roof|ledge|locked out|in the car|by the (?:road|river|lake|water)|near the (?:road|river"
        rf"|lake|water)"
        rf"|on the (?:road|street)|since (?:yesterday|last night|this morning)|all night|for days|in the cold"
        rf"|in the snow)",
        rf"{_EN_CHILD}\b.{{0,40}}\b(?:on|over|at|out of) the (?:balcony|window ?sill|windowsill|roof|ledge|railing"
        rf"|window)\b"
        rf"|(?:hanging|leaning|climbing) (?:out of|over|on) (?:the|a) (?:window|balcony|railing)",
        rf"{_EN_CHILD}\b.{{0,50}}\blocked out\b|\blocked out\b.{{0,50}}\b{_EN_CHILD}",
        rf"(?:neighbou?r\w*|next door|upstairs|downstairs|across the (?:hall|street)|in our building"
        rf"|in the stairwell)(?=.*{_EN_CHILD})\b.{{0,80}}\b(?:beat\w*|hit(?:s|ting)?|slapp?\w*|kick\w*|hurt\w*"
        rf"|screaming for hours"
        rf"|crying for hours)\b",
        r"(?:parents?|father|mother|mum|mom|dad|stepdad|stepfather|stepmother) (?:beat|hit|hurt|burn|lock)\w* (?:him"
        r"|her|them|the "
        r"(?:kids|child|children|boy|girl|baby))\b",
        r"\bsexual(?:ly)? abus\w*|molest\w*|\brap(?:e|ed|ing)\b|touch(?:es|ed|ing)? (?:her|him|my \w+|me) (?:down there"
        r"|inappropriately"
        r"|between (?:her|his) legs|in (?:her|his) private)|\babus\w* (?:the |my |our |a )?(?:child|kid|son|daughter"
        r"|girl|boy|children"
        rf"|kids)\b|{_EN_CHILD}\b.{{0,30}}\b(?:is|being|was|been|gets) abused|naked (?:photos|pictures|pics)|\bnudes\b"
        rf"|our (?:little )?secret",
        # a small child out in the street at night; an adult messaging a child; a carer passed out
        r"(?:wander\w*|walking around|roaming)\b.{0,40}\b(?:street|road|outside|park)\b.{0,60}\b(?:midnight|at night"
        r"|pyjamas|pajamas|no adults?|nobody with)",
        r"(?:[2-9]\d|grown|adult|older) ?(?:year old|yo|y/o)? (?:man|guy|stranger|adult)\b.{0,80}\b(?:messag\w*|texting"
        r"|chatting|asking (?:her|him) for|pics|photos|nudes|gifts|meet)|asking (?:her|him|my \w+) for (?:pics|photos"
        r"|pictures|nudes)",
        r"(?:passed out|drunk|high|wasted|unconscious)\b.{0,60}\b(?:baby|toddler|kids?|children|little one)\b.{0,40}"
        r"\b(?:alone|crawling|crying|screaming|on (?:his|her|their) own)",
        r"(?:child|son|daughter|kid|boy|girl|baby|toddler)\b.{0,20}\b(?:is )?(?:missing|gone missing|disappeared"
        r"|kidnapped|abducted)"
        r"|can'?t find (?:my|our) (?:son|daughter|child|kid|baby|toddler|little one) (?:anywhere|since|outside)",
        # Ukrainian
        rf"{_UK_CHILD}\w*\b.{{0,60}}(?:\bсам\b|\bсама\b|\bсамі\b|\bодна\b|\bодин\b|без дорослих"
        rf"|без батьків)\b.{{0,50}}(?:балкон|вікн"
        r"|підвіконн|даху|на вулиці|під дверима|за дверима|з вчора|з учора|з ранку|всю ніч|цілу ніч|кілька днів|холод"
        r"|мороз"
        r"|дорог|річк|воді)",
        rf"{_UK_CHILD}\w*\b.{{0,40}}(?:висить|лізе|вилазить|стоїть|сидить|перелазить) .{{0,20}}(?:на|з|через) (?:балкон"
        rf"|підвіконн|вікн"
        r"|поруччя|перил)",
        rf"(?:сусід\w*|за стіною|зверху|знизу|в під'?їзді)(?=.*{_UK_CHILD})\b.{{0,80}}(?:б'?ють|б'?є|лупцю\w*"
        rf"|чути удари|удари|бити)",
        r"розбещ\w*|педофіл|сексуальн\w* (?:насильств|домаган)\w*|з?ґвалтув\w*|згвалтув\w*|(?:чіпає|торкається) (?:її"
        r"|його|доньку|сина) "
        r"(?:за|там|між|інтимн)|(?:наш|це наш) секрет|не можна (?:нікому|мамі) (?:казати|розповідати)",
        r"(?:дитина|син|донька|дочка|малий|мала|малюк)\b.{0,20}(?:зникл\w*|зник|пропав|пропала|викрал\w*)",
        rf"{_UK_CHILD}\w*\b.{{0,40}}(?:\bсам\b|\bсама\b|\bсамі\b|\bодна\b|\bодин\b) .{{0,20}}(?:по вулиці|надворі"
        rf"|вночі)",
        r"(?:дорослий|дорослого|старший) (?:чоловік|хлопець|дядько)\b.{0,60}(?:пише|просить|фото|зустрі|подарун|грош)",
        # Turkish
        rf"{_TR_CHILD}\w*\b.{{0,60}}(?:yalniz|tek basina|kimse yok|kimsesiz)\w*\b.{{0,50}}(?:balkon|pencere|cam kenar"
        rf"|catida"
        r"|dunden beri|sabahtan beri|butun gece|gunlerdir|sokakta|soguk|kapi onunde|kapinin onunde)",
        rf"{_TR_CHILD}\w*\b.{{0,40}}(?:balkon|pencere|korkuluk)\w*\b.{{0,30}}(?:sarkiyor|tirmaniyor|ustunde|uzerinde"
        rf"|kenarinda|asili)",
        rf"{_TR_CHILD}\w*\b.{{0,40}}(?:disarida kaldi|kapida kaldi|eve giremiyor|kilitli kaldi|disarida kilitli)",
        rf"(?:komsu|yan daire|ust kat|alt kat|yan ev|apartman)(?=.*{_TR_CHILD})\w*\b.{{0,80}}(?:dov(?:uyor|uyorlar|me"
        rf"|du)\w*|vurma\w*"
        r"|vuruyor\w*|dayak|tokat)",
        r"taciz|istismar|tecavuz|cinsel\w* (?:dokun|taciz|istismar)\w*|ozel yerlerine dokun\w*|bu (?:bizim )?sirrimiz"
        r"|kimseye (?:soyleme|anlatma) (?:dedi|diyor)",
        r"(?:cocugum|oglum|kizim|bebegim)\w*\b.{0,20}(?:kayboldu|kayip|bulamiyorum|kacirildi|ortada yok)",
        rf"{_TR_CHILD}\w*\b.{{0,60}}(?:gece yarisi|gece|sokakta)\b.{{0,40}}(?:yalniz|tek basina)\w* (?:dolasiyor"
        rf"|yuruyor"
        rf"|kaldi|geziyor|duruyor|agliyor)",
        r"(?:yetiskin|yasli|[2-9]\d yasinda(?:ki)?) (?:bir )?(?:adam|erkek|abi)\b.{0,80}(?:mesaj|fotograf|resim|hediye"
        r"|para|bulusmak|gorusmek)",
        # Arabic
        rf"{_AR_CHILD}\w*\b.{{0,50}}(?:لحال\w*|وحد\w*|بدون (?:اهل|حدا|كبار))\b.{{0,50}}(?:بلكون|برنده|شباك|سطح"
        rf"|من امبارح|من مبارح"
        r"|من الصبح|كل الليل|طول الليل|بالشارع|بالبرد|عالدرج|على الدرج|ورا الباب|قدام الباب|من ساعات|صرلو ساعات"
        r"|لساعات)",
        # hanging or climbing at the balcony or window; sitting or standing only on its railing or edge ("قاعد عالبلكون"
        # is a child playing on the balcony)
        rf"{_AR_CHILD}\w*\b.{{0,40}}(?:معلق|متعلق|عم يتسلق|تسلق)\s?(?:على|ع|عال|بال|من|عل)\s?(?:ال)?(?:بلكون|برنده"
        r"|شباك|سور|درابزين)|(?:طالع|طلع|واقف|قاعد|عم يطلع)\s?(?:على|ع|عال|عل)\s?(?:ال)?(?:سور|درابزين|حافه|حفه)",
        rf"{_AR_CHILD}\w*\b.{{0,40}}(?:يطلب|بيطلب|طلب)\w* (?:منها |منه )?صور|(?:رجال|رجل|زلمه|شب) (?:كبير|بالغ|عمره"
        r" [2-9]\d)\b.{0,60}(?:رسايل|رسائل|صور|هدايا|مصاري)",
        rf"{_AR_CHILD}\w*\b.{{0,40}}(?:مقفول عليه|برا البيت وما|ما حدا فاتحلهم|ما حدا فتح|مسكر عليهم|مسكرين عليه)",
        r"اثار (?:حزام|ضرب)",  # a belt's marks on a child's back
        rf"(?:جيران|جارنا|جارتنا|الجار|جنبنا|فوقنا|تحتنا)(?=.*{_AR_CHILD})\w*\b.{{0,80}}(?:ضرب|يضرب|يعذب|بيعذب)",
        r"تحرش|اعتداء جنسي|اغتصب\w*|اغتصاب|يلمس\w* .{0,20}(?:اماكن|مكان) (?:حساس|خاص)\w*|سر بيناتنا|سرنا الصغير",
        r"(?:ابني|بنتي|ولدي|طفلي|البيبي)\b.{0,20}(?:ضاع|ضايع|مختفي|اختفى|اختفت|ضاعت|انخطف|انخطفت|خطفو)",
        # Russian, Polish, Romanian: a small child alone at home
        r"(?:один|одна|одни) (?:\w+ ){0,2}(?:в квартире|дома)\b.{0,80}(?:плачет|стучит|мамы нет|родителей нет|второй"
        r" день|сутки|всю ночь|со вчера)|(?:второй день|сутки|всю ночь|со вчера)\b.{0,40}(?:один|одна"
        r"|одни) (?:\w+ ){0,2}"
        r"(?:в квартире|дома)",
        r"(?:copil\w*|feti[tțţ]\w*|b[aă]ie[tțţ]\w*|\bani\b)\b.{0,40}singur\w* acas[aă]\b.{0,80}(?:noapte|dormind"
        r"|de ieri|plânge|plange)"
        r"|(?:sam|sama|sami) w domu\b"
        r".{0,60}(?:płacze|placze|noc|od wczoraj|drugi dzień|drugi dzien)",
    ),
    MEDICAL: (
        # English
        r"(?:not|isn'?t|isnt|stopped|doesn'?t|doesnt|can'?t|cant|struggling|barely|hardly|trouble|difficulty) (?:\w+ )?"
        r"(?:breathing|breathe|breath)\b|\bunresponsive|unconscious|passed out|(?:won'?t|wont|doesn'?t|doesnt|can'?t"
        r"|cant) (?:be )?"
        r"(?:wake|woken) up|turning blue|(?:lips|face) (?:are |is |turned |turning |went |going )?(?:blue|purple|grey)"
        r"|seizure"
        r"|convuls\w*|\bchoking\b",
        r"(?:swallow\w*|drank|drunk|ate|eaten|licked|got into)\b.{0,30}\b(?:pills|tablets|meds|medicine|medication"
        r"|detergent|bleach"
        r"|cleaner|cleaning (?:stuff|product|liquid)|dishwasher (?:tab\w*|liquid|detergent|soap|gel|stuff)"
        r"|washing (?:pod|tab|liquid)\w*|laundry pod\w*"
        r"|pods|poison"
        r"|batter(?:y|ies)|button cell|magnets?|lamp oil|lighter fluid|antifreeze|chemicals|rat poison)|took (?:all"
        r"|a whole|too many"
        r"|loads of) (?:of )?(?:my |the |her |his )?(?:pills|tablets|meds)|\bpoison(?:ed|ing)\b",
        r"bleed\w* (?:heavily|a lot|badly|so much|really bad|everywhere|won'?t stop|wont stop|doesn'?t stop|non ?stop"
        r"|like crazy)"
        r"|(?:blood|bleeding) (?:won'?t|wont|doesn'?t|doesnt|will not|isn'?t) stop|(?:lots|so much|a lot) of blood"
        r"|blood everywhere"
        r"|losing (?:a lot of )?blood",
        r"(?:severe|bad|strong|having an?|has an?) allergic reaction|anaphyla\w*|(?:face|lips?|tongue|throat"
        r"|mouth) (?:is |are )?"
        r"(?:\w+ )?(?:swelling|swollen|swells)|(?:swelling|swelled|swollen) up",
        r"fell (?:out of|from|off) (?:the |a |our |his |her )?(?:window|balcony|roof|changing table|\w+ floor)"
        r"|fall(?:en)? (?:out of"
        r"|from) (?:the |a )?(?:window|balcony|roof)|hit (?:his|her) head\b.{0,40}(?:vomit\w*|throw\w* up|sleepy"
        r"|unconscious|confused)",
        r"(?:call|called|calling|dial|ring|need|send) (?:an |the )?(?:112|ambulance|911|999)|(?:house|flat|apartment"
        r"|kitchen) (?:is )?"
        r"on fire|(?:boiling|hot) (?:water|oil) (?:all )?(?:over|on) (?:him|her|his|the baby)",
        # Ukrainian
        r"не дихає|погано дихає|ледве дихає|важко дихає|перестала? дихати|задихається|без свідомості|знепритомн\w*"
        r"|втратила? свідомість"
        r"|не реагує|не приходить до тями|судом[иа]|посиніл\w*|губи сині|сині губи|синіє|не дышит|без сознания",
        r"(?:ковтн|проковтн|наковта)\w*\b.{0,25}(?:таблет|пігулк|ліки|ліків|засіб|порошок|капсул|відбілювач|білизн|хлор"
        r"|отрут|батарейк"
        r"|магніт|оцет|кислот|миючий|мийн|пральн)|(?:випила?|випив|з'?їла?|з'?їв)\b.{0,25}(?:таблетки|таблеток|пігулки"
        r"|пігулок|засіб для"
        r"|порошок|капсул|відбілювач|білизн|хлор|отрут|оцет|кислот|миючий|мийн|рідину для|батарейк)|отруїв\w*|отруїл\w*"
        r"|отруєння",
        r"(?:сильно|дуже) (?:кровить|кровоточить|тече кров)|кров не зупиняється|не (?:можу|можемо) зупинити кров"
        r"|багато крові"
        r"|кров (?:ллється|хлище)",
        r"(?:набряк\w*|опух\w*|розпух\w*) (?:губ|обличч|язик|горл|лице)|(?:губи|обличчя|язик|горло"
        r"|лице) (?:\w+ )?(?:набряк|опух|розпух)"
        r"\w*|анафілак\w*|алергічн\w* (?:шок|реакці)",
        r"(?:випала?|випав|впала?|впав|упав|упала) (?:з|із) (?:вікна|балкона|даху|пеленального|сповивального"
        r"|\w+ поверху)",
        r"(?:виклик\w*|викличте|дзвонити) (?:швидк|112)",
        # Turkish
        r"nefes al(?:ami|mi)yor|zor nefes al\w*|nefesi (?:kesil|durdu|yok)\w*|bayildi (?:ve|kalkmiyor|uyanmiyor|yerde)"
        r"|baygin"
        r"|bayginlik geciri\w*|yere yigildi|bilinci (?:yok|kapali|kapandi|gitti)|tepki vermiyor|kendine gelmiyor"
        r"|havale geciri\w*"
        r"|(?:sara|epilepsi) nobeti|kasiliyor|(?:dudak|yuz|agz)\w* morar\w*",
        r"(?:hap|tablet|deterjan|camasir suyu|camasir kapsul|bulasik tablet|kimyasal|zehir|\bpil|miknatis|temizlik"
        r"|lavabo acici"
        r"|cakmak gazi)\w*\b.{0,30}(?:yuttu|yutmus|icti|icmis|yedi|yemis|agzina)|(?:yuttu|yutmus|icti"
        r"|icmis)\b.{0,20}(?:hap|deterjan"
        r"|camasir suyu|zehir|pil\b|miknatis)|ilac\w* .{0,20}(?:yuttu|yutmus|hepsini|butun kutu)|zehirlen\w*",
        r"kan(?:i|ama|amasi)? (?:durmuyor|dinmiyor)|cok kan (?:kaybed|akiyor|geliyor)\w*|fiskiriyor|sel gibi kan",
        r"(?:dudak|yuz|dil|bogaz|agiz|agz)\w* (?:sisti|sisiyor|sismis|sisti)|alerjik (?:sok|reaksiyon)|anafilak\w*",
        r"(?:pencereden|camdan|balkondan|catidan|alt degistirme masasindan|\d+\.? kattan) dus(?:tu|mus)",
        r"ambulans (?:cagir|lazim|gelsin)\w*|112 ?'?(?:yi)? ?(?:ara|cagir)\w*",
        # a cleaner drunk (blind set 10): "شرب من زجاجة منظف الحمام"
        r"(?:شرب|بلع|اكل)\w*\s(?:\S+\s){0,3}?(?:\S*منظف|كلور|مبيض|ديتول|مطهر|كاز|بنزين|فلاش)",
        # Arabic
        r"ما عم (?:ي|ت)تنفس|ما (?:ي|ت)تنفس|مو عم (?:ي|ت)تنفس|ما (?:يقدر|تقدر) (?:ي|ت)تنفس|لا (?:ي|ت)تنفس|ما كاعد (?:ي"
        r"|ت)تنفس"
        r"|صعوبه (?:ب|في )?التنفس|انقطع نفس|مغمى علي|اغمي علي|اغمى علي|غايب عن الوعي|غايبه عن الوعي|فاقد الوعي"
        r"|فاقده الوعي"
        # "not answering / waking": not when it goes on with "to my messages", "to the treatment", "for school"
        r"|ما عم (?:ي|ت)(?:رد|ستجيب|صحى|فيق)\b(?!\s?(?:على|ع |عل|لل|عال|بكير|الصبح|لل))"
        r"|(?:شفايف|شفاف|شفاه)\w*\s?(?:\w+\s)?(?:زرق|ازرق)"
        # a convulsion, not a stiff neck or back ("تشنج بالرقبه")
        r"|تشنج\w*\b(?!\s?(?:ب|في |بال|في ال)?(?:ال)?(?:رقب|ظهر|عضل|رجل|اجر|كتف|بطن|معد))|اختلاج|نوبه صرع"
        r"|عم (?:ي|ت)ختنق",
        r"(?:بلع|بلعت|ابتلع|ابتلعت)\s?(?:\w+\s)?(?:ال)?(?:حبوب|حبات|دوا|ادويه|منظف|كلور|مبيض|ديتول|فلاش|مسحوق|جل غسيل"
        r"|كبسول|سم\b"
        r"|سموم|بطاري|مغناطيس|كاز|بنزين|مطهر|فيري|صابون)|(?:شرب|شربت|اكل|اكلت)\s?(?:\w+\s)?(?:ال)?(?:منظف|كلور|مبيض"
        r"|ديتول|فلاش"
        r"|مسحوق|جل غسيل|كبسول|سم\b|سموم|بطاري|كاز|بنزين|مطهر|فيري|كل (?:ال)?حبوب|علبه)|تسمم|انسم|مسموم",
        r"(?:ي|ت|بي|بت|عم ي|عم ت)?نزف\w* (?:كتير|كثير|بقوه|وما)|نزيف (?:قوي|كتير|كثير|شديد|ما)|الدم ما (?:عم )?(?:بيوقف"
        r"|يوقف|وقف)"
        r"|دم كتير|دم كثير|الدم بكل مكان",
        r"(?:انتفخ|منفوخ|وارم|تورم|متورم|نفخ)\w*\s?(?:ال)?(?:وجه|شفايف|شفاف|لسان|حلق|رقب|تم|ثم)|(?:وجه|شفايف|شفاف|لسان"
        r"|حلق)\w*\s?"
        r"(?:\w+\s)?(?:انتفخ|منفوخ|وارم|تورم|متورم)|حساسيه (?:قويه|شديده)|صدمه (?:تحسسيه|حساسيه)",
        r"(?:وقع|وقعت|سقط|سقطت|طاح|طاحت)\s?(?:من|م)\s?(?:ال)?(?:شباك|بلكون|برنده|سطح|طاوله (?:ال)?تغيير|طابق)",
        r"(?:اطلبو|اطلب|اتصلو|اتصل|كلمو|احتاج|ابعتو|بعتو|جيبو)\s?(?:ب|على |عال|ل)?(?:ال)?(?:اسعاف|112)\b",
        # Russian, Polish, Romanian: swallowed
        r"проглотил\w*\b.{0,40}(?:батарейк\w*|магнит\w*|таблетк\w*)|выпил\w*\b.{0,40}(?:средство|отбеливател\w*"
        r"|таблетк\w*)",
        r"połkn\w*\b.{0,40}(?:bateri\w*|magnes\w*|tablet\w*|leki|płyn|plyn)|polkn\w*\b.{0,40}(?:bateri\w*"
        r"|magnes\w*)|(?:bateri\w*|magnes\w*)\b.{0,30}(?:połkn|polkn)\w*",
        r"(?:a )?[iî]nghi[tțţ]it\w*\b.{0,40}(?:baterie|magnet|pastile)",
    ),
}

# Phrases that look like danger but are not, in these languages: sport bruises, "killing me" said of rent or homework,
# games, dying of boredom, a cut while cooking, a teenager who won't wake up for school, food poisoning, tantrums.
NOT_DANGER_OTHER_LANGUAGES = _pattern_other(
    # English
    r"(?:football|soccer|rugby|hockey|training|sports?|playground|karate|judo|boxing|climbing|bike|biking|fell|falling"
    r"|tumbl\w*"
    r"|playing|match|trampoline)\b.{0,50}(?:bruis\w*|black eye)|(?:bruis\w*|black eye).{0,50}(?:football|soccer|rugby"
    r"|hockey"
    r"|training|sports?|playground|karate|judo|boxing|climbing|bike|fell|match|trampoline)"
    r"|(?:rent|bills?|debts?|job|work|homework|heat|back|feet|head|school|exams?|this|it|that|traffic|noise|stress"
    r"|taxe?s?"
    r"|paperwork|prices|costs?|waiting|commute)(?: is| are|'s|'re)? (?:literally |really |slowly |just |gonna "
    r"|going to )?"
    r"(?:kill(?:ing)?|be the death of) (?:me|us)"
    r"|(?:video ?games?|game|games|fortnite|minecraft|call of duty|gta|console|playstation|xbox|film|movie"
    r"|series)\b.{0,60}"
    r"(?:kill\w*|shoot\w*|die|dies|dying|knife|knives|stab\w*)|(?:kill\w*|shoot\w*|stab\w*).{0,40}(?:video ?games?|game"
    r"|games"
    r"|fortnite|minecraft|zombies)"
    r"|(?:die|dies|dying|died) (?:of|from|laughing|with) ?(?:boredom|embarrassment|laughter|laughing|shame|heat"
    r"|curiosity"
    r"|excitement|hunger)?|bored to death|scared to death of (?:spiders|dogs|the dentist|exams?)"
    r"|cut (?:himself|herself|myself|his finger|her finger|my finger)\b.{0,40}\b(?:cooking|chopping|carving|peeling"
    r"|paper"
    r"|vegetables|onions?|bread|plaster|band ?aid)|(?:won'?t|wont|doesn'?t|doesnt|never) (?:\w+ )?wake up (?:for"
    r"|in time|in the"
    r" morning|early|on time|before)|food poisoning|(?:tantrums?|meltdowns?)\b.{0,60}(?:hits|kicks|bites) (?:me|us)"
    r"|(?:kill|killing) time|hit (?:me|us) up|kick(?:s|ing)? off"
    # violence told as a pattern of the past weeks, expressly "not right now": advice (need_schutz_krise), not 110
    r"|(?:sometimes|at times|bazen|arada bir|іноді|часом|احيانا|ساعات)\b.{0,30}?(?:hits|beats|vuruyor|dovuyor|б'?є"
    r"|يضرب\w*)"
    r",? (?:but |ama |але |بس )?(?:not (?:right )?now|not at the moment|su an degil|simdi degil|su anda degil|не зараз"
    r"|зараз ні"
    r"|مو هلق|مش هلق|مو الحين|مو هسه)"
    # Ukrainian
    r"|(?:помираю|помирає|помру|вмираю|вмирає|здохну) (?:від|з) (?:нудьги|сміху|втоми|спеки|цікавості)"
    r"|(?:оренда|борги|рахунки|робота|домашка|школа|ціни)\w* (?:мене |нас )?(?:просто )?(?:вб'?ють|вбивають|вб'?є"
    r"|вбиває|доб'?ють)"
    r"|(?:гр[аи]\w*|фортнайт|майнкрафт|приставк|комп'?ютерн)\w*.{0,60}(?:вбива|стріля|убива|вбив)\w*"
    r"|(?:синці|синяки|синяк)\w*.{0,40}(?:футбол|тренуван|спорт|майданчик|впав|впала|секці)|(?:футбол|тренуван|спорт"
    r"|майданчик|впав"
    r"|впала)\w*.{0,40}(?:синці|синяки|синяк)|(?:поріза|порізал)\w*.{0,40}(?:готувал|різал\w* (?:хліб|овоч|цибул)"
    r"|на кухні|палець)"
    r"|харчове отруєння"
    # Turkish
    r"|(?:sikintidan|canim sikkin|gulmekten|merakimdan|sicaktan|heyecandan|yorgunluktan) ol(?:uyor|uyorum|ecegim|ecek"
    r"|dum)\w*"
    r"|(?:kira|borc|faturalar|is|ders|odev|okul|fiyatlar)\w* (?:beni |bizi )?(?:oldur|bitir)\w*"
    r"|(?:oyun|oyunda|oyunu|fortnite|minecraft|playstation|bilgisayar oyun|pubg)\w*.{0,60}(?:oldur|vur|ates|silah)\w*"
    r"|(?:morluk|mor)\w*.{0,40}(?:futbol|mac|antrenman|spor|dustu|dusmus|oyun parki)|(?:futbol|mac|antrenman|spor|dustu"
    r"|dusmus)"
    r"\w*.{0,40}(?:morluk|morard)\w*|(?:yemek|sebze|sogan|ekmek|mutfak)\w*.{0,40}(?:kesti|kesmis)|(?:kesti"
    r"|kesmis)\w*.{0,40}"
    r"(?:yemek|sebze|sogan|ekmek|mutfak)|gida zehirlenme\w*|ofke nobet\w*|kendini yere at\w*"
    # Arabic
    r"|(?:اموت|موت|ميت|ميته|يموت|تموت|عم يموت|عم تموت|رح اموت|رح موت|بموت|بيموت)\s?(?:من|م) ?(?:ال)?(?:ملل|ضحك|جوع|تعب"
    r"|حر|برد"
    r"|زهق|خجل|فرح|شوق|نعس)\w*"
    r"|(?:الاجار|الايجار|الديون|الفواتير|الشغل|الدراسه|الواجبات|الحر|الغلا|المصاريف|الضغط|هالشي|هاد|هذا|هذي|هاي"
    r"|المدرسه)\s?"
    r"(?:رح |راح |عم |بدو )?(?:يقتلني|يقتلنا|تقتلني|تقتلنا|يموتني|تموتني|يذبحني|ذبحني|قتلني)"
    r"|(?:لعبه|اللعبه|العاب|الالعاب|بلايستيشن|فورتنايت|ماينكرافت|ببجي)\w*.{0,60}(?:قتل|يقتل|يطخ|سلاح|سكين)\w*"
    r"|(?:جرح|جرحت|قطع|قطعت|انجرح|انجرحت)\w*\s?(?:ايد|اصبع|حال)\w*.{0,40}(?:طبخ|بصل|خضار|مطبخ|سلطه|تقطيع)"
    r"|ما عم (?:ي|ت)صحى (?:لل|عال|على ال)مدرسه|تسمم غذائي|(?:ي|ت)رمي (?:حاله|حالها) (?:على|ع|عال) ?(?:ال)?ارض"
    r"|(?:كدمات|كدمه|ازرق)\w*.{0,40}(?:كره|فوتبول|تدريب|ملعب|وقع|وقعت)"
)
GENERIC_OTHER_LANGUAGES = _pattern_other(
    r"^\W*(?:emergency|sos|police|help ?(?:me |us )?(?:quick|fast|now|asap)|please help (?:me|us) (?:quick|fast|now)"
    r"|helpp+"
    r"|допоможіть|рятуйте|поліція|помогите|спасите|imdat|yardim edin|acil|polis|yetisin|النجده|الحقوني|الحقونا|ساعدوني"
    r"|انقذوني|شرطه|اسعاف)\W*$"
    r"|call (?:the )?police|send (?:the )?police|(?:викличте|виклич\w*) поліцію|polisi? (?:ara|cagir)\w*"
    r"|(?:اتصلو|اطلبو|نادو)\s?(?:ب|على |عال|ل)?(?:ال)?شرطه"
)
# Each pattern is written in one script (a unit test checks it); the Cyrillic and Arabic ones are searched only in a
# message that has letters of that script, so a German or English message pays for the Latin patterns alone.
CYRILLIC, ARABIC, LATIN = "cyrillic", "arabic", "latin"
_SCRIPT_LETTERS = {CYRILLIC: re.compile("[\u0400-\u04ff]"), ARABIC: re.compile("[\u0600-\u06ff]")}


def pattern_script(source: str) -> str:
    """The script of a pattern's letters (escapes like \\w or \\b are no letters)."""
    letters = re.sub(r"\\.", "", source)
    for script, found in _SCRIPT_LETTERS.items():
        if found.search(letters):
            return script
    return LATIN


# The Latin ones (English, Turkish) are tried at word starts only, as the German ones; Arabic glues prefixes such as و
# or ب to the word, so the Arabic and Cyrillic patterns keep looking at every letter.
_COMPILED_OTHER = {
    kind: {
        script: _pattern_other(
            (_WORD_START if script == LATIN else "{}").format(
                "|".join(f"(?:{p})" for p in patterns if pattern_script(p) == script)
            )
        )
        for script in (LATIN, CYRILLIC, ARABIC)
        if any(pattern_script(p) == script for p in patterns)
    }
    for kind, patterns in PATTERNS_OTHER_LANGUAGES.items()
}


def _top_level_branches(source: str) -> list[str]:
    """The alternatives of a pattern at its top level (not inside groups or character sets)."""
    branches, start, depth, in_set, i = [], 0, 0, False, 0
    while i < len(source):
        char = source[i]
        if char == "\\":
            i += 1
        elif in_set:
            in_set = char != "]"
        elif char == "[":
            in_set = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            branches.append(source[start:i])
            start = i + 1
        i += 1
    return [*branches, source[start:]]


def _scripts_of(source: str) -> set[str]:
    letters = re.sub(r"\\.", "", source)
    found = {script for script, letter in _SCRIPT_LETTERS.items() if letter.search(letters)}
    return found | {LATIN} if re.search("[a-z]", letters) or not found else found


# The safe phrases by script, as the patterns: a branch written in several scripts ("sometimes|bazen|іноді|احيانا …")
# belongs to each of them.
_NOT_DANGER_OTHER = {
    script: _pattern_other(
        (_WORD_START if script == LATIN else "{}").format(
            "|".join(
                branch
                for branch in _top_level_branches(NOT_DANGER_OTHER_LANGUAGES.pattern)
                if script in _scripts_of(branch)
            )
        )
    )
    for script in (LATIN, CYRILLIC, ARABIC)
}


def _german_kind(text: str) -> str | None:
    folded = fold(text)
    cleaned = NOT_DANGER.sub(" ", folded)
    if _COMPILED[SUICIDE].search(cleaned):
        return SUICIDE
    for kind, shaken in SHAKEN_FIRST:
        if shaken.search(cleaned):
            return kind
    for kind in (PARENT, VIOLENCE, CHILD, MEDICAL):
        if _COMPILED[kind].search(cleaned):
            return kind
    if GENERIC.search(folded):
        return MEDICAL
    return None


def _other_language_kind(text: str) -> str | None:
    folded = fold_other(text)
    scripts = [LATIN] + [script for script, found in _SCRIPT_LETTERS.items() if found.search(folded)]
    cleaned = folded
    for script in scripts:
        cleaned = _NOT_DANGER_OTHER[script].sub(" ", cleaned)
    # a child in danger comes before violence: "next door someone is beating him" wants the child-protection numbers
    for kind in (SUICIDE, PARENT, CHILD, VIOLENCE, MEDICAL):
        by_script = _COMPILED_OTHER[kind]
        if any(script in by_script and by_script[script].search(cleaned) for script in scripts):
            return kind
    if GENERIC_OTHER_LANGUAGES.search(folded):
        return MEDICAL
    return None


def danger_kind(text: str) -> str | None:
    """The kind of danger the message speaks of (violence, suicide, …), or None.

    The German rules decide first, exactly as before; only when they find nothing do the rules for English, Ukrainian,
    Turkish and Arabic look at the message.
    """
    kind = _german_kind(text)
    if kind is None:
        kind = _other_language_kind(text)
    return kind


def signals_danger(text: str) -> bool:
    """True when the message speaks of acute danger to life, body or a child."""
    return danger_kind(text) is not None


_NOWHERE_TONIGHT = _pattern("|".join(f"(?:{p})" for p in NOWHERE_TONIGHT_PATTERNS))


def nowhere_to_go_tonight(text: str) -> bool:
    """A family put out of its home now, with nowhere to sleep tonight (German)."""
    return bool(_NOWHERE_TONIGHT.search(fold(text)))
