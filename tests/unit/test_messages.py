"""Every message a service can show is in the list lupdate reads (so it can be translated)."""

from __future__ import annotations

from pathlib import Path

from tools.extract_messages import TARGET, render


def test_domain_messages_file_is_current() -> None:
    assert Path(TARGET).read_text(encoding="utf-8") == render(), (
        "run: .venv/bin/python tools/extract_messages.py && make lupdate, then translate")
