"""The built-in message library: several good messages per purpose, in Chinese and English.

A store sees these until it saves a message of its own (then it sees its own rows
only). Greetings and season messages carry no promotion and end with the signature
(domain/003: 节假日及生日短信…避忌在信息中提及店铺在节日有何活动，落尾处注明所在的店铺和
姓名; 换季短信…避忌提及新品上市; 联络信息…避忌询问顾客是否发生了什么事情). The
placeholders are ``{salutation} {name} {store} {staff}``.
"""

from __future__ import annotations

from dataclasses import dataclass

from frontdesk.models.care import TemplatePurpose

P = TemplatePurpose


@dataclass(frozen=True)
class BuiltIn:
    purpose: TemplatePurpose
    name: str
    body: str
    festival_code: str = ""


_ZH_SIGN = "【{store} {staff}】"
_EN_SIGN = "— {staff}, {store}"

ZH: tuple[BuiltIn, ...] = (
    BuiltIn(P.BIRTHDAY, "生日祝福 1",
            "{salutation}，生日快乐！愿您新的一岁健康美丽、心想事成，每一天都被温柔以待。"
            + _ZH_SIGN),
    BuiltIn(P.BIRTHDAY, "生日祝福 2",
            "{salutation}，今天是属于您的日子，祝您生日快乐、幸福安康，笑容常在！"
            + _ZH_SIGN),
    BuiltIn(P.BIRTHDAY, "生日祝福 3",
            "{salutation}，在您生日之际，送上我们最真诚的祝福：愿您岁岁年年，平安喜乐。"
            + _ZH_SIGN),
    BuiltIn(P.FESTIVAL, "节日问候",
            "{salutation}，节日快乐！愿您和家人幸福安康、心愿达成。" + _ZH_SIGN),
    BuiltIn(P.FESTIVAL, "节日问候 2",
            "{salutation}，佳节来临，祝您节日愉快，生活美满，万事顺意！" + _ZH_SIGN),
    BuiltIn(P.FESTIVAL, "春节", "{salutation}，新春快乐！祝您和家人新年吉祥、身体健康、"
            "阖家幸福。" + _ZH_SIGN, "spring_festival"),
    BuiltIn(P.FESTIVAL, "元宵节", "{salutation}，元宵节快乐！愿您团团圆圆，甜甜蜜蜜。"
            + _ZH_SIGN, "lantern"),
    BuiltIn(P.FESTIVAL, "端午节", "{salutation}，端午安康！愿您和家人平安健康，幸福常伴。"
            + _ZH_SIGN, "dragon_boat"),
    BuiltIn(P.FESTIVAL, "中秋节", "{salutation}，中秋快乐！月圆人团圆，祝您和家人幸福美满。"
            + _ZH_SIGN, "mid_autumn"),
    BuiltIn(P.FESTIVAL, "三八节", "{salutation}，女神节快乐！愿您永远美丽自信，被世界温柔以待。"
            + _ZH_SIGN, "womens_day"),
    BuiltIn(P.SEASON, "入冬提醒",
            "{salutation}，天气转凉了，出门记得添衣保暖，多喝温水，注意饮食和休息。" + _ZH_SIGN),
    BuiltIn(P.SEASON, "换季护肤提醒",
            "{salutation}，换季时节皮肤容易干燥敏感，记得多补水、注意防晒和作息规律。" + _ZH_SIGN),
    BuiltIn(P.SEASON, "入夏提醒",
            "{salutation}，天气渐热，外出注意防晒防暑，多喝水，保持好心情。" + _ZH_SIGN),
    BuiltIn(P.MISS_YOU, "想念您",
            "{salutation}，好久不见，我们都很想念您！最近天气多变，记得照顾好自己，注意休息。"
            + _ZH_SIGN),
    BuiltIn(P.MISS_YOU, "想念您 2",
            "{salutation}，有段时间没见到您了，一直惦记着您。愿您一切安好，有空常来坐坐。"
            + _ZH_SIGN),
    BuiltIn(P.FOLLOW_UP, "护理回访",
            "{salutation}，您好！您前几天做的护理感觉怎么样？皮肤有没有不适？有任何问题随时"
            "告诉我。" + _ZH_SIGN),
    BuiltIn(P.FOLLOW_UP, "护理回访 2",
            "{salutation}，您好，护理后请注意补水保湿、避免暴晒。如有任何不适请随时联系我们。"
            + _ZH_SIGN),
    BuiltIn(P.PROMOTION, "会员活动",
            "{salutation}，本月会员专享活动已开始，欢迎您来店体验。详询{staff}。" + _ZH_SIGN),
)

