"""CSV files that people open in spreadsheet programs."""

import csv

from django.http import HttpResponse

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value) -> str:
    """Spreadsheet programs run cells starting with these characters as formulas."""
    text = str(value)
    return f"'{text}" if text[:1] in FORMULA_STARTS else text


def csv_response(filename: str):
    """An attachment response and a writer for it: UTF-8 with a byte-order mark and
    semicolons, as Finnish Excel opens them."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    return response, csv.writer(response, delimiter=";")
