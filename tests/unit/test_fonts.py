"""Finding the embedded Chinese font: the configured one, the usual places, a clear refusal."""

from __future__ import annotations

from pathlib import Path

import pytest

import frontdesk
from frontdesk.services.printing.bundled import BUNDLED_FONT
from frontdesk.services.printing.fonts import (
    FONT_ENV,
    FontMissing,
    cjk_font,
    default_search_paths,
    find_cjk_font,
    install_hint,
)

PACKAGED_FONT = Path(__file__).resolve().parents[2] / "packaging" / "fonts" / "wqy-microhei.ttc"


@pytest.fixture(scope="module")
def system_font() -> Path:
    try:
        return cjk_font().path
    except FontMissing:
        pytest.skip("no Chinese TrueType font on this machine (apt-get install fonts-wqy-microhei)")


def test_no_candidates_names_what_to_install() -> None:
    with pytest.raises(FontMissing) as caught:
        find_cjk_font(None, [])
    assert install_hint() in caught.value.message
    assert FONT_ENV in caught.value.message


def test_configured_path_that_does_not_exist_is_refused(tmp_path: Path) -> None:
    missing = tmp_path / "nope.ttc"
    with pytest.raises(FontMissing) as caught:
        find_cjk_font(str(missing), default_search_paths())
    assert str(missing) in caught.value.message and "not found" in caught.value.message


def test_file_that_is_not_a_font_is_skipped_with_its_reason(tmp_path: Path) -> None:
    fake = tmp_path / "fake.ttf"
    fake.write_bytes(b"not a font at all")
    with pytest.raises(FontMissing) as caught:
        find_cjk_font(None, [fake])
    assert str(fake) in caught.value.message


def test_font_without_chinese_is_skipped() -> None:
    latin = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    if not latin.is_file():
        pytest.skip("DejaVuSans.ttf is not installed")
    with pytest.raises(FontMissing) as caught:
        find_cjk_font(None, [latin])
    assert "lacks characters" in caught.value.message


def test_first_usable_candidate_wins(tmp_path: Path, system_font: Path) -> None:
    font = find_cjk_font(None, [tmp_path / "absent.ttc", system_font])
    assert font.path == system_font.resolve()


def test_configured_font_is_used(system_font: Path) -> None:
    assert find_cjk_font(str(system_font), []).path == system_font.resolve()


def test_env_setting_is_read(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(FONT_ENV, str(tmp_path / "from-env.ttf"))
    with pytest.raises(FontMissing) as caught:
        cjk_font()
    assert "from-env.ttf" in caught.value.message


def test_loaded_once_per_process(system_font: Path) -> None:
    assert cjk_font() is cjk_font()
    assert find_cjk_font(str(system_font), []) is find_cjk_font(str(system_font), [])


def test_windows_places_come_from_windir() -> None:
    paths = default_search_paths({"WINDIR": r"C:\Windows"})
    assert Path(r"C:\Windows") / "Fonts" / "msyh.ttc" in paths


@pytest.mark.parametrize(("platform", "needle"),
                         [("win32", "Microsoft YaHei"), ("linux", "fonts-wqy-microhei"),
                          ("darwin", "STHeiti")])
def test_install_hint_per_platform(platform: str, needle: str) -> None:
    assert needle in install_hint(platform)


def test_the_installed_programs_own_font_comes_first() -> None:
    """An installed FrontDesk prints with the font it carries, alike on every PC of the store."""
    assert default_search_paths({})[0] == BUNDLED_FONT
    assert BUNDLED_FONT.parent == Path(frontdesk.__file__).resolve().parent / "fonts"


def test_the_bundled_font_is_usable_for_pdfs() -> None:
    """The font packaging/ bundles passes the same checks as a system font."""
    font = find_cjk_font(str(PACKAGED_FONT), [])
    assert font.path == PACKAGED_FONT.resolve()
