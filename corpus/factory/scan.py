"""Raster a PDF, degrade each page like a scan (numpy/Pillow, seeded), OCR it with Tesseract."""
import glob
import io
import os
import subprocess

import numpy as np
from PIL import Image, ImageFilter

LEVELS = ("clean", "light", "medium", "heavy")


def draw_scan(rng, level, dpi):
    """Degradation parameters of one document (drawn with the document's random.Random).

    Every level starts from a clean page; light adds little, medium 2-3 and heavy 3-5 of
    the effects below, at the level's strength."""
    u = rng.uniform
    p = dict(level=level, dpi=dpi, rotate=0.0, blur=0.0, noise=0.0, contrast=[0, 255], threshold=None,
             speckles=0.0, dark_margin=None, jpeg=None, downsample=1.0, ink="none")
    if level == "clean":
        return p
    if level == "light":
        p.update(rotate=round(u(-0.4, 0.4), 2), blur=round(u(0.0, 0.5), 2), noise=round(u(0, 6), 1),
                 contrast=[rng.randint(0, 15), rng.randint(240, 255)], jpeg=rng.choice([None, None, 85, 70]))
        return p
    if level == "heavy":
        # Tesseract shrugs off any single effect: heavy damage comes from combinations.
        recipe = rng.choice(["bleed", "lowres", "photocopy", "faded", "jpeg"])
        p["recipe"] = recipe
        p["rotate"] = round(rng.choice([-1, 1]) * u(0.6, 2.2), 2)
        p["noise"] = round(u(3, 9), 1)
        if recipe == "bleed":
            p.update(ink="bold", blur=round(u(0.5, 1.1), 2))
        elif recipe == "lowres":
            p.update(downsample=round(u(0.3, 0.45), 2), blur=round(u(0.8, 1.1), 2))
        elif recipe == "photocopy":
            p.update(threshold=rng.choice([rng.randint(110, 128), rng.randint(188, 205)]), blur=round(u(1.1, 1.5), 2),
                     speckles=round(u(0.0001, 0.0004), 6))
        elif recipe == "faded":
            p.update(contrast=[rng.randint(85, 110), rng.randint(180, 200)], noise=round(u(8, 13), 1),
                     blur=round(u(0.7, 1.1), 2))
        else:
            p.update(jpeg=rng.randint(5, 10), downsample=round(u(0.3, 0.4), 2), noise=round(u(5, 9), 1), blur=0.5)
        if rng.random() < 0.4:
            p["dark_margin"] = [rng.choice("lrtb"), round(u(0.03, 0.07), 3)]
        if rng.random() < 0.3 and not p["speckles"]:
            p["speckles"] = round(u(0.00005, 0.0002), 6)
        return p
    effects = ["blur", "noise", "contrast", "threshold", "speckles", "dark_margin", "jpeg", "downsample", "ink"]
    chosen = set(rng.sample(effects, rng.randint(2, 3)))
    p["rotate"] = round(rng.choice([-1, 1]) * u(0.3, 1.0), 2)
    if "threshold" in chosen and "ink" in chosen:
        chosen.discard("ink")
    if "blur" in chosen:
        p["blur"] = round(u(0.5, 0.9), 2)
    if "noise" in chosen:
        p["noise"] = round(u(5, 12), 1)
    if "contrast" in chosen:
        p["contrast"] = [rng.randint(20, 50), rng.randint(205, 235)]
    if "threshold" in chosen:
        p["threshold"] = rng.randint(140, 180)
    if "speckles" in chosen:
        p["speckles"] = round(u(0.00003, 0.0001), 6)
    if "dark_margin" in chosen:
        p["dark_margin"] = [rng.choice("lrtb"), round(u(0.01, 0.04), 3)]
    if "jpeg" in chosen:
        p["jpeg"] = rng.randint(25, 50)
    if "downsample" in chosen:
        p["downsample"] = round(u(0.6, 0.8), 2)
    if "ink" in chosen:
        p["ink"] = "bold"
        p["blur"] = min(p["blur"], 0.4)
    return p


