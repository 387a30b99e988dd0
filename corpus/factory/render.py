"""Typeset a gold document as a UN report PDF (reportlab, own line breaking and footnotes).

Everything printed comes from the document's gold text: headers, footers, the masthead's
"Nations Unies" / language line and the barcode are furniture (not content), as in real reports.
"""
import re

import pyphen
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
from reportlab.graphics.barcode import code39

from .compose import UN, LANG_NAME, ORIG_LABEL

W, H = A4

TTF = {
    "LiberationSerif": ("/usr/share/fonts/truetype/liberation/LiberationSerif-{}.ttf", ["Regular", "Italic", "Bold", "BoldItalic"]),
    "DejaVuSerif": ("/usr/share/fonts/truetype/dejavu/DejaVuSerif{}.ttf", ["", "-Italic", "-Bold", "-BoldItalic"]),
    "DejaVuSerifCondensed": ("/usr/share/fonts/truetype/dejavu/DejaVuSerifCondensed{}.ttf", ["", "-Italic", "-Bold", "-BoldItalic"]),
    "FreeSerif": ("/usr/share/fonts/truetype/freefont/FreeSerif{}.ttf", ["", "Italic", "Bold", "BoldItalic"]),
    "Caladea": ("/usr/share/fonts/truetype/crosextra/Caladea-{}.ttf", ["Regular", "Italic", "Bold", "BoldItalic"]),
}
T1 = {  # URW base35 Type 1 (Times, Century Schoolbook, Palatino clones)
    "NimbusRoman": ["NimbusRoman-Regular", "NimbusRoman-Italic", "NimbusRoman-Bold", "NimbusRoman-BoldItalic"],
    "C059": ["C059-Roman", "C059-Italic", "C059-Bold", "C059-BdIta"],
    "P052": ["P052-Roman", "P052-Italic", "P052-Bold", "P052-BoldItalic"],
}
FONTS = sorted(list(TTF) + list(T1))
STYLES = ["r", "i", "b", "bi"]
_registered = set()


def register(family):
    if family in _registered:
        return
    if family in TTF:
        pat, parts = TTF[family]
        for st, part in zip(STYLES, parts):
            pdfmetrics.registerFont(TTFont(f"{family}-{st}", pat.format(part)))
    else:
        for st, base in zip(STYLES, T1[family]):
            face = pdfmetrics.EmbeddedType1Face(f"/usr/share/fonts/type1/urw-base35/{base}.afm",
                                                f"/usr/share/fonts/X11/Type1/{base}.pfb")
            pdfmetrics.registerTypeFace(face)
            pdfmetrics.registerFont(pdfmetrics.Font(f"{family}-{st}", face.name, "WinAnsiEncoding"))
    _registered.add(family)


HYPH = {"fr": "fr", "es": "es", "en": "en_GB"}
_hyph = {}


def hyphenator(lang):
    if lang not in _hyph:
        _hyph[lang] = pyphen.Pyphen(lang=HYPH.get(lang, "en_GB"))
    return _hyph[lang]


NBSP = "\u00a0"


def print_form(text, lang):
    """Printed spacing: no-break spaces in French punctuation and in numbers."""
    if lang == "fr":
        text = re.sub(r" ([;:!?»])", NBSP + r"\1", text)
        text = text.replace("« ", "«" + NBSP)
    text = re.sub(r"(?<=\d) (?=\d{3}\b)", NBSP, text)
    return text


NOTE = re.compile(r"\[\^([0-9]+|\*)\]")


class Word:
    __slots__ = ("runs", "w", "notes", "hyph")

    def __init__(self, runs, w, notes, hyph=False):
        self.runs, self.w, self.notes, self.hyph = runs, w, notes, hyph


