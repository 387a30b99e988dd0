"""Compose gold documents (UN report structure) from UN Parallel Corpus sentences.

The corpus text is read at run time from ../shared/corpus/unpc (never stored in the repo).
A document is a dict: meta (ordered key -> value), blocks (list of dicts), notes
({number: text}); text may hold [^N] call markers.  `to_gold` writes the gold format.
"""
import hashlib
import os
import random
import re
import unicodedata

LANGS = ("fr", "es", "en")

# ------------------------------------------------------------ the corpus ----


def split_of(doc_id):
    """Stable split of a UNPC source document: about 1/3 validation, 2/3 train."""
    h = int(hashlib.sha1(doc_id.encode()).hexdigest(), 16)
    return "validation" if h % 3 == 0 else "train"


def typo(s, lang):
    """Typography of a born-digital UN report (straight quotes and << >> of the corpus)."""
    s = unicodedata.normalize("NFC", s)
    s = s.replace("\t", " ").replace("\u00ad", "")
    s = re.sub(r"\s+", " ", s).strip()
    s = s.replace("'", "’").replace("`", "’")
    if lang == "fr":
        s = re.sub(r"<<\s*", "« ", s)
        s = re.sub(r"\s*>>", " »", s)
        # straight double quotes: alternate open/close
        parts = s.split('"')
        if len(parts) % 2 == 1 and len(parts) > 1:
            out, open_ = [parts[0]], True
            for p in parts[1:]:
                if open_:
                    out.append("« " + p.lstrip())
                else:
                    out[-1] = out[-1].rstrip() + " »"
                    out.append(p)
                open_ = not open_
            s = "".join(out)
        s = s.replace('"', "")
        # a space before ; : ! ? (printed as a no-break space)
        s = re.sub(r"(?<=[\w\)»%])([;:!?])(?=\s|$)", r" \1", s)
    else:
        s = s.replace("<<", '"').replace(">>", '"')
        parts = s.split('"')
        if len(parts) % 2 == 1 and len(parts) > 1:
            oq, cq = ("“", "”") if lang == "en" else ("“", "”")
            out, open_ = [parts[0]], True
            for p in parts[1:]:
                out.append((oq if open_ else cq) + p)
                open_ = not open_
            s = "".join(out)
        s = s.replace('"', "")
    s = re.sub(r"\s+", " ", s).strip()
    return s


def printable(s):
    try:
        s.encode("cp1252")
    except UnicodeEncodeError:
        return False
    return not re.search(r"[\x00-\x1f\x7f-\x9f]", s)


class Sentence:
    __slots__ = ("text", "kind", "doc")

    def __init__(self, text, kind, doc):
        self.text, self.kind, self.doc = text, kind, doc


def classify(raw, lang):
    """-> (kind, text) with kind in sentence, heading, item, skip."""
    s = raw.strip()
    s = re.sub(r"\*+$", "", s).strip()
    s = re.sub(r"^\*+", "", s).strip()
    if len(s) < 12 or sum(c.isalpha() for c in s) < 8:
        return "skip", s
    kind = "sentence"
    m = re.match(r"^(\d{1,3})\s*\.\s+(.*)$", s)
    if m:
        s = m.group(2)
    m = re.match(r"^\(?([a-z]|[ivx]{1,4})\)\s+(.*)$", s)
    if m:
        s, kind = m.group(2), "item"
    m = re.match(r"^([IVXL]{1,5}|[A-Z])\s*\.\s+(.*)$", s)
    if m and kind == "sentence":
        s, kind = m.group(2), "heading"
    s = typo(s, lang)
    if not s or not printable(s):
        return "skip", s
    if s.startswith(("> ", "#", "[^", "%")) or "[^" in s or re.match(r"^(\d+\.|[a-z]{1,4}\)) ", s):
        return "skip", s
    words = s.split()
    if kind != "item":
        if s[-1] not in ".;:!?,»”)" and len(s) <= 110 and len(words) <= 16 and s[0].isupper():
            kind = "heading"
        elif kind == "heading" and (len(s) > 110 or s[-1] in ".;,"):
            kind = "sentence"
    if kind == "sentence" and (s[-1] not in ".!?»”)" or len(words) < 5 or not s[0].isupper()):
        if s[-1] in ";," and s[0].isupper() and len(words) >= 4:
            kind = "item" if s[-1] == ";" else "preamble"
        else:
            return "skip", s
    return kind, s


