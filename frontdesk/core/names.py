"""Name keys for search: pinyin with correct surname readings, initials, name parts.

pypinyin has no surname mode, so the common heteronym surnames (单 Shan, 曾 Zeng,
解 Xie, 仇 Qiu, 区 Ou, 查 Zha, 朴 Piao, …) and the compound surnames (欧阳, 司马,
…) are read from a table; the given name is read one character at a time
through a cache, which keeps a million names well under a few seconds.

pypinyin is imported on the first character read, not with this module: its
phrase tables take longer to load than the rest of ``frontdesk find``, and most
searches (phone tail, phone, card, pinyin typed as letters) never need them.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

COMPOUND_SURNAMES: dict[str, str] = {
    "欧阳": "ou yang", "司马": "si ma", "上官": "shang guan", "诸葛": "zhu ge",
    "令狐": "ling hu", "皇甫": "huang fu", "尉迟": "yu chi", "长孙": "zhang sun",
    "澹台": "tan tai", "万俟": "mo qi", "单于": "chan yu", "东方": "dong fang",
    "慕容": "mu rong", "夏侯": "xia hou", "公孙": "gong sun", "宇文": "yu wen", "司徒": "si tu",
    "端木": "duan mu", "独孤": "du gu", "南宫": "nan gong", "西门": "xi men", "呼延": "hu yan",
    "轩辕": "xuan yuan", "闻人": "wen ren", "赫连": "he lian", "申屠": "shen tu",
    "太史": "tai shi", "公冶": "gong ye", "濮阳": "pu yang", "钟离": "zhong li",
}

SURNAME_READINGS: dict[str, str] = {
    "单": "shan", "曾": "zeng", "解": "xie", "仇": "qiu", "区": "ou", "查": "zha", "朴": "piao",
    "盖": "ge", "乐": "yue", "尉": "yu", "覃": "qin", "种": "chong", "繁": "po", "黑": "he",
    "句": "gou", "召": "shao", "翟": "zhai", "缪": "miao", "秘": "bi", "员": "yun", "能": "nai",
    "任": "ren", "折": "she", "沈": "shen", "薄": "bo", "重": "chong", "过": "guo", "角": "jue",
    "柏": "bai", "冼": "xian", "藏": "zang", "纪": "ji", "郇": "xun", "隗": "wei", "牟": "mou",
    "莘": "shen", "阚": "kan", "宓": "mi", "厍": "she", "逄": "pang", "长": "chang", "华": "hua",
    "石": "shi", "叶": "ye", "万": "wan", "朝": "chao", "都": "du", "便": "pian", "占": "zhan",
    "率": "shuai", "曲": "qu", "鲜": "xian", "卜": "bu", "蕃": "pi", "燕": "yan", "洗": "xian",
    "应": "ying", "车": "che", "那": "na", "贾": "jia", "奇": "ji", "干": "gan", "陆": "lu",
}

MAX_PART = 3
"""Name parts are stored up to this many characters; longer queries filter further."""


@lru_cache(maxsize=65536)
def char_pinyin(char: str) -> str:
    """The usual reading of one character, lower case without tones; "" when it has none.

    An ASCII letter or digit reads as itself (lower case); punctuation and
    characters pypinyin does not know read as nothing.
    """
    if char.isascii():
        return char.lower() if char.isalnum() else ""
    from pypinyin import Style, pinyin  # loaded on first use: see the module docstring

    reading = pinyin(char, style=Style.NORMAL, errors="ignore")
    return reading[0][0] if reading else ""


def split_surname(name: str) -> tuple[str, str]:
    """(surname, given name) of a Chinese name; compound surnames recognised."""
    if name[:2] in COMPOUND_SURNAMES:
        return name[:2], name[2:]
    return name[:1], name[1:]


def clean_name(name: str) -> str:
    """NFKC-normalised, outer spaces stripped, inner runs of spaces collapsed."""
    return " ".join(unicodedata.normalize("NFKC", name).split())


def syllables(name: str) -> list[str]:
    """The pinyin syllables of a name (a Latin word counts as one syllable)."""
    name = clean_name(name)
    if not name:
        return []
    if name.isascii():
        return [w.lower() for w in name.replace("-", " ").split() if w.isalnum()]
    surname, given = split_surname(name)
    compound = COMPOUND_SURNAMES.get(surname) if len(surname) == 2 else None
    out = compound.split() if compound else [SURNAME_READINGS.get(surname) or char_pinyin(surname)]
    out.extend(char_pinyin(c) for c in given if not c.isspace())
    return [s for s in out if s]


def name_keys(name: str) -> tuple[str, str]:
    """(full pinyin ``zhangsan``, initials ``zs``) of a name."""
    parts = syllables(name)
    return "".join(parts), "".join(p[0] for p in parts)


def name_parts(name: str) -> set[str]:
    """Every run of 1…MAX_PART characters that does not start the name.

    Runs at the start are found through the name index itself (a prefix range),
    so storing them again would only double the table.
    """
    text = clean_name(name).replace(" ", "").lower()
    return {text[i:i + n] for i in range(1, len(text)) for n in range(1, MAX_PART + 1)
            if i + n <= len(text)}


def prefix_upper_bound(prefix: str) -> str:
    """The smallest string greater than every string starting with ``prefix`` (byte order)."""
    return prefix + "\U0010ffff"