class Typo:
    """Fonts and sizes of one document."""

    def __init__(self, family, size, lang):
        register(family)
        self.family, self.size, self.lang = family, size, lang

    def font(self, st):
        return f"{self.family}-{st}"

    def width(self, runs, size):
        w = 0.0
        for t, st in runs:
            if st == "sup":
                w += pdfmetrics.stringWidth(t, self.font("r"), size * 0.62)
            else:
                w += pdfmetrics.stringWidth(t, self.font(st), size)
        return w

    def words(self, text, size, style="r", first_style=None):
        text = print_form(text, self.lang)
        out = []
        for k, tok in enumerate(text.split(" ")):
            if not tok:
                continue
            st = first_style if (first_style and k == 0) else style
            runs, notes, pos = [], [], 0
            for m in NOTE.finditer(tok):
                if m.start() > pos:
                    runs.append((tok[pos:m.start()], st))
                runs.append((m.group(1), "sup"))
                notes.append(m.group(1))
                pos = m.end()
            if pos < len(tok):
                runs.append((tok[pos:], st))
            out.append(Word(runs, self.width(runs, size), notes))
        return out

    def split_word(self, word, room, size):
        """Hyphenate a word to fit `room`: (head, tail) or None."""
        if len(word.runs) != 1 or word.runs[0][1] == "sup":
            return None
        t, st = word.runs[0]
        m = re.match(r"^([(«“]?)([^\W\d_][\w’-]*[^\W\d_])([^\w]*)$", t)
        if not m or len(m.group(2)) < 5:
            return None
        lead, core, trail = m.groups()
        cands = []
        for i, ch in enumerate(core):
            if ch == "-" and 2 <= i < len(core) - 2:
                cands.append((len(lead) + i + 1, ""))  # a real hyphen: break after it
        if "-" not in core and "’" not in core:
            for p in hyphenator(self.lang).positions(core):
                if 2 <= p <= len(core) - 2:
                    cands.append((len(lead) + p, "-"))
        for p, add in sorted(cands, reverse=True):
            head = [(t[:p] + add, st)]
            hw = self.width(head, size)
            if hw <= room:
                tail = [(t[p:], st)]
                return Word(head, hw, [], hyph=True), Word(tail, self.width(tail, size), [])
        return None


def break_lines(typo, words, size, width_first, width_rest, hyphenate=True):
    """Greedy line breaking -> list of lines (lists of Word)."""
    space = pdfmetrics.stringWidth(" ", typo.font("r"), size)
    lines, cur, cw = [], [], 0.0
    width = width_first
    queue = list(words)
    while queue:
        w = queue.pop(0)
        need = w.w + (space if cur else 0)
        if cw + need <= width or not cur:
            if not cur and w.w > width:
                sp = typo.split_word(w, width, size) if hyphenate else None
                if sp:
                    cur.append(sp[0])
                    lines.append(cur)
                    cur, cw, width = [], 0.0, width_rest
                    queue.insert(0, sp[1])
                    continue
            cur.append(w)
            cw += need
            continue
        room = width - cw - space
        sp = typo.split_word(w, room, size) if (hyphenate and room > size * 1.5) else None
        if sp:
            cur.append(sp[0])
            queue.insert(0, sp[1])
        else:
            queue.insert(0, w)
        lines.append(cur)
        cur, cw, width = [], 0.0, width_rest
    if cur:
        lines.append(cur)
    return lines


class Line:
    """One printed line of the body or of the footnote area."""
    __slots__ = ("items", "h", "notes", "keep", "kind", "gap")

    def __init__(self, items, h, notes=(), keep=0, kind="body", gap=0.0):
        self.items = items  # (x, words, width-to-justify-or-None, size)
        self.h, self.notes, self.keep, self.kind, self.gap = h, list(notes), keep, kind, gap


def draw_words(c, typo, x, y, words, size, justify_to=None):
    space = pdfmetrics.stringWidth(" ", typo.font("r"), size)
    tot = sum(w.w for w in words)
    gap = space
    if justify_to is not None and len(words) > 1:
        gap = max(space * 0.7, (justify_to - tot) / (len(words) - 1))
        gap = min(gap, space * 4)
    for w in words:
        xx = x
        for t, st in w.runs:
            if st == "sup":
                fs = size * 0.62
                c.setFont(typo.font("r"), fs)
                c.drawString(xx, y + size * 0.36, t)
                xx += pdfmetrics.stringWidth(t, typo.font("r"), fs)
            else:
                c.setFont(typo.font(st), size)
                c.drawString(xx, y, t)
                xx += pdfmetrics.stringWidth(t, typo.font(st), size)
        x += w.w + gap


def roman(n):
    return ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"][n]


def page_number(fmt, n, total):
    return {"slash": f"{n}/{total}", "dash": f"- {n} -", "plain": f"{n}"}[fmt]


