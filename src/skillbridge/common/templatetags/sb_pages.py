"""Links between the pages of a list: {% load sb_pages %}.

{% page_link 3 %}                  ?state=open&page=3 (the address keeps its filters)
{% page_link 3 "requests_page" %}  ?page=2&requests_page=3 (a second list on the same page)

Django's {% querystring %} takes the parameter's name as a literal keyword; a page with
two lists names each list's parameter, so the shared pagination include needs it as a value.
"""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def page_link(context, number: int, param: str = "") -> str:
    """The current query string with `param` (by default "page") set to `number`."""
    query = context["request"].GET.copy()
    query[param or "page"] = number
    return f"?{query.urlencode()}"
