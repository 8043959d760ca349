"""The HTML report in real headless Chromium: highlights, jumps, filters, escaping."""

import pytest
from playwright.sync_api import sync_playwright

from browser import launch
from reportlint.engine import lint_path, lint_text
from reportlint.output import html

from conftest import SAMPLE


@pytest.fixture(scope="module")
def page_and_result(tmp_path_factory):
    result = lint_path(str(SAMPLE))
    evil = lint_text("评价年度：2024\n<script>window.__pwned = 1</script>截止2024年12月31日，在职<b>74</b>人。\n",
                     path="evil.txt")
    out = tmp_path_factory.mktemp("html") / "report.html"
    out.write_text(html.render([result, evil]), encoding="utf-8")
    with sync_playwright() as p:
        browser = launch(p)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.goto(out.as_uri())
        yield page, result, evil
        browser.close()


def test_one_highlight_per_finding(page_and_result):
    page, result, _ = page_and_result
    n = len(result.findings)
    assert page.locator("#report-0 .fa").count() == n
    missing = page.evaluate(f"""() => {{
        const out = [];
        for (let i = 0; i < {n}; i++) {{
            const a = document.getElementById('r0-f' + i);
            const hl = document.querySelectorAll('#report-0 .hl[data-f~="' + i + '"]');
            if (!a || hl.length === 0) out.push(i);
        }}
        return out;
    }}""")
    assert missing == []
    assert page.locator("#report-0 ol.flist li").count() == n


def test_highlight_covers_the_finding_text(page_and_result):
    page, result, _ = page_and_result
    i = next(k for k, f in enumerate(sorted(result.findings, key=lambda f: (f.raw_start, f.raw_end)))
             if f.rule == "law-name")
    text = page.evaluate(f"""() => Array.from(document.querySelectorAll('#report-0 .hl[data-f~="{i}"]'))
                              .map(e => e.textContent).join('')""")
    assert text == "《采购法》"


def test_clicking_a_list_entry_scrolls_to_its_highlight(page_and_result):
    page, result, _ = page_and_result
    page.evaluate("window.scrollTo(0, 0)")
    last = len(result.findings) - 1
    page.click(f"#report-0 ol.flist li[data-f='{last}']")
    page.wait_for_timeout(200)
    box = page.evaluate(f"""() => {{
        const a = document.getElementById('r0-f{last}');
        const el = a.nextElementSibling || a;
        const r = el.getBoundingClientRect();
        return [r.top, r.bottom, window.innerHeight, window.scrollY];
    }}""")
    top, bottom, height, scrolled = box
    assert scrolled > 0 and top >= 0 and bottom <= height


def test_rule_filter_hides_the_others(page_and_result):
    page, result, _ = page_and_result
    for box in page.locator("#report-0 input.f-rule").all():
        if box.get_attribute("value") != "jiezhi":
            box.uncheck()
    visible = page.evaluate("""() => Array.from(document.querySelectorAll('#report-0 ol.flist li'))
                                 .filter(li => getComputedStyle(li).display !== 'none').map(li => li.dataset.rule)""")
    assert visible == ["jiezhi"] * sum(1 for f in result.findings if f.rule == "jiezhi")
    on = page.evaluate("""() => Array.from(document.querySelectorAll('#report-0 .hl:not(.off)'))
                           .map(e => e.textContent).join('|')""")
    assert on.split("|") == ["截止"] * 7
    for box in page.locator("#report-0 input.f-rule").all():
        box.check()
    assert page.locator("#report-0 .hl.off").count() == 0


def test_click_on_highlight_shows_message(page_and_result):
    page, _, _ = page_and_result
    page.locator("#report-0 .hl", has_text="《采购法》").first.click()
    assert page.locator("#popup").is_visible()
    assert "法规名称有误" in page.locator("#popup").inner_text()


