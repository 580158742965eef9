from django.conf import settings
from django.core.paginator import Page, Paginator


def paginate(request, queryset, per_page: int | None = None) -> Page:
    """One page of ``queryset`` from ``?page=``: a page number that is not a number gives the first
    page, one that is too large the last page (never an error).

    Costs two queries (count + slice) whatever the table size.
    """
    paginator = Paginator(queryset, per_page or settings.PAGE_SIZE)
    return paginator.get_page(request.GET.get("page"))


def querystring_without_page(request) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()