class Corpus:
    def __init__(self, unpc_dir):
        self.dir = unpc_dir
        ids = [l.split()[0] if l.strip() else "" for l in open(os.path.join(unpc_dir, "UNv1.0.devset.ids"), encoding="utf-8")]
        self.pool = {}  # (lang, split) -> {"sentence": [...], "heading": [...], "item": [...]}, by doc
        for lang in LANGS:
            lines = open(os.path.join(unpc_dir, f"UNv1.0.devset.{lang}"), encoding="utf-8").read().split("\n")
            for doc, raw in zip(ids, lines):
                if not doc:
                    continue
                kind, text = classify(raw, lang)
                if kind == "skip":
                    continue
                sp = split_of(doc)
                d = self.pool.setdefault((lang, sp), {})
                d.setdefault(doc, []).append(Sentence(text, kind, doc))
        # No sentence in both splits: boilerplate that recurs in source documents of both
        # ("Adoption of the agenda.") stays in validation only.
        for lang in LANGS:
            val = {x.text for d in self.pool.get((lang, "validation"), {}).values() for x in d}
            tr = self.pool.get((lang, "train"), {})
            for doc in list(tr):
                tr[doc] = [x for x in tr[doc] if x.text not in val]
                if not tr[doc]:
                    del tr[doc]
        self.docs = {k: sorted(v) for k, v in self.pool.items()}

    def sources(self, lang, split):
        return self.docs[(lang, split)]

    def sentences(self, lang, split, doc):
        return self.pool[(lang, split)][doc]


# ------------------------------------------------------- masthead texts ----

MONTHS = {
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split(),
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split(),
    "en": "January February March April May June July August September October November December".split(),
}
ORGANS = {
    "GA": {"fr": "Assemblée générale", "es": "Asamblea General", "en": "General Assembly"},
    "EC": {"fr": "Conseil économique et social", "es": "Consejo Económico y Social", "en": "Economic and Social Council"},
    "SC": {"fr": "Conseil de sécurité", "es": "Consejo de Seguridad", "en": "Security Council"},
}
UN = {"fr": "Nations Unies", "es": "Naciones Unidas", "en": "United Nations"}
LANG_NAME = {"fr": "Français", "es": "Español", "en": None}
ORIGINAL = {
    "fr": {"en": "anglais", "fr": "français", "es": "espagnol", "ar": "arabe", "ru": "russe", "zh": "chinois"},
    "es": {"en": "inglés", "fr": "francés", "es": "español", "ar": "árabe", "ru": "ruso", "zh": "chino"},
    "en": {"en": "English", "fr": "French", "es": "Spanish", "ar": "Arabic", "ru": "Russian", "zh": "Chinese"},
}
ORIG_LABEL = {"fr": "Original : ", "es": "Original: ", "en": "Original: "}
DISTR = {"fr": ["générale", "générale", "générale", "limitée"], "es": ["general", "general", "general", "limitada"],
         "en": ["General", "General", "General", "Limited"]}