def render(doc, L, path):
    """doc: compose() document; L: layout conditions (dict); writes the PDF, returns pages."""
    lang = doc["meta"].get("language", "en")
    typo = Typo(L["font"], L["size"], lang)
    size = L["size"]
    lead = size * L["leading"]
    ML, MR, MT, MB = L["margins"]
    ind0, NW = L["indent"], L["numwidth"]
    style = L["numbers"]
    if style == "margin":
        x_num, x_text, x_cont = ML, ML, ML
    elif style == "tab":
        x_num, x_text, x_cont = ML + ind0, ML + ind0 + NW, ML + ind0
    else:
        x_num, x_text, x_cont = ML + ind0, ML + ind0 + NW, ML + ind0 + NW
    right = W - MR
    hyph = L["hyphenate"]
    justify = L["justify"]

    def para_lines(text, x_first, x_rest, st="r", first_style=None, sz=size, ld=lead, num=None, num_x=None,
                   num_right=False, keep=0, space_before=0.0, center=False, just=justify, kind="body"):
        words = typo.words(text, sz, st, first_style)
        wf, wr = right - x_first, right - x_rest
        ls = break_lines(typo, words, sz, wf, wr, hyph)
        out = []
        for i, lw in enumerate(ls):
            x = x_first if i == 0 else x_rest
            last = i == len(ls) - 1
            items = []
            if center:
                tw = sum(w.w for w in lw) + pdfmetrics.stringWidth(" ", typo.font("r"), sz) * (len(lw) - 1)
                x = (x_first + right - tw) / 2
                items.append((x, lw, None, sz))
            else:
                items.append((x, lw, None if (last or not just) else (right - x), sz))
            if i == 0 and num is not None:
                nw = typo.words(num, sz, st)
                if num_right:
                    nx = num_x - sum(w.w for w in nw)
                else:
                    nx = num_x
                items.append((nx, nw, None, sz))
            notes = [n for w in lw for n in w.notes]
            out.append(Line(items, ld, notes, keep=keep if i == 0 else 0, kind=kind,
                            gap=space_before if i == 0 else 0.0))
        return out

    # ---- body lines
    body = []
    pgap = lead * L["para_gap"]
    item_style = L["item_style"]  # "paren" (a) or "close" a)
    for bi, b in enumerate(doc["blocks"]):
        k = b["kind"]
        t = b["text"]
        if k == "heading":
            lv = b["level"]
            st = "b" if lv < 3 else L["h3_style"]
            sz = size + (L["h1_plus"] if lv == 1 else 0)
            num = (b["number"] + ".") if b.get("number") else None
            if b.get("center"):
                body += para_lines(t, x_cont if style != "margin" else ML, x_cont, st=st, sz=sz, keep=3,
                                   space_before=lead * 1.2, center=True, just=False)
            elif num and style == "margin":
                body += para_lines(t, ML, ML, st=st, sz=sz, num=num, num_x=ML - 10, num_right=True, keep=3,
                                   space_before=lead * 1.0, just=False)
            elif num:
                body += para_lines(t, x_text, x_text, st=st, sz=sz, num=num, num_x=x_num, keep=3,
                                   space_before=lead * 1.0, just=False)
            else:
                body += para_lines(t, x_text if style != "margin" else ML, x_text if style != "margin" else ML,
                                   st=st, sz=sz, keep=3, space_before=lead * 0.8, just=False)
        elif k == "para":
            num = b.get("number")
            fs = "i" if b.get("preamble") else None
            if num is None:
                xt = x_text if style != "margin" else ML
                first = xt + (L["first_indent"] if b.get("preamble") else 0)
                body += para_lines(t, first, xt, first_style=fs, space_before=pgap)
            elif style == "margin":
                body += para_lines(t, ML, ML, num=num + ".", num_x=ML - 10, num_right=True, space_before=pgap)
            else:
                body += para_lines(t, x_text, x_cont, num=num + ".", num_x=x_num, space_before=pgap)
        else:
            lab = b["label"]
            shown = f"({lab})" if item_style == "paren" else f"{lab})"
            base = x_text if style != "margin" else ML
            if b.get("roman"):
                base += max(20, L["item_indent"] + 10)
            xi = base + L["item_indent"]
            xt = xi + L["item_label_w"]
            body += para_lines(t, xt, xt if L["item_hang"] else base, num=shown, num_x=xi, space_before=pgap * 0.5)

    # ---- footnote lines (by number)
    fs = L["note_size"]
    flead = fs * 1.18
    note_lines = {}
    nx = ML + (ind0 if style != "margin" else 0)
    for n, t in doc["notes"].items():
        mark = [Word([(n, "sup")], typo.width([(n, "sup")], fs), [])] if L["note_mark"] == "sup" else \
            typo.words(n, fs)
        ls = para_lines(t, nx + L["note_hang"], nx + L["note_hang"], sz=fs, ld=flead, kind="note",
                        just=justify)
        ls[0].items.append((nx, mark, None, fs))
        note_lines[n] = ls

    # ---- pages
    c = canvas.Canvas(path, pagesize=A4, invariant=1, pageCompression=1)
    c.setCreator("ocrmend corpus factory")
    c.setProducer("ocrmend corpus factory")
    c.setTitle(re.sub(NOTE, "", doc["meta"].get("symbol", "")))
    total_guess = [0]
    pages = []  # each: dict(body=[(line, y)], notes=[line], first=bool)

    def new_page(first):
        return dict(body=[], notes=[], first=first, top=None)

    def page_top(first):
        return masthead_height if first else (H - MT - L["header_h"])

    bottom_limit = MB + L["footer_h"]
    first_bottom = MB + 30 + L["footer_h"]  # the job line and the barcode
    sep_h = fs * 1.4
    # masthead height: drawn later; here computed by a dry run
    masthead_height = draw_masthead(None, doc, L, typo)
    carry = list(note_lines.get("*", [])) if "*" in doc["notes"] else []
    pg = new_page(True)
    y = page_top(True)
    foot_h = 0.0
    carrying = False

    def flush_carry(pg, y_now):
        nonlocal carry, foot_h, carrying
        fmax = (H - MT - MB) * L["note_max"]
        rest = []
        for ln in carry:
            room = y_now - (first_bottom if pg["first"] else bottom_limit) - foot_h - (sep_h if not pg["notes"] else 0)
            if not rest and ln.h <= room and foot_h + ln.h <= fmax:
                if not pg["notes"]:
                    foot_h += sep_h
                pg["notes"].append(ln)
                foot_h += ln.h
            else:
                rest.append(ln)
        carry = rest
        carrying = bool(rest)

    flush_carry(pg, y)
    i = 0
    while i < len(body):
        ln = body[i]
        need = ln.gap + ln.h
        if ln.keep:
            need += sum(b.h for b in body[i + 1:i + 1 + ln.keep])
        new = [n for n in ln.notes if n in note_lines]
        need_notes = sum(min(2, len(note_lines[n])) * flead for n in new) + (sep_h if new and not pg["notes"] else 0)
        fits = y - need - need_notes >= (first_bottom if pg["first"] else bottom_limit) + foot_h
        if new and carrying:
            fits = False
        if not fits and pg["body"]:
            pages.append(pg)
            pg = new_page(False)
            y = page_top(False)
            foot_h = 0.0
            flush_carry(pg, y)
            continue
        y -= ln.gap if pg["body"] else 0
        y -= ln.h
        pg["body"].append((ln, y))
        if new:
            for n in new:
                carry += note_lines[n]
            flush_carry(pg, y)
        i += 1
    pages.append(pg)
    while carry:
        pg = new_page(False)
        foot_h = 0.0
        flush_carry(pg, page_top(False))
        if not pg["notes"]:
            break
        pages.append(pg)
    total = len(pages)
    for pno, pg in enumerate(pages, 1):
        if pg["first"]:
            draw_masthead(c, doc, L, typo)
            draw_first_footer(c, doc, L, typo)
        else:
            draw_furniture(c, doc, L, typo, pno, total)
        for ln, yy in pg["body"]:
            for (x, words, jw, sz) in ln.items:
                draw_words(c, typo, x, yy, words, sz, jw)
        if pg["notes"]:
            fh = sum(l.h for l in pg["notes"])
            ytop = (first_bottom if pg["first"] else bottom_limit) + fh + sep_h
            sep = L["note_sep"]
            if sep != "none":
                c.setLineWidth(0.5)
                x1 = nx + (W - MR - nx) * (0.3 if sep == "short" else 1.0)
                c.line(nx, ytop - fs * 0.4, x1, ytop - fs * 0.4)
            yy = ytop - sep_h
            for l in pg["notes"]:
                yy -= l.h
                for (x, words, jw, sz) in l.items:
                    draw_words(c, typo, x, yy + l.h * 0.2, words, sz, jw)
        c.showPage()
    c.save()
    return total


