from django.tasks import task

from opencus.residents import notifications


@task
def send_verification(*, user_id: str) -> None:
    notifications.verification(user_id=user_id)


@task
def announce_message(*, message_id: str) -> None:
    notifications.new_message(message_id=message_id)
