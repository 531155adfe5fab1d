"""Background work of the results app."""

from django.tasks import task

from skillbridge.results import report_files


@task()
def store_period_reports(*, period_id: int) -> int:
    return report_files.report_files_store(period_id=period_id)