GA_SESSION = {
    "fr": {75: "Soixante-quinzième session", 76: "Soixante-seizième session", 77: "Soixante-dix-septième session",
           78: "Soixante-dix-huitième session", 79: "Soixante-dix-neuvième session", 80: "Quatre-vingtième session"},
    "es": {75: "Septuagésimo quinto período de sesiones", 76: "Septuagésimo sexto período de sesiones",
           77: "Septuagésimo séptimo período de sesiones", 78: "Septuagésimo octavo período de sesiones",
           79: "Septuagésimo noveno período de sesiones", 80: "Octogésimo período de sesiones"},
    "en": {75: "Seventy-fifth session", 76: "Seventy-sixth session", 77: "Seventy-seventh session",
           78: "Seventy-eighth session", 79: "Seventy-ninth session", 80: "Eightieth session"},
}
SUBTITLES = {
    "fr": ["Rapport du Secrétaire général", "Rapport du Secrétaire général", "Note du Secrétaire général",
           "Rapport du Directeur exécutif", "Note du Secrétariat"],
    "es": ["Informe del Secretario General", "Informe del Secretario General", "Nota del Secretario General",
           "Informe del Director Ejecutivo", "Nota de la Secretaría"],
    "en": ["Report of the Secretary-General", "Report of the Secretary-General", "Note by the Secretary-General",
           "Report of the Executive Director", "Note by the Secretariat"],
}
AGENDA_TITLES = {
    "fr": ["Développement durable", "Promotion et protection des droits de l’homme", "Élimination du racisme",
           "Questions de politique macroéconomique", "Renforcement du système des Nations Unies",
           "Activités opérationnelles de développement", "Rapport du Conseil des droits de l’homme",
           "Prévention du crime et justice pénale", "Questions relatives aux réfugiés, aux rapatriés et aux déplacés",
           "Application des décisions prises par la Conférence des Nations Unies sur les établissements humains",
           "Les océans et le droit de la mer", "Promotion de la femme"],
    "es": ["Desarrollo sostenible", "Promoción y protección de los derechos humanos", "Eliminación del racismo",
           "Cuestiones de política macroeconómica", "Fortalecimiento del sistema de las Naciones Unidas",
           "Actividades operacionales para el desarrollo", "Informe del Consejo de Derechos Humanos",
           "Prevención del delito y justicia penal", "Cuestiones relativas a los refugiados, los repatriados y los desplazados",
           "Los océanos y el derecho del mar", "Adelanto de la mujer", "Cuestiones de coordinación"],
    "en": ["Sustainable development", "Promotion and protection of human rights", "Elimination of racism",
           "Macroeconomic policy questions", "Strengthening of the United Nations system",
           "Operational activities for development", "Report of the Human Rights Council",
           "Crime prevention and criminal justice", "Questions relating to refugees, returnees and displaced persons",
           "Oceans and the law of the sea", "Advancement of women", "Coordination questions"],
}
TITLES = {
    "fr": ["Coopération internationale en matière de développement", "Situation des droits de l’homme",
           "Rapport sur l’activité de l’Organisation", "Renforcement de la coordination de l’aide humanitaire",
           "Suite donnée aux textes issus du Sommet mondial", "État de la coopération Sud-Sud"],
    "es": ["Cooperación internacional para el desarrollo", "Situación de los derechos humanos",
           "Memoria del Secretario General sobre la labor de la Organización",
           "Fortalecimiento de la coordinación de la asistencia humanitaria", "Estado de la cooperación Sur-Sur"],
    "en": ["International cooperation for development", "Situation of human rights",
           "Report on the work of the Organization", "Strengthening of the coordination of humanitarian assistance",
           "Follow-up to the outcome of the World Summit", "State of South-South cooperation"],
}
AGENDA_FMT = {
    "fr": ["Point {n} de l’ordre du jour provisoire", "Point {n} {l}) de l’ordre du jour provisoire",
           "Point {n} de l’ordre du jour", "Point {n} {l}) de l’ordre du jour"],
    "es": ["Tema {n} de la lista preliminar", "Tema {n} {l}) de la lista preliminar", "Tema {n} del programa provisional",
           "Tema {n} {l}) del programa"],
    "en": ["Item {n} of the provisional agenda", "Item {n} ({l}) of the provisional agenda", "Item {n} of the agenda",
           "Item {n} ({l}) of the agenda"],
}
EC_SESSION = {"fr": "Session de {y}", "es": "Período de sesiones de {y}", "en": "{y} session"}
SUMMARY = {"fr": "Résumé", "es": "Resumen", "en": "Summary"}
STAR_TITLE = {
    "fr": ["Le présent rapport a été soumis après la date limite afin que puissent y figurer les informations les plus récentes.",
           "Nouveau tirage pour raisons techniques.", "Le présent document n’a pas été revu par les services d’édition."],
    "es": ["El presente informe se presentó con retraso para poder incluir en él la información más reciente.",
           "Publicado nuevamente por razones técnicas.", "El presente documento no fue objeto de revisión editorial."],
    "en": ["The present report was submitted after the deadline in order to reflect the most recent information.",
           "Reissued for technical reasons.", "The present document is being issued without formal editing."],
}
PREAMBLE = {
    "fr": ["Rappelant", "Réaffirmant", "Notant", "Considérant", "Soulignant", "Prenant note", "Constatant", "Se félicitant"],
    "es": ["Recordando", "Reafirmando", "Observando", "Considerando", "Destacando", "Tomando nota", "Acogiendo con beneplácito"],
    "en": ["Recalling", "Reaffirming", "Noting", "Considering", "Stressing", "Taking note", "Recognizing", "Welcoming"],
}
NOTE_FMT = {
    "fr": ["Voir {sym}.", "Voir la résolution {r} de l’Assemblée générale.", "Résolution {r} de l’Assemblée générale, annexe.",
           "Voir {sym}, par. {p}.", "Nations Unies, Recueil des Traités, vol. {v}, n° {t}.",
           "Voir la résolution {sc} ({y}) du Conseil de sécurité.", "Documents officiels de l’Assemblée générale, {o} session, Supplément n° {s} ({sym})."],
    "es": ["Véase {sym}.", "Véase la resolución {r} de la Asamblea General.", "Resolución {r} de la Asamblea General, anexo.",
           "Véase {sym}, párr. {p}.", "Naciones Unidas, Treaty Series, vol. {v}, núm. {t}.",
           "Véase la resolución {sc} ({y}) del Consejo de Seguridad.", "Documentos Oficiales de la Asamblea General, {o} período de sesiones, Suplemento núm. {s} ({sym})."],
    "en": ["See {sym}.", "See General Assembly resolution {r}.", "General Assembly resolution {r}, annex.",
           "See {sym}, para. {p}.", "United Nations, Treaty Series, vol. {v}, No. {t}.",
           "See Security Council resolution {sc} ({y}).", "Official Records of the General Assembly, {o} Session, Supplement No. {s} ({sym})."],
}
ORD_NOTE = {"fr": ["soixante-dixième", "soixante-quatorzième", "soixante-dix-septième"],
            "es": ["septuagésimo", "septuagésimo cuarto", "septuagésimo séptimo"],
            "en": ["Seventieth", "Seventy-fourth", "Seventy-seventh"]}


