"""Images kept in the project, without the metadata that tells where a photo was taken (issue 19).

Test pages are made here: a page saved as "Web page, complete" with its ``NAME_files/`` folder holding
JPEG photos that carry GPS EXIF, XMP and a comment, plus images served from a local HTTP server on
127.0.0.1 for ``--fetch-media`` (the tests never use the internet). What is left in a published image
is read by an independent reader, ExifTool (Debian's libimage-exiftool-perl), and by Pillow.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from PIL import ExifTags, Image

from conftest import run_cli
from pipeline import media

EXIFTOOL = shutil.which("exiftool")
XMP = (b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
       b'<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Ivan Volunteer</dc:creator>'
       b'</rdf:Description></rdf:RDF></x:xmpmeta>')


def gps_jpeg(width: int = 64, height: int = 32, orientation: int = 6) -> bytes:
    """A photo as a phone writes it: GPS position (Moscow), camera, orientation, XMP creator, a comment."""
    im = Image.new("RGB", (width, height), (200, 30, 30))
    for x in range(width // 2):  # the left half blue, so rotation can be seen
        for y in range(height):
            im.putpixel((x, y), (20, 40, 220))
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhoneMaker"
    exif[ExifTags.Base.Model] = "Phone 12"
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.Base.Artist] = "Ivan Volunteer"
    exif[ExifTags.IFD.GPSInfo] = {1: "N", 2: (55.0, 45.0, 21.0), 3: "E", 4: (37.0, 37.0, 4.0)}
    out = io.BytesIO()
    im.save(out, "JPEG", exif=exif, xmp=XMP, comment=b"taken near the colony gate", quality=92)
    return out.getvalue()


def png_with_text() -> bytes:
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Ivan Volunteer")
    info.add_text("XML:com.adobe.xmp", XMP.decode())
    out = io.BytesIO()
    Image.new("RGBA", (20, 20), (0, 128, 0, 255)).save(out, "PNG", pnginfo=info)
    return out.getvalue()


def exiftool(path: Path) -> dict:
    """ExifTool's reading of a file: every tag with its group."""
    if EXIFTOOL is None:
        if os.environ.get("CI") == "true":
            pytest.fail("exiftool is missing (apt-get install libimage-exiftool-perl); .ci/run installs it")
        pytest.skip("exiftool is not installed (apt-get install libimage-exiftool-perl)")
    proc = subprocess.run([EXIFTOOL, "-j", "-G1", "-a", "-u", str(path)], capture_output=True, text=True, check=True)
    return json.loads(proc.stdout)[0]


def leaks(path: Path) -> list[str]:
    """Tags of a file that could say who, where or with what: anything in EXIF, GPS, XMP, IPTC, comments."""
    tags = exiftool(path)
    bad_groups = ("EXIF", "IFD0", "IFD1", "ExifIFD", "GPS", "XMP", "IPTC", "Photoshop", "MakerNotes", "Comment")
    found = [k for k in tags if k.split(":")[0].startswith(bad_groups)]
    found += [k for k in tags if k.endswith(":Comment") or k.endswith(":Author") or k.endswith(":Artist")]
    return sorted(set(found))


# ------------------------------------------------------------------ stripping
def test_the_test_photo_really_carries_gps(tmp_path):
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(gps_jpeg())
    tags = exiftool(photo)
    assert "GPS:GPSLatitude" in tags and "XMP-dc:Creator" in tags and "File:Comment" in tags
    assert media.has_metadata(photo.read_bytes())


def test_strip_removes_exif_gps_xmp_comments_and_turns_the_photo_upright(tmp_path):
    clean, ext = media.strip_metadata(gps_jpeg(), "photo.jpg")
    assert ext == ".jpg"
    out = tmp_path / "clean.jpg"
    out.write_bytes(clean)
    assert leaks(out) == []
    im = Image.open(out)
    assert len(im.getexif()) == 0 and "xmp" not in im.info and "comment" not in im.info  # Pillow agrees
    # Orientation 6 (rotate 90° clockwise to view) is applied: 64×32 becomes 32×64, blue on top.
    assert im.size == (32, 64)
    r, g, b = im.convert("RGB").getpixel((16, 5))
    assert b > 150 and r < 100
    assert not media.has_metadata(clean)


def test_strip_png_text_chunks_and_refuse_what_is_not_an_image(tmp_path):
    clean, ext = media.strip_metadata(png_with_text(), "logo.png")
    (tmp_path / "c.png").write_bytes(clean)
    assert ext == ".png" and leaks(tmp_path / "c.png") == [] and "Author" not in Image.open(tmp_path / "c.png").info
    with pytest.raises(media.TamizdatError, match="page.html"):
        media.strip_metadata(b"<html>not an image</html>", "page.html")


def test_an_upright_jpeg_is_not_encoded_again():
    """No orientation to apply: the JPEG keeps its quantisation tables (no second round of loss)."""
    data = gps_jpeg(orientation=1)
    clean, _ = media.strip_metadata(data, "x.jpg")
    a = Image.open(io.BytesIO(data))
    b = Image.open(io.BytesIO(clean))
    assert a.quantization == b.quantization and a.size == b.size


