"""The demo store's satisfaction surveys (满意度调查) of the last months.

The questionnaire is written as a row of its own with the texts of the surveys'
built-in default (five 1–5 dimensions, 0–10 likelihood to recommend, free text), so the
demo does not wait for the survey service. A sample of the months' visits were asked a
few days later; most are happy, about one in twelve scores low, and each low one opens
a complaint (:mod:`.complaints`, source SURVEY).
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from sqlalchemy.orm import Session

from frontdesk.demo.complaint_words import DemoTexts
from frontdesk.models.survey import (
    QuestionKind,
    Survey,
    SurveyAnswer,
    SurveyDimension,
    SurveyQuestion,
    SurveyTemplate,
)

SHARE = 1 / 12
"""About this share of the window's visits were surveyed."""
MOST = 400
LOW_SHARE = 0.08
KINDS = (*((QuestionKind.SCALE, d) for d in SurveyDimension), (QuestionKind.RECOMMEND, None),
         (QuestionKind.TEXT, None))


@dataclass(frozen=True)
class VisitRow:
    """A closed visit the demo can survey or complain about."""

    visit_id: int
    client_id: int
    closed_at: dt.datetime
    therapist_id: int | None
    service_item_id: int | None


@dataclass(frozen=True)
class LowSurvey:
    """A low survey: the complaint it opens."""

    survey_id: int
    visit: VisitRow
    answered_at: dt.datetime
    entered_by_id: int
    lowest: SurveyDimension


def write_template(s: Session, branch_id: int, texts: DemoTexts,
                   at: dt.datetime) -> list[SurveyQuestion]:
    template = SurveyTemplate(branch_id=branch_id, name=texts.survey_name, active=True,
                              created_at=at)
    s.add(template)
    s.flush()
    questions = [SurveyQuestion(template_id=template.id, position=n, kind=kind, dimension=dim,
                                text=text)
                 for n, ((kind, dim), text) in enumerate(zip(KINDS, texts.questions,
                                                             strict=True), start=1)]
    s.add_all(questions)
    s.flush()
    return questions


def write_surveys(s: Session, branch_id: int, rng: random.Random, visits: list[VisitRow],
                  staff: tuple[int, ...], now: dt.datetime, texts: DemoTexts) -> list[LowSurvey]:
    """Surveys of a sample of ``visits``, answered by ``staff``; the low ones."""
    questions = write_template(s, branch_id, texts, min(v.closed_at for v in visits))
    asked = rng.sample(visits, min(MOST, max(1, int(len(visits) * SHARE))))
    low: list[LowSurvey] = []
    for n, visit in enumerate(sorted(asked, key=lambda v: v.visit_id)):
        answered = visit.closed_at + dt.timedelta(days=rng.randint(2, 4), hours=rng.uniform(0, 5))
        if answered >= now:
            continue
        is_low = n < 2 or rng.random() < LOW_SHARE
        scores = {d: rng.choice((4, 5, 5, 5, 3) if not is_low else (2, 3, 3, 4))
                  for d in SurveyDimension}
        lowest = rng.choice(tuple(SurveyDimension))
        if is_low:
            scores[lowest] = rng.choice((1, 2))
        recommend = rng.randint(3, 6) if is_low else rng.choice((8, 9, 10, 10, 7))
        comment = rng.choice(texts.low_comments if is_low else texts.good_comments)
        by = rng.choice(staff)
        survey = Survey(branch_id=branch_id, template_id=questions[0].template_id,
                        client_id=visit.client_id, visit_id=visit.visit_id, entered_by_id=by,
                        answered_at=answered, recommend=recommend, comment=comment, low=is_low,
                        **{d.value: score for d, score in scores.items()})
        s.add(survey)
        s.flush()
        s.add_all(_answers(survey, questions, scores, recommend, comment))
        if is_low:
            low.append(LowSurvey(survey.id, visit, answered, by, lowest))
    s.flush()
    return low


def _answers(survey: Survey, questions: list[SurveyQuestion],
             scores: dict[SurveyDimension, int], recommend: int,
             comment: str) -> list[SurveyAnswer]:
    answers = []
    for q in questions:
        score = scores[q.dimension] if q.dimension is not None else \
            recommend if q.kind is QuestionKind.RECOMMEND else None
        answers.append(SurveyAnswer(survey_id=survey.id, question_id=q.id, score=score,
                                    text=comment if q.kind is QuestionKind.TEXT else ""))
    return answers
