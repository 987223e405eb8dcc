"""Personal identity codes never reach a log: request lines, addresses and log messages.

A search for a code is refused by the site, but the address it was sent to (`/search/?q=…`,
the suggestions as one types, the referrer of the next page) still reaches the web server's
access log. `MaskingGunicornLogger` (named in `typ_site.gunicorn_conf`) masks every value of
the access log; `MaskIdentityCodesFilter` does the same for the site's own log records.
"""

import logging
from urllib.parse import unquote, unquote_plus

from gunicorn.glogging import Logger

from .validators import IDENTITY_CODE_MASK, contains_personal_identity_code, mask_personal_identity_codes


def _holds_code(value: str) -> bool:
    return contains_personal_identity_code(value) or contains_personal_identity_code(unquote_plus(value))


def mask_address(address: str) -> str:
    """An address (path, query string or whole URL) with each part that holds a code, once
    percent-decoded, replaced by the mask; the rest stays as it was."""
    if not _holds_code(address):
        return address
    base, question_mark, query = address.partition("?")
    base = "/".join(
        IDENTITY_CODE_MASK if _holds_code(unquote(segment)) else segment for segment in base.split("/")
    )
    parameters = []
    for parameter in query.split("&") if query else []:
        name, equals, value = parameter.partition("=")
        if _holds_code(name):
            parameters.append(IDENTITY_CODE_MASK)
        elif _holds_code(value):
            parameters.append(f"{name}{equals}{IDENTITY_CODE_MASK}")
        else:
            parameters.append(parameter)
    masked = base + question_mark + "&".join(parameters)
    if not _holds_code(masked):
        return masked
    # A code spread over several parts: the whole query string (or address) goes.
    return f"{base}?{IDENTITY_CODE_MASK}" if query and not _holds_code(base) else IDENTITY_CODE_MASK


def mask_request_line(line: str) -> str:
    """'GET /search/?q=… HTTP/1.1' with the address masked."""
    parts = line.split(" ")
    if len(parts) == 3:
        method, address, protocol = parts
        return f"{method} {mask_address(address)} {protocol}"
    return mask_log_value(line)


def mask_log_value(value):
    """Any value of a log line: addresses are masked part by part, other text code by code."""
    if not isinstance(value, str) or not _holds_code(value):
        return value
    if value.startswith(("/", "http://", "https://")) or "=" in value:
        return mask_address(value)
    return mask_personal_identity_codes(unquote_plus(value))


class MaskingGunicornLogger(Logger):
    """gunicorn's logger with every access-log atom masked (the request line, path, query
    string, referrer, headers and environment values)."""

    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        masked = {name: mask_log_value(value) for name, value in atoms.items()}
        masked["r"] = mask_request_line(atoms["r"])
        return masked


class MaskIdentityCodesFilter(logging.Filter):
    """Masks codes in the site's own log records (Django's request and server logs included)."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = mask_log_value(message)
        if masked != message:
            record.msg, record.args = masked, None
        return True
