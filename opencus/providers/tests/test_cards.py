"""The attributes card: one draft at a time, complete before it is final, fixed once final, a
new version copied from the latest, and readable differences between versions."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from opencus.providers import services, versions
from opencus.providers.enums import DocumentStatus, Quadrant, Sphere
from opencus.providers.models import AttributesCard, SwotEntry
from opencus.providers.tests.fixtures import QUESTIONS, filled_card, final_card, swot_points

pytestmark = pytest.mark.django_db


def _messages(exc) -> list[str]:
    return [str(m) for m in exc.value.messages]


def test_the_first_card_is_an_empty_draft_of_version_1(world):
    card = services.card_start(organisation=world.organisation, by=world.provider)
    assert card.version == 1 and card.status == DocumentStatus.DRAFT
    assert card.created_by == world.provider
    assert not card.entries.exists()


def test_a_second_draft_is_refused_with_a_message(world):
    services.card_start(organisation=world.organisation, by=world.provider)
    with pytest.raises(ValidationError) as exc:
        services.card_start(organisation=world.organisation, by=world.provider)
    assert _messages(exc) == [
        "The organisation already has a draft (version 1): finish it or make it final first."
    ]
    assert AttributesCard.objects.filter(organisation=world.organisation).count() == 1


def test_the_database_allows_one_draft_only(world):
    services.card_start(organisation=world.organisation, by=None)
    with pytest.raises(IntegrityError), transaction.atomic():
        AttributesCard.objects.create(organisation=world.organisation, version=2)


def test_saving_keeps_one_point_a_line_without_bullets_or_blank_lines(world):
    card = services.card_start(organisation=world.organisation, by=world.provider)
    services.card_save(
        card=card,
        by=world.provider,
        points={
            (
                "staff",
                "strengths",
            ): "- Opiekunki z kursem\n\n  • Psycholog na etacie \n1. Wolontariusze",
            ("finance", "threats"): "   ",
        },
        ethics="  Kodeks etyczny  ",
    )
    entry = SwotEntry.objects.get(card=card, sphere="staff", quadrant="strengths")
    assert entry.text == "Opiekunki z kursem\nPsycholog na etacie\nWolontariusze"
    assert entry.points == ["Opiekunki z kursem", "Psycholog na etacie", "Wolontariusze"]
    assert not SwotEntry.objects.filter(card=card, sphere="finance").exists()
    card.refresh_from_db()
    assert card.ethics == "Kodeks etyczny"


def test_saving_again_changes_and_empties_points(world):
    card = services.card_start(organisation=world.organisation, by=None)
    services.card_save(card=card, by=None, points={("staff", "strengths"): "A"})
    services.card_save(card=card, by=None, points={("staff", "strengths"): ""})
    assert versions.points(AttributesCard.objects.get(pk=card.pk))[("staff", "strengths")] == []


def test_an_unknown_field_or_sphere_is_a_programming_error(world):
    card = services.card_start(organisation=world.organisation, by=None)
    with pytest.raises(ValueError):
        services.card_save(card=card, by=None, status="final")
    with pytest.raises(ValueError):
        services.card_save(card=card, by=None, points={("magic", "strengths"): "x"})


def test_a_too_long_zet_coauthor_is_refused_next_to_the_field(world):
    card = services.card_start(organisation=world.organisation, by=None)
    with pytest.raises(ValidationError) as exc:
        services.card_save(card=card, by=None, zet_coauthor="x" * 201)
    assert "zet_coauthor" in exc.value.message_dict


def test_a_card_with_an_empty_sphere_or_question_cannot_be_made_final(world):
    card = services.card_start(organisation=world.organisation, by=world.provider)
    points = swot_points()
    for quadrant in Quadrant:
        points[(Sphere.FINANCE, quadrant)] = ""
    services.card_save(
        card=card,
        by=world.provider,
        points=points,
        **(QUESTIONS | {"weaknesses_strengthen_threats": " "}),
    )
    with pytest.raises(ValidationError) as exc:
        services.card_finalise(card=card, by=world.provider)
    errors = exc.value.message_dict
    assert set(errors) == {"finance", "weaknesses_strengthen_threats"}
    assert errors["finance"] == [
        "The sphere “finance” has no point yet: write at least one strength, weakness, "
        "opportunity or threat."
    ]
    assert errors["weaknesses_strengthen_threats"] == [
        "Answer the question “Will the weaknesses strengthen the threats to the cooperation?”"
    ]
    card.refresh_from_db()
    assert card.status == DocumentStatus.DRAFT


def test_an_empty_card_names_every_sphere_and_question(world):
    card = services.card_start(organisation=world.organisation, by=None)
    assert len(services.card_gaps(card)) == 5 + 4


def test_a_complete_card_is_made_final_by_whom_and_when(world):
    card = services.card_finalise(card=filled_card(world.organisation), by=world.provider)
    assert card.status == DocumentStatus.FINAL
    assert card.finalised_by == world.provider and card.finalised_at is not None


def test_a_final_card_cannot_be_changed_or_made_final_again(world):
    card = final_card(world.organisation)
    with pytest.raises(ValidationError) as exc:
        services.card_save(card=card, by=None, ethics="Zmiana")
    assert _messages(exc) == [str(services.MSG_FINAL_IS_FIXED % {"version": 1})]
    with pytest.raises(ValidationError):
        services.card_save(card=card, by=None, points={("staff", "threats"): "Nowe"})
    with pytest.raises(ValidationError):
        services.card_finalise(card=card, by=None)
    card.refresh_from_db()
    assert card.ethics == "Kodeks etyczny przyjęty uchwałą zarządu."
    assert not card.entries.filter(sphere="staff", quadrant="threats", text="Nowe").exists()


def test_a_new_version_copies_the_latest_final_one_and_leaves_it_alone(world):
    first = final_card(world.organisation)
    second = services.card_start(organisation=world.organisation, by=world.provider)
    assert second.version == 2 and second.status == DocumentStatus.DRAFT
    assert versions.points(second) == versions.points(first)
    assert second.zet_coauthor == first.zet_coauthor
    assert second.strengths_use_opportunities == first.strengths_use_opportunities
    services.card_save(
        card=second, by=world.provider, points={("staff", "threats"): "Odejście psychologa"}
    )
    first.refresh_from_db()
    assert "Odejście psychologa" not in versions.points(first)[("staff", "threats")]


def test_the_differences_between_versions_are_readable(world):
    first = final_card(world.organisation)
    second = services.card_start(organisation=world.organisation, by=None)
    services.card_save(
        card=second,
        by=None,
        points={
            ("staff", "strengths"): "Doświadczone opiekunki wytchnieniowe\nTerapeuta zajęciowy",
            ("finance", "threats"): "",
        },
        strengths_overcome_threats="Tak, z rezerwą na cztery miesiące.",
    )
    second = AttributesCard.objects.get(pk=second.pk)
    changes = {c.section: c for c in versions.card_changes(first, second)}
    staff = changes["staff – strengths"]
    assert staff.added == ["Terapeuta zajęciowy"] and staff.removed == ["Psycholog"]
    assert changes["finance – threats"].removed == ["threats – finance"]
    question = changes[
        "Will the strengths overcome the threats (e.g. failing a commissioned service)?"
    ]
    assert question.is_text
    assert question.old == QUESTIONS["strengths_overcome_threats"]
    assert question.new == "Tak, z rezerwą na cztery miesiące."
    assert len(changes) == 3
    assert versions.card_changes(None, second) == []


def test_the_swot_is_laid_out_in_the_seeds_order(world):
    card = final_card(world.organisation)
    swot = versions.swot(card)
    assert [s.code for s in swot] == Sphere.values
    assert [q.code for q in swot[1].quadrants] == Quadrant.values
    assert swot[1].quadrants[0].points == ["Doświadczone opiekunki wytchnieniowe", "Psycholog"]
