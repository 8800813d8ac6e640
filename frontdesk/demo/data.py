"""What the demo salon is made of: word lists, weights, the catalog, rooms and staff.

Data for :mod:`frontdesk.demo.fill`, and :class:`PersonMaker`, which draws
made-up people (names, phones, birthdays) from it. Weights are integers (relative
frequencies) and every list is a tuple, so a seed always gives the same store.
Prices are integer fen; durations minutes.
"""

from __future__ import annotations

import calendar
import random
from bisect import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import Generic, TypeVar

from frontdesk.core.calendar import Calendar, leap_month, lunar_month_days
from frontdesk.core.context import Role
from frontdesk.core.names import search_keys
from frontdesk.core.visitors import VisitorClass
from frontdesk.demo.names import FEMALE_NAMES, MALE_NAMES
from frontdesk.models import PaymentMethod, SourceChannel

STORE_NAME = "水沐莲清美容会所（演示）"
DEMO_PASSWORD = "demo-2026"
"""The password of every demo sign-in account (printed in the summary)."""

SURNAMES: tuple[tuple[str, int], ...] = (
    ("王", 711), ("李", 706), ("张", 668), ("刘", 538), ("陈", 453), ("杨", 308), ("黄", 225),
    ("赵", 200), ("吴", 199), ("周", 188), ("徐", 157), ("孙", 152), ("马", 140), ("朱", 139),
    ("胡", 131), ("郭", 115), ("何", 114), ("林", 113), ("罗", 109), ("高", 107), ("郑", 98),
    ("梁", 91), ("谢", 84), ("宋", 80), ("唐", 77), ("许", 72), ("韩", 70), ("冯", 69),
    ("邓", 68), ("曹", 67), ("彭", 65), ("曾", 61), ("肖", 60), ("田", 59), ("董", 58),
    ("潘", 56), ("袁", 56), ("蔡", 54), ("蒋", 54), ("余", 53), ("于", 52), ("杜", 51),
    ("叶", 50), ("程", 48), ("魏", 47), ("苏", 47), ("吕", 47), ("丁", 45), ("任", 44),
    ("卢", 43), ("姚", 42), ("沈", 42), ("钟", 41), ("姜", 40), ("崔", 39), ("谭", 38),
    ("陆", 37), ("范", 36), ("汪", 36), ("廖", 35), ("石", 35), ("金", 34), ("韦", 33),
    ("贾", 33), ("夏", 32), ("付", 32), ("方", 31), ("邹", 31), ("熊", 30), ("白", 30),
    ("孟", 29), ("秦", 29), ("邱", 29), ("侯", 28), ("江", 28), ("尹", 27), ("薛", 27),
    ("闫", 27), ("段", 26), ("雷", 26), ("龙", 25), ("黎", 25), ("史", 25), ("陶", 24),
    ("贺", 24), ("毛", 23), ("郝", 23), ("顾", 23), ("龚", 22), ("邵", 22), ("万", 22),
    ("覃", 21), ("武", 21), ("钱", 21), ("戴", 20), ("严", 20), ("莫", 19), ("孔", 19),
    ("向", 18), ("常", 18), ("汤", 18), ("翟", 10), ("缪", 5),
    # Surnames read differently from the everyday character, and compound surnames.
    ("单", 6), ("解", 4), ("仇", 3), ("区", 2), ("查", 3), ("朴", 2),
    ("欧阳", 4), ("司马", 2), ("上官", 2), ("诸葛", 2),
)

MOBILE_PREFIXES: tuple[tuple[str, int], ...] = tuple(
    (str(p), 8 if p < 140 else 4 if p < 160 else 2)
    for p in (*range(130, 140), 150, 151, 152, 153, 155, 156, 157, 158, 159, 166,
              170, 171, 172, 173, 175, 176, 177, 178, *range(180, 190),
              191, 193, 195, 196, 197, 198, 199)
)
"""Mainland mobile prefixes: with any 8 digits after them, a valid number (tested)."""

