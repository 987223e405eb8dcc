"""gunicorn's settings for production: `gunicorn --config python:typ_site.gunicorn_conf`.

The access log goes to standard output with personal identity codes masked in every part
of it (see `typ_site.core.log_masking`).
"""

accesslog = "-"
logger_class = "typ_site.core.log_masking.MaskingGunicornLogger"
