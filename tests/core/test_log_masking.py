"""Personal identity codes are masked in the access log and in the site's own log records."""

import logging
from datetime import timedelta
from types import SimpleNamespace

import pytest
from gunicorn.app.base import Application
from gunicorn.config import Config

from typ_site.core.log_masking import (
    MaskIdentityCodesFilter,
    MaskingGunicornLogger,
    mask_address,
    mask_request_line,
)

CODE = "130585-234W"  # valid, for a fictitious birth date


@pytest.mark.parametrize(
    "line, masked",
    [
        (f"GET /search/?q={CODE}&order=date HTTP/1.1", "GET /search/?q=[hetu]&order=date HTTP/1.1"),
        ("GET /search/?q=hetu+130585+-+234W HTTP/1.1", "GET /search/?q=[hetu] HTTP/1.1"),
        ("GET /search/?q=130505%41234%38 HTTP/1.1", "GET /search/?q=[hetu] HTTP/1.1"),
        ("GET /search/suggest/?q=1305%E2%80%8B85-234W HTTP/1.1", "GET /search/suggest/?q=[hetu] HTTP/1.1"),
        (f"GET /forums/{CODE}/ HTTP/1.1", "GET /forums/[hetu]/ HTTP/1.1"),
    ],
)
def test_the_request_line_is_masked(line, masked):
    assert mask_request_line(line) == masked


@pytest.mark.parametrize(
    "line",
    [
        "GET /search/?q=tym-laki+11+%C2%A7 HTTP/1.1",
        "GET /search/?q=13.05.1985&page=2 HTTP/1.1",
        "GET /calendar/?month=2026-05 HTTP/1.1",
    ],
)
def test_other_requests_are_logged_as_they_are(line):
    assert mask_request_line(line) == line


def test_a_whole_referrer_address_is_masked():
    assert (
        mask_address(f"https://typ.example.fi/search/?q={CODE}") == "https://typ.example.fi/search/?q=[hetu]"
    )


def test_gunicorns_own_logger_writes_the_masked_access_line(capsys):
    config = Config()
    config.set("accesslog", "-")
    config.set("logger_class", "typ_site.core.log_masking.MaskingGunicornLogger")
    logger = config.logger_class(config)
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": f"/search/?q=hetu+{CODE}",
        "PATH_INFO": "/search/",
        "QUERY_STRING": f"q=hetu+{CODE}",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "HTTP_REFERER": f"https://typ.example.fi/search/?q={CODE}",
    }
    response = SimpleNamespace(status="200 OK", sent=512, headers=[("Content-Type", "text/html")])
    request = SimpleNamespace(headers=[("REFERER", environ["HTTP_REFERER"])])

    logger.access(response, request, environ, timedelta(milliseconds=12))
    for handler in logger.access_log.handlers:
        handler.flush()

    written = capsys.readouterr().out
    assert "GET /search/?q=[hetu] HTTP/1.1" in written
    assert CODE not in written


class _ProductionGunicorn(Application):
    """gunicorn's application, configured only from the README's --config."""

    def load_config(self):
        self.load_config_from_module_name_or_filename("python:typ_site.gunicorn_conf")

    def load(self):
        return None


def test_the_production_gunicorn_config_uses_the_masking_logger():
    config = _ProductionGunicorn().cfg

    assert config.logger_class is MaskingGunicornLogger
    assert config.accesslog == "-"


def test_the_sites_log_records_are_masked():
    record = logging.LogRecord(
        "django.request", logging.WARNING, __file__, 1, "Not Found: %s", (f"/x/{CODE}/",), None
    )

    MaskIdentityCodesFilter().filter(record)

    assert record.getMessage() == "Not Found: /x/[hetu]/"
