# coopportal: multi-stage build; the runtime image has no compiler and runs
# as a non-root user. Build: docker build -t coopportal .
# Run:   docker run --env-file .env -p 8000:8000 coopportal

FROM python:3.11-slim-bookworm AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1
WORKDIR /app
RUN python -m venv /opt/venv
COPY requirements.txt .
RUN /opt/venv/bin/pip install -r requirements.txt
COPY . .
# Static files are collected at build time and served by WhiteNoise.
# The build needs a key and hosts only to start Django; they are not kept.
RUN SECRET_KEY=build-only-not-used-at-run-time ALLOWED_HOSTS=build DATABASE_URL=sqlite:////tmp/build.sqlite3 \
    /opt/venv/bin/python manage.py collectstatic --noinput

FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PATH=/opt/venv/bin:$PATH PORT=8000 WEB_CONCURRENCY=5
RUN groupadd --system coop && useradd --system --gid coop --home /app --shell /usr/sbin/nologin coop
WORKDIR /app
COPY --from=build /opt/venv /opt/venv
COPY --from=build --chown=coop:coop /app /app
RUN mkdir -p /app/var/media && chown -R coop:coop /app/var
USER coop
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD python -c "import os, urllib.request as u; host = os.environ['ALLOWED_HOSTS'].split(',')[0].strip(); u.urlopen(u.Request('http://127.0.0.1:%s/healthz' % os.environ.get('PORT', '8000'), headers={'Host': host}), timeout=4)" || exit 1
# Migrations run at start so that a new image brings its schema; then gunicorn.
CMD ["sh", "-c", "python manage.py migrate --noinput && python manage.py load_admin_units && exec gunicorn coopportal.wsgi:application --bind 0.0.0.0:${PORT} --workers ${WEB_CONCURRENCY} --access-logfile - --timeout 60"]