def fmt_date(lang, y, m, d):
    if lang == "fr":
        return f"{'1er' if d == 1 else d} {MONTHS['fr'][m - 1]} {y}"
    if lang == "es":
        return f"{d} de {MONTHS['es'][m - 1]} de {y}"
    return f"{d} {MONTHS['en'][m - 1]} {y}"


def rand_symbol(rng, organ, year, session):
    if organ == "GA":
        return rng.choice([f"A/{session}/{rng.randint(60, 780)}", f"A/{session}/{rng.randint(60, 780)}",
                           f"A/HRC/{session - 21}/{rng.randint(2, 80)}", f"A/{session}/{rng.randint(60, 780)}/Add.{rng.randint(1, 3)}"])
    if organ == "EC":
        return rng.choice([f"E/{year}/{rng.randint(2, 99)}", f"E/CN.{rng.choice([3, 5, 6, 7, 9, 15, 17])}/{year}/{rng.randint(2, 12)}",
                           f"E/C.12/{year}/{rng.randint(1, 9)}"])
    return f"S/{year}/{rng.randint(20, 990)}"


def make_meta(rng, lang, organ):
    year = rng.randint(2020, 2025)
    m, d = rng.randint(1, 12), rng.randint(1, 28)
    session = year - 1945 + (1 if m >= 9 else 0)
    session = max(75, min(80, session))
    meta = {"symbol": rand_symbol(rng, organ, year, session), "language": lang, "organ": ORGANS[organ][lang],
            "distribution": rng.choice(DISTR[lang]), "date": fmt_date(lang, year, m, d)}
    orig = rng.choice(["en", "en", "en", "fr", "es", "ar", "ru", lang, lang])
    meta["original"] = ORIGINAL[lang][orig]
    if organ == "GA":
        meta["session"] = GA_SESSION[lang][session]
    elif organ == "EC":
        meta["session"] = EC_SESSION[lang].format(y=year)
    if organ != "SC":
        f = rng.choice(AGENDA_FMT[lang])
        meta["agenda"] = f.format(n=rng.randint(3, 140), l=rng.choice("abcdef"))
        meta["agenda_title"] = rng.choice(AGENDA_TITLES[lang])
    meta["title"] = None  # filled by compose
    meta["subtitle"] = rng.choice(SUBTITLES[lang])
    meta["job"] = f"{year % 100:02d}-{rng.randint(1, 24999):05d}"
    meta["_date"] = (year, m, d)
    return meta