def degrade(img, p, nrng):
    """img: PIL 'L' page; p: draw_scan params; nrng: numpy Generator. Returns a PIL image."""
    scale = p["dpi"] / 300.0
    if p["ink"] != "none":
        img = img.filter(ImageFilter.MinFilter(3) if p["ink"] == "bold" else ImageFilter.MaxFilter(3))
    if p["downsample"] < 1.0:
        w, h = img.size
        small = img.resize((max(1, int(w * p["downsample"])), max(1, int(h * p["downsample"]))), Image.BILINEAR)
        img = small.resize((w, h), Image.BILINEAR)
    if p["rotate"]:
        img = img.rotate(p["rotate"] + float(nrng.normal(0, 0.08)), resample=Image.BILINEAR, fillcolor=255)
    if p["blur"]:
        img = img.filter(ImageFilter.GaussianBlur(p["blur"] * scale * 1.4))
    a = np.asarray(img, dtype=np.float32)
    lo, hi = p["contrast"]
    a = lo + (hi - lo) * (a / 255.0)
    h, w = a.shape
    if p["dark_margin"]:
        side, frac = p["dark_margin"]
        k = max(2, int((w if side in "lr" else h) * frac))
        ramp = np.linspace(40, 255, k, dtype=np.float32)[::-1] if side in "rb" else np.linspace(40, 255, k, dtype=np.float32)
        # edge at the page side: dark, fading to the page
        ramp = np.minimum(ramp, 255)
        if side == "l":
            a[:, :k] = np.minimum(a[:, :k], ramp[None, :])
        elif side == "r":
            a[:, w - k:] = np.minimum(a[:, w - k:], ramp[None, :])
        elif side == "t":
            a[:k, :] = np.minimum(a[:k, :], ramp[:, None])
        else:
            a[h - k:, :] = np.minimum(a[h - k:, :], ramp[:, None])
    if p["noise"]:
        a += nrng.normal(0, p["noise"], a.shape).astype(np.float32)
    if p["speckles"]:
        n = int(h * w * p["speckles"])
        ys, xs = nrng.integers(0, h - 3, n), nrng.integers(0, w - 3, n)
        dark = nrng.random(n) < 0.75
        r = max(1, int(round(2 * scale)))
        for dy in range(r):
            for dx in range(r):
                a[ys[dark] + dy, xs[dark] + dx] = 30
                a[ys[~dark] + dy, xs[~dark] + dx] = 250
    if p["threshold"] is not None:
        a = np.where(a < p["threshold"], 0.0, 255.0)
    a = np.clip(a, 0, 255).astype(np.uint8)
    out = Image.fromarray(a, "L")
    if p["jpeg"]:
        buf = io.BytesIO()
        out.save(buf, "JPEG", quality=p["jpeg"])
        buf.seek(0)
        out = Image.open(buf)
        out.load()
    return out


def ocr_pdf(pdf, work, scan, ocr, nseed, keep_pages=None):
    """Raster, degrade and OCR every page; returns the list of page texts."""
    prefix = os.path.join(work, "p")
    subprocess.run(["pdftoppm", "-r", str(scan["dpi"]), "-gray", pdf, prefix], check=True)
    pages = sorted(glob.glob(prefix + "-*.pgm"), key=lambda q: int(q.rsplit("-", 1)[1].split(".")[0]))
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    texts = []
    for k, pth in enumerate(pages):
        nrng = np.random.default_rng([nseed, k])
        img = degrade(Image.open(pth).convert("L"), scan, nrng)
        scanp = os.path.join(work, f"scan-{k + 1}.pgm")
        img.save(scanp)
        if keep_pages:
            os.makedirs(keep_pages, exist_ok=True)
            img.save(os.path.join(keep_pages, f"page-{k + 1}.png"))
        r = subprocess.run(["tesseract", scanp, "stdout", "-l", ocr["model"], "--psm", str(ocr["psm"]),
                            "-c", "page_separator="], capture_output=True, env=env, check=True)
        texts.append(r.stdout.decode("utf-8", "replace"))
        os.remove(scanp)
        os.remove(pth)
    return texts


def join_pages(texts, how):
    if how == "formfeed":
        return "".join(t + "\f" for t in texts)
    if how == "indent":
        return "\n".join((" " + t.lstrip("\n")) if i else t for i, t in enumerate(texts))
    return "\n".join(texts)