@pytest.mark.parametrize("alt,kept", [
    ("https://cdn.example-news.com/2024/05/photo.jpg", ""),
    ("[https://cdn.example-news.com/x]", ""),
    ("IMG_20240502_101500.jpg", ""),
    ("DSC01234", ""),
    ("photo.jpeg", ""),
    ("Azat Miftakhov in court, 2019", "Azat Miftakhov in court, 2019"),
    ("The www of prisons: letters online", "The www of prisons: letters online"),
])
def test_alt_that_is_an_address_or_file_name_is_dropped(alt, kept):
    assert media.describing_alt(alt)[0] == kept
    assert (media.describing_alt(alt)[1] is None) == bool(kept)


# ------------------------------------------------------------------ import
BODY = " ".join(["The court in Kirov heard the appeal of the anarchist mathematician on Tuesday."] * 6)


def saved_page(folder: Path, name: str, images: list[str], title: str, canonical: str | None = None) -> Path:
    """A page as Firefox saves it with "Web page, complete": NAME.html plus NAME_files/."""
    head = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    imgs = "".join(f'<figure><img src="{src}" alt="{alt}"><figcaption>Caption {i}</figcaption></figure>'
                   for i, (src, alt) in enumerate(images))
    page = folder / f"{name}.html"
    page.write_text(
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title} | News</title>{head}'
        f'<meta property="article:published_time" content="2024-05-02T10:00:00Z"></head><body>'
        f'<nav><a href="/">Home</a></nav><article><h1>{title}</h1><p>{BODY}</p>{imgs}<p>{BODY}</p></article>'
        f"</body></html>", encoding="utf-8")
    return page


PROJECT = """[tool.tamizdat]
source_language = "en"
languages = ["ru", "de"]
site_title = "Media test"
base_url = "https://example.org/m/"

[tool.tamizdat.publish]
threshold = 0
below_threshold = "partial"
"""


def new_project(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "pyproject.toml").write_text(PROJECT, encoding="utf-8")
    return root


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def server(tmp_path):
    """A local HTTP server on 127.0.0.1 standing in for the source's image host."""
    root = tmp_path / "www"
    root.mkdir()
    srv = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(root)))
    srv.handle_error = lambda *args: None  # a download cut short at the size limit is expected
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield root, f"http://127.0.0.1:{srv.server_address[1]}"
    srv.shutdown()


def test_import_takes_images_from_the_saved_files_folder(tmp_path):
    project = new_project(tmp_path / "p")
    saved = tmp_path / "downloads"
    (saved / "Court hearing_files").mkdir(parents=True)
    (saved / "Court hearing_files" / "photo.jpg").write_bytes(gps_jpeg())
    (saved / "secret_files").mkdir()
    (saved / "secret_files" / "private.jpg").write_bytes(gps_jpeg())
    page = saved_page(saved, "Court hearing", [("Court%20hearing_files/photo.jpg", "Court hearing_files/photo.jpg"),
                                               ("./Court hearing_files/photo.jpg", "The court in Kirov")],
                      "Court hearing in Kirov", canonical="https://news.example-news.com/2024/court")
    proc = run_cli("import", page, "-C", project)
    assert proc.returncode == 0, proc.stderr
    article = (project / "articles" / "court-hearing-in-kirov.html").read_text(encoding="utf-8")
    assert 'src="../media/court-hearing-in-kirov/photo.jpg"' in article
    assert "example-news.com/2024/Court" not in article and "_files" not in article
    # The alt that was a file name is gone, with a warning naming it; the real one stays.
    assert 'alt=""' in article and 'alt="The court in Kirov"' in article
    assert "is an address or a file name" in proc.stderr
    stored = project / "media" / "court-hearing-in-kirov" / "photo.jpg"
    assert stored.is_file() and leaks(stored) == []
    assert "metadata removed" in proc.stderr


def test_a_hostile_page_cannot_publish_files_outside_its_files_folder(tmp_path):
    project = new_project(tmp_path / "p")
    saved = tmp_path / "downloads"
    saved.mkdir()
    (tmp_path / "private.jpg").write_bytes(gps_jpeg())
    page = saved_page(saved, "Hostile", [("../private.jpg", "x"), ("/etc/hostname", "y")], "Hostile page here")
    proc = run_cli("import", page, "-C", project)
    assert proc.returncode == 0, proc.stderr
    assert not (project / "media").exists()


