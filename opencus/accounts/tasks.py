"""Mail about accounts leaves through the task queue: a failing mail server never breaks a
write that has already been committed, and the worker retries nothing silently — a failed
task stays visible in the task results."""

from django.tasks import task

from opencus.accounts import notifications


@task
def send_account_invitation(*, user_id: str, centre_id: str) -> None:
    notifications.account_invitation(user_id=user_id, centre_id=centre_id)


@task
def send_role_notice(*, membership_id: str) -> None:
    notifications.role_notice(membership_id=membership_id)
