"""The demo store's words in the store's language: Chinese as written in :mod:`.data`, or English.

:func:`catalog` gives every word the fill writes into the database (the store's
name, rooms, services and their categories, products, tiers, the staff's names,
allergies and notes, and what consultations and preferences say) in one
language. The Chinese words are the source; :data:`ENGLISH` translates each of
them, and a word without a translation fails loudly when the English catalog
is built, so an English store never shows a Chinese word by accident. Client
names stay Chinese in both: the store's clients are Chinese people.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from frontdesk.demo.data import (
    ALLERGIES,
    NOTES,
    PRODUCTS,
    ROOMS,
    SERVICES,
    STAFF,
    STORE_NAME,
    TIERS,
    ProductSpec,
    RoomSpec,
    ServiceSpec,
    StaffSpec,
)
from frontdesk.models.consultation import ConditionKind

LANGUAGES = ("zh_CN", "en")
"""The languages a demo store can be made in."""

SKIN_NOTES = ("T区出油，两颊偏干",
    "额头有少量闭口", "肤色暗沉，缺水", "两颊有红血丝",
              "毛孔粗大，鼻翼明显", "眼周细纹较多", "")
PLAN_NOTES = ("先补水，再美白", "每周一次，连续一个疗程", "注意防晒，少熬夜",
              "敏感期先舒缓，暂停去角质", "配合家居产品，早晚使用", "")
CONDITIONS: tuple[tuple[ConditionKind, str, str], ...] = (
    (ConditionKind.HEAVY_MAKEUP, "粉底较厚", "卸妆后肤色暗沉"),
    (ConditionKind.VERY_DIRTY, "毛孔有明显污垢",
    "清洁后黑头减少"),
    (ConditionKind.ACNE, "额头、下巴有红肿痘", "清洁后红肿仍明显"),
    (ConditionKind.SENSITIVE, "两颊泛红", "清洁后微微发热"),
    (ConditionKind.SPOTS, "两颊有浅褐色斑", "清洁后斑点清晰可见"),
)
"""(condition, before cleansing, after cleansing) as a consultant writes them down."""
DRINKS = ("玫瑰花茶", "柠檬水", "温开水", "红枣茶", "菊花茶")
MUSIC = ("轻音乐", "古筝", "钢琴曲", "不要音乐")
TOPICS = ("年龄", "体重", "婚姻", "工作")
TAGS = ("爱聊天", "怕冷", "怕痛", "常带朋友来", "守时", "喜欢新项目")


@dataclass(frozen=True)
class Catalog:
    """Everything the demo writes as words, in one language."""

    store_name: str
    rooms: tuple[RoomSpec, ...]
    services: tuple[ServiceSpec, ...]
    products: tuple[ProductSpec, ...]
    staff: tuple[StaffSpec, ...]
    tiers: tuple[tuple[int, str], ...]
    allergies: tuple[str, ...]
    notes: tuple[str, ...]
    skin_notes: tuple[str, ...]
    plan_notes: tuple[str, ...]
    conditions: tuple[tuple[ConditionKind, str, str], ...]
    drinks: tuple[str, ...]
    music: tuple[str, ...]
    topics: tuple[str, ...]
    tags: tuple[str, ...]


CHINESE = Catalog(STORE_NAME, ROOMS, SERVICES, PRODUCTS, STAFF, TIERS, ALLERGIES, NOTES,
                  SKIN_NOTES, PLAN_NOTES, CONDITIONS, DRINKS, MUSIC, TOPICS, TAGS)


def catalog(language: str) -> Catalog:
    """The demo's words in ``language`` (one of :data:`LANGUAGES`)."""
    if language == "en":
        return translated(CHINESE, ENGLISH.__getitem__)
    return CHINESE