def test_fetch_media_downloads_strips_and_reports_failures_in_one_line(tmp_path, server):
    www, base = server
    (www / "img").mkdir()
    (www / "img" / "ok.jpg").write_bytes(gps_jpeg())
    (www / "img" / "big.jpg").write_bytes(gps_jpeg(600, 600) + b"\0" * 300_000)
    (www / "img" / "text.jpg").write_bytes(b"this is not a picture")
    project = new_project(tmp_path / "p")
    page = saved_page(tmp_path, "fetched", [("/img/ok.jpg", "Letters"), ("/img/missing.jpg", "Gone"),
                                            ("/img/big.jpg", "Big"), ("/img/text.jpg", "Text"),
                                            ("ftp://files.example-news.com/a.jpg", "Ftp")],
                      "Letters from the colony", canonical=f"{base}/news/letters")
    proc = run_cli("import", page, "-C", project, "--fetch-media", "--max-media-size", "0.2", "--media-timeout", "5")
    assert proc.returncode == 0, proc.stderr
    article = (project / "articles" / "letters-from-the-colony.html").read_text(encoding="utf-8")
    assert 'src="../media/letters-from-the-colony/ok.jpg"' in article
    assert leaks(project / "media" / "letters-from-the-colony" / "ok.jpg") == []
    lines = [line for line in proc.stderr.splitlines() if "not kept" in line or "stays on its host" in line]
    assert any("missing.jpg" in line and "HTTP 404" in line for line in lines), proc.stderr
    assert any("big.jpg" in line and "larger than the limit" in line for line in lines), proc.stderr
    assert any("text.jpg" in line and "not a readable image" in line for line in lines), proc.stderr
    assert any("ftp://" in line for line in lines), proc.stderr
    assert "Traceback" not in proc.stderr
    assert sorted(p.name for p in (project / "media" / "letters-from-the-colony").iterdir()) == ["ok.jpg"]


def test_without_fetch_media_nothing_is_downloaded(tmp_path, server):
    www, base = server
    (www / "ok.jpg").write_bytes(gps_jpeg())
    project = new_project(tmp_path / "p")
    page = saved_page(tmp_path, "remote", [("/ok.jpg", "A letter")], "Remote images only", canonical=f"{base}/a")
    proc = run_cli("import", page, "-C", project)
    assert proc.returncode == 0, proc.stderr
    assert "--fetch-media" in proc.stderr and not (project / "media").exists()


def test_fetch_refuses_other_schemes_and_slow_hosts():
    with pytest.raises(media.TamizdatError, match="only http and https"):
        media.fetch("file:///etc/passwd")
    import socket

    quiet = socket.socket()
    quiet.bind(("127.0.0.1", 0))
    quiet.listen(1)  # accepts the connection, never answers
    try:
        with pytest.raises(media.TamizdatError, match="cannot download"):
            media.fetch(f"http://127.0.0.1:{quiet.getsockname()[1]}/x.jpg", timeout=0.5)
    finally:
        quiet.close()


def test_build_publishes_media_without_metadata(tmp_path):
    project = new_project(tmp_path / "p")
    saved = tmp_path / "downloads"
    (saved / "a_files").mkdir(parents=True)
    (saved / "a_files" / "photo.jpg").write_bytes(gps_jpeg())
    assert run_cli("import", saved_page(saved, "a", [("a_files/photo.jpg", "The gate")], "First report"),
                   "-C", project).returncode == 0
    # An editor drops a phone photo straight into media/: the build strips it too.
    (project / "media" / "first-report" / "extra.jpg").write_bytes(gps_jpeg())
    proc = run_cli("build", "-C", project)
    assert proc.returncode == 0, proc.stderr
    for name in ("photo.jpg", "extra.jpg"):
        published = project / "site" / "media" / "first-report" / name
        assert published.is_file() and leaks(published) == [], name
    for lang in ("en", "ru", "de"):
        page = (project / "site" / lang / "first-report.html").read_text(encoding="utf-8")
        assert 'src="../media/first-report/photo.jpg"' in page


def test_build_warns_about_an_image_missing_from_media(tmp_path):
    project = new_project(tmp_path / "p")
    saved = tmp_path / "downloads"
    (saved / "a_files").mkdir(parents=True)
    (saved / "a_files" / "photo.jpg").write_bytes(gps_jpeg())
    assert run_cli("import", saved_page(saved, "a", [("a_files/photo.jpg", "The gate")], "Second report"),
                   "-C", project).returncode == 0
    (project / "media" / "second-report" / "photo.jpg").unlink()
    proc = run_cli("build", "-C", project)
    assert proc.returncode == 0, proc.stderr
    assert "articles/second-report.html: warning: the image ../media/second-report/photo.jpg is not in media/" \
        in proc.stderr


def test_a_file_missing_from_the_saved_folder_is_not_fetched_from_a_made_up_address(tmp_path, server):
    www, base = server
    project = new_project(tmp_path / "p")
    (tmp_path / "gone_files").mkdir()
    page = saved_page(tmp_path, "gone", [("gone_files/lost.jpg", "Lost")], "Missing copy here",
                      canonical=f"{base}/news/gone")
    proc = run_cli("import", page, "-C", project, "--fetch-media")
    assert proc.returncode == 0, proc.stderr
    assert "gone_files/lost.jpg not kept: the file is not in the folder saved beside the page" in proc.stderr
    assert "HTTP 404" not in proc.stderr and not (project / "media").exists()