def draw_masthead(c, doc, L, typo):
    """Draws the first page's masthead (c=None: dry run); returns the y where the body starts."""
    m = doc["meta"]
    lang = m.get("language", "en")
    ML, MR, MT, MB = L["margins"]
    size = typo.size
    y = H - MT
    out = []  # (x, y, text, font, size, align)

    def put(x, yy, text, st, sz, align="l"):
        out.append((x, yy, text, st, sz, align))

    y -= 14
    put(ML, y, UN[lang], "r", 10, "l")
    if m.get("symbol"):
        put(W - MR, y + 2, m["symbol"], "b", L["symbol_size"], "r")
    rules = [(y - 8, 1.6)]
    y -= 34
    organ = m.get("organ", "")
    put(ML, y - 4, organ, "b", 15 if len(organ) < 22 else 13.5, "l")
    xr = W - MR - 118
    yr = y + 6
    right_lines = []
    if m.get("distribution"):
        right_lines.append("Distr. " + m["distribution"])
    if m.get("date"):
        right_lines.append(m["date"])
    right_lines.append("")
    if LANG_NAME.get(lang):
        right_lines.append(LANG_NAME[lang])
    if m.get("original"):
        right_lines.append(ORIG_LABEL.get(lang, "Original: ") + m["original"])
    for t in right_lines:
        put(xr, yr, t, "r", 9.5, "l")
        yr -= 11.5
    y = min(y - 24, yr - 4)
    rules.append((y, 0.8))
    y -= 20
    for key, st in (("session", "r"), ("agenda", "r"), ("agenda_title", "b")):
        if m.get(key):
            ws = typo.words(m[key], 10, st)
            for lw in break_lines(typo, ws, 10, 230, 230, False):
                out.append(("words", ML, y, lw, 10))
                y -= 12.5
    y -= 16
    tsz = L["title_size"]
    if m.get("title"):
        ws = typo.words(m["title"], tsz, "b")
        for lw in break_lines(typo, ws, tsz, W - MR - ML - 60, W - MR - ML - 60, False):
            out.append(("words", ML + L["title_indent"], y, lw, tsz))
            y -= tsz * 1.2
    if m.get("subtitle"):
        y -= 8
        ws = typo.words(m["subtitle"], size + 1, L["subtitle_style"])
        out.append(("words", ML + L["title_indent"], y, ws, size + 1))
        y -= size * 1.3
    y -= 18
    if c is not None:
        for r_y, lw in rules:
            c.setLineWidth(lw)
            c.line(ML, r_y, W - MR, r_y)
        for o in out:
            if o[0] == "words":
                _, x, yy, lw, sz = o
                draw_words(c, typo, x, yy, lw, sz)
            else:
                x, yy, text, st, sz, align = o
                c.setFont(typo.font(st), sz)
                if align == "r":
                    c.drawRightString(x, yy, text)
                else:
                    c.drawString(x, yy, text)
    return y


