"""gunicorn's settings for SkillBridge: `gunicorn skillbridge.wsgi --config gunicorn.conf.py`.

docs/operations.md explains the figures; `make load` measures them. In short:
pages spend much of their time waiting on PostgreSQL and Redis, so each worker
process runs a few threads (`gthread`), and there are two processes per core.
Workers are recycled after a few thousand requests, so a slow leak cannot grow
for ever, and a request that runs past the timeout is cut off and logged rather
than holding a worker.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", 2 * multiprocessing.cpu_count()))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
timeout = 60
graceful_timeout = 30
keepalive = 5
max_requests = 2000
max_requests_jitter = 200
accesslog = os.environ.get("GUNICORN_ACCESS_LOG")  # unset: no access log (LOG_FORMAT covers it)
