"""Validate a TBX file against TBX-Basic 2019: the TBX core RELAX NG schema and the TBX-Basic dialect's
Schematron rules (LTAC-Global, in ``../shared/tbx``).

    python3 tests/tools/tbx_validate.py FILE.tbx   →  one problem per line; exit 1 when there is one

RELAX NG: lxml. The Schematron is written for XSLT 2 (``matches()``, ``./local-name()``), which lxml's
XSLT 1 engine cannot run, so it is compiled to a validating stylesheet by the ISO Schematron skeleton
lxml ships (its include, abstract-expansion and SVRL steps) and that stylesheet is run by Saxon-HE
(Debian ``libsaxonhe-java``), an XSLT 2/3 processor. Problems are SVRL ``failed-assert``s.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parents[2]
TBX = ROOT.parent / "shared" / "tbx"
RNG = TBX / "TBXcoreStructV03.rng"
SCH = TBX / "TBX-Basic_DCA.sch"
SAXON = Path("/usr/share/java/Saxon-HE.jar")
SVRL = "{http://purl.oclc.org/dsdl/svrl}"


def missing() -> str | None:
    """Why validation cannot run here, or None."""
    if not RNG.is_file() or not SCH.is_file():
        return f"{TBX} lacks the TBX-Basic schemas"
    if not SAXON.is_file():
        return "Saxon-HE is not installed (apt-get install libsaxonhe-java)"
    return None


def _skeleton(name: str) -> etree.XSLT:
    import lxml.isoschematron

    base = Path(lxml.isoschematron.__file__).parent / "resources" / "xsl" / "iso-schematron-xslt1"
    return etree.XSLT(etree.parse(str(base / name)))


def schematron_xslt() -> bytes:
    """The TBX-Basic Schematron compiled into a validating stylesheet (XPath 2 expressions kept as written)."""
    sch = etree.parse(str(SCH))
    # The XSLT 1 skeleton refuses queryBinding="xslt2"; the expressions pass through unchanged and Saxon,
    # which runs the result, evaluates them as XPath 2.
    sch.getroot().set("queryBinding", "xslt")
    step = _skeleton("iso_dsdl_include.xsl")(sch)
    step = _skeleton("iso_abstract_expand.xsl")(step)
    xslt = _skeleton("iso_svrl_for_xslt1.xsl")(step)
    return etree.tostring(xslt)


def problems(path: str | os.PathLike) -> list[str]:
    doc = etree.parse(str(path))
    out = []
    rng = etree.RelaxNG(etree.parse(str(RNG)))
    if not rng.validate(doc):
        out += [f"RNG line {e.line}: {e.message}" for e in rng.error_log]
    with tempfile.TemporaryDirectory() as tmp:
        xsl = Path(tmp) / "tbx-basic.xsl"
        xsl.write_bytes(schematron_xslt())
        proc = subprocess.run(["java", "-cp", str(SAXON), "net.sf.saxon.Transform", f"-s:{path}", f"-xsl:{xsl}"],
                              capture_output=True)
        if proc.returncode:
            raise RuntimeError(f"Saxon failed: {proc.stderr.decode(errors='replace')[-1500:]}")
    svrl = etree.fromstring(proc.stdout)
    for fa in svrl.iter(f"{SVRL}failed-assert", f"{SVRL}successful-report"):
        text = " ".join("".join(fa.itertext()).split())
        out.append(f"Schematron {fa.get('location')}: {text}")
    return out


if __name__ == "__main__":
    why = missing()
    if why:
        print(f"tbx_validate: {why}", file=sys.stderr)
        sys.exit(2)
    found = problems(sys.argv[1])
    print("\n".join(found) if found else "valid")
    sys.exit(1 if found else 0)
