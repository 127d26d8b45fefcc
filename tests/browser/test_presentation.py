"""Issue #16 in a real browser on the demo year: every page read in Chinese only, /home opened directly, a phone
width of 390 px, a full URL opening the same view on every page, the heatmap's hover box inside its chart."""

from __future__ import annotations

import urllib.parse

import pytest

from tests.browser.conftest import assert_no_error, shoot, streamlit_server, wait_idle

pytestmark = pytest.mark.browser

# url path of every page in local mode (all are listed: no sign-in)
PAGES = ["", "compliance", "briefing", "volume", "issues", "discipline", "quality", "walker", "plans",
         "data_import", "batches", "admin"]
# Texts Streamlit's front end writes in English (Streamlit 1.67): the uploader, the date picker, the page router,
# select boxes, text inputs and the running indicator. None may be visible in the Chinese interface.
STREAMLIT_ENGLISH = ["Upload", "Browse files", "Drag and drop", "per file", "Choose date", "Page not found",
                     "Choose an option", "No options to select", "Press Enter to apply", "Running...", "Select all"]
# The text of every element whose own text holds one of the strings and that is drawn: in the layout, not
# hidden, font size above 0 (ui.theme.streamlit_texts_css shrinks the uploader's English to 0 and draws
# Chinese in its place). The visually hidden "Skip to main content" link is not drawn until it has focus.
VISIBLE_ENGLISH_JS = """(needles) => {
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode, text = node.nodeValue || '';
    const hit = needles.find(n => text.includes(n));
    if (!hit) continue;
    const el = node.parentElement, cs = getComputedStyle(el), r = el.getBoundingClientRect();
    if (cs.visibility === 'hidden' || cs.display === 'none' || parseFloat(cs.fontSize) === 0) continue;
    if (r.width < 2 || r.height < 2 || el.closest('[aria-hidden="true"]')) continue;
    found.push(hit + ' :: ' + text.trim().slice(0, 80));
  }
  return found;
}"""


def _open(page, url: str) -> None:
    page.goto(url)
    wait_idle(page)


def _open_narrow(page, url: str) -> None:
    """As _open, for a phone: the navigation is in the closed sidebar, so wait for the page's cards instead."""
    page.goto(url)
    page.wait_for_selector('[data-testid="stMetric"]', timeout=60000)
    quiet = 0
    while quiet < 6:  # about a second without Streamlit's running indicator
        quiet = 0 if page.locator('[data-testid="stStatusWidget"]').count() else quiet + 1
        page.wait_for_timeout(150)


@pytest.fixture(scope="module")
def demo_url(demo_db, tmp_path_factory):
    with streamlit_server(demo_db, tmp_path_factory.mktemp("pres") / "users.yaml") as url:
        yield url


def test_home_opened_directly_keeps_its_parameters(browser, demo_url):
    """The first visit of a session to /home (a bookmark): the overview at the root, same period, no dialog."""
    context = browser.new_context(viewport={"width": 1440, "height": 900}, locale="zh-TW")
    page = context.new_page()
    try:
        page.goto(f"{demo_url}/home?period=2026-10&kind=month&as_of=2026-11-25")
        page.get_by_text("全部公司 · 2026年10月 · 統計截至 2026-11-25").wait_for(timeout=30000)
        wait_idle(page)
        assert "Page not found" not in page.inner_text("body")
        assert urllib.parse.urlparse(page.url).path in ("", "/")
        assert "period=2026-10" in page.url
    finally:
        context.close()


def test_chinese_pages_show_no_english_of_streamlit(page, demo_url):
    _open(page, demo_url)  # the first session after a start goes through ui/__init__.py's rerun
    seen = {}
    for path in PAGES:
        _open(page, f"{demo_url}/{path}?lang=zh-Hant")
        assert_no_error(page)
        found = page.evaluate(VISIBLE_ENGLISH_JS, STREAMLIT_ENGLISH)
        if found:
            seen[path or "home"] = found
    assert seen == {}
    # the uploader's button and limit are there, in Chinese (ui.theme.streamlit_texts_css)
    _open(page, f"{demo_url}/data_import")
    uploader = page.locator('[data-testid="stFileUploaderDropzone"]')
    after = uploader.locator('button [data-testid="stMarkdownContainer"] p').evaluate(
        "e => getComputedStyle(e, '::after').content")
    assert after == '"選擇檔案"'
    limit = uploader.locator('[data-testid="stFileUploaderDropzoneInstructions"] span').evaluate(
        "e => getComputedStyle(e, '::after').content")
    assert limit == '"每個檔案上限 50 MB · Excel 或 CSV 檔"'  # .streamlit/config.toml maxUploadSize = 50
    # English keeps Streamlit's own words: nothing is drawn over them
    _open(page, f"{demo_url}/data_import?lang=en")
    assert page.evaluate(VISIBLE_ENGLISH_JS, ["Upload"]), "the English uploader says Upload"


