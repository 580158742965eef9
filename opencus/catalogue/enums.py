"""Choices of the catalogue: the statutory areas, target groups, needs, fees and delivery."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ServiceArea(models.TextChoices):
    """The 14 areas of social services, art. 2 ust. 1 of the CUS Act, in the Act's order."""

    PRO_FAMILY = "pro_family", _("pro-family policy")
    FAMILY_SUPPORT = "family_support", _("family support")
    FOSTER_CARE = "foster_care", _("foster-care system")
    SOCIAL_ASSISTANCE = "social_assistance", _("social assistance")
    HEALTH = "health", _("health promotion and protection")
    DISABILITY = "disability", _("support for persons with disabilities")
    EDUCATION = "education", _("public education")
    UNEMPLOYMENT = "unemployment", _("counteracting unemployment")
    CULTURE = "culture", _("culture")
    SPORT_TOURISM = "sport_tourism", _("physical culture and tourism")
    CIVIC_ACTIVITY = "civic_activity", _("stimulating civic activity")
    HOUSING = "housing", _("housing")
    ENVIRONMENT = "environment", _("environmental protection")
    REINTEGRATION = "reintegration", _("vocational and social reintegration")


class TargetGroup(models.TextChoices):
    SENIORS = "seniors", _("seniors")
    DISABILITY = "disability", _("people with disabilities")
    FAMILIES = "families", _("families with children")
    CHILDREN_0_3 = "children_0_3", _("children aged 0–3")
    CHILDREN = "children", _("children")
    YOUTH = "youth", _("young people")
    CARERS = "carers", _("carers")
    CRISIS = "crisis", _("people in crisis")
    JOB_SEEKERS = "job_seekers", _("people looking for work")
    ALL = "all", _("all residents")


class Need(models.TextChoices):
    """What is hard now: the find-help wizard's question, and what a service helps with."""

    GETTING_AROUND = "getting_around", _("getting around, transport")
    MEALS = "meals", _("meals")
    DAILY_CARE = "daily_care", _("everyday care and help at home")
    HOUSEWORK = "housework", _("housework, cleaning, small repairs")
    LONELINESS = "loneliness", _("loneliness, company")
    HEALTH = "health", _("health, rehabilitation, fitness")
    MENTAL_HEALTH = "mental_health", _("worries, stress, psychological support")
    CRISIS = "crisis", _("a crisis, violence, a sudden difficulty")
    EQUIPMENT = "equipment", _("equipment (wheelchair, bed, walker)")
    SAFETY_AT_HOME = "safety_at_home", _("safety at home, emergency call")
    CARER_BREAK = "carer_break", _("a break for a carer")
    PARENTING = "parenting", _("raising children, parenting")
    CHILDCARE = "childcare", _("care for a small child")
    LEARNING = "learning", _("school, learning")
    WORK = "work", _("work and skills")
    HOUSING = "housing", _("a place to live")
    ACTIVITY = "activity", _("activities, meeting people")
    PAPERWORK = "paperwork", _("official matters, rights, advice")


class FundingSource(models.TextChoices):
    GMINA_BUDGET = "gmina_budget", _("gmina budget")
    EU_FUNDS = "eu_funds", _("EU funds")
    STATE_PROGRAMME = "state_programme", _("state programme (e.g. Solidarity Fund)")
    POWIAT = "powiat", _("powiat")
    PFRON = "pfron", _("PFRON")
    PROVIDER_OWN = "provider_own", _("provider's own funds")
    OTHER = "other", pgettext_lazy("funding source", "other")


