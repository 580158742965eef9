"""What other apps may listen to, so that they need not be imported here.

Each is sent inside the transaction of the change: a receiver's error rolls it all back.
"""

from django.dispatch import Signal

# requested=RequestedService (granted: units, period, dates, fee are set), by=user
service_granted = Signal()
# entry=WaitlistEntry (offered, with offer_due_on), by=user or None (a task)
place_offered = Signal()
# application=Application, by=user
application_withdrawn = Signal()
# application=Application (registered, with its person), by=user
application_registered = Signal()
# decision=Decision (a refusal), by=user
decision_issued = Signal()
