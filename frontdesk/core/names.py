"""Name keys for search: every reading of a name, its initials, its prefixes and its parts.

A name is read the way people say it. The surname comes from a table when
pypinyin's reading of the character alone is wrong for a surname (单 Shan, 曾
Zeng, 解 Xie, 仇 Qiu, 区 Ou, 查 Zha, 朴 Piao, …) and the compound surnames (欧阳,
司马, …) are recognised. The given name is read as a word, with pypinyin's
phrase dictionary, so 李长青 is ``lichangqing`` and 朝晖 ``zhaohui``; and since
people read the characters of names in more than one way (乐 le/yue, 朝
zhao/chao, 行 xing/hang, 长 chang/zhang, 重 chong/zhong, 曾 zeng/ceng…), the
other common readings of those characters are kept as well, and so is the
reading of each character alone. A name has at most :data:`MAX_READINGS` readings:
the word reading first, then every other reading of one character at a time,
left to right, then of two at a time, … until the bound is reached.

:func:`search_keys` turns a name into the keys the search looks up with one
equality each (``frontdesk.services.clients.search``): every prefix of the
name (up to :data:`MAX_PART` characters), every run inside it (up to
:data:`MAX_PART`), every prefix of every reading, and every prefix of every
reading's initials, each with a :class:`Grade` that says how well it matches (about
16 keys for a three-character name with one reading).

pypinyin is imported on the first name read, not with this module: its phrase
tables take longer to load than the rest of ``frontdesk find``, and most
searches (phone tail, phone, card, pinyin typed as letters) never need them.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from functools import lru_cache
from itertools import combinations, product
from typing import Any

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
"""One reading per surname: a surname is read one way (单 is Shan, never Dan)."""

GIVEN_NAME_READINGS: dict[str, tuple[str, ...]] = {
    "乐": ("le", "yue"), "朝": ("zhao", "chao"), "行": ("xing", "hang"),
    "长": ("chang", "zhang"), "重": ("chong", "zhong"), "曾": ("zeng", "ceng"),
    "茜": ("qian", "xi"), "柏": ("bai", "bo"), "晟": ("sheng", "cheng"), "盛": ("sheng", "cheng"),
    "单": ("dan", "shan"), "解": ("jie", "xie"), "查": ("cha", "zha"), "藏": ("zang", "cang"),
    "参": ("can", "shen"), "传": ("chuan", "zhuan"), "宿": ("su", "xiu"), "莎": ("sha", "suo"),
    "角": ("jiao", "jue"), "降": ("jiang", "xiang"), "奇": ("qi", "ji"), "朴": ("pu", "piao"),
    "仇": ("chou", "qiu"), "种": ("zhong", "chong"), "露": ("lu", "lou"), "蔓": ("man", "wan"),
    "泊": ("bo", "po"), "都": ("du", "dou"), "觉": ("jue", "jiao"), "尉": ("wei", "yu"),
    "翟": ("zhai", "di"), "覃": ("tan", "qin"), "区": ("qu", "ou"), "卜": ("bu", "bo"),
}
"""Characters of given names that people read in more than one way, with the common readings.

Only readings heard in names: pypinyin knows more (重 tong, 朝 zhu, 行 heng), which
would only add wrong hits."""

MAX_READINGS = 4
"""The most readings one name is indexed under (so the most keys a name has stays bounded)."""
MAX_PART = 3
"""Name prefixes and runs inside a name are stored up to this many characters; a longer
query looks up its first ``MAX_PART`` characters and filters."""
MAX_KEY = 100
"""Longer keys are cut here (the search ignores queries over 100 characters)."""

_HANS = re.compile(r"[\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+")


class Grade(enum.IntEnum):
    """How a stored key matches its name; a higher grade ranks first."""

    INSIDE = 0
    """A run of characters inside the name (not at its start): 丰 in 张三丰."""
    INITIALS_PREFIX = 1
    """The start of a reading's initials: ``zs`` of 张三丰 (``zsf``)."""
    INITIALS = 2
    """A reading's whole initials: ``zsf``."""
    PREFIX = 3
    """The start of the name or of a reading: 张三, ``zhangs``."""
    WHOLE = 4
    """The whole name or a whole reading: 张三丰, ``zhangsanfeng``."""


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


def name_text(name: str) -> str:
    """A name as its keys are made from it, and as a typed name is looked up: cleaned,
    without spaces, lower case."""
    return clean_name(name).replace(" ", "").lower()