SOURCES: tuple[tuple[SourceChannel, int], ...] = (
    (SourceChannel.WALK_IN, 33), (SourceChannel.REFERRAL, 22), (SourceChannel.APPOINTMENT, 15),
    (SourceChannel.ONLINE, 25), (SourceChannel.OTHER, 5),
)
VISITOR_CLASSES: tuple[tuple[VisitorClass, int], ...] = (
    (VisitorClass.GENERAL, 897), (VisitorClass.IMPORTANT, 70), (VisitorClass.GUEST, 30),
    (VisitorClass.SPECIAL, 3),
)
PAYMENT_METHODS: tuple[tuple[PaymentMethod, int], ...] = (
    (PaymentMethod.WECHAT, 45), (PaymentMethod.ALIPAY, 25), (PaymentMethod.BANK_CARD, 18),
    (PaymentMethod.CASH, 12),
)

TIERS: tuple[tuple[int, str], ...] = (
    (5_000_000, "钻石卡"), (2_000_000, "金卡"), (500_000, "银卡"), (0, "普通"),
)
"""(spend in fen at least, tier): a member's tier follows what they have spent."""

ALLERGIES = ("芒果过敏", "对果酸敏感", "孕期", "酒精过敏", "对花粉过敏", "对精油敏感",
             "海鲜过敏", "对水杨酸敏感", "哺乳期", "皮肤易泛红，慎用去角质")
NOTES = ("喜欢安静，少聊天", "怕痛，手法轻一点", "只约周末", "喜欢热一点的房间",
         "不要推销产品", "习惯指定美容师", "对香味敏感", "做完要吹干头发")


@dataclass(frozen=True)
class HabitSpec:
    """How often a kind of client comes, and for how long before they stop (流失)."""

    weight: int
    interval_days: float
    """Mean days between visits; 0 for a client who comes once and never again."""
    lifetime_days: float
    """Mean days from the first visit until the client stops coming."""


HABITS: tuple[HabitSpec, ...] = (
    HabitSpec(28, 0, 0),        # once, never again
    HabitSpec(33, 70, 240),     # now and then
    HabitSpec(24, 32, 330),     # monthly
    HabitSpec(12, 15, 420),     # every other week
    HabitSpec(3, 7, 520),       # weekly
)


@dataclass(frozen=True)
class ServiceSpec:
    name: str
    category: str
    price_fen: int
    duration_min: int
    follow_up_days: tuple[int, ...]
    """The days after a visit its follow-up calls (回访) fall: facials on day 1, 3 and 7."""
    weight: int


SERVICES: tuple[ServiceSpec, ...] = (
    ServiceSpec("深层清洁护理", "面部护理", 28800, 60, (1, 3, 7), 60),
    ServiceSpec("补水保湿护理", "面部护理", 38800, 75, (1, 3, 7), 80),
    ServiceSpec("美白焕肤护理", "面部护理", 58800, 90, (1, 3, 10), 40),
    ServiceSpec("抗衰紧致护理", "面部护理", 88800, 90, (1, 7, 14), 25),
    ServiceSpec("敏感肌舒缓护理", "面部护理", 42800, 75, (1, 3, 7), 25),
    ServiceSpec("眼部护理", "面部护理", 26800, 45, (1, 3, 7), 30),
    ServiceSpec("祛痘净化护理", "面部护理", 36800, 75, (1, 3), 20),
    ServiceSpec("全身精油SPA", "身体护理", 68800, 90, (), 35),
    ServiceSpec("背部排毒护理", "身体护理", 39800, 60, (7,), 30),
    ServiceSpec("肩颈舒缓护理", "身体护理", 29800, 60, (7,), 45),
    ServiceSpec("胸部护理", "身体护理", 49800, 60, (14,), 12),
    ServiceSpec("腹部紧致护理", "身体护理", 45800, 60, (14,), 12),
    ServiceSpec("经络疏通", "经络养生", 32800, 75, (7,), 35),
    ServiceSpec("艾灸调理", "经络养生", 25800, 60, (5,), 30),
    ServiceSpec("拨筋排毒", "经络养生", 36800, 75, (7,), 20),
    ServiceSpec("头疗养发", "经络养生", 19800, 45, (), 25),
    ServiceSpec("光子嫩肤", "仪器项目", 128000, 45, (1, 14), 10),
    ServiceSpec("射频提拉", "仪器项目", 168000, 60, (1, 14), 8),
    ServiceSpec("水光补水", "仪器项目", 98000, 45, (1, 14), 12),
    ServiceSpec("小气泡清洁", "仪器项目", 19800, 30, (1, 3), 30),
    ServiceSpec("日式美甲", "美甲美睫", 16800, 60, (), 25),
    ServiceSpec("嫁接睫毛", "美甲美睫", 26800, 90, (3,), 18),
)