def translated(words: Catalog, say: Callable[[str], str]) -> Catalog:
    """``words`` with every word passed through ``say`` (empty words stay empty)."""
    def each(texts: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(say(t) if t else t for t in texts)

    return Catalog(
        say(words.store_name),
        tuple(replace(r, name=say(r.name)) for r in words.rooms),
        tuple(replace(x, name=say(x.name), category=say(x.category)) for x in words.services),
        tuple(replace(x, name=say(x.name), category=say(x.category)) for x in words.products),
        tuple(replace(x, display_name=say(x.display_name)) for x in words.staff),
        tuple((least, say(tier)) for least, tier in words.tiers),
        each(words.allergies), each(words.notes), each(words.skin_notes),
        each(words.plan_notes),
        tuple((kind, say(before), say(after)) for kind, before, after in words.conditions),
        each(words.drinks), each(words.music), each(words.topics), each(words.tags))


ENGLISH: dict[str, str] = {
    "水沐莲清美容会所（演示）": "Lotus Spring Beauty Club (demo)",
    # rooms
    "牡丹厅": "Peony Room", "玉兰厅": "Magnolia Room", "芙蓉厅": "Hibiscus Room",
    "海棠厅": "Begonia Room", "茉莉厅": "Jasmine Room", "百合厅": "Lily Room",
    "紫荆阁（VIP）": "Orchid Tree Suite (VIP)", "兰亭（VIP）": "Orchid Pavilion (VIP)",
    # service categories and services
    "面部护理": "Facial care", "身体护理": "Body care", "经络养生": "Meridian wellness",
    "仪器项目": "Device treatments", "美甲美睫": "Nails and lashes",
    "深层清洁护理": "Deep cleansing facial", "补水保湿护理": "Hydrating facial",
    "美白焕肤护理": "Brightening facial", "抗衰紧致护理": "Anti-ageing firming facial",
    "敏感肌舒缓护理": "Soothing facial for sensitive skin", "眼部护理": "Eye treatment",
    "祛痘净化护理": "Clarifying acne facial", "全身精油SPA": "Full-body aromatherapy spa",
    "背部排毒护理": "Back detox treatment", "肩颈舒缓护理": "Neck and shoulder relief",
    "胸部护理": "Bust care", "腹部紧致护理": "Abdomen firming",
    "经络疏通": "Meridian massage", "艾灸调理": "Moxibustion", "拨筋排毒": "Tendon release",
    "头疗养发": "Scalp and hair therapy", "光子嫩肤": "IPL photorejuvenation",
    "射频提拉": "Radio-frequency lift", "水光补水": "Hydra-boost infusion",
    "小气泡清洁": "Hydra-bubble cleansing", "日式美甲": "Japanese manicure",
    "嫁接睫毛": "Eyelash extensions",
    # product categories and products
    "面部家居": "Face home care", "身体家居": "Body home care",
    "玻尿酸补水面膜（10片）": "Hyaluronic sheet masks (10)",
    "氨基酸洁面乳": "Amino-acid cleanser", "保湿修护精华液": "Hydrating repair serum",
    "修护面霜": "Repair cream", "清透防晒隔离乳": "Light sunscreen primer",
    "紧致眼霜": "Firming eye cream", "温和卸妆油": "Gentle cleansing oil",
    "美白淡斑精华": "Brightening spot serum", "滋润身体乳": "Nourishing body lotion",
    "舒缓精油套装": "Relaxing essential-oil set",
    # tiers
    "钻石卡": "Diamond", "金卡": "Gold", "银卡": "Silver", "普通": "Standard",
    # staff
    "管理员": "Administrator", "周丽娟": "Zhou Lijuan", "李婷": "Li Ting", "王佳怡": "Wang Jiayi",
    "陈雅琴": "Chen Yaqin", "刘思雨": "Liu Siyu", "张晓燕": "Zhang Xiaoyan", "赵敏": "Zhao Min",
    "孙丽": "Sun Li", "黄倩": "Huang Qian", "吴海燕": "Wu Haiyan", "郑秀兰": "Zheng Xiulan",
    "林小雨": "Lin Xiaoyu", "何静": "He Jing", "周敏": "Zhou Min", "吴晓": "Wu Xiao",
    # allergies and notes
    "芒果过敏": "Allergic to mango", "对果酸敏感": "Sensitive to fruit acids",
    "孕期": "Pregnant", "酒精过敏": "Allergic to alcohol", "对花粉过敏": "Allergic to pollen",
    "对精油敏感": "Sensitive to essential oils", "海鲜过敏": "Allergic to seafood",
    "对水杨酸敏感": "Sensitive to salicylic acid", "哺乳期": "Breastfeeding",
    "皮肤易泛红，慎用去角质": "Skin reddens easily; go gently with exfoliation",
    "喜欢安静，少聊天": "Likes quiet, little chat",
    "怕痛，手法轻一点": "Feels pain easily: light hands",
    "只约周末": "Books weekends only", "喜欢热一点的房间": "Likes a warmer room",
    "不要推销产品": "Do not push products", "习惯指定美容师": "Usually asks for her beautician",
    "对香味敏感": "Sensitive to scents", "做完要吹干头发": "Wants her hair dried afterwards",
    # consultations
    "T区出油，两颊偏干": "Oily T-zone, dry cheeks",
    "额头有少量闭口": "A few closed comedones on the forehead",
    "肤色暗沉，缺水": "Dull and dehydrated", "两颊有红血丝": "Visible capillaries on the cheeks",
    "毛孔粗大，鼻翼明显": "Enlarged pores, mostly beside the nose",
    "眼周细纹较多": "Fine lines around the eyes",
    "先补水，再美白": "Hydrate first, then brighten",
    "每周一次，连续一个疗程": "Once a week for one full course",
    "注意防晒，少熬夜": "Use sunscreen; fewer late nights",
    "敏感期先舒缓，暂停去角质": "Soothe while sensitive; no exfoliation for now",
    "配合家居产品，早晚使用": "With the home-care products, morning and evening",
    "粉底较厚": "Heavy foundation", "卸妆后肤色暗沉": "Dull once make-up is off",
    "毛孔有明显污垢": "Visible dirt in the pores",
    "清洁后黑头减少": "Fewer blackheads after cleansing",
    "额头、下巴有红肿痘": "Inflamed spots on forehead and chin",
    "清洁后红肿仍明显": "Still red and swollen after cleansing",
    "两颊泛红": "Redness on the cheeks", "清洁后微微发热": "Slightly warm after cleansing",
    "两颊有浅褐色斑": "Light brown spots on the cheeks",
    "清洁后斑点清晰可见": "Spots clearly visible after cleansing",
    # preferences
    "玫瑰花茶": "Rose tea", "柠檬水": "Lemon water", "温开水": "Warm water",
    "红枣茶": "Red date tea", "菊花茶": "Chrysanthemum tea",
    "轻音乐": "Soft music", "古筝": "Guzheng", "钢琴曲": "Piano", "不要音乐": "No music",
    "年龄": "Age", "体重": "Weight", "婚姻": "Marriage", "工作": "Work",
    "爱聊天": "Chatty", "怕冷": "Feels the cold", "怕痛": "Feels pain easily",
    "常带朋友来": "Often brings friends", "守时": "Punctual", "喜欢新项目": "Likes new treatments",
}
"""Every Chinese word of :data:`CHINESE` in English."""
