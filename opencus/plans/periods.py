"""Calendar rules of a plan: months are calendar months, not 30-day blocks."""

import calendar
import datetime as dt

MAX_PERIOD_MONTHS = 12


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later; the 31st becomes the last day of a shorter month."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def latest_end(period_from: dt.date) -> dt.date:
    """The last day of a plan starting on ``period_from``: 12 months, the first day counted."""
    return add_months(period_from, MAX_PERIOD_MONTHS) - dt.timedelta(days=1)


def days_left(due_on: dt.date, today: dt.date) -> int:
    """Days until ``due_on``: negative when overdue."""
    return (due_on - today).days