@dataclass(frozen=True)
class ProductSpec:
    name: str
    category: str
    price_fen: int
    weight: int


PRODUCTS: tuple[ProductSpec, ...] = (
    ProductSpec("玻尿酸补水面膜（10片）", "面部家居", 19800, 40),
    ProductSpec("氨基酸洁面乳", "面部家居", 16800, 30),
    ProductSpec("保湿修护精华液", "面部家居", 38800, 20),
    ProductSpec("修护面霜", "面部家居", 42800, 15),
    ProductSpec("清透防晒隔离乳", "面部家居", 22800, 20),
    ProductSpec("紧致眼霜", "面部家居", 35800, 12),
    ProductSpec("温和卸妆油", "面部家居", 18800, 18),
    ProductSpec("美白淡斑精华", "面部家居", 46800, 10),
    ProductSpec("滋润身体乳", "身体家居", 15800, 15),
    ProductSpec("舒缓精油套装", "身体家居", 58800, 8),
)


@dataclass(frozen=True)
class RoomSpec:
    name: str
    vip: bool


ROOMS: tuple[RoomSpec, ...] = (
    RoomSpec("牡丹厅", False), RoomSpec("玉兰厅", False), RoomSpec("芙蓉厅", False),
    RoomSpec("海棠厅", False), RoomSpec("茉莉厅", False), RoomSpec("百合厅", False),
    RoomSpec("紫荆阁（VIP）", True), RoomSpec("兰亭（VIP）", True),
)


@dataclass(frozen=True)
class StaffSpec:
    username: str
    display_name: str
    role: Role
    signs_in: bool


STAFF: tuple[StaffSpec, ...] = (
    StaffSpec("admin", "管理员", Role.ADMIN, True),
    StaffSpec("manager", "周丽娟", Role.MANAGER, True),
    StaffSpec("reception1", "李婷", Role.RECEPTIONIST, True),
    StaffSpec("reception2", "王佳怡", Role.RECEPTIONIST, True),
    StaffSpec("consultant1", "陈雅琴", Role.CONSULTANT, True),
    StaffSpec("consultant2", "刘思雨", Role.CONSULTANT, True),
    StaffSpec("therapist1", "张晓燕", Role.THERAPIST, False),
    StaffSpec("therapist2", "赵敏", Role.THERAPIST, False),
    StaffSpec("therapist3", "孙丽", Role.THERAPIST, False),
    StaffSpec("therapist4", "黄倩", Role.THERAPIST, False),
    StaffSpec("therapist5", "吴海燕", Role.THERAPIST, False),
    StaffSpec("therapist6", "郑秀兰", Role.THERAPIST, False),
    StaffSpec("care1", "林小雨", Role.CLIENT_MANAGER, True),
    StaffSpec("care2", "何静", Role.CLIENT_MANAGER, True),
    StaffSpec("complaints1", "周敏", Role.COMPLAINT_HANDLER, True),
    StaffSpec("qc1", "吴晓", Role.QUALITY_INSPECTOR, True),
)
"""The demo team: 美容师 therapist1–4, 经络师 therapist5–6 (therapists never sign in); 客服
care1 and care2, the client managers with books of clients (:mod:`.care`); complaints1, the
complaint handler (投诉处理专员), and qc1, the quality inspector (质检) (:mod:`.complaints`)."""


T = TypeVar("T")


@dataclass(frozen=True)
class Weighted(Generic[T]):
    """Values and their cumulative weights, for :meth:`Draw.weighted`."""

    values: tuple[T, ...]
    cumulative: tuple[int, ...]

    @classmethod
    def of(cls, pairs: Sequence[tuple[T, int]]) -> Weighted[T]:
        return cls(tuple(v for v, _ in pairs), tuple(accumulate(w for _, w in pairs)))