def readings(name: str) -> tuple[tuple[str, ...], ...]:
    """The readings of a name, each as its syllables (a Latin word is one syllable).

    At most :data:`MAX_READINGS`, the word reading first (see the module docstring).
    """
    name = clean_name(name)
    if not name:
        return ()
    if name.isascii():
        return (tuple(w.lower() for w in name.replace("-", " ").split() if w.isalnum()),)
    surname, given = split_surname(name)
    compound = COMPOUND_SURNAMES.get(surname) if len(surname) == 2 else None
    head = tuple(compound.split()) if compound else (
        SURNAME_READINGS.get(surname) or char_pinyin(surname),)
    return tuple(tuple(s for s in head + tail if s) for tail in _given_readings(given))


@lru_cache(maxsize=65536)
def _given_readings(given: str) -> tuple[tuple[str, ...], ...]:
    """Up to MAX_READINGS readings of a given name, each a tuple with one entry per syllable."""
    options = _syllable_options(given)
    out: list[tuple[str, ...]] = []
    for changed in range(len(options) + 1):
        for chosen in _with_changes(options, changed):
            if chosen not in out:
                out.append(chosen)
            if len(out) == MAX_READINGS:
                return tuple(out)
    return tuple(out)


def _with_changes(options: list[tuple[str, ...]],
                  changed: int) -> list[tuple[str, ...]]:
    """Every reading that takes another reading at exactly ``changed`` syllables, left first."""
    if changed == 0:
        return [tuple(o[0] for o in options)]
    varying = [i for i, o in enumerate(options) if len(o) > 1]
    out = []
    for where in combinations(varying, changed):
        for others in product(*(options[i][1:] for i in where)):
            picked = dict(zip(where, others, strict=True))
            out.append(tuple(picked.get(i, o[0]) for i, o in enumerate(options)))
            if len(out) >= MAX_READINGS:
                return out
    return out


def _syllable_options(given: str) -> list[tuple[str, ...]]:
    """Per syllable of a given name: its reading in the word first, then its other readings."""
    options: list[tuple[str, ...]] = []
    at = 0
    for run in _HANS.finditer(given):
        options.extend((w,) for w in _latin_words(given[at:run.start()]))
        for char, word in zip(run.group(), _word_reading(run.group()), strict=True):
            alone = (char_pinyin(char), *GIVEN_NAME_READINGS.get(char, ()))
            options.append(tuple(dict.fromkeys(r for r in (word, *alone) if r)) or ("",))
        at = run.end()
    options.extend((w,) for w in _latin_words(given[at:]))
    return options


def _word_reading(hans: str) -> list[str]:
    """pypinyin's reading of a run of Chinese characters as a word, one entry per character."""
    from pypinyin import Style, lazy_pinyin  # loaded on first use: see the module docstring

    # A character pypinyin cannot read reads as nothing, keeping one entry per character
    # (pypinyin takes a list back from ``errors``, which its type hints leave out).
    unread: Any = lambda chars: [""] * len(chars)  # noqa: E731
    return lazy_pinyin(hans, style=Style.NORMAL, errors=unread)


def _latin_words(text: str) -> list[str]:
    return ["".join(c for c in w.lower() if c.isalnum()) for w in text.split()
            if any(c.isalnum() for c in w)]


def search_keys(name: str) -> dict[str, Grade]:
    """Every key the search finds this name by, with the best grade of each."""
    keys: dict[str, Grade] = {}

    def put(key: str, grade: Grade) -> None:
        key = key[:MAX_KEY]
        if key and grade > keys.get(key, -1):
            keys[key] = grade

    text = name_text(name)
    for i in range(len(text)):
        for n in range(1, min(MAX_PART, len(text) - i) + 1):
            whole = i == 0 and n == len(text)
            put(text[i:i + n], Grade.WHOLE if whole else Grade.PREFIX if i == 0 else Grade.INSIDE)
    for syllables in readings(name):
        reading = "".join(syllables)
        initials = "".join(s[0] for s in syllables if s)
        for n in range(1, min(MAX_KEY, len(reading)) + 1):
            put(reading[:n], Grade.PREFIX)
        put(reading, Grade.WHOLE)
        for n in range(1, min(MAX_KEY, len(initials)) + 1):
            put(initials[:n], Grade.INITIALS_PREFIX)
        put(initials, Grade.INITIALS)
    return keys


def prefix_upper_bound(prefix: str) -> str:
    """The smallest string greater than every string starting with ``prefix`` (byte order)."""
    return prefix + "\U0010ffff"
