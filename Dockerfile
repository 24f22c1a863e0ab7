# syntax=docker/dockerfile:1
# The ceasefire pipeline on the official Airflow image: one image for every Airflow component.
# Dependencies come from uv.lock (exported to a pinned requirements file), installed at build time, never at
# container start.

# --- 1. requirements.txt from the lock file (uv export needs no network with --frozen) ---
FROM python:3.11-slim-bookworm AS requirements
COPY --from=ghcr.io/astral-sh/uv:0.13.9 /uv /usr/local/bin/uv
WORKDIR /src
COPY pyproject.toml uv.lock ./
RUN uv export --frozen --no-dev --no-hashes --no-emit-project --format requirements-txt -o /requirements.txt

# --- 2. the Airflow image with the project installed ---
FROM apache/airflow:3.3.2-python3.11

COPY --from=requirements /requirements.txt /tmp/ceasefire-requirements.txt
# "apache-airflow==${AIRFLOW_VERSION}" keeps the image's Airflow: a lock that asked for another version would
# fail the build here instead of half-upgrading Airflow.
RUN uv pip install --no-cache "apache-airflow==${AIRFLOW_VERSION}" -r /tmp/ceasefire-requirements.txt

WORKDIR /opt/ceasefire
COPY --chown=airflow:0 pyproject.toml uv.lock README.md ./
COPY --chown=airflow:0 ceasefire/ ceasefire/
COPY --chown=airflow:0 ingest/ ingest/
COPY --chown=airflow:0 transform/ transform/
COPY --chown=airflow:0 warehouse/ warehouse/
RUN uv pip install --no-cache --no-deps /opt/ceasefire

COPY --chown=airflow:0 config/ /opt/ceasefire/config/
COPY --chown=airflow:0 sample/ /opt/ceasefire/sample/
COPY --chown=airflow:0 dags/ /opt/airflow/dags/

ENV CEASEFIRE_CONFIG_DIR=/opt/ceasefire/config \
    CEASEFIRE_DATA_DIR=/opt/ceasefire/data \
    CEASEFIRE_WAREHOUSE=/opt/ceasefire/data/ceasefire.duckdb \
    AIRFLOW__CORE__LOAD_EXAMPLES=False

WORKDIR /opt/airflow