def draw_first_footer(c, doc, L, typo):
    m = doc["meta"]
    ML, MR, MT, MB = L["margins"]
    job = m.get("job", "")
    if not job:
        return
    lang = m.get("language", "en")
    letter = {"fr": "F", "es": "S", "en": "E"}.get(lang, "E")
    y = MB - 14
    c.setFont(typo.font("r"), 8)
    line = f"{job} ({letter})"
    if L["first_footer"] in ("dates", "both"):
        line += f"    {L['job_dates'][0]}    {L['job_dates'][1]}"
    c.drawString(ML, y + 22, line)
    if L["first_footer"] in ("barcode", "both"):
        code = job.replace("-", "")
        bc = code39.Standard39(code, barHeight=16, barWidth=0.75, checksum=0, quiet=0)
        bc.drawOn(c, ML + (0 if L["first_footer"] == "barcode" else 0), y)
        c.setFont(typo.font("r"), 8)
        c.drawString(ML, y - 9, f"*{code}*")


def draw_furniture(c, doc, L, typo, pno, total):
    m = doc["meta"]
    ML, MR, MT, MB = L["margins"]
    side = L["header_side"]
    if side == "alternate":
        side = "left" if pno % 2 == 0 else "right"
    sym = m.get("symbol", "")
    yh = H - MT + 4
    c.setFont(typo.font("b"), 10)
    if side == "left":
        c.drawString(ML, yh, sym)
    else:
        c.drawRightString(W - MR, yh, sym)
    if L["header_rule"]:
        c.setLineWidth(0.6)
        c.line(ML, yh - 5, W - MR, yh - 5)
    pn = page_number(L["page_fmt"], pno, total)
    yf = MB - 6
    c.setFont(typo.font("r"), 9)
    if L["page_fmt"] == "dash":
        c.drawCentredString((ML + W - MR) / 2, yf, pn)
        if L["footer_job"]:
            c.drawString(ML if side == "right" else W - MR - 50, yf, m.get("job", ""))
    else:
        job = m.get("job", "") if L["footer_job"] else ""
        if side == "left":
            c.drawString(ML, yf, pn)
            if job:
                c.drawRightString(W - MR, yf, job)
        else:
            c.drawRightString(W - MR, yf, pn)
            if job:
                c.drawString(ML, yf, job)
