"""The message library: the built-in one in the store's language, the store's own, the
placeholders, the promotional words, the salutation and the signature."""

from __future__ import annotations

import pytest
from sqlalchemy import update

from frontdesk.core.context import Actor
from frontdesk.db import Database
from frontdesk.errors import ConflictError, PermissionDenied, ValidationError
from frontdesk.models import Branch
from frontdesk.models.care import TemplatePurpose
from frontdesk.models.client import Gender
from frontdesk.services.care.library import EN, ZH
from frontdesk.services.care.messages import (
    TemplateInput,
    TemplateRow,
    promotional_words,
    render,
)
from frontdesk.services.care.wording import salutation, signed
from frontdesk.services.registry import Services
from tests.care_tasks import manager_of_clients
from tests.parallel import at_once

P = TemplatePurpose


def test_the_built_in_library_speaks_the_stores_language(services: Services,
                                                         admin: Actor) -> None:
    rows = services.messages.templates(admin)
    assert len(rows) == len(ZH) and all(r.built_in and r.version == 0 for r in rows)
    assert {r.purpose for r in rows} == set(TemplatePurpose)
    assert sum(r.purpose is P.BIRTHDAY for r in rows) >= 3
    with services.db.write() as s:
        s.execute(update(Branch).values(name="Lotus Spring Beauty Club (demo)"))
    english = services.messages.templates(admin, P.MISS_YOU)
    assert [r.body for r in english] == [e.body for e in EN if e.purpose is P.MISS_YOU]
    assert all(r.language == "en" for r in english)


def test_no_built_in_greeting_carries_a_promotion_and_every_one_is_signed() -> None:
    for entry in ZH + EN:
        if entry.purpose is not P.PROMOTION:
            assert promotional_words(entry.purpose, entry.body) == (), entry.name
        assert "{store}" in entry.body and "{staff}" in entry.body, entry.name


def test_saving_a_built_in_message_copies_the_library_once(services: Services,
                                                           admin: Actor) -> None:
    built_in = services.messages.templates(admin)
    third = built_in[2]
    saved = services.messages.save(admin, TemplateInput(third.purpose, third.name,
                                                        "{salutation}，生日快乐！"),
                                   template_id=third.template_id, version=0)
    rows = services.messages.templates(admin)
    assert len(rows) == len(built_in) and not any(r.built_in for r in rows)
    mine = [r.body for r in rows if r.template_id == saved.template_id]
    assert mine == ["{salutation}，生日快乐！"]
    assert saved.version == 2
    with pytest.raises(ConflictError):  # the built-in one it was is gone
        services.messages.save(admin, TemplateInput(P.SEASON, "x", "y"),
                               template_id=built_in[0].template_id, version=0)
    with pytest.raises(ConflictError):
        services.messages.delete(admin, saved.template_id, 1)
    services.messages.delete(admin, saved.template_id, saved.version)
    assert len(services.messages.templates(admin)) == len(built_in) - 1


def test_unknown_placeholders_are_refused_naming_the_field(services: Services,
                                                           admin: Actor) -> None:
    with pytest.raises(ValidationError) as refused:
        services.messages.save(admin, TemplateInput(P.BIRTHDAY, "生日", "{salutaton}生日快乐"))
    assert (refused.value.field, refused.value.params["placeholder"]) == ("body", "salutaton")
    assert "{salutaton}" in refused.value.message
    with pytest.raises(ValidationError) as refused:
        services.messages.save(admin, TemplateInput(P.BIRTHDAY, " ", "生日快乐"))
    assert refused.value.field == "name"
    with pytest.raises(ValidationError) as refused:
        services.messages.save(admin, TemplateInput(P.SEASON, "换季", "天冷了", "mid_autumn"))
    assert refused.value.field == "festival_code"
    li = manager_of_clients(services, admin, "li")
    with pytest.raises(PermissionDenied):
        services.messages.save(li, TemplateInput(P.BIRTHDAY, "生日", "生日快乐"))
    assert services.messages.templates(li)  # a client manager reads the library


def test_promotional_words_in_greetings_are_found_not_refused(services: Services,
                                                              admin: Actor) -> None:
    body = "{salutation}中秋快乐！本店中秋特价，全场8折，买二送一，充值满1000减200，限时优惠。"
    assert promotional_words(P.FESTIVAL, body) == (
        "特价", "8折", "买二送", "充值", "满1000减", "限时", "优惠")
    assert promotional_words(P.SEASON, "换季新品上市") == ("新品", "上市")
    assert promotional_words(P.BIRTHDAY, "Happy birthday! 20% off and a new arrival") == (
        "20% off", "new arrival")
    assert promotional_words(P.PROMOTION, body) == ()
    assert promotional_words(P.FOLLOW_UP, body) == ()
    saved = services.messages.save(admin, TemplateInput(P.FESTIVAL, "中秋", body, "mid_autumn"))
    assert isinstance(saved, TemplateRow) and "特价" in saved.promotional


def test_render_salutations_and_the_signature() -> None:
    assert salutation("王芳", Gender.FEMALE, "zh_CN") == "王女士"
    assert salutation("欧阳明", Gender.MALE, "zh_CN") == "欧阳先生"
    assert salutation("王芳", Gender.UNKNOWN, "zh_CN") == "王芳"
    assert salutation("王芳", Gender.FEMALE, "en") == "Ms Wang"
    assert salutation("欧阳明", Gender.MALE, "en") == "Mr Ouyang"
    assert salutation("Emma Wilson", Gender.FEMALE, "en") == "Ms Wilson"
    text = render("{salutation}（{name}），{store}祝您生日快乐", salutation="王女士", name="王芳",
                  store="水沐", staff="李娜")
    assert text == "王女士（王芳），水沐祝您生日快乐"
    assert signed(text, store="水沐", staff="李娜", language="zh_CN") == text + " 【水沐 李娜】"
    assert signed("Hi — Li Na, Lotus", store="Lotus", staff="Li Na", language="en") == \
        "Hi — Li Na, Lotus"


def test_two_terminals_saving_the_first_message_copy_the_library_once(
        services: Services, admin: Actor) -> None:
    def save(db: Database, i: int) -> object:
        terminal = Services(db, services.clock, photos_dir=services.photos_dir)
        return terminal.messages.save(admin, TemplateInput(P.SEASON, f"换季{i}", "天冷加衣"))

    results = at_once(services.db.url, 2, save)
    assert all(isinstance(r, TemplateRow) for r in results), results
    assert len(services.messages.templates(admin)) == len(ZH) + 2
