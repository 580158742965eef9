import datetime as dt

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from opencus.accounts.context import centre_view
from opencus.accounts.rules import can
from opencus.audit.models import AccessPurpose
from opencus.audit.services import access_log_record
from opencus.core.forms import add_service_errors, valid_filters
from opencus.core.pagination import paginate, querystring_without_page
from opencus.core.views import render_list
from opencus.people import selectors, services
from opencus.people.forms import (
    CertificateForm,
    EndForm,
    GiveConsentForm,
    MergeForm,
    PersonForm,
    PersonSearchForm,
    RelationForm,
)
from opencus.people.models import Person
from opencus.referrals import selectors as referral_selectors

SHOWN = "name, PESEL, birth date, address, contacts, communication needs, relations, consents"
PERSON_REFERRALS = 10  # the newest on the person page; the referrals list has the rest


def _to_person(centre, person):
    return redirect("centre:person_detail", centre_slug=centre.slug, person_id=person.pk)


def _log(request, centre, person, fields=SHOWN):
    access_log_record(
        request=request,
        subject=person,
        centre=centre,
        purpose=AccessPurpose.CASE_HANDLING,
        fields=fields,
    )


@centre_view("people.view_person")
def person_list(request, centre):
    form = PersonSearchForm(request.GET or None)
    query = valid_filters(form).get("q", "")
    page = paginate(request, selectors.person_list(centre=centre, query=query))
    if query and page.object_list:
        # A list of names found by a search is a read of those people's data.
        access_log_record(
            request=request,
            subject=centre,
            centre=centre,
            purpose=AccessPurpose.CASE_HANDLING,
            fields=f"search results: names, birth dates ({page.paginator.count})",
        )
    context = {
        "centre": centre,
        "form": form,
        "page": page,
        "query": query,
        "querystring": querystring_without_page(request),
        "can_manage": can(request.user, "people.manage_person", centre),
    }
    return render_list(request, "people/person_list.html", "person-table", context)


def _initial_from_search(request) -> dict:
    """What the desk searched for before registering: a PESEL, a birth date or a name."""
    query = request.GET.get("q", "").strip()[:100]
    if query.isdigit() and len(query) == 11:
        return {"pesel": query}
    try:
        return {"birth_date": dt.date.fromisoformat(query)}
    except ValueError:
        return {"last_name": query}


