"""Regenerate the example outputs in reports/ from the bundled sample (one command):

    .venv/bin/python reports/make_reports.py

Writes sample.check.txt (terminal output), sample.findings.json, sample.sarif, sample.github.txt,
sample.claims.csv, sample.html, sample-pdf.check.txt, sample.html.png (a screenshot taken in
Debian's headless chromium, when it is installed), and scan-corpora/ (a batch scan of corpora/:
index.html dashboard, summary.csv, findings.jsonl, clusters.json and one page per report).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SAMPLE = "corpora/sample/000_645b6df18162c422"


def run(*args: str, out: str | None = None) -> None:
    cmd = [sys.executable, "-m", "reportlint", *args]
    res = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    if res.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(args)} failed: {res.stderr}")
    if out:
        (HERE / out).write_text(res.stdout, encoding="utf-8")


def screenshot(html: Path, png: Path) -> None:
    chromium = shutil.which("chromium")
    if chromium is None:
        print("chromium not installed: screenshot skipped")
        return
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu",
                                    "--disable-background-networking", "--disable-component-update", "--no-first-run"])
        page = browser.new_page(viewport={"width": 1500, "height": 950})
        page.goto(html.as_uri())
        page.click("ol.flist li[data-rule='stale-forecast']")
        page.wait_for_timeout(300)
        page.screenshot(path=str(png))
        browser.close()


def main() -> None:
    run("check", f"{SAMPLE}.txt", out="sample.check.txt")
    run("check", f"{SAMPLE}.pdf", out="sample-pdf.check.txt")
    run("check", f"{SAMPLE}.txt", "--format", "json", out="sample.findings.json")
    run("check", f"{SAMPLE}.txt", "--format", "sarif", out="sample.sarif")
    run("check", f"{SAMPLE}.txt", "--format", "github", out="sample.github.txt")
    run("check", f"{SAMPLE}.txt", "--format", "html", "-o", "reports/sample.html")
    run("claims", f"{SAMPLE}.txt", "-o", "reports/sample.claims.csv")
    screenshot(HERE / "sample.html", HERE / "sample.html.png")
    scan_dir = HERE / "scan-corpora"
    shutil.rmtree(scan_dir, ignore_errors=True)
    subprocess.run([sys.executable, "-m", "reportlint", "scan", "corpora", "--out", "reports/scan-corpora", "-j", "2"],
                   cwd=ROOT, capture_output=True, text=True, env={**__import__("os").environ, "CI": "1"})
    shutil.rmtree(scan_dir / "records", ignore_errors=True)  # working files; the outputs stand on their own
    print("reports/ regenerated")


if __name__ == "__main__":
    main()