def note_text(rng, lang, sym):
    f = rng.choice(NOTE_FMT[lang])
    year = rng.randint(1995, 2024)
    return f.format(sym=sym, r=f"{rng.randint(55, 79)}/{rng.randint(1, 320)}", p=rng.randint(2, 90),
                    v=rng.randint(500, 3100), t=rng.randint(1000, 56000), sc=rng.randint(1300, 2750), y=year,
                    o=rng.choice(ORD_NOTE[lang]), s=rng.randint(1, 49))


# ------------------------------------------------------------ compose ----


def compose(corpus, split, lang, rng, target_chars, conds):
    """A gold document for `lang` from sources of `split` only."""
    organ = rng.choices(["GA", "EC", "SC"], [0.55, 0.25, 0.2])[0]
    meta = make_meta(rng, lang, organ)
    sources = corpus.sources(lang, split)
    used = []
    buf = {"heading": [], "sentence": [], "item": [], "preamble": []}

    def refill():
        doc = rng.choice(sources)
        used.append(doc)
        for s in corpus.sentences(lang, split, doc):
            buf[s.kind].append(s.text)

    def take(kind, tries=40):
        for _ in range(tries):
            if buf[kind]:
                return buf[kind].pop(0)
            refill()
        return None

    def sentence():
        return take("sentence")

    class _H:
        def __next__(self):
            t = None
            for _ in range(3):
                t = take("heading", 6)
                if t and 8 <= len(t) <= 100:
                    return t
            return rng.choice(TITLES[lang])

        def __iter__(self):
            return self

    hpool = _H()
    preambles = buf["preamble"]

    class _I:
        def __next__(self):
            return take("item", 2)

    ipool = _I()
    meta["title"] = next(hpool) if rng.random() < 0.6 else rng.choice(TITLES[lang])
    blocks = []
    notes_pending = []  # texts of footnotes, numbered when called
    n_notes_target = rng.choice([0, 2, 4, 6, 8, 10, 14, 20])
    conds["footnotes_target"] = n_notes_target
    long_note = rng.random() < 0.5
    conds["long_note"] = long_note
    for i in range(n_notes_target):
        if (long_note and i == n_notes_target // 2) or rng.random() < 0.15:
            ss = [sentence() for _ in range(rng.randint(2, 5) if long_note and i == n_notes_target // 2 else 1)]
            t = " ".join(s for s in ss if s)
            if rng.random() < 0.5:
                t = note_text(rng, lang, rand_symbol(rng, organ, 2020, 75))[:-1] + ". " + t
            notes_pending.append(t or note_text(rng, lang, meta["symbol"]))
        else:
            notes_pending.append(note_text(rng, lang, rand_symbol(rng, rng.choice(["GA", "EC", "SC"]), rng.randint(2010, 2024), rng.randint(60, 79))))
    star = rng.choice(["title", "agenda", "none"]) if "agenda" in meta else rng.choice(["title", "none"])
    conds["star_note"] = star
    notes = {}
    if star == "title":
        meta["title"] += "[^*]"
        notes["*"] = rng.choice(STAR_TITLE[lang])
    elif star == "agenda":
        meta["agenda"] += "[^*]"
        notes["*"] = rand_symbol(rng, organ, 2024, 79).split("/Add")[0] + "."
    # summary
    chars = 0
    if rng.random() < 0.35 and organ != "SC":
        conds["summary"] = True
        blocks.append(dict(kind="heading", level=1, number=None, text=SUMMARY[lang], center=True))
        for _ in range(rng.randint(1, 2)):
            t = " ".join(filter(None, (sentence() for _ in range(rng.randint(2, 5)))))
            if t:
                blocks.append(dict(kind="para", number=None, text=t))
                chars += len(t)
    else:
        conds["summary"] = False
    romans = "I II III IV V VI VII VIII IX X XI XII XIII XIV XV XVI XVII XVIII XIX XX".split()
    par_no = 0
    ch = 0
    n_items = 0
    preamble_done = False
    while chars < target_chars:
        if ch >= len(romans):
            break
        blocks.append(dict(kind="heading", level=1, number=romans[ch], text=next(hpool)))
        ch += 1
        n_sec = rng.choice([0, 0, 2, 3, 4])
        for sec in range(max(1, n_sec)):
            if n_sec:
                blocks.append(dict(kind="heading", level=2, number="ABCDEFGH"[sec], text=next(hpool)))
            for k in range(rng.randint(2, 6)):
                if chars >= target_chars:
                    break
                if rng.random() < 0.12:
                    blocks.append(dict(kind="heading", level=3, number=None, text=next(hpool)))
                if not preamble_done and rng.random() < (0.25 if preambles else 0.05):
                    preamble_done = True
                    conds["preamble"] = True
                    for _ in range(rng.randint(2, 4)):
                        s = take("preamble", 3)
                        if s:
                            blocks.append(dict(kind="para", number=None, text=s, preamble=True))
                            chars += len(s)
                            continue
                        s = sentence()
                        if not s:
                            break
                        s = s[0].lower() + s[1:] if not s[:2].isupper() else s
                        s = re.sub(r"[.!?»”)]*$", "", s).rstrip() + ","
                        blocks.append(dict(kind="para", number=None, text=rng.choice(PREAMBLE[lang]) + " " + s, preamble=True))
                        chars += len(s)
                    continue
                t = " ".join(filter(None, (sentence() for _ in range(rng.choice([1, 2, 2, 3, 3, 4])))))
                if not t:
                    break
                par_no += 1
                if rng.random() < 0.1:
                    # a paragraph that introduces sub-items
                    t = re.sub(r"[.!?]$", "", t) + (" :" if lang == "fr" else ":")
                    blocks.append(dict(kind="para", number=str(par_no), text=t))
                    chars += len(t)
                    k_items = rng.randint(2, 5)
                    labels = "abcdefgh"
                    for j in range(k_items):
                        it = next(ipool) or sentence()
                        if not it:
                            break
                        it = re.sub(r"[\s.;,:!?]*$", "", it)
                        last = j == k_items - 1
                        it += "." if last else (" ;" if lang == "fr" else ";")
                        blocks.append(dict(kind="item", label=labels[j], text=it))
                        chars += len(it)
                        n_items += 1
                        if j == 0 and rng.random() < 0.3:
                            for r_i, rl in enumerate(["i", "ii", "iii"][: rng.randint(2, 3)]):
                                s2 = sentence()
                                if not s2:
                                    break
                                s2 = re.sub(r"[\s.;,:!?]*$", "", s2) + (" ;" if lang == "fr" else ";")
                                blocks.append(dict(kind="item", label=rl, text=s2, roman=True))
                                chars += len(s2)
                else:
                    blocks.append(dict(kind="para", number=str(par_no), text=t))
                    chars += len(t)
    conds["paragraphs"] = par_no
    conds["chapters"] = ch
    conds["items"] = n_items
    # footnote calls: spread over the body blocks, numbered in order of appearance
    body = [i for i, b in enumerate(blocks) if b["kind"] in ("para", "item") and len(b["text"]) > 60]
    picks = sorted(rng.sample(body, min(len(notes_pending), len(body))))
    placed = []
    for i in picks:
        b = blocks[i]
        t = b["text"]
        spots = [m.end() for m in re.finditer(r"\w(?=[\s,;.:)])", t[: len(t) - 1])]
        punct = [m.end() for m in re.finditer(r"[,.;)](?=\s)", t)]
        where = "punct" if punct and rng.random() < 0.35 else "word"
        pos_l = punct if where == "punct" else spots
        if not pos_l:
            continue
        pos = rng.choice(pos_l)
        if where == "word" and rng.random() < 0.3:
            pos = len(t) - 1 if t[-1] in ".;:," else len(t)
        placed.append((i, pos))
    # several calls in one block: insert from the back
    by_block = {}
    for i, pos in placed:
        by_block.setdefault(i, []).append(pos)
    n = 0
    order = []
    for i in sorted(by_block):
        for pos in sorted(set(by_block[i])):
            order.append((i, pos))
    numbers = {}
    for k, (i, pos) in enumerate(order):
        numbers[(i, pos)] = str(k + 1)
        notes[str(k + 1)] = notes_pending[k]
    for i in sorted(by_block, reverse=True):
        t = blocks[i]["text"]
        for pos in sorted(set(by_block[i]), reverse=True):
            t = t[:pos] + f"[^{numbers[(i, pos)]}]" + t[pos:]
        blocks[i]["text"] = t
    conds["footnotes"] = len(notes)
    conds["sources"] = sorted(set(used))
    return dict(meta=meta, blocks=blocks, notes=notes)


# --------------------------------------------------------- gold format ----

META_KEYS = ["symbol", "language", "organ", "distribution", "date", "original", "session", "agenda",
             "agenda_title", "title", "subtitle", "job"]


def gold_clean(s):
    """What the gold says for printed text: plain spaces."""
    return re.sub(r"[\s\u00a0\u202f]+", " ", s).strip()


def to_gold(doc):
    out = []
    for k in META_KEYS:
        if doc["meta"].get(k):
            out.append(f"%{k} {gold_clean(doc['meta'][k])}")
    out.append("")
    for b in doc["blocks"]:
        t = gold_clean(b["text"])
        if b["kind"] == "heading":
            out.append("#" * b["level"] + " " + (b["number"] + ". " if b.get("number") else "") + t)
        elif b["kind"] == "para":
            out.append((b["number"] + ". " if b.get("number") else "> ") + t)
        else:
            out.append(f"{b['label']}) {t}")
        out.append("")
    def key(n):
        return (0, 0) if n == "*" else (1, int(n))
    for n in sorted(doc["notes"], key=key):
        out.append(f"[^{n}]: {gold_clean(doc['notes'][n])}")
    return "\n".join(out).rstrip() + "\n"


def from_gold(path):
    """Read a user's gold file into a document for rendering."""
    meta, blocks, notes = {}, [], {}
    for raw in open(path, encoding="utf-8"):
        line = raw.rstrip("\n").strip()
        if not line:
            continue
        if line.startswith("%"):
            k, _, v = line[1:].partition(" ")
            meta[k] = v
            continue
        m = re.match(r"\[\^([0-9]+|\*)\]:\s*(.*)$", line)
        if m:
            notes[m.group(1)] = m.group(2)
            continue
        m = re.match(r"(#{1,3}) (.*)$", line)
        if m:
            rest = m.group(2)
            hm = re.match(r"([IVXLC]+|[A-Z])\. (.*)$", rest)
            num, text = (hm.group(1), hm.group(2)) if hm else (None, rest)
            blocks.append(dict(kind="heading", level=len(m.group(1)), number=num, text=text,
                               center=(num is None and len(m.group(1)) == 1)))
            continue
        m = re.match(r"(\d+)\. (.*)$", line)
        if m:
            blocks.append(dict(kind="para", number=m.group(1), text=m.group(2)))
            continue
        m = re.match(r"([a-z]|[ivx]+)\) (.*)$", line)
        if m:
            lab = m.group(1)
            prev = [b for b in blocks if b["kind"] == "item"]
            roman = bool(re.fullmatch(r"[ivx]+", lab)) and not (lab == "i" and prev and prev[-1]["label"] == "h")
            blocks.append(dict(kind="item", label=lab, text=m.group(2), roman=roman))
            continue
        if line.startswith("> "):
            blocks.append(dict(kind="para", number=None, text=line[2:]))
            continue
        raise SystemExit(f"{path}: cannot read gold line: {line[:80]}")
    meta.pop("scope", None)
    return dict(meta=meta, blocks=blocks, notes=notes)
