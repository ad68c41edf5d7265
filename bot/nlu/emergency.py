"""Words that mean acute danger; matched without a model, so a tired typo-free 'er schlägt mich' never slips."""

from __future__ import annotations

import re

DANGER_PATTERNS = (
    # violence now, threats
    r"schl[äa]g(t|en)\s+(mich|uns|mein|meine|die kinder|das kind)",
    r"(bringt|bringe|bring)\s+(mich|uns|ihn|sie|es|mein\w*)\s+um",
    r"(will|wollen|droht|drohen)\s+(mich|uns|mein\w*|die kinder)\s+(um(zu)?bringen|t[öo]ten|abstechen)",
    r"mit (dem|einem) messer",
    r"hat (mich|uns|mein\w* (kind|sohn|tochter|baby)) (verletzt|geschlagen|gewürgt|gewuergt)",
    r"angst um (mein|unser) leben",
    # self-harm and suicide
    r"suizid|selbstmord|lebensm[üu]de",
    r"(nicht mehr|nich mehr) leben",
    r"(will|möchte|moechte|werde) sterben",
    r"(mich|mir) (umbringen|das leben nehmen|etwas antun|was antun)",
    r"ritz(t|e|en) (sich|mich)|selbstverletz",
    # abuse
    r"missbrauch|missbraucht|vergewaltig",
    r"fasst (mein\w*|mich|sie|ihn) (an|unsittlich)",
    # medical emergency
    r"atmet (nicht|kaum)|bewusstlos|reagiert nicht mehr|krampf(t|anfall)",
    r"(tabletten|medikamente|putzmittel|gift) (geschluckt|getrunken|gegessen)|vergiftet",
    r"blutet (stark|sehr)|notarzt|krankenwagen|rettungswagen",
)
DANGER = re.compile("|".join(f"(?:{p})" for p in DANGER_PATTERNS))


def signals_danger(text: str) -> bool:
    """True when the message speaks of acute danger to life, body or a child."""
    return bool(DANGER.search(text.lower()))
