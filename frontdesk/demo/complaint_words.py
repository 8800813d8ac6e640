"""The demo's words for complaints, surveys, care calls and spot checks, in both languages.

Each category of complaint has what a client says and asks, what the investigation
finds, what was done and what the store changes (整改); the rest are the notes of
feedback, care calls and the quality inspector's month. Chinese first; :data:`ENGLISH`
for a demo store that speaks English (``frontdesk demo --language en``).
"""

from __future__ import annotations

from dataclasses import dataclass

from frontdesk.models.complaint import ComplaintCategory as Cat


@dataclass(frozen=True)
class CaseWords:
    """What one kind of case says, from the client's words to the corrective action."""

    words: str
    asks: str
    findings: str
    resolution: str
    corrective: str


@dataclass(frozen=True)
class DemoTexts:
    cases: dict[Cat, tuple[CaseWords, ...]]
    acknowledge: str
    satisfied: str
    unsatisfied: str
    reopen: str
    voucher: str
    reviewers: tuple[str, ...]
    survey_name: str
    questions: tuple[str, ...]
    """服务态度, 服务效率, 产品质量, 环境, 价格 (1–5), 推荐意愿 (0–10), 意见建议 (text)."""
    good_comments: tuple[str, ...]
    low_comments: tuple[str, ...]
    call_notes: tuple[str, ...]
    check_content: str
    check_results: str
    """With ``{sampled}``, ``{passed}``, ``{failed}``."""
    check_problems: str
    check_fixes: str
    fail_notes: tuple[str, ...]


CHINESE = DemoTexts(
    cases={
        Cat.ATTITUDE: (CaseWords(
            "美容师做护理时一直看手机，问她问题也爱答不理", "希望换一位美容师，并给个说法",
            "美容师当天在服务中接听私人电话，已承认", "店长当面道歉，之后安排资深美容师",
            "重申服务规范：服务中手机统一放在前台"),),
        Cat.EFFICIENCY: (CaseWords(
            "约了下午两点，等了四十分钟才开始，也没人解释", "以后要准时，或者提前通知",
            "前一位客人超时，前台没有及时电话告知", "致歉，下次护理优先安排",
            "预约之间留出15分钟，晚了提前电话通知客人"),),
        Cat.PRODUCT_QUALITY: (CaseWords(
            "买的修护面霜用了一周，感觉很油，还闷出了闭口", "希望退换成别的产品",
            "客人偏油性皮肤，销售时未询问肤质", "换成清爽型产品，并讲解用法",
            "销售家居产品前先看皮肤档案"),),
        Cat.ENVIRONMENT: (CaseWords(
            "房间空调太冷，毛巾有股味道", "希望注意卫生", "毛巾当天未按规定高温消毒",
            "致歉，赠送一次肩颈护理", "毛巾消毒登记，每班检查"),),
        Cat.PRICE_BILLING: (CaseWords(
            "次卡被多扣了一次，结账时没给我看", "核对后把次数退回来",
            "前台误操作，同一次护理扣了两次", "已核对并补回次数，当面致歉",
            "结账时与客人当面核对扣次"),),
        Cat.SAFETY: (CaseWords(
            "做完光子嫩肤后两颊发红刺痛，两天还没好", "要求给个说法，并承担后续修复",
            "能量参数偏高，术前没有做皮肤测试", "安排免费修复护理，并赠送补偿券",
            "仪器项目前必须做皮肤测试并记录参数"),),
    },
    acknowledge="已致电客人，了解情况", satisfied="客人表示满意，接受处理",
    unsatisfied="客人仍不满意，说要考虑不再续卡", reopen="客人回电，说问题又出现了",
    voucher="投诉补偿券", reviewers=("大众点评用户 小鱼儿", "美团网友 Cici"),
    survey_name="满意度调查",
    questions=("服务态度", "服务效率", "产品质量", "环境", "价格", "推荐意愿", "意见建议"),
    good_comments=("美容师手法很好", "环境干净舒服", "前台很热情", ""),
    low_comments=("等了很久才开始", "价格有点贵，效果一般", "房间有点吵"),
    call_notes=("客人反馈皮肤状态不错", "已约下周护理", "提醒客人注意防晒",
                "客人说最近忙，过段时间再来", "未接通，稍后再打", "客人对上次护理满意"),
    check_content="回访开场白与自报家门、问候用语、客人问题是否跟进、回访记录是否及时完整",
    check_results="抽查{sampled}通回访，{passed}通合格，{failed}通不合格",
    check_problems="个别回访未自报姓名和门店；有的回访记录过于简单，没有写客人的反馈",
    check_fixes="统一开场白话术；回访当天录入记录并写明客人反馈；每周例会复盘不合格录音",
    fail_notes=("未自报姓名和门店", "记录过于简单", "客人提出的问题没有跟进"),
)

