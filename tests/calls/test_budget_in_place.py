"""Budget lines added, changed and removed in place (htmx), and the same without JavaScript."""

from django.urls import reverse

from skillbridge.calls.models import BudgetLine

HTMX = {"HTTP_HX_REQUEST": "true"}
LINE = {"item": "Card reader", "category": "equipment", "quantity": "3", "unit_cost_rwf": "1000"}


def url(name, *args):
    return reverse(f"calls:{name}", args=args)


def edit_data(line, **changes):
    values = {**LINE, **changes}
    return {f"line-{line.pk}-{name}": value for name, value in values.items()}


def test_htmx_adds_a_line_and_answers_the_budget_section_with_the_missing_list(
    client, draft, applicant
):
    client.force_login(applicant)
    response = client.post(url("budget_line_add", draft.pk), LINE, **HTMX)
    page = response.content.decode()
    assert response.status_code == 200
    assert page.lstrip().startswith('<section id="budget"')
    assert "The budget line is added." in page
    assert "Card reader" in page
    assert 'id="missing-parts" hx-swap-oob="true"' in page
    assert "<html" not in page
    assert draft.budget_lines.filter(item="Card reader", unit_cost_rwf=1000).count() == 1


def test_without_javascript_adding_a_line_returns_to_the_budget(client, draft, applicant):
    client.force_login(applicant)
    response = client.post(url("budget_line_add", draft.pk), LINE)
    assert response.status_code == 302
    assert response["Location"] == url("proposal_edit", draft.pk) + "#budget"


def test_a_bad_line_is_refused_at_the_field_with_a_summary_that_takes_the_focus(
    client, draft, applicant
):
    client.force_login(applicant)
    before = draft.budget_lines.count()
    page = client.post(url("budget_line_add", draft.pk), {**LINE, "quantity": "0"}, **HTMX)
    text = page.content.decode()
    assert 'id="budget-errors"' in text
    assert "data-focus-on-load" in text
    assert 'href="#id_quantity"' in text
    full = client.post(url("budget_line_add", draft.pk), {**LINE, "item": ""}).content.decode()
    assert 'id="error-summary"' in full
    assert 'href="#id_item"' in full
    assert draft.budget_lines.count() == before


def test_a_line_is_changed_where_it_stands(client, draft, applicant):
    client.force_login(applicant)
    line = draft.budget_lines.first()
    position = line.position
    data = edit_data(line, item="Solar kit", quantity="2", unit_cost_rwf="250000")
    response = client.post(url("budget_line_edit", draft.pk, line.pk), data, **HTMX)
    assert "The budget line is changed." in response.content.decode()
    line.refresh_from_db()
    assert (line.item, line.quantity, line.unit_cost_rwf, line.position) == (
        "Solar kit",
        2,
        250000,
        position,
    )


def test_edit_turns_the_row_into_its_form_or_opens_a_page_without_javascript(
    client, draft, applicant
):
    client.force_login(applicant)
    line = draft.budget_lines.first()
    edit = url("budget_line_edit", draft.pk, line.pk)
    row = client.get(edit, **HTMX).content.decode()
    assert row.startswith(f'<tr id="line-{line.pk}">')
    assert f'value="{line.item}"' in row
    page = client.get(edit).content.decode()
    assert "<h1>Change a budget line</h1>" in page
    assert f'id="id_line-{line.pk}-item"' in page


def test_a_bad_change_keeps_the_line_and_shows_the_error_in_its_row(client, draft, applicant):
    client.force_login(applicant)
    line = draft.budget_lines.first()
    item = line.item
    edit = url("budget_line_edit", draft.pk, line.pk)
    response = client.post(edit, edit_data(line, unit_cost_rwf="-5"), **HTMX)
    assert response["HX-Retarget"] == f"#line-{line.pk}"
    assert f'href="#id_line-{line.pk}-unit_cost_rwf"' in response.content.decode()
    page = client.post(edit, edit_data(line, item="")).content.decode()
    assert 'id="error-summary"' in page
    assert f'href="#id_line-{line.pk}-item"' in page
    line.refresh_from_db()
    assert line.item == item


def test_removing_asks_first_then_removes_in_place(client, draft, applicant):
    client.force_login(applicant)
    line = draft.budget_lines.first()
    page = client.get(url("proposal_edit", draft.pk)).content.decode()
    assert f"Remove “{line.item}” from the budget?" in page
    response = client.post(url("budget_line_delete", draft.pk, line.pk), **HTMX)
    assert f"“{line.item}” is removed from the budget." in response.content.decode()
    assert not BudgetLine.objects.filter(pk=line.pk).exists()


def test_another_team_cannot_change_a_line(client, draft, other_applicant):
    client.force_login(other_applicant)
    line = draft.budget_lines.first()
    response = client.post(url("budget_line_edit", draft.pk, line.pk), edit_data(line), **HTMX)
    assert response.status_code == 404


def test_a_member_changes_the_budget_but_the_coordinator_may_not(client, draft, coordinator):
    client.force_login(coordinator)
    line = draft.budget_lines.first()
    response = client.post(url("budget_line_edit", draft.pk, line.pk), edit_data(line))
    assert response.status_code == 403


def test_the_edit_page_shows_progress_and_the_missing_list_at_the_top(client, draft, applicant):
    client.force_login(applicant)
    draft.problem = ""
    draft.save()
    page = client.get(url("proposal_edit", draft.pk)).content.decode()
    missing = page.index('id="missing-parts"')
    assert missing < page.index('id="content"')
    assert '<progress id="proposal-progress"' in page
    assert 'href="#q-problem">Answer this question: Problem.' in page
