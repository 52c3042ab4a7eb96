"""An article's images kept in the project, with nothing in them that tells where or by whom they were taken.

Sources get blocked and taken down, and an ``<img>`` on their server reports
each of our readers to it. So ``import`` takes every image of the article from
the folder a browser writes beside a page saved as "Web page, complete"
(``NAME_files/``), or downloads it (``--fetch-media``), and stores it as
``media/<slug>/<name>``; ``build`` copies ``media/`` into ``site/media/``.
Articles point at ``../media/<slug>/<name>``, which is right both from
``articles/`` and from ``site/<lang>/``.

Metadata goes with Pillow: the picture is decoded, turned upright by its EXIF
orientation, and encoded again from pixels alone, so EXIF (GPS, camera serial
numbers), XMP, IPTC and comments are not carried over; only the colour
profile is kept. A file Pillow cannot read is not an image we publish.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from pipeline.core.errors import TamizdatError

MAX_BYTES = 20 * 1024 * 1024  # a news photo is rarely over 5 MB; anything far bigger is not one
TIMEOUT = 20.0  # seconds per connection and per read
FORMATS = {"JPEG": ".jpg", "MPO": ".jpg", "PNG": ".png", "GIF": ".gif", "WEBP": ".webp"}  # MPO: phones' JPEG
_KEEP_INFO = ("icc_profile", "transparency", "duration", "loop")  # how it looks, not who or where

# alt text that only repeats an address or a file name: it describes nothing, and volunteers would be
# asked to translate it.
_ALT_URL = re.compile(r"^\[?\s*((https?:|ftp:|data:)?//|www\.|https?:)\S*\s*\]?$", re.I)
_ALT_FILE = re.compile(
    r"^\[?[^\[\]]*\.(jpe?g|png|gif|webp|svg|bmp|tiff?|avif|heic|jfif)\s*\]?$"
    r"|^(img|dsc|dscn|dcim|pxl|photo|image|screenshot)[-_ ]?\d[\w-]*$", re.I)


def describing_alt(alt: str) -> tuple[str, str | None]:
    """(alt to keep, warning): an alt that is an address or a file name becomes empty, with a warning."""
    text = " ".join((alt or "").split())
    if text and (_ALT_URL.match(text) or _ALT_FILE.match(text)):
        return "", f"its alt text “{text[:80]}” is an address or a file name, not a description; left empty"
    return text, None


# ------------------------------------------------------------------ metadata
def strip_metadata(data: bytes, name: str = "<image>") -> tuple[bytes, str]:
    """(the image encoded again without metadata, its file extension). Raises TamizdatError for a
    file that is not an image Pillow reads, naming ``name``."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        im = Image.open(io.BytesIO(data))
        fmt = im.format
        if fmt not in FORMATS:
            raise TamizdatError(f"not a JPEG, PNG, GIF or WebP image ({fmt or 'unknown format'})", name)
        frames = getattr(im, "n_frames", 1)
        if fmt == "MPO":  # a phone's JPEG with a second (depth or preview) picture: the first is the photo
            fmt = "JPEG"
        elif frames > 1:
            return _animated(im, fmt), FORMATS[fmt]
        upright = im.getexif().get(0x0112, 1) not in (2, 3, 4, 5, 6, 7, 8)
        # Orientation applied: the only thing in EXIF a reader needs.
        pixels = im.copy() if upright else ImageOps.exif_transpose(im)
        pixels.load()
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as exc:
        raise TamizdatError(f"not a readable image: {exc}", name) from None
    info = {k: im.info[k] for k in _KEEP_INFO if k in im.info}
    pixels.info = {}  # Pillow would otherwise write back comments and XMP it read
    out = io.BytesIO()
    if fmt == "JPEG":
        if pixels.mode not in ("RGB", "L", "CMYK"):
            pixels = pixels.convert("RGB")
        options = {"quality": "keep", "subsampling": "keep", "qtables": "keep"} if upright else {"quality": 90}
        try:
            (im if upright else pixels).save(out, "JPEG", exif=b"", comment=b"", xmp=b"", optimize=True,
                                             icc_profile=info.get("icc_profile"), **options)
        except (ValueError, OSError):  # "keep" needs a baseline JPEG Pillow can reuse the tables of
            out = io.BytesIO()
            pixels.save(out, "JPEG", quality=90, optimize=True, icc_profile=info.get("icc_profile"))
    elif fmt == "PNG":
        pixels.save(out, "PNG", optimize=True, **{k: v for k, v in info.items() if k in ("icc_profile", "transparency")})
    elif fmt == "WEBP":
        pixels.save(out, "WEBP", quality=90, icc_profile=info.get("icc_profile"))
    else:
        pixels.save(out, "GIF", **{k: v for k, v in info.items() if k == "transparency"})
    return out.getvalue(), FORMATS[fmt]