class ServiceType(models.TextChoices):
    """Kinds of social services a partner may specialise in and a centre may commission.

    The examples of seed 003 (§1.2, after the "Nowy Model Współpracy Instytucji Zatrudnienia
    Socjalnego" handbook), plus transport and reintegration, which the demo catalogues give,
    and supporting activities (CUS Act art. 13 ust. 1 pkt 6).
    """

    PERSONAL_ASSISTANCE = "personal_assistance", _("personal assistance")
    ADVOCACY = "advocacy", _("professional advocacy of interests")
    CRISIS_INTERVENTION = "crisis_intervention", _("crisis intervention and emergencies")
    RESPITE_CARE = "respite_care", _("respite care (short breaks for carers)")
    BEFRIENDING = "befriending", _("befriending")
    HOME_HELP = "home_help", _("home help and home care")
    SMALL_CHILDREN = "small_children", _("services for small children")
    NURSERY = "nursery", _("nursery and preschool")
    CARE = "care", _("care services")
    REHABILITATION = "rehabilitation", _("rehabilitation")
    COMPANION = "companion", _("companion services")
    AFTER_SCHOOL = "after_school", _("after-school care and activities")
    EQUIPMENT = "equipment", _("technical help and equipment servicing")
    MEALS = "meals", _("preparing and delivering meals")
    RENOVATION = "renovation", _("renovation and adaptation")
    TRANSPORT = "transport", _("transport")
    REINTEGRATION = "reintegration", _("social and vocational reintegration")
    SUPPORTING = "supporting", _("supporting activities (self-help, volunteering, neighbours)")
    OTHER = "other", pgettext_lazy("service type", "other")


class DeliveryMode(models.TextChoices):
    AT_HOME = "at_home", _("at home")
    AT_LOCATION = "at_location", _("at a place")
    MOBILE = "mobile", _("mobile, at several points")
    REMOTE = "remote", _("remotely (phone, online)")


class AccessMode(models.TextChoices):
    OPEN = "open", _("open to all, no application")
    APPLICATION = "application", _("on application to the centre")
    IPUS_ONLY = "ipus_only", _("only within an individual plan (IPUS)")


class FeeKind(models.TextChoices):
    FREE = "free", _("free")
    COFINANCED = "cofinanced", _("co-financed")
    PAID = "paid", _("paid")


class Unit(models.TextChoices):
    HOUR = "hour", _("hour")
    VISIT = "visit", _("visit")
    SESSION = "session", _("session")
    DAY = "day", _("day")
    WEEK = "week", _("week")
    MONTH = "month", _("month")
    MEAL = "meal", _("meal")
    RIDE = "ride", _("ride")
    LOAN = "loan", _("loan (per month)")
    COURSE = "course", _("course")


class CapacityPeriod(models.TextChoices):
    WEEK = "week", _("per week")
    MONTH = "month", _("per month")
    YEAR = "year", _("per year")


class RequiredDocument(models.TextChoices):
    DISABILITY_CERTIFICATE = "disability_certificate", _("disability certificate (orzeczenie)")
    MEDICAL_REFERRAL = "medical_referral", _("referral or certificate from a doctor")
    INCOME_STATEMENT = "income_statement", _("income statement")
    ID_DOCUMENT = "id_document", _("identity document")
    CARER_STATEMENT = "carer_statement", _("statement of the carer")


class ServiceStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    PUBLISHED = "published", _("published")
    SUSPENDED = "suspended", _("suspended")
    ARCHIVED = "archived", _("archived")


SERVICE_STATUS_TRANSITIONS: dict[str, frozenset[str]] = {
    ServiceStatus.DRAFT: frozenset({ServiceStatus.PUBLISHED, ServiceStatus.ARCHIVED}),
    ServiceStatus.PUBLISHED: frozenset({ServiceStatus.SUSPENDED, ServiceStatus.ARCHIVED}),
    ServiceStatus.SUSPENDED: frozenset({ServiceStatus.PUBLISHED, ServiceStatus.ARCHIVED}),
    ServiceStatus.ARCHIVED: frozenset(),
}


class Weekday(models.TextChoices):
    """Days as HSDS ``byday`` writes them."""

    MO = "MO", _("Monday")
    TU = "TU", _("Tuesday")
    WE = "WE", _("Wednesday")
    TH = "TH", _("Thursday")
    FR = "FR", _("Friday")
    SA = "SA", _("Saturday")
    SU = "SU", _("Sunday")
