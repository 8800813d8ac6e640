"""The printable client analysis sheet (客情分析表): gathering its data, and writing the PDF.

:meth:`SheetService.sheet_data` reads everything one sheet prints in one
transaction (the latest consultation, the trends, preferences, allergies, the
12-month summary, the recommended plan) into the renderer's plain
:class:`~frontdesk.services.sheet.data.SheetData`; :mod:`frontdesk.services.sheet.pdf`
lays it out. The caller gives the :class:`~frontdesk.services.sheet.words.SheetWords`
of the sheet's language: the few values worded here (skin type, grades, a lunar
birthday, lists, trend names) take their words from them, never from a language
of this module's own. Printing is a health view: it needs ``Action.PRINT_SHEET`` and is
audited (``health.view`` with ``sheet`` in the detail; a refusal as
``health.view.denied``). :meth:`SheetService.write_sheet` audits only a sheet that
is written: the PDF goes to a temporary file beside the target, the view is
audited, then the file is renamed into place (:mod:`frontdesk.services.sheet.target`;
a folder that is not there is a ``SheetFileError``, never a health.view row).
The phone is masked on every printout, whoever prints.
The consultation's sections print as a paper form to fill in by hand (every row, with
room to write, and no health data) for a client without health consent or without a
consultation on record.

The ``frontdesk sheet`` command signs in as the person it names (``--as USER``) and
prints as them; its audit rows say ``via=cli``. It finds the client with
:func:`find_client`, which looks a phone up only for roles that see full numbers.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import fields
from pathlib import Path
from typing import Any, BinaryIO

from sqlalchemy import select
from sqlalchemy.orm import Session

from frontdesk.core.calendar import Calendar
from frontdesk.core.context import Actor, Clock, local_today
from frontdesk.core.permissions import Action, allowed
from frontdesk.core.phones import fold_digits, mask_phone, normalise_phone
from frontdesk.db import Database, unit_of_work
from frontdesk.errors import NotFound, ValidationError
from frontdesk.models import Branch, Client, Gender, LineKind
from frontdesk.services import audit
from frontdesk.services.audit import AuditAction
from frontdesk.services.clients.history import year_summary
from frontdesk.services.clients.lookup import live_client
from frontdesk.services.clients.profile import SUMMARY_WINDOW, preferences_of
from frontdesk.services.clients.sections import NOT_YET, ClientCards
from frontdesk.services.health.consultation import (
    TREND_UNITS,
    ConsultationView,
    latest_record,
    load_view,
    require_audited,
    trend_points,
)
from frontdesk.services.health.form import BodyTest, SkinTest
from frontdesk.services.sheet import data as sd
from frontdesk.services.sheet.pdf import render_sheet
from frontdesk.services.sheet.target import staged
from frontdesk.services.sheet.words import SheetWords, coded

LANGUAGES = ("zh_CN", "en")
"""The languages a sheet prints in (SheetWords.language)."""
MAX_TRENDS = 3


def _grade(value: int | None, words: SheetWords) -> str:
    if value is None:
        return ""
    return f"{words.grades[value]} ({value}/4)"


def _birthday_text(c: Client, today: dt.date, words: SheetWords) -> str:
    """``32 (1994-03-08)``, ``03-08``, ``农历1999年正月廿三`` (``words.lunar``): as printed."""
    if c.birthday_calendar is None or not c.birth_month or not c.birth_day:
        return ""
    if c.birthday_calendar is Calendar.LUNAR:
        return words.lunar.text(c.birth_month, c.birth_day, c.birth_year,
                                bool(c.birth_leap_month))
    if not c.birth_year:
        return f"{c.birth_month:02d}-{c.birth_day:02d}"
    age = today.year - c.birth_year - ((today.month, today.day) < (c.birth_month, c.birth_day))
    return f"{age} ({c.birth_year}-{c.birth_month:02d}-{c.birth_day:02d})"


def _client_basics(c: Client, today: dt.date, words: SheetWords) -> sd.ClientBasics:
    gender = "" if c.gender is Gender.UNKNOWN else c.gender.value
    return sd.ClientBasics(
        name=c.name, gender=gender, age_or_birthday=_birthday_text(c, today, words),
        phone_masked=mask_phone(c.phone_e164), member_no=c.member_no or "", tier=c.tier,
        client_since=c.created_at.astimezone().date())


def _skin(view: ConsultationView, words: SheetWords) -> sd.SkinTest:
    k = view.form.skin
    return sd.SkinTest(
        tested_on=view.form.taken_on or view.taken_at.date(),
        method=k.method.value if k.method else "",
        skin_type=coded(words.skin_type_names, k.skin_type.value) if k.skin_type else "",
        moisture_pct=k.moisture_pct, oil_pct=k.oil_pct,
        elasticity="" if k.elasticity is None else str(k.elasticity),
        pores=_grade(k.pores, words), acne_grade=_grade(k.acne_grade, words),
        pigmentation=_grade(k.pigmentation, words), wrinkles=_grade(k.wrinkles, words),
        sensitivity=_grade(k.sensitivity, words), notes=k.notes)


def _per(value: int | None, unit: int) -> float | None:
    return None if value is None else value / unit


def _body(view: ConsultationView) -> sd.BodyTest:
    b = view.form.body
    return sd.BodyTest(
        tested_on=view.form.taken_on or view.taken_at.date(),
        method=b.method.value if b.method else "", height_cm=_per(b.height_mm, 10),
        weight_kg=_per(b.weight_g, 1000), bmi=b.bmi, body_fat_pct=_per(b.body_fat_permille, 10),
        waist_cm=_per(b.waist_mm, 10), hip_cm=_per(b.hip_mm, 10), posture=b.posture,
        pain_areas=b.pain_areas, meridian_notes=b.meridian_notes)


def _plan(view: ConsultationView) -> sd.RecommendedPlan:
    form = view.form

    def lines(kind: LineKind) -> tuple[sd.PlanLine, ...]:
        return tuple(sd.PlanLine(p.name, p.quantity, p.price_fen) for p in form.plan
                     if p.kind is kind)
    return sd.RecommendedPlan(lines(LineKind.SERVICE), lines(LineKind.PRODUCT),
                              form.next_visit_on, form.plan_notes)


def _client_type(view: ConsultationView) -> sd.ClientTypeNotes:
    t = view.form.client_type
    flags = tuple(code for code in sd.CLIENT_TYPES if getattr(t, code))
    return sd.ClientTypeNotes(flags, t.note, view.form.notes)


def _chosen_trends(points: dict[str, list[tuple[dt.date, float]]]
                   ) -> list[tuple[str, list[tuple[dt.date, float]]]]:
    """The (at most) three measures with the longest history, in their usual order.

    A trend needs two points; more than one row of charts would push the sheet onto a
    second page.
    """
    order = list(points)
    ranked = sorted((m for m in order if len(points[m]) >= 2),
                    key=lambda m: (-len(points[m]), order.index(m)))[:MAX_TRENDS]
    return [(m, points[m]) for m in order if m in ranked]


def _has_any(section: SkinTest | BodyTest) -> bool:
    """Whether any field of a form section (the skin or body test) was recorded."""
    return any(getattr(section, f.name) not in (None, "") for f in fields(section))


def _health_parts(s: Session, client_id: int, words: SheetWords) -> dict[str, Any]:
    """The SheetData fields that come from consultations (empty without any)."""
    rec = latest_record(s, client_id)
    if rec is None:
        return {"by_hand": True}
    view = load_view(s, rec)
    trends = tuple(sd.TrendSeries(coded(words.trend_names, m), TREND_UNITS[m], tuple(points))
                   for m, points in _chosen_trends(trend_points(s, client_id)))
    return {
        "skin": _skin(view, words) if _has_any(view.form.skin) else None,
        "body": _body(view) if _has_any(view.form.body) else None,
        "trends": trends,
        "conditions": tuple(sd.SpecialCondition(c.kind.value, c.before, c.after)
                            for c in view.form.conditions),
        "plan": _plan(view), "client_type": _client_type(view),
        "consultant": view.consultant_name,
    }


def _preferences(s: Session, client_id: int, words: SheetWords) -> sd.Preferences:
    p, join = preferences_of(s, client_id), words.list_separator
    return sd.Preferences(join.join(p.favourite_services), join.join(p.preferred_staff),
                          join.join(p.preferred_rooms), join.join(p.drinks), join.join(p.music),
                          join.join(p.avoid_topics))


class SheetService:
    def __init__(self, db: Database, clock: Clock, *, cards: ClientCards = NOT_YET):
        self._db = db
        self._clock = clock
        self._cards = cards

    @unit_of_work
    def sheet_data(self, actor: Actor, client_id: int, words: SheetWords, *,
                   via: str = "desk") -> sd.SheetData:
        """Everything one printed sheet shows, in ``words``, phone masked (an audited view)."""
        self._refuse(actor, client_id, words)
        data = self._gather(actor, client_id, words)
        self._audit_view(actor, client_id, words, via)
        return data

    def write_sheet(self, actor: Actor, client_id: int,
                    out: str | os.PathLike[str] | BinaryIO, words: SheetWords, *,
                    via: str = "desk") -> None:
        """Gather the sheet and write it as a PDF (FontMissing when no Chinese font exists).

        A path is checked first, the PDF is written beside it under a temporary name, the
        view is audited, and only then is the file renamed into place: a sheet that is
        not written leaves no ``health.view`` row (SheetFileError says why, naming
        ``output``). A file object is written to, then the view audited.
        """
        self._refuse(actor, client_id, words)
        if not isinstance(out, (str, os.PathLike)):
            render_sheet(self._gather(actor, client_id, words), out)
            self._audit_view(actor, client_id, words, via)
            return
        with staged(Path(out)) as file:
            render_sheet(self._gather(actor, client_id, words), file.part)
            self._audit_view(actor, client_id, words, via)
            file.put_in_place()

    def _refuse(self, actor: Actor, client_id: int, words: SheetWords) -> None:
        """Refuse a role that may not print (audited) or a language sheets do not print in."""
        require_audited(self._db, self._clock, actor, Action.PRINT_SHEET,
                        AuditAction.HEALTH_VIEW_DENIED,
                        "client", client_id)
        if words.language not in LANGUAGES:
            raise ValidationError("Sheets print in {choices}.", field="language",
                                  choices=", ".join(LANGUAGES))

    @unit_of_work
    def _gather(self, actor: Actor, client_id: int, words: SheetWords) -> sd.SheetData:
        now, today = self._clock(), local_today(self._clock)
        with self._db.read() as s:
            client = live_client(s, client_id)
            health: dict[str, Any] = (_health_parts(s, client_id, words)
                                      if client.consent_health else {"by_hand": True})
            summary = year_summary(s, client_id, now - SUMMARY_WINDOW)
            top = words.list_separator.join(f"{name}×{n}" for name, n in summary.top_services)
            data = sd.SheetData(
                store=self._store(s, actor.branch_id), client=_client_basics(client, today, words),
                printed_on=today, words=words, preferences=_preferences(s, client_id, words),
                allergies=client.allergies, cards=self._card_balances(s, client_id),
                consumption=sd.ConsumptionSummary(summary.visits, summary.spend_fen, top),
                **health)
            return data

    @unit_of_work
    def _audit_view(self, actor: Actor, client_id: int, words: SheetWords, via: str) -> None:
        with self._db.write() as s:
            audit.record(s, self._clock(), actor, AuditAction.HEALTH_VIEW, "client", client_id,
                         f"sheet lang={words.language} via={via}")

    def _store(self, s: Session, branch_id: int) -> sd.StoreInfo:
        branch = s.get(Branch, branch_id)
        return sd.StoreInfo(branch.name, branch.address, branch.phone) if branch else \
            sd.StoreInfo("")

    def _card_balances(self, s: Session, client_id: int) -> tuple[sd.CardBalance, ...]:
        return tuple(sd.CardBalance(c.name, c.balance_fen, c.sessions_left, c.expires_on)
                     for c in self._cards.cards_of(s, client_id))



@unit_of_work
def find_client(db: Database, actor: Actor, text: str) -> int:
    """A client id from what a script gives: a phone number, a member number or an id.

    A phone finds a client only for a role that sees full numbers: for the others,
    finding one by a number they cannot see would confirm that number.
    """
    key, by_phone = fold_digits(text), allowed(actor, Action.SEE_FULL_PHONE)
    with db.read() as s:
        found = _by_phone(s, key) if by_phone else None
        found = found or s.scalar(select(Client.id).where(Client.member_no == key.upper()))
        if found is None and key.isdigit() and len(key) < 10:
            found = s.scalar(select(Client.id).where(Client.id == int(key)))
    if found is None and not by_phone:
        raise NotFound("No client with the member number or id {text} (your role sees phone "
                       "numbers masked, so it cannot find a client by phone).", text=text)
    if found is None:
        raise NotFound("No client with the phone, member number or id {text}.", text=text)
    return found


def _by_phone(s: Session, key: str) -> int | None:
    try:
        phone = normalise_phone(key)
    except ValidationError:
        return None
    return s.scalar(select(Client.id).where(Client.phone_e164 == phone))