def _animated(im, fmt: str) -> bytes:
    """An animated GIF or WebP, every frame kept, no comments or XMP."""
    from PIL import ImageSequence

    frames = [f.copy() for f in ImageSequence.Iterator(im)]
    for f in frames:
        f.info = {k: v for k, v in f.info.items() if k in ("duration", "transparency")}
    out = io.BytesIO()
    options = {"duration": im.info.get("duration", 100), "loop": im.info.get("loop", 0)}
    frames[0].save(out, fmt, save_all=True, append_images=frames[1:], **options)
    return out.getvalue()


def has_metadata(data: bytes) -> bool:
    """True when the image carries EXIF, XMP, IPTC or comments (what :func:`strip_metadata` removes)."""
    from PIL import Image

    try:
        im = Image.open(io.BytesIO(data))
    except Exception:  # noqa: BLE001 - not an image Pillow knows: nothing it can strip either
        return False
    markers = {"exif", "xmp", "XML:com.adobe.xmp", "comment", "photoshop", "iptc", "dpi_exif"}
    if markers & set(im.info) or len(im.getexif()):
        return True
    app = getattr(im, "applist", [])
    return any(m in ("APP1", "APP13", "COM") for m, _ in app)


# ------------------------------------------------------------------ finding the files
@dataclass
class Collected:
    """What :func:`localize` gathered: files to write under ``media/<slug>/`` and what to tell the editor."""

    files: dict[str, bytes] = field(default_factory=dict)  # name -> bytes without metadata
    warnings: list[str] = field(default_factory=list)
    replaced: dict[str, str] = field(default_factory=dict)  # old src -> new src


def _files_folder_parts(ref: str) -> list[str] | None:
    """The path parts of a relative reference into a ``NAME_files/`` folder (what a page saved "Web page,
    complete" holds), or None: a hostile page must not make us publish ``../../home/…``."""
    parts = urlsplit(ref)
    if parts.scheme or parts.netloc:
        return None
    rel = PurePosixPath(unquote(parts.path))
    if rel.is_absolute() or ".." in rel.parts:
        return None
    found = [p for p in rel.parts if p != "."]
    return found if found and found[0].endswith("_files") else None


def _saved_file(page: Path, ref: str) -> Path | None:
    """The file such a reference names in the folder beside the page, if it is there."""
    parts = _files_folder_parts(ref)
    path = page.parent.joinpath(*parts) if parts else None
    return path if path is not None and path.is_file() else None


