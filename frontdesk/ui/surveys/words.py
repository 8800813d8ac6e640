"""The survey screens' words: the built-in questions in the UI language, the dimensions,
the question kinds. A store's own questions are shown in its own words."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from frontdesk.models.survey import QuestionKind, SurveyDimension
from frontdesk.services.surveys.templates import DEFAULT_NAME
from frontdesk.services.surveys.views import QuestionView, TemplateView

translate = QCoreApplication.translate


def dimension_name(dimension: SurveyDimension) -> str:
    names = {
        SurveyDimension.ATTITUDE: translate("SurveyWords", "Service attitude"),
        SurveyDimension.EFFICIENCY: translate("SurveyWords", "Service efficiency"),
        SurveyDimension.PRODUCT_QUALITY: translate("SurveyWords", "Product quality"),
        SurveyDimension.ENVIRONMENT: translate("SurveyWords", "Environment"),
        SurveyDimension.PRICE: translate("SurveyWords", "Price"),
    }
    return names[dimension]


def kind_name(kind: QuestionKind) -> str:
    names = {
        QuestionKind.SCALE: translate("SurveyWords", "Score 1–5"),
        QuestionKind.RECOMMEND: translate("SurveyWords", "Recommend 0–10"),
        QuestionKind.TEXT: translate("SurveyWords", "Written answer"),
    }
    return names[kind]


def question_text(question: QuestionView) -> str:
    """A built-in question in the UI language; the store's own in its words."""
    if not question.built_in:
        return question.text
    if question.kind is QuestionKind.SCALE and question.dimension is not None:
        return dimension_name(question.dimension)
    if question.kind is QuestionKind.RECOMMEND:
        return translate("SurveyWords", "Would recommend us")
    return translate("SurveyWords", "Comments and suggestions")


def template_name(template: TemplateView) -> str:
    """The built-in questionnaire's name in the UI language; the store's own as it is."""
    if template.name == DEFAULT_NAME:
        return translate("SurveyWords", "Satisfaction survey")
    return template.name


def range_hint(kind: QuestionKind) -> str:
    if kind is QuestionKind.SCALE:
        return translate("SurveyWords", "1 (very unhappy) – 5 (very happy)")
    if kind is QuestionKind.RECOMMEND:
        return translate("SurveyWords", "0 (never) – 10 (certainly)")
    return ""
