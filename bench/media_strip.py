"""How well ``pipeline.media.strip_metadata`` removes metadata from images we did not make.

    python bench/media_strip.py DIR [--half even|odd|all]

DIR holds images from elsewhere, e.g. the ``Tests/images`` folder of Pillow's source release (782 files
written by many cameras and tools, with EXIF, GPS, XMP, IPTC, Photoshop blocks and comments). Every
JPEG/PNG/GIF/WebP in it is stripped three ways, and ExifTool (an independent reader) lists what is left:

* ours: Pillow decodes and encodes from pixels (orientation applied);
* naive: what we would write ourselves — drop the JPEG APP1–APP15 and COM segments (JPEG only);
* exiftool ``-all=``: the reference tool, for comparison.

``--half`` splits the files by name order, so one half can be looked at while fixing and the other kept
untouched for the figure reported.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipeline import media  # noqa: E402
from pipeline.core.errors import TamizdatError  # noqa: E402

GROUPS = ("EXIF", "IFD0", "IFD1", "ExifIFD", "GPS", "XMP", "IPTC", "Photoshop", "MakerNotes", "InteropIFD")
EXTS = {".jpg", ".jpeg", ".png", ".gif", ".webp"}


def left(paths: list[Path]) -> dict[str, list[str]]:
    """ExifTool's identifying tags per file (one process for all files)."""
    if not paths:
        return {}
    out = subprocess.run(["exiftool", "-j", "-G1", "-a", "-u", "-q", "-q", *map(str, paths)],
                         capture_output=True, text=True)
    result = {}
    for rec in json.loads(out.stdout or "[]"):
        tags = [k for k in rec if k.split(":")[0].startswith(GROUPS) or k.endswith((":Comment", ":Author",
                                                                                     ":Artist", ":Copyright"))]
        result[rec["SourceFile"]] = tags
    return result


def naive(data: bytes) -> bytes | None:
    """Drop APP1..APP15 and COM segments of a JPEG; None for anything else."""
    if not data.startswith(b"\xff\xd8"):
        return None
    out, i = bytearray(b"\xff\xd8"), 2
    while i + 4 <= len(data) and data[i] == 0xFF:
        marker = data[i + 1]
        if marker == 0xDA:  # start of scan: the rest is picture
            out += data[i:]
            return bytes(out)
        size = int.from_bytes(data[i + 2:i + 4], "big")
        if not (0xE1 <= marker <= 0xEF or marker == 0xFE):
            out += data[i:i + 2 + size]
        i += 2 + size
    return bytes(out)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", type=Path)
    ap.add_argument("--half", choices=("even", "odd", "all"), default="all")
    args = ap.parse_args()
    files = sorted(p for p in args.folder.iterdir() if p.suffix.lower() in EXTS)
    if args.half != "all":
        files = files[0 if args.half == "even" else 1::2]
    before = left(files)
    tagged = [p for p in files if before.get(str(p))]
    work = Path(tempfile.mkdtemp())
    ours, mine, ref, refused = [], [], [], []
    for p in tagged:
        data = p.read_bytes()
        try:
            clean, ext = media.strip_metadata(data, p.name)
            (work / f"ours-{p.stem}{ext}").write_bytes(clean)
            ours.append(work / f"ours-{p.stem}{ext}")
        except TamizdatError as exc:
            refused.append(f"{p.name}: {exc.message}")
        n = naive(data)
        target = work / f"naive-{p.name}"
        target.write_bytes(n if n is not None else data)
        mine.append(target)
        target = work / f"ref-{p.name}"
        shutil.copy(p, target)
        subprocess.run(["exiftool", "-q", "-q", "-all=", "-overwrite_original", str(target)], capture_output=True)
        ref.append(target)
    rows = [("ours (Pillow)", left(ours), len(ours)), ("naive JPEG segments", left(mine), len(mine)),
            ("exiftool -all=", left(ref), len(ref))]
    print(f"{len(files)} images ({args.half}), {len(tagged)} carry identifying metadata before")
    print(f"ours refused {len(refused)} (not an image Pillow can re-encode): " + "; ".join(refused[:8]))
    print("| method | files out | still carrying metadata | tags left |")
    print("|---|---|---|---|")
    for name, result, n in rows:
        dirty = {k: v for k, v in result.items() if v}
        print(f"| {name} | {n} | {len(dirty)} | {sum(len(v) for v in dirty.values())} |")
        for k, v in list(dirty.items())[:3]:
            print(f"|  e.g. {Path(k).name} | | | {', '.join(v[:4])} |")
    shutil.rmtree(work)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
