"""Work on the zh_CN translation file without Qt Linguist.

    python tools/ts.py todo            list the source texts still unfinished, as JSON
    python tools/ts.py fill FILE.json  fill unfinished translations from {"source": "translation"}

The .ts file stays the one source of translations; `make lupdate` refreshes it
from the UI sources and `make translations` compiles it.
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

TS = Path(__file__).resolve().parents[1] / "resources" / "translations" / "frontdesk_zh_CN.ts"


def _messages(root: ET.Element) -> list[tuple[str, ET.Element, ET.Element]]:
    out = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.find("source")
            translation = message.find("translation")
            if source is not None and translation is not None:
                out.append((name, source, translation))
    return out


def _unfinished(translation: ET.Element) -> bool:
    return translation.get("type") == "unfinished" or not (translation.text or "").strip()


def todo() -> None:
    root = ET.parse(TS).getroot()
    pending = {s.text: "" for _, s, t in _messages(root) if _unfinished(t)}
    json.dump(pending, sys.stdout, ensure_ascii=False, indent=1)


def fill(mapping_file: str) -> None:
    mapping = json.loads(Path(mapping_file).read_text(encoding="utf-8"))
    tree = ET.parse(TS)
    filled = 0
    for _, source, translation in _messages(tree.getroot()):
        text = mapping.get(source.text or "")
        if text and _unfinished(translation):  # never overwrite a context's own translation
            translation.text = text
            translation.attrib.pop("type", None)
            filled += 1
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    print(f"filled {filled} translations")


if __name__ == "__main__":
    {"todo": lambda: todo(), "fill": lambda: fill(sys.argv[2])}[sys.argv[1]]()
