"""What other apps listen to, so that people need not know them."""

from django.dispatch import Signal

# keep=Person, duplicate=Person, by=user — sent inside person_merge's transaction: every app
# holding rows of a person moves them to the kept record (an error rolls the merge back).
person_merged = Signal()
