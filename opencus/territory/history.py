"""Which territory models keep a change history (django-auditlog)."""

from auditlog.registry import auditlog

from opencus.territory.models import (
    Centre,
    CentreStatusChange,
    InterMunicipalAgreement,
    Network,
)

auditlog.register(Centre, m2m_fields={"gminas"})
auditlog.register(CentreStatusChange)
auditlog.register(InterMunicipalAgreement, m2m_fields={"parties"})
auditlog.register(Network, m2m_fields={"centres"})
