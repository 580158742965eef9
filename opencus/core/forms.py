from django.core.exceptions import ValidationError


def add_service_errors(form, exc: ValidationError) -> None:
    """Show a service's ValidationError on the form: next to its field where the form has one."""
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc)
        return
    for field, errors in exc.error_dict.items():
        form.add_error(field if field in form.fields else None, errors)


def valid_filters(form) -> dict:
    """The filters of a list that are valid: one bad value (shown next to its field) must not
    throw away the others the person chose."""
    form.is_valid()
    return getattr(form, "cleaned_data", {})