def test_script_in_report_text_is_shown_not_run(page_and_result):
    page, _, _ = page_and_result
    assert page.evaluate("() => window.__pwned === undefined")
    text = page.locator("#report-1 .text").inner_text()
    assert "<script>window.__pwned = 1</script>" in text and "<b>74</b>" in text
    assert page.locator("#report-1 .text script").count() == 0


def test_outline_links_to_headings(page_and_result):
    page, result, _ = page_and_result
    links = page.locator("#report-0 nav.outline a")
    assert links.count() == len(result.doc.headings)
    assert links.first.inner_text() == "一、单位基本情况"
    assert links.first.get_attribute("href") == "#r0-L20"


@pytest.fixture(scope="module")
def folder_page(tmp_path_factory, page_and_result):
    """The HTML page of a folder: the sample, a short report and one without findings."""
    results = [lint_path(str(SAMPLE)),
               lint_text("评价年度：2024\n截止2024年12月31日，在职74人,退休44人。\n", path="b/short.txt"),
               lint_text("评价年度：2024\n一、概况\n本单位设3个科室。\n", path="c/clean.txt")]
    out = tmp_path_factory.mktemp("folder") / "folder.html"
    out.write_text(html.render(results), encoding="utf-8")
    browser = page_and_result[0].context.browser  # one Playwright session per module
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.goto(out.as_uri())
    yield page, results
    page.close()


def test_folder_page_has_an_index_with_totals(folder_page):
    page, results = folder_page
    rows = page.locator("section.index tbody tr")
    assert rows.count() == 3
    cells = [rows.nth(i).locator("td").all_inner_texts() for i in range(3)]
    assert [c[0] for c in cells] == [r.path for r in results]
    assert [int(c[4]) for c in cells] == [len(r.findings) for r in results]
    total = sum(len(r.findings) for r in results)
    assert page.locator("section.index h2").inner_text() == f"共 3 个文件，{total} 处问题"
    errors = sum(1 for r in results for f in r.findings if str(f.severity) == "error")
    assert f"错误 {errors}" in page.locator("section.index .counts").inner_text()
    # each file has its own section with a heading; the index links jump to it
    assert page.locator("h2.rfile").count() == 3 and page.locator("section.report").count() == 3
    page.click("section.index a[href='#report-1']")
    page.wait_for_timeout(200)
    top = page.evaluate("() => document.getElementById('report-1').getBoundingClientRect().top")
    assert abs(top) < 5


def test_narrow_layout_keeps_the_text_readable(folder_page):
    page, _ = folder_page
    page.set_viewport_size({"width": 800, "height": 900})
    page.goto(page.url.split("#")[0])
    box = page.evaluate("""() => {
        const t = document.querySelector('#report-0 .text').getBoundingClientRect();
        const a = document.querySelector('#report-0 aside.findings').getBoundingClientRect();
        return {textWidth: t.width, asideTop: a.top, textBottom: t.bottom,
                scroll: document.documentElement.scrollWidth};
    }""")
    assert box["textWidth"] >= 700  # at 800 px the text is the page's width, not a 150 px column
    assert box["asideTop"] >= box["textBottom"] - 1  # the findings list follows the text
    assert box["scroll"] <= 800  # nothing runs off to the side
    page.set_viewport_size({"width": 1400, "height": 900})


def test_print_layout_hides_navigation(folder_page):
    page, _ = folder_page
    page.emulate_media(media="print")
    try:
        hidden = page.evaluate("""() => ['nav.outline', 'aside.findings .filters', 'header.top']
            .map(s => getComputedStyle(document.querySelector(s)).display)""")
        assert hidden == ["none"] * 3
        assert page.evaluate("() => getComputedStyle(document.querySelector('section.index')).display") != "none"
        fonts = page.evaluate("() => getComputedStyle(document.querySelector('.text')).fontFamily")
        assert "Noto Serif CJK SC" in fonts and "SimSun" in fonts
    finally:
        page.emulate_media(media="screen")