class Draw:
    """Quick draws from one :class:`random.Random`, for millions of rows.

    ``randint``, ``choice`` and ``choices`` cost a microsecond or two each;
    these do the same from one ``random()`` call.
    """

    def __init__(self, rng: random.Random):
        self.random = rng.random
        self.rng = rng

    def chance(self, p: float) -> bool:
        return self.random() < p

    def between(self, low: int, high: int) -> int:
        """An int from low to high, both included."""
        return low + int(self.random() * (high - low + 1))

    def pick(self, values: Sequence[T]) -> T:
        return values[int(self.random() * len(values))]

    def weighted(self, table: Weighted[T]) -> T:
        return table.values[bisect(table.cumulative, self.random() * table.cumulative[-1])]


class PersonMaker:
    """Made-up people: names, mobile numbers, member numbers and birthdays.

    Deterministic for one :class:`Draw`. Phone and member numbers are
    unique without remembering them: within a prefix the k-th number is
    ``(k × step + offset) mod 10⁸``, a permutation because the step is coprime to 10⁸.
    """

    PHONE_STEP = 48_271_813
    MEMBER_STEP = 7_919_371

    def __init__(self, draw: Draw):
        self._draw = draw
        self._surnames = Weighted.of(SURNAMES)
        self._given = (Weighted.of(MALE_NAMES), Weighted.of(FEMALE_NAMES))
        self._prefixes = Weighted.of([(i, w) for i, (_, w) in enumerate(MOBILE_PREFIXES)])
        self._phone_offsets = [draw.rng.randrange(10**8) for _ in MOBILE_PREFIXES]
        self._phone_counts = [0] * len(MOBILE_PREFIXES)
        self._member_offset = draw.rng.randrange(10**8)
        self._members = 0
        self._keys: dict[str, list[tuple[str, int]]] = {}

    def name(self, female: bool) -> str:
        """Surname by real-world frequency, then a common given name (:mod:`.names`)."""
        draw = self._draw
        return draw.weighted(self._surnames) + draw.weighted(self._given[female])

    def keys(self, name: str) -> list[tuple[str, int]]:
        """(key, grade) from :func:`names.search_keys`, in key order; cached until
        :meth:`forget`."""
        found = self._keys.get(name)
        if found is None:
            found = self._keys[name] = [(k, int(g)) for k, g in sorted(search_keys(name).items())]
        return found

    def forget(self) -> None:
        """Drop the name-key cache (between chunks, so memory stays bounded)."""
        self._keys.clear()

    def phone(self) -> str:
        """A new, unique mainland mobile number in E.164 (+86…)."""
        i = self._draw.weighted(self._prefixes)
        k = self._phone_counts[i]
        self._phone_counts[i] = k + 1
        suffix = (k * self.PHONE_STEP + self._phone_offsets[i]) % 10**8
        return f"+86{MOBILE_PREFIXES[i][0]}{suffix:08d}"

    def member_no(self) -> str:
        """A new, unique member-card number: ``M`` and eight digits."""
        self._members += 1
        return f"M{(self._members * self.MEMBER_STEP + self._member_offset) % 10**8:08d}"

    def birthday(self) -> Birthday:
        """65 % solar, 20 % lunar (农历), the rest unknown; the year is sometimes left out."""
        roll = self._draw.random()
        if roll < 0.65:
            return self._solar()
        if roll < 0.85:
            return self._lunar()
        return NO_BIRTHDAY

    def _birth_year(self) -> int:
        return int(self._draw.rng.triangular(1960, 2005, 1986))

    def _solar(self) -> Birthday:
        draw = self._draw
        year = self._birth_year() if draw.chance(0.85) else None
        month = draw.between(1, 12)
        day = draw.between(1, calendar.monthrange(year or 2001, month)[1])
        return Birthday(Calendar.SOLAR.value, year, month, day, False)

    def _lunar(self) -> Birthday:
        draw = self._draw
        year = self._birth_year() if draw.chance(0.75) else None
        month = draw.between(1, 12)
        leap = year is not None and leap_month(year) == month and draw.chance(0.5)
        longest = lunar_month_days(year, month, leap) if year else 29
        return Birthday(Calendar.LUNAR.value, year, month, draw.between(1, longest), leap)


@dataclass(frozen=True)
class Birthday:
    calendar: str | None
    year: int | None
    month: int | None
    day: int | None
    leap_month: bool


NO_BIRTHDAY = Birthday(None, None, None, None, False)