class _OnlyHttp(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if urlsplit(newurl).scheme.lower() not in ("http", "https"):
            raise urllib.error.URLError(f"redirected to a non-HTTP address {newurl}")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch(url: str, max_bytes: int = MAX_BYTES, timeout: float = TIMEOUT) -> bytes:
    """Download one file over http(s): a size limit, a timeout, no other schemes. Raises TamizdatError
    with a one-line reason."""
    if urlsplit(url).scheme.lower() not in ("http", "https"):
        raise TamizdatError("only http and https addresses are fetched", url)
    opener = urllib.request.build_opener(_OnlyHttp)
    # No cookies, no referrer: the request should say as little as a request can.
    req = urllib.request.Request(url, headers={"User-Agent": "tamizdat-import", "Accept": "image/*"})
    try:
        with opener.open(req, timeout=timeout) as resp:
            length = resp.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise TamizdatError(f"larger than the limit ({int(length)} > {max_bytes} bytes)", url)
            data = resp.read(max_bytes + 1)
    except TamizdatError:
        raise
    except urllib.error.HTTPError as exc:
        raise TamizdatError(f"HTTP {exc.code} {exc.reason}", url) from None
    except urllib.error.URLError as exc:
        raise TamizdatError(f"cannot download: {exc.reason}", url) from None
    except (TimeoutError, OSError, ValueError) as exc:
        raise TamizdatError(f"cannot download: {exc or 'timed out'}", url) from None
    if len(data) > max_bytes:
        raise TamizdatError(f"larger than the limit ({max_bytes} bytes)", url)
    return data


def _file_name(ref: str, ext: str, taken: dict[str, bytes], data: bytes) -> str:
    stem = PurePosixPath(unquote(urlsplit(ref).path)).stem.lower()
    stem = re.sub(r"[^a-z0-9._-]+", "-", stem).strip("-._")[:60] or "image"
    name = f"{stem}{ext}"
    if name in taken and taken[name] != data:
        name = f"{stem}-{hashlib.blake2b(data, digest_size=4).hexdigest()}{ext}"
    return name


def localize(blocks: list[str], refs: dict[str, str], *, page: Path, prefix: str, fetch_media: bool = False,
             max_bytes: int = MAX_BYTES, timeout: float = TIMEOUT) -> tuple[list[str], Collected]:
    """Point every image of ``blocks`` at a file of our own.

    ``refs`` maps each ``src`` in the blocks to what the page itself said (``NAME_files/x.jpg``);
    ``prefix`` is the relative path from the article to its media folder (``../media/<slug>/``).
    Returns the new blocks and the files to store; an image that could not be taken stays where it is,
    with a warning (the published page then shows it as a link, never loads it).
    """
    from bs4 import BeautifulSoup

    got = Collected()
    new_src = got.replaced
    for src, raw in refs.items():
        if src in new_src:
            continue
        local = _saved_file(page, raw)
        try:
            if local is not None:
                data = local.read_bytes()
                where = local.name
            elif _files_folder_parts(raw):
                # The browser's copy is missing; the address made from it exists on no server either.
                got.warnings.append(f"image {raw} not kept: the file is not in the folder saved beside the page")
                continue
            elif fetch_media and urlsplit(src).scheme.lower() in ("http", "https"):
                data = fetch(src, max_bytes, timeout)
                where = src
            elif urlsplit(src).scheme.lower() in ("http", "https"):
                got.warnings.append(f"image {src} stays on its host (readers will see a link, not the "
                                    "image): save the page as “Web page, complete” or pass --fetch-media")
                continue
            elif urlsplit(src).scheme:
                got.warnings.append(f"image {src} not kept: only http and https addresses are fetched")
                continue
            else:
                continue  # a relative address with no saved copy: import already warned about it
            clean, ext = strip_metadata(data, where)
        except TamizdatError as exc:
            got.warnings.append(f"image {src} not kept: {exc}")
            continue
        except OSError as exc:
            got.warnings.append(f"image {src} not kept: {exc.strerror or exc}")
            continue
        name = _file_name(raw if local is not None else src, ext, got.files, clean)
        got.files[name] = clean
        new_src[src] = prefix + name
    if not new_src:
        return blocks, got
    out = []
    for block in blocks:
        if "<img" not in block:
            out.append(block)
            continue
        soup = BeautifulSoup(block, "html.parser")
        for img in soup.find_all("img"):
            old = img.get("src")
            if isinstance(old, str) and old in new_src:
                img["src"] = new_src[old]
        out.append(str(soup))
    return out, got


def relative_prefix(article: Path, media_folder: Path) -> str:
    """The address of ``media_folder`` seen from ``article``, ending in ``/``."""
    return Path(os.path.relpath(media_folder, article.parent)).as_posix().rstrip("/") + "/"


# ------------------------------------------------------------------ publishing
def publishable(data: bytes, name: str) -> bytes:
    """A media file as the site gets it: an image still carrying metadata (one an editor dropped into
    ``media/`` by hand) is stripped here too. Raises TamizdatError when such an image cannot be
    stripped: it is not published rather than published with its metadata."""
    if has_metadata(data):
        return strip_metadata(data, name)[0]
    return data