EN: tuple[BuiltIn, ...] = (
    BuiltIn(P.BIRTHDAY, "Birthday 1",
            "Happy birthday, {salutation}! Wishing you health, beauty and every happiness in "
            "the year ahead. " + _EN_SIGN),
    BuiltIn(P.BIRTHDAY, "Birthday 2",
            "{salutation}, today is your day: happy birthday, and may it be full of "
            "smiles. " + _EN_SIGN),
    BuiltIn(P.BIRTHDAY, "Birthday 3",
            "{salutation}, all our warmest wishes on your birthday. May the year bring you "
            "peace and joy. " + _EN_SIGN),
    BuiltIn(P.FESTIVAL, "Festival greeting",
            "Happy holidays, {salutation}! Wishing you and your family health and "
            "happiness. " + _EN_SIGN),
    BuiltIn(P.FESTIVAL, "Festival greeting 2",
            "{salutation}, warm wishes to you and your loved ones this festive season. "
            + _EN_SIGN),
    BuiltIn(P.FESTIVAL, "Spring Festival",
            "Happy Chinese New Year, {salutation}! May the year bring you and your family "
            "good health and happiness. " + _EN_SIGN, "spring_festival"),
    BuiltIn(P.FESTIVAL, "Mid-Autumn",
            "Happy Mid-Autumn Festival, {salutation}! May you enjoy the full moon with "
            "your family. " + _EN_SIGN, "mid_autumn"),
    BuiltIn(P.FESTIVAL, "Dragon Boat",
            "Wishing you a healthy and peaceful Dragon Boat Festival, {salutation}. "
            + _EN_SIGN, "dragon_boat"),
    BuiltIn(P.SEASON, "Winter",
            "{salutation}, the weather is turning cold: dress warmly, drink warm water and "
            "get plenty of rest. " + _EN_SIGN),
    BuiltIn(P.SEASON, "Change of season",
            "{salutation}, skin gets dry as the seasons change: keep it moisturised and "
            "protected from the sun. " + _EN_SIGN),
    BuiltIn(P.MISS_YOU, "We miss you",
            "{salutation}, it has been a while and we miss you! Take good care of yourself "
            "and get plenty of rest. " + _EN_SIGN),
    BuiltIn(P.MISS_YOU, "We miss you 2",
            "{salutation}, we have been thinking of you. We hope all is well, and we would "
            "love to see you again. " + _EN_SIGN),
    BuiltIn(P.FOLLOW_UP, "After your treatment",
            "Hello {salutation}, how does your skin feel after your treatment? If anything "
            "bothers you, just let me know. " + _EN_SIGN),
    BuiltIn(P.FOLLOW_UP, "After your treatment 2",
            "Hello {salutation}, after your treatment keep your skin moisturised and out of "
            "strong sun. Call us any time. " + _EN_SIGN),
    BuiltIn(P.PROMOTION, "Members' month",
            "{salutation}, this month's members' offer has started; ask {staff} about it. "
            + _EN_SIGN),
)


def built_in(language: str) -> tuple[BuiltIn, ...]:
    """The built-in library in the store's language (Chinese for any but English)."""
    return EN if language == "en" else ZH