@centre_view("people.manage_person")
def person_create(request, centre):
    form = PersonForm(request.POST or None, centre=centre, initial=_initial_from_search(request))
    duplicates = []
    if request.method == "POST" and form.is_valid():
        data = form.person_data()
        try:
            person = services.person_create(
                centre=centre,
                by=request.user,
                confirm_new=form.cleaned_data.get("confirm_new", False),
                **data,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
            duplicates = selectors.possible_duplicates(
                centre=centre,
                first_name=data["first_name"],
                last_name=data["last_name"],
                birth_date=data.get("birth_date"),
                pesel=data.get("pesel", ""),
            )
        else:
            messages.success(request, _("%(person)s is registered.") % {"person": person})
            return _to_person(centre, person)
    return render(
        request,
        "people/person_form.html",
        {"centre": centre, "form": form, "duplicates": duplicates},
    )


def _current_or_redirect(request, centre, person_id):
    """The person, or (for a record merged into another) a redirect to the kept record."""
    merged = (
        Person.objects.filter(centre=centre, pk=person_id, merged_into__isnull=False)
        .select_related("merged_into")
        .first()
    )
    if merged is not None:
        messages.info(
            request, _("This record was merged into %(person)s.") % {"person": merged.merged_into}
        )
        return None, _to_person(centre, merged.merged_into)
    return selectors.get_person(centre=centre, person_id=person_id), None


@centre_view("people.view_person")
def person_detail(request, centre, person_id):
    person, redirect_ = _current_or_redirect(request, centre, person_id)
    if redirect_:
        return redirect_
    health = can(request.user, "people.view_health_data", centre)
    sees_referrals = can(request.user, "referrals.view_referral", centre)
    shown = SHOWN + (", disability certificates" if health else "")
    _log(request, centre, person, shown + (", referrals" if sees_referrals else ""))
    can_manage = can(request.user, "people.manage_person", centre)
    referrals = None
    if sees_referrals:
        referrals = referral_selectors.person_referrals(
            centre=centre, person=person, limit=PERSON_REFERRALS
        )
    return render(
        request,
        "people/person_detail.html",
        {
            "centre": centre,
            "person": person,
            "can_manage": can_manage,
            "can_merge": can(request.user, "people.merge_person", centre),
            "referrals": referrals,
            "can_refer": can(request.user, "referrals.send_referral", centre),
            "show_health": health,
            "consent_form": GiveConsentForm() if can_manage else None,
            "today": timezone.localdate(),
        },
    )


@centre_view("people.manage_person")
def person_edit(request, centre, person_id):
    person = selectors.get_person(centre=centre, person_id=person_id)
    form = PersonForm(request.POST or None, instance=person, centre=centre)
    if request.method == "POST" and form.is_valid():
        try:
            services.person_update(person=person, by=request.user, **form.person_data())
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The record was saved."))
            return _to_person(centre, person)
    _log(request, centre, person, "name, PESEL, birth date, address, contacts, communication needs")
    return render(
        request, "people/person_form.html", {"centre": centre, "form": form, "person": person}
    )


@centre_view("people.manage_person")
def relation_add(request, centre, person_id):
    person = selectors.get_person(centre=centre, person_id=person_id)
    search = PersonSearchForm(request.GET or None)
    query = valid_filters(search).get("q", "")
    candidates = (
        selectors.person_list(centre=centre, query=query).exclude(pk=person.pk)
        if query
        else Person.objects.none()
    )
    form = RelationForm(
        request.POST or None, candidates=selectors.person_list(centre=centre).exclude(pk=person.pk)
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.relation_add(person=person, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The relation was recorded."))
            return _to_person(centre, person)
    if request.method != "POST":
        form = RelationForm(candidates=candidates[:20])
    return render(
        request,
        "people/relation_add.html",
        {"centre": centre, "person": person, "search": search, "form": form, "query": query},
    )


@centre_view("people.manage_person")
def relation_end(request, centre, relation_id):
    relation = selectors.get_relation(centre=centre, relation_id=relation_id)
    form = EndForm(request.POST or None, initial={"ended_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            services.relation_end(relation=relation, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The relation has ended."))
            return _to_person(centre, relation.person)
    return render(
        request, "people/relation_end.html", {"centre": centre, "relation": relation, "form": form}
    )


@centre_view("people.manage_person")
def consent_give(request, centre, person_id):
    person = selectors.get_person(centre=centre, person_id=person_id)
    if request.method != "POST":
        return _to_person(centre, person)
    form = GiveConsentForm(request.POST)
    if form.is_valid():
        try:
            services.consent_give(person=person, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("The consent was recorded."))
    else:
        messages.error(request, _("Choose the purpose and the form of the consent."))
    return _to_person(centre, person)


@centre_view("people.manage_person")
def consent_withdraw(request, centre, consent_id):
    consent = selectors.get_consent(centre=centre, consent_id=consent_id)
    if request.method == "POST":
        try:
            services.consent_withdraw(consent=consent, by=request.user)
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("The consent was withdrawn."))
        return _to_person(centre, consent.person)
    return render(request, "people/consent_withdraw.html", {"centre": centre, "consent": consent})


@centre_view("people.view_health_data")
def certificate_add(request, centre, person_id):
    person = selectors.get_person(centre=centre, person_id=person_id)
    if not can(request.user, "people.manage_person", centre):
        return _to_person(centre, person)
    form = CertificateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.certificate_add(person=person, by=request.user, **form.cleaned_data)
        messages.success(request, _("The certificate was recorded."))
        return _to_person(centre, person)
    return render(
        request, "people/certificate_form.html", {"centre": centre, "person": person, "form": form}
    )


@centre_view("people.view_health_data")
def certificate_remove(request, centre, certificate_id):
    certificate = selectors.get_certificate(centre=centre, certificate_id=certificate_id)
    if request.method == "POST" and can(request.user, "people.manage_person", centre):
        services.certificate_remove(certificate=certificate, by=request.user)
        messages.success(request, _("The certificate was removed."))
        return _to_person(centre, certificate.person)
    return render(
        request, "people/certificate_remove.html", {"centre": centre, "certificate": certificate}
    )


@centre_view("people.merge_person")
def person_merge(request, centre, person_id):
    duplicate = selectors.get_person(centre=centre, person_id=person_id)
    search = PersonSearchForm(request.GET or None)
    query = valid_filters(search).get("q", "") or f"{duplicate.last_name}"
    candidates = selectors.person_list(centre=centre, query=query).exclude(pk=duplicate.pk)
    form = MergeForm(
        request.POST or None,
        candidates=selectors.person_list(centre=centre).exclude(pk=duplicate.pk),
    )
    if request.method == "POST" and form.is_valid():
        try:
            keep = services.person_merge(
                keep=form.cleaned_data["keep"], duplicate=duplicate, by=request.user
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request, _("The records were merged into %(person)s.") % {"person": keep}
            )
            return _to_person(centre, keep)
    if request.method != "POST":
        form = MergeForm(candidates=candidates[:20])
    _log(request, centre, duplicate, "name, PESEL, birth date (merging duplicates)")
    return render(
        request,
        "people/person_merge.html",
        {"centre": centre, "person": duplicate, "search": search, "form": form, "query": query},
    )