def test_phone_width_overview(browser, demo_url):
    """390 px: the sidebar is closed on load, cards sit two to a row, the laggards' status column is in view."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-TW", is_mobile=True,
                                  has_touch=True, device_scale_factor=2)
    page = context.new_page()
    try:
        for url in (demo_url, f"{demo_url}/?period=2026Q3&kind=quarter&as_of=2026-09-30"):
            _open_narrow(page, url)
            sidebar = page.locator('[data-testid="stSidebar"]')
            page.wait_for_timeout(500)  # past the sidebar's slide
            box = sidebar.bounding_box()
            assert box is None or box["x"] + box["width"] <= 1  # off-screen, not over the content
        cards = page.locator('[data-testid="stMetric"]')
        assert cards.count() == 11  # six volume and issue figures, five quota counts
        tops = [round(cards.nth(i).bounding_box()["y"]) for i in range(cards.count())]
        rows = {}
        for y in tops:
            rows[y] = rows.get(y, 0) + 1
        assert max(rows.values()) == 2 and min(rows.values()) >= 1 and len(rows) == 6  # 2+2+2 and 2+2+1
        for i in range(cards.count()):
            b = cards.nth(i).bounding_box()
            assert b["x"] >= 0 and b["x"] + b["width"] <= 390
        table = page.locator('[data-testid="stDataFrame"]').last
        table.scroll_into_view_if_needed()
        page.wait_for_timeout(500)
        # the grid draws on a canvas and keeps accessible header cells only for the columns in view
        shown = page.evaluate("""() => [...document.querySelectorAll('[data-testid="stDataFrame"] [role="columnheader"]')]
            .map(e => e.textContent.trim())""")
        assert shown[:3] == ["單位", "狀態", "達成"]
        box = table.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390
        shoot(page, "phone_overview")
    finally:
        context.close()


def _active_segment(page, label: str) -> str:
    group = page.locator('[data-testid="stButtonGroup"]').filter(has=page.get_by_text(label, exact=True))
    return group.locator('[role="radio"][aria-checked="true"]').inner_text().strip()


def test_full_urls_open_the_same_view(page, demo_url):
    """Each page opened with every parameter of its view (issue #16 item 6): the widgets show that state."""
    _open(page, demo_url)
    key = urllib.parse.quote("滨江市分公司")  # the company key of 濱江市分公司 (demo roster)
    common = f"lang=zh-Hant&kind=quarter&period=2026Q3&as_of=2026-09-30&scope={key}"

    def sidebar_shows_common() -> None:
        side = page.locator('[data-testid="stSidebar"]')
        assert side.locator('[data-testid="stDateInput"] input').input_value() == "2026-09-30"
        values = " ".join(side.locator("input").evaluate_all("els => els.map(e => e.value)")) + side.inner_text()
        assert "2026年第3季" in values
        assert "濱江市分公司" in values
        assert side.locator('label:has(input[type="radio"]:checked)').inner_text().strip() == "季"

    _open(page, f"{demo_url}/?{common}")
    sidebar_shows_common()
    assert "濱江市分公司 · 2026年第3季 · 統計截至 2026-09-30" in page.inner_text("body")

    _open(page, f"{demo_url}/compliance?{common}&view=rule&rule=CITY-MGR-Q&cell=2026Q3&company={key}")
    sidebar_shows_common()
    assert _active_segment(page, "單一規則") == "單一規則"
    rule_box = page.locator('[data-testid="stSelectbox"]').filter(has_text="配額規則")
    assert rule_box.locator("input").input_value().startswith("CITY-MGR-Q · ")
    assert page.get_by_role("heading").filter(has_text="濱江市分公司 · 2026年第3季").count() == 1
    _open(page, f"{demo_url}/compliance?{common}&view=company")
    assert _active_segment(page, "單一規則") == "各公司 × 規則"

    _open(page, f"{demo_url}/volume?{common}&by=item&measure=activities")
    sidebar_shows_common()
    assert _active_segment(page, "穿越項目") == "穿越項目"
    assert _active_segment(page, "活動數") == "活動數"

    _open(page, f"{demo_url}/issues?{common}&q=%E6%9C%8D%E5%8B%99&owner_by=owner_department")
    sidebar_shows_common()
    assert page.get_by_label("篩選").first.input_value() == "服務"
    assert _active_segment(page, "責任部門") == "責任部門"

    _open(page, f"{demo_url}/discipline?{common}&check=SUMMARY-7D")
    sidebar_shows_common()
    assert _active_segment(page, "7 天內交總結") == "7 天內交總結"

    _open(page, f"{demo_url}/quality?{common}&tab=warnings")
    sidebar_shows_common()
    selected = page.locator('[role="tab"][aria-selected="true"]').inner_text()
    assert selected.startswith("匯入提示")
    assert_no_error(page)


def test_heatmap_hover_box_inside_the_chart(page, demo_url):
    """Every cell's hover box of a one-column heatmap with long unit names lies inside the chart (issue #16 item 8)."""
    _open(page, demo_url)
    _open(page, f"{demo_url}/compliance?rule=PROV-DEPT-Y&period=2026&kind=year&as_of=2026-11-25")
    chart = page.locator('[data-testid="stPlotlyChart"]').first
    chart.scroll_into_view_if_needed()
    svg = chart.locator("svg.main-svg").first.bounding_box()
    points = page.evaluate("""() => [...document.querySelectorAll('[data-testid="stPlotlyChart"] .scatterlayer .point')]
        .map(e => { const r = e.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; })""")
    assert len(points) >= 10  # the departments of the three provinces (demo)
    checked = 0
    for x, y in points:
        if not 0 < y < 900:
            continue
        page.mouse.move(x, y)
        page.wait_for_timeout(150)
        box = page.evaluate("""() => { const h = document.querySelector('.hoverlayer .hovertext');
            if (!h) return null; const r = h.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; }""")
        assert box is not None
        assert svg["x"] - 0.5 <= box[0] and box[2] <= svg["x"] + svg["width"] + 0.5, (box, svg)
        checked += 1
    assert checked >= 5