ENGLISH = DemoTexts(
    cases={
        Cat.ATTITUDE: (CaseWords(
            "The beautician kept looking at her phone and barely answered my questions",
            "Another beautician, and an explanation",
            "The beautician took a private call during the treatment; she admits it",
            "The manager apologised in person; a senior beautician from now on",
            "Service rules restated: phones stay at the desk during treatments"),),
        Cat.EFFICIENCY: (CaseWords(
            "Booked for 2 pm, waited forty minutes, nobody explained",
            "Start on time, or call me beforehand",
            "The client before ran late; the desk did not call",
            "Apologised; first choice of times next visit",
            "15 minutes between bookings; call clients when running late"),),
        Cat.PRODUCT_QUALITY: (CaseWords(
            "The repair cream feels greasy after a week and gave me spots",
            "An exchange for another product",
            "Oily skin; nobody asked about her skin type when selling",
            "Exchanged for a lighter product, with how to use it",
            "Read the skin record before selling home care"),),
        Cat.ENVIRONMENT: (CaseWords(
            "The room was too cold and the towels smelled", "Mind the hygiene",
            "The towels missed the hot wash that day",
            "Apologised; a free neck and shoulder treatment",
            "Towel washing logged, checked every shift"),),
        Cat.PRICE_BILLING: (CaseWords(
            "My session card was charged twice and nobody showed me",
            "Check it and give the session back",
            "The desk charged the same treatment twice by mistake",
            "Checked, session given back, apologised in person",
            "Check the sessions with the client at check-out"),),
        Cat.SAFETY: (CaseWords(
            "My cheeks are red and sting two days after the IPL",
            "An explanation and the repair paid for",
            "The energy was set too high and no skin test was done",
            "A free repair treatment and a compensation voucher",
            "A skin test, with the settings recorded, before every device treatment"),),
    },
    acknowledge="Called the client to hear what happened",
    satisfied="The client is satisfied with what was done",
    unsatisfied="The client is still unhappy and may not renew her card",
    reopen="The client called back: the problem is back",
    voucher="Complaint compensation voucher",
    reviewers=("Dianping user Xiaoyu", "Meituan user Cici"),
    survey_name="Satisfaction survey",
    questions=("Service attitude", "Service efficiency", "Product quality", "Environment", "Price",
               "Likelihood to recommend", "Comments and suggestions"),
    good_comments=("Lovely hands", "Clean and comfortable", "Warm welcome at the desk", ""),
    low_comments=("Waited a long time", "A bit expensive for the result", "The room was noisy"),
    call_notes=("Skin is doing well", "Booked for next week", "Reminded her about sunscreen",
                "Busy lately, will come later", "No answer, will call again",
                "Happy with the last treatment"),
    check_content="Opening and introduction, greeting, follow-up of the client's questions, "
                  "whether the call was logged on time and in full",
    check_results="{sampled} calls checked: {passed} passed, {failed} failed",
    check_problems="Some calls without the caller's name and the store's; some notes too thin "
                   "to say what the client said",
    check_fixes="One opening for everyone; log the call the same day with the client's words; "
                "the weekly meeting goes through the failed calls",
    fail_notes=("No name or store given", "Note too thin", "The client's question not followed up"),
)


def texts(language: str) -> DemoTexts:
    return ENGLISH if language == "en" else CHINESE
