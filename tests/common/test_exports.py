import csv
import io

from openpyxl import load_workbook

from skillbridge.common.exports import table_response

ROWS = [
    ['=HYPERLINK("http://evil")', "Kigali"],
    ["+250 788 123 456", "@sum"],
    ["-1", "plain"],
    ["+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0"],
    ["+SUM(A1:A9)", "-A1"],
    ["\tTAB", "\rCR"],
]
GUARDED = [
    ['\'=HYPERLINK("http://evil")', "Kigali"],
    ["+250 788 123 456", "'@sum"],
    ["-1", "plain"],
    ["'+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"],
    ["'+SUM(A1:A9)", "'-A1"],
    ["'\tTAB", "'\rCR"],
]


def test_csv_cells_can_never_run_as_formulas():
    response = table_response(filename="x", file_format="csv", headers=["a", "b"], rows=ROWS)
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows == [["a", "b"], *GUARDED]
    assert response["Content-Disposition"] == 'attachment; filename="x.csv"'


def test_xlsx_cells_can_never_run_as_formulas():
    response = table_response(filename="x", file_format="xlsx", headers=["a", "b"], rows=ROWS)
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    # XML turns a stored carriage return into a line feed on reading: the quote is what counts.
    assert values[1:-1] == GUARDED[:-1]
    assert values[-1][0] == "'\tTAB"
    assert values[-1][1].startswith("'")
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


def test_numbers_stay_numbers():
    response = table_response(
        filename="x", file_format="xlsx", headers=["n"], rows=[[-5], [1200000]]
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [row[0].value for row in sheet.iter_rows(min_row=2)] == [-5, 1200000]


def test_phone_numbers_and_signed_numbers_are_kept_as_written_and_as_text():
    phones = ["+32 470 12 34 56", "+32470123456", "+1 (555) 010-9999", "-12.5", "+250788123456"]
    csv_response = table_response(
        filename="x", file_format="csv", headers=["phone"], rows=[[p] for p in phones]
    )
    rows = list(csv.reader(io.StringIO(csv_response.content.decode("utf-8-sig"))))
    assert [row[0] for row in rows[1:]] == phones
    xlsx_response = table_response(
        filename="x", file_format="xlsx", headers=["phone"], rows=[[p] for p in phones]
    )
    sheet = load_workbook(io.BytesIO(xlsx_response.content)).active
    cells = [row[0] for row in sheet.iter_rows(min_row=2)]
    assert [cell.value for cell in cells] == phones
    assert {cell.data_type for cell in cells} == {"s"}
