"""PDF output: an HTML report (with its print CSS and inline SVG figures) laid out on A4 by
WeasyPrint (BSD-3). One renderer serves every report, so the PDF and the printed HTML agree."""

from __future__ import annotations

from pathlib import Path

from annotator.exchange.atomic import atomic_path


def html_to_pdf_bytes(html: str) -> bytes:
    """The PDF for ``html`` (fonts from the system; no network: external URLs are refused)."""
    import weasyprint  # lazy: heavy, and only PDF output needs it

    # Only inline data: URLs may be read; anything else (http, file) is refused, so a report
    # never touches the network or the disk while it is laid out.
    fetcher = weasyprint.urls.URLFetcher(allowed_protocols=("data",))
    doc = weasyprint.HTML(string=html, url_fetcher=fetcher)
    data: bytes = doc.write_pdf()
    return data


def write_pdf(html: str, target: Path) -> None:
    """Write the PDF for ``html`` to ``target`` atomically."""
    data = html_to_pdf_bytes(html)
    with atomic_path(Path(target)) as tmp:
        tmp.write_bytes(data)
