"""The printed client analysis sheet: Chinese embedded, values readable back, batches.

The PDFs are checked with poppler's ``pdffonts`` and ``pdftotext``, the way a
person would find out that a printout shows boxes or lost a number. The words
come from the translation files, as the program's (``sheet_words``).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from frontdesk.services.printing.fonts import cjk_font
from frontdesk.services.sheet.charts import number_text, y_ticks
from frontdesk.services.sheet.data import (
    BodyTest,
    CardBalance,
    ClientBasics,
    ClientTypeNotes,
    ConsumptionSummary,
    PlanLine,
    Preferences,
    RecommendedPlan,
    SheetData,
    SkinTest,
    SpecialCondition,
    StoreInfo,
    TrendSeries,
)
from frontdesk.services.sheet.pdf import render_batch, render_sheet, sheet_file_name
from frontdesk.ui.clients.sheet_words import sheet_words

DAY = dt.date(2026, 11, 23)
LONG_PREFERENCE = ("喜欢安静靠窗的包厢，水温偏热，轻柔的古筝音乐；护理时不喜欢聊天，"
                   "不接受推销产品，如需介绍新疗程请在护理结束后简短说明。" * 3)


def _days_ago(n: int) -> dt.date:
    return DAY - dt.timedelta(days=n)


def _trends() -> tuple[TrendSeries, ...]:
    def series(label: str, unit: str, values: list[float]) -> TrendSeries:
        points = tuple((_days_ago(30 * (len(values) - i)), v) for i, v in enumerate(values))
        return TrendSeries(label, unit, points)
    return (series("水分", "%", [31, 33, 35, 34, 38]), series("油分", "%", [26, 24, 22, 21]),
            series("体重", "kg", [58.5, 57.8, 57.0, 56.4, 56.1, 55.6]))


def make_full_sheet(language: str = "zh_CN", name: str = "欧阳娜娜") -> SheetData:
    """A sheet with every section filled, Chinese texts, one very long preference."""
    return SheetData(
        store=StoreInfo("水沐莲清美容养生会所（静安店）", "上海市静安区南京西路 1266 号 3 楼",
                        "021-6288 1234"),
        client=ClientBasics(name, "female", "32（1994-03-08）", "138****5678", "M000123", "金卡",
                            dt.date(2023, 5, 14)),
        printed_on=DAY, words=sheet_words(language),
        skin=SkinTest(_days_ago(3), "instrument", "混合偏干", 38, 21.5, "良好", "T 区毛孔粗大",
                      "轻度（I 级）", "两颊少量晒斑", "眼周细纹", "轻度敏感，换季泛红",
                      "T 区偏油，两颊偏干"),
        body=BodyTest(_days_ago(3), 163, 55.6, None, 24.5, 68, 92, "轻微圆肩、骨盆前倾",
                      "肩颈、腰部", "肝经、胆经不通，足少阳胆经按压痛明显，建议疏通", "observed"),
        trends=_trends(),
        conditions=(SpecialCondition("heavy_makeup", "粉底较厚，肤色不易判断", "肤色偏暗黄"),
                    SpecialCondition("acne", "下巴三颗闭口", "下巴闭口，无红肿"),
                    SpecialCondition("sensitive", "两颊微红", "清洁后泛红加重，需舒缓")),
        preferences=Preferences("补水护理、肩颈经络", "李倩（美容师）", "3 号包厢（靠窗）",
                                "温水 / 玫瑰花茶", "古筝、轻音乐", LONG_PREFERENCE),
        allergies="对果酸、酒精过敏；孕期禁用精油（已告知）",
        consumption=ConsumptionSummary(18, 1_286_000, "深层补水、肩颈舒缓"),
        cards=(CardBalance("储值卡", 352_050, None, dt.date(2027, 6, 30)),
               CardBalance("补水疗程卡", None, 6, dt.date(2027, 3, 1))),
        plan=RecommendedPlan((PlanLine("深层补水疗程", 10, 298_000),
                              PlanLine("肩颈经络疏通", 6, 159_900)),
                             (PlanLine("氨基酸洁面乳", 1, 16_800),
                              PlanLine("玻尿酸保湿精华", 2, 76_000)), dt.date(2026, 11, 30),
                             "先做舒缓，敏感期后再开始补水疗程"),
        client_type=ClientTypeNotes(("nervous", "new_course"), "先讲清楚每一步再操作",
                                    "希望护理时安静"),
        consultant="王丽",
    )


def minimal_sheet(language: str = "zh_CN") -> SheetData:
    return SheetData(StoreInfo("小店"), ClientBasics("张三"), DAY, sheet_words(language))


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} (poppler-utils) is not installed")
    return path


def _text(pdf: Path) -> str:
    out = subprocess.run([_tool("pdftotext"), "-layout", str(pdf), "-"], check=True,
                         capture_output=True, text=True)
    return out.stdout


def _pages(pdf: Path) -> int:
    return _text(pdf).count("\f")


@pytest.fixture(scope="module")
def zh_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sheet") / "zh.pdf"
    render_sheet(make_full_sheet("zh_CN"), path)
    return path


def test_cjk_font_is_embedded_as_subset(zh_pdf: Path) -> None:
    out = subprocess.run([_tool("pdffonts"), str(zh_pdf)], check=True, capture_output=True,
                         text=True).stdout
    rows = out.splitlines()[2:]
    assert rows, out
    for row in rows:  # name type encoding emb sub uni object ID
        fields = row.split()
        assert fields[-5:-2] == ["yes", "yes", "yes"], row  # emb, sub, uni
    assert not any("STSong" in row for row in rows)


def test_values_read_back(zh_pdf: Path) -> None:
    text = _text(zh_pdf)
    for expected in ("欧阳娜娜", "138****5678", "客情分析表", "金卡", "M000123", "顾问签名",
                     "客户签名", "洗脸前", "洗脸后", "暗疮", "对果酸、酒精过敏", "王丽"):
        assert expected in text, expected
    assert re.search(r"水分\s+38%", text)
    assert re.search(r"油分\s+21\.5%", text)
    assert re.search(r"BMI\s+20\.9", text)  # 55.6 kg / 1.63 m²
    assert re.search(r"合计\s+¥5,507\.00", text)  # courses and home-care products
    assert "¥12,860.00" in text and "¥3,520.50" in text


def test_long_text_wraps_and_fits_one_page(zh_pdf: Path) -> None:
    text = re.sub(r"\s+", "", _text(zh_pdf))
    assert LONG_PREFERENCE[:60] in text  # wrapped lines join up again: nothing clipped
    assert _pages(zh_pdf) == 1


def test_empty_conditions_and_cards_say_not_recorded(zh_pdf: Path) -> None:
    text = _text(zh_pdf)
    assert re.search(r"皮肤特别脏\s+未记录\s+未记录", text)
    assert re.search(r"斑\s+未记录\s+未记录", text)


def test_english_sheet_has_english_labels(tmp_path: Path) -> None:
    # A long Latin name wraps at its space, never inside "Müller-Lüdenscheidt".
    path = tmp_path / "en.pdf"
    render_sheet(make_full_sheet("en", name="Anna Müller-Lüdenscheidt"), path)
    text = _text(path)
    for expected in ("Client analysis sheet", "Müller-Lüdenscheidt", "Moisture",
                     "Before cleansing", "Consultant signature", "Client signature", "Total"):
        assert expected in text, expected
    assert "顾问签名" not in text and "洗脸前" not in text
    assert "Allergies /" in text and "contraindications" in text  # wrapped at a space
    assert re.search(r"Moisture\s+38%", text)
    assert _pages(path) == 1


def test_minimal_sheet_renders_placeholders(tmp_path: Path) -> None:
    path = tmp_path / "min.pdf"
    render_sheet(minimal_sheet(), path)
    text = _text(path)
    assert "张三" in text and "未记录" in text and "暂无" in text
    assert re.search(r"合计\s+¥0\.00", text)
    assert _pages(path) == 1


def test_renders_into_a_binary_file() -> None:
    buffer = io.BytesIO()
    render_sheet(minimal_sheet("en"), buffer, cjk_font())
    assert buffer.getvalue().startswith(b"%PDF-")


def test_huge_texts_still_render(tmp_path: Path) -> None:
    huge = "很长的备注内容" * 800
    data = make_full_sheet("zh_CN", name="欧阳" * 60)
    data = SheetData(data.store, data.client, DAY, data.words, data.skin, data.body, data.trends,
                     tuple(SpecialCondition(k, huge, huge) for k in
                           ("heavy_makeup", "very_dirty", "acne", "sensitive", "spots")),
                     Preferences(*[huge] * 6), huge, data.consumption, data.cards, data.plan)
    path = tmp_path / "huge.pdf"
    render_sheet(data, path)
    assert "…" in _text(path) and _pages(path) >= 2


def test_markup_characters_print_literally(tmp_path: Path) -> None:
    path = tmp_path / "markup.pdf"
    render_sheet(SheetData(StoreInfo("A&B <Spa>"), ClientBasics("<b>李</b>"), DAY), path)
    text = _text(path)
    assert "A&B <Spa>" in text and "<b>李</b>" in text


def test_batch_writes_files_and_reports_progress(tmp_path: Path) -> None:
    items = [make_full_sheet(name=f"客户{i}") for i in range(3)]
    seen: list[tuple[int, int]] = []
    paths = render_batch(items, tmp_path / "out", progress=lambda d, t: seen.append((d, t)))
    assert [p.name for p in paths] == ["001-M000123.pdf", "002-M000123.pdf", "003-M000123.pdf"]
    assert seen == [(1, 3), (2, 3), (3, 3)]
    assert all(p.read_bytes().startswith(b"%PDF-") for p in paths)
    assert "客户2" in _text(paths[2])
    assert not list((tmp_path / "out").glob("*.part"))


def test_batch_stops_when_cancelled(tmp_path: Path) -> None:
    items = [minimal_sheet() for _ in range(5)]
    done: list[int] = []
    paths = render_batch(items, tmp_path, progress=lambda d, t: done.append(d),
                         cancelled=lambda: len(done) >= 2)
    assert len(paths) == 2 and sorted(tmp_path.glob("*.pdf")) == paths


def test_file_names_are_safe() -> None:
    data = SheetData(StoreInfo("s"), ClientBasics('王/小:明*?"<>|'), DAY)
    assert sheet_file_name(7, data) == "007-王_小_明.pdf"


def test_batch_failure_leaves_no_partial_file(tmp_path: Path) -> None:
    (tmp_path / "001-M000123.pdf").mkdir()  # the target name is taken by a folder
    with pytest.raises(OSError):
        render_batch([make_full_sheet()], tmp_path)
    assert not list(tmp_path.glob("*.part"))


def test_trends_with_one_point_or_none(tmp_path: Path) -> None:
    data = SheetData(StoreInfo("小店"), ClientBasics("张三"), DAY,
                     trends=(TrendSeries("水分", "%", ((DAY, 41.0),)),
                             TrendSeries("油分", "%", ())))
    path = tmp_path / "trends.pdf"
    render_sheet(data, path)
    text = _text(path)
    assert "水分 (%)" in text and "41" in text and "油分 (%)" in text


@pytest.mark.parametrize("values", [[31, 33, 38], [58.5, 55.6], [38], [0.3, 0.5], [-3, 2]])
def test_chart_grid_is_round_and_covers_the_values(values: list[float]) -> None:
    ticks = y_ticks(values)
    assert 2 <= len(ticks) <= 4
    assert ticks[0] <= min(values) and ticks[-1] >= max(values)
    assert all(len(number_text(t)) <= 4 for t in ticks)  # "35", "0.4", "-2": no 34.583


@pytest.mark.parametrize(("value", "text"), [(38.0, "38"), (21.46, "21.5"), (-0.04, "0")])
def test_number_text(value: float, text: str) -> None:
    assert number_text(value) == text
