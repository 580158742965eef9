"""Every link a demo user is shown leads somewhere they may go.

Each demo login (one per distinct set of roles) starts at "/" and follows the links of the
pages it reaches, breadth first, as a person clicking through the demo would. No page may
answer 403 (a link to what the role may not see), 404 (a link to nothing), 500, or send
the signed-in user to the login page. This
finds the links that a page shows without checking the reader's permission — the front desk
was once shown the link to a referral's IPUS — and those that lost their target.

Downloads (PDF, CSV, XLSX, JSON) are left out: their own tests render them, and WeasyPrint
would make the walk slow. Query-string variants of a page already walked (paging, sorting,
filters) are walked once per page.
"""

import re
from collections import deque
from urllib.parse import urlsplit

import pytest
from django.test import Client

from opencus.accounts.models import User

PAGES_PER_LOGIN = 70
SKIP = re.compile(
    r"logout|setlang|^/admin/|^/static/|^/media/|/pdf/|\.(pdf|csv|xlsx|json)(\?|$)|/export"
)
HREF = re.compile(r'href="(/[^"#]*)"')
LOGIN = "/accounts/login/"


def _logins(printed: str) -> list[str]:
    """One e-mail per distinct set of roles, from what ``load_demo`` printed."""
    by_roles: dict[str, str] = {}
    for line in printed.splitlines():
        parts = line.split(maxsplit=1)
        if len(parts) == 2 and "@" in parts[0]:
            by_roles.setdefault(parts[1].strip(), parts[0])
    return sorted(by_roles.values())


def _walk(client: Client, limit: int) -> tuple[int, list[tuple[str, int]]]:
    queue, seen, paths_with_query, bad = deque(["/"]), set(), set(), []
    walked = 0
    while queue and walked < limit:
        url = queue.popleft()
        if url in seen:
            continue
        seen.add(url)
        walked += 1
        response = client.get(url, follow=url == "/")
        if response.status_code in (403, 404) or response.status_code >= 500:
            bad.append((url, response.status_code))
            continue
        if response.status_code in (301, 302) and response["Location"].startswith(LOGIN):
            bad.append((url, "sent to log in"))  # a signed-in user's link to a closed door
            continue
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        for href in HREF.findall(response.content.decode()):
            href = href.replace("&amp;", "&")
            if SKIP.search(href) or href in seen:
                continue
            parts = urlsplit(href)
            if parts.query:
                if parts.path in paths_with_query:
                    continue
                paths_with_query.add(parts.path)
            queue.append(href)
    return walked, bad


@pytest.mark.django_db
def test_no_demo_login_is_shown_a_link_it_may_not_follow(demo):
    logins = _logins(demo)
    assert len(logins) >= 8, demo  # staff of every role, organisations, a network, residents
    problems = {}
    for email in logins:
        client = Client()
        client.force_login(User.objects.get(email=email))
        walked, bad = _walk(client, PAGES_PER_LOGIN)
        assert walked > 5, f"{email} reached only {walked} pages"
        if bad:
            problems[email] = bad
    assert not problems
