"""The scene's equipment rental: centre a's items in every state a rental page can show."""

import datetime as dt


def add_equipment(world):
    """Items of centre a, lent and reserved through the services as the front desk would.

    - ``world.wheelchair``: lent to Halina (``world.halina``) 40 days ago, 10 days overdue
      (``world.equipment_loan``, open), after an earlier loan to Jan that came back worn;
    - ``world.walker``: free, reserved by Ewa (``world.walker_reservation``);
    - ``world.bed``: damaged, so it cannot be lent; a withdrawn pair of crutches;
    - a reservation of any oxygen concentrator for Jan (``world.type_reservation``).
    """
    from django.utils import timezone

    from opencus.equipment import services

    a, desk = world.a, world.front_desk
    today = timezone.localdate()

    def day(n):
        return today + dt.timedelta(days=n)

    world.wheelchair = services.item_create(
        centre=a,
        by=desk,
        kind="wheelchair",
        name="Wózek inwalidzki Vermeiren 708D",
        inventory_number="WS/2024/001",
        serial_number="VR708-2211873",
        location_note="Magazyn, regał 2",
        acquired_on=dt.date(2024, 3, 4),
    )
    world.walker = services.item_create(
        centre=a, by=desk, kind="walker", name="Balkonik Rebotec", inventory_number="WS/2024/002"
    )
    world.bed = services.item_create(
        centre=a,
        by=desk,
        kind="rehabilitation_bed",
        name="Łóżko rehabilitacyjne Elbur",
        inventory_number="WS/2024/003",
        condition="damaged",
    )
    services.item_create(
        centre=a,
        by=desk,
        kind="other",
        other_kind="pionizator",
        name="Pionizator Easy Stand",
        inventory_number="WS/2024/004",
        is_active=False,
    )
    earlier = services.loan_create(
        item=world.wheelchair,
        person=world.jan,
        by=desk,
        lent_on=day(-90),
        due_on=day(-60),
        notes="Z poduszką.",
    )
    services.loan_return(loan=earlier, by=desk, condition="worn", returned_on=day(-58))
    world.equipment_loan = services.loan_create(
        item=world.wheelchair, person=world.halina, by=desk, lent_on=day(-40), due_on=day(-10)
    )
    world.walker_reservation = services.reservation_create(
        centre=a, person=world.ewa, by=desk, item=world.walker, wanted_from=day(3)
    )
    world.type_reservation = services.reservation_create(
        centre=a,
        person=world.jan,
        by=desk,
        kind="oxygen_concentrator",
        wanted_from=today,
        note="Po powrocie ze szpitala.",
    )
