"""Word-processing originals (.docx, .doc, .odt, .rtf) as PDF through LibreOffice, when it is
installed, so a production keeps their layout; without it they are drawn from their text."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

CONVERTIBLE = frozenset({".docx", ".doc", ".odt", ".rtf"})
TIMEOUT_SECONDS = 120


def office_pdf(native: Path) -> bytes | str:
    """The PDF LibreOffice makes of ``native``, or why there is none."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return f"a {native.suffix} original needs LibreOffice for its layout (not installed)"
    with tempfile.TemporaryDirectory(prefix="lpo-review-office-") as tmp:
        # a profile of its own: a LibreOffice the user has open does not take the job
        command = [soffice, f"-env:UserInstallation=file://{tmp}/profile", "--headless",
                   "--convert-to", "pdf", "--outdir", tmp, str(native)]
        try:
            subprocess.run(command, capture_output=True, timeout=TIMEOUT_SECONDS, check=False)
        except subprocess.TimeoutExpired:
            return f"LibreOffice did not convert it within {TIMEOUT_SECONDS} s"
        pdf = Path(tmp) / f"{native.stem}.pdf"
        return pdf.read_bytes() if pdf.is_file() else "LibreOffice could not convert it"
