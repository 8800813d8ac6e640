"""An entry's answers checked against its template: each question of the template, once,
each score in its question's range; and what the answers say (the per-dimension columns,
whether a score is low, the complaint's category and words)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from frontdesk.core.validation import check_prose, is_whole
from frontdesk.errors import ValidationError
from frontdesk.models.complaint import ComplaintCategory
from frontdesk.models.survey import QuestionKind, SurveyDimension, SurveyQuestion
from frontdesk.services.surveys.views import RECOMMEND_RANGE, SCALE_RANGE, Answer, SurveySettings

COMMENT_MAX = 2000
CATEGORY_OF: Mapping[SurveyDimension, ComplaintCategory] = {
    SurveyDimension.ATTITUDE: ComplaintCategory.ATTITUDE,
    SurveyDimension.EFFICIENCY: ComplaintCategory.EFFICIENCY,
    SurveyDimension.PRODUCT_QUALITY: ComplaintCategory.PRODUCT_QUALITY,
    SurveyDimension.ENVIRONMENT: ComplaintCategory.ENVIRONMENT,
    SurveyDimension.PRICE: ComplaintCategory.PRICE_BILLING,
}


@dataclass(frozen=True)
class Answered:
    """One checked answer with its question."""

    question: SurveyQuestion
    score: int | None
    text: str


def check_answers(answers: Sequence[Answer],
                  questions: Mapping[int, SurveyQuestion]) -> list[Answered]:
    """The answers in the template's order; refused when one is not the template's, is
    given twice, or is out of its range, or when no question is answered."""
    seen: dict[int, Answered] = {}
    for answer in answers:
        question = questions.get(answer.question_id) if is_whole(answer.question_id) else None
        if question is None:
            raise ValidationError("That question is not in this survey's questionnaire.",
                                  field="answers")
        if question.id in seen:
            raise ValidationError("A question is answered once.", field="answers")
        seen[question.id] = _checked(question, answer)
    ordered = sorted(seen.values(), key=lambda a: a.question.position)
    if not any(a.score is not None or a.text for a in ordered):
        raise ValidationError("Enter at least one answer.", field="answers")
    return ordered


def _checked(question: SurveyQuestion, answer: Answer) -> Answered:
    field = f"question_{question.id}"
    if question.kind is QuestionKind.TEXT:
        if answer.score is not None:
            raise ValidationError("A written answer has no score.", field=field)
        return Answered(question, None, check_prose(answer.text, COMMENT_MAX, field).strip())
    low, high = SCALE_RANGE if question.kind is QuestionKind.SCALE else RECOMMEND_RANGE
    if answer.score is not None and not (is_whole(answer.score) and low <= answer.score <= high):
        raise ValidationError("A score from {low} to {high}.", field=field, low=low, high=high)
    return Answered(question, answer.score, "")


def columns(answered: Sequence[Answered]) -> dict[str, object]:
    """The survey row's per-dimension scores, recommendation and comment."""
    values: dict[str, object] = {d.value: None for d in SurveyDimension}
    values["recommend"] = None
    comments = []
    for a in answered:
        if a.question.kind is QuestionKind.SCALE and a.question.dimension is not None:
            values[a.question.dimension.value] = a.score
        elif a.question.kind is QuestionKind.RECOMMEND:
            values["recommend"] = a.score
        elif a.text:
            comments.append(a.text)
    values["comment"] = "\n".join(comments)
    return values


def low_answers(answered: Sequence[Answered], settings: SurveySettings) -> list[Answered]:
    """The answers at or below the store's thresholds."""
    return [a for a in answered if a.score is not None and (
        (a.question.kind is QuestionKind.SCALE and a.score <= settings.low_score)
        or (a.question.kind is QuestionKind.RECOMMEND and a.score <= settings.low_recommend))]


def category_of(answered: Sequence[Answered]) -> ComplaintCategory:
    """The complaint's category: the lowest-scored dimension (the first of equals); service
    attitude when only the recommendation was low."""
    scales = [a for a in answered if a.question.kind is QuestionKind.SCALE
              and a.score is not None and a.question.dimension is not None]
    if not scales:
        return ComplaintCategory.ATTITUDE
    lowest = min(scales, key=lambda a: (a.score or 0, a.question.position))
    return CATEGORY_OF[lowest.question.dimension or SurveyDimension.ATTITUDE]


def complaint_words(answered: Sequence[Answered], low: Sequence[Answered]) -> str:
    """The case's words, in the store's own question texts: the low scores, then the
    client's comment."""
    parts = [f"{a.question.text} {a.score}/{_top(a.question.kind)}" for a in low]
    parts += [f"{a.question.text}：{a.text}" for a in answered if a.text]
    return "；".join(parts)


def _top(kind: QuestionKind) -> int:
    return SCALE_RANGE[1] if kind is QuestionKind.SCALE else RECOMMEND_RANGE[1]
