import csv
import io

from openpyxl import load_workbook

from skillbridge.common.exports import table_response

ROWS = [['=HYPERLINK("http://evil")', "Kigali"], ["+250 788", "@sum"], ["-1", "plain"]]


def test_csv_cells_can_never_run_as_formulas():
    response = table_response(filename="x", file_format="csv", headers=["a", "b"], rows=ROWS)
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows == [
        ["a", "b"],
        ['\'=HYPERLINK("http://evil")', "Kigali"],
        ["'+250 788", "'@sum"],
        ["'-1", "plain"],
    ]
    assert response["Content-Disposition"] == 'attachment; filename="x.csv"'


def test_xlsx_cells_can_never_run_as_formulas():
    response = table_response(filename="x", file_format="xlsx", headers=["a", "b"], rows=ROWS)
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[1:] == [
        ['\'=HYPERLINK("http://evil")', "Kigali"],
        ["'+250 788", "'@sum"],
        ["'-1", "plain"],
    ]
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


def test_numbers_stay_numbers():
    response = table_response(
        filename="x", file_format="xlsx", headers=["n"], rows=[[-5], [1200000]]
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [row[0].value for row in sheet.iter_rows(min_row=2)] == [-5, 1200000]
