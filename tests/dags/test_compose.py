"""The Docker deployment, checked without a Docker engine: compose file, Dockerfile, .env.example."""

from __future__ import annotations

import re
import subprocess
import tomllib
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
COMPOSE = yaml.safe_load((REPO / "docker-compose.yml").read_text(encoding="utf-8"))
SERVICES = COMPOSE["services"]
AIRFLOW_SERVICES = [
    "airflow-apiserver",
    "airflow-scheduler",
    "airflow-dag-processor",
    "airflow-worker",
    "airflow-triggerer",
]
LONG_RUNNING = ["postgres", "redis", *AIRFLOW_SERVICES]
DOCKERFILE = (REPO / "Dockerfile").read_text(encoding="utf-8")


def _env(service: str) -> dict[str, str]:
    return {k: str(v) for k, v in SERVICES[service]["environment"].items()}


def _mounts(service: str) -> dict[str, str]:
    """{container path: host path or volume} of a service."""
    out = {}
    for spec in SERVICES[service]["volumes"]:
        # host[:container[:mode]], where host may hold ${VAR:-default}
        host, container = re.fullmatch(r"((?:\$\{[^}]*\}|[^:$])+):([^:]+)(?::ro|:rw)?", spec).groups()
        out[container] = host
    return out


def test_every_component_is_declared_and_long_running_ones_have_healthchecks() -> None:
    assert set(LONG_RUNNING) | {"airflow-init"} <= set(SERVICES)
    for name in LONG_RUNNING:
        check = SERVICES[name].get("healthcheck")
        assert check and check.get("test"), f"{name} has no healthcheck"
        assert check["test"][0] in ("CMD", "CMD-SHELL")
        assert SERVICES[name].get("restart") == "always"
    commands = {name: SERVICES[name]["command"] for name in AIRFLOW_SERVICES}
    assert commands == {
        "airflow-apiserver": "api-server",
        "airflow-scheduler": "scheduler",
        "airflow-dag-processor": "dag-processor",
        "airflow-worker": "celery worker",
        "airflow-triggerer": "triggerer",
    }
    assert SERVICES["airflow-apiserver"]["healthcheck"]["test"][-1].endswith(":8080/api/v2/version")


def test_airflow_services_run_the_project_image_built_here() -> None:
    for name in [*AIRFLOW_SERVICES, "airflow-init"]:
        assert SERVICES[name]["build"] == "."
        assert SERVICES[name]["image"].startswith("${CEASEFIRE_IMAGE:-")
    assert "_PIP_ADDITIONAL_REQUIREMENTS" not in (REPO / "docker-compose.yml").read_text()
    assert "_PIP_ADDITIONAL_REQUIREMENTS" not in DOCKERFILE


def test_dockerfile_pins_airflow_and_installs_from_the_lock() -> None:
    froms = re.findall(r"^FROM\s+(\S+)", DOCKERFILE, re.MULTILINE)
    assert froms[-1] == "apache/airflow:3.3.2-python3.11"
    lock = tomllib.loads((REPO / "uv.lock").read_text())
    airflow = next(p for p in lock["package"] if p["name"] == "apache-airflow")
    assert airflow["version"] == "3.3.2", "image tag and locked Airflow differ"
    assert "uv export --frozen --no-dev --no-hashes" in DOCKERFILE
    assert re.search(r'uv pip install --no-cache "apache-airflow==\$\{AIRFLOW_VERSION\}" -r \S+', DOCKERFILE)
    copied = set(re.findall(r"^COPY\s+(?:--\S+\s+)*(\S+)/\s", DOCKERFILE, re.MULTILINE))
    packages = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["hatch"]["build"]["targets"]["wheel"]
    assert set(packages["packages"]) | {"dags", "config", "sample"} <= copied
    for path in copied:
        assert (REPO / path).is_dir(), f"Dockerfile copies {path}/, which is not in the repo"


def test_dockerignore_keeps_local_state_out_of_the_image() -> None:
    ignored = (REPO / ".dockerignore").read_text().split()
    assert {".git", ".venv", "data", ".env"} <= set(ignored)


def test_celery_postgres_redis_and_the_execution_api() -> None:
    env = _env("airflow-scheduler")
    assert env["AIRFLOW__CORE__EXECUTOR"] == "CeleryExecutor"
    assert re.fullmatch(r"postgresql\+psycopg2://[^@]+@postgres/\w+", env["AIRFLOW__DATABASE__SQL_ALCHEMY_CONN"])
    assert re.fullmatch(r"redis://[^@]*@redis:6379/\d+", env["AIRFLOW__CELERY__BROKER_URL"])
    # SQLAlchemy 2.1 maps a bare postgresql:// to psycopg 3, which the image does not have.
    assert env["AIRFLOW__CELERY__RESULT_BACKEND"].startswith("db+postgresql+psycopg2://")
    assert env["AIRFLOW__CORE__EXECUTION_API_SERVER_URL"] == "http://airflow-apiserver:8080/execution/"
    assert env["AIRFLOW__CORE__LOAD_EXAMPLES"] == "false"
    # Task tokens are signed by the scheduler and checked by the API server: one secret for all.
    secrets = {_env(name)["AIRFLOW__API_AUTH__JWT_SECRET"] for name in [*AIRFLOW_SERVICES, "airflow-init"]}
    assert len(secrets) == 1 and secrets.pop().startswith("${AIRFLOW_JWT_SECRET:?")
    assert _env("airflow-worker")["DUMB_INIT_SETSID"] == "0"


def test_pipeline_settings_point_into_mounted_folders() -> None:
    for name in [*AIRFLOW_SERVICES, "airflow-init"]:
        env, mounts = _env(name), _mounts(name)
        assert {k for k in env if k.startswith("CEASEFIRE_")} >= {
            "CEASEFIRE_WAREHOUSE",
            "CEASEFIRE_DATA_DIR",
            "CEASEFIRE_CONFIG_DIR",
            "CEASEFIRE_FEEDS",
            "CEASEFIRE_ALLOW_HOSTS",
            "CEASEFIRE_LOCK_TIMEOUT",
        }
        assert mounts[env["CEASEFIRE_DATA_DIR"]].endswith("}/data")
        assert env["CEASEFIRE_WAREHOUSE"].endswith(f"{env['CEASEFIRE_DATA_DIR']}/ceasefire.duckdb}}")
    for name in AIRFLOW_SERVICES:
        env, mounts = _env(name), _mounts(name)
        assert mounts[env["CEASEFIRE_CONFIG_DIR"]].endswith("}/config")
        assert mounts["/opt/airflow/dags"].endswith("}/dags")
        assert mounts["/opt/airflow/logs"] == "airflow-logs"  # workers write task logs the API server serves
    assert set(COMPOSE["volumes"]) >= {"postgres-db-volume", "airflow-logs", "airflow-auth"}


def test_startup_order_waits_for_health() -> None:
    for name in AIRFLOW_SERVICES:
        deps = SERVICES[name]["depends_on"]
        assert deps["postgres"]["condition"] == "service_healthy"
        assert deps["redis"]["condition"] == "service_healthy"
        assert deps["airflow-init"]["condition"] == "service_completed_successfully"
    assert SERVICES["airflow-worker"]["depends_on"]["airflow-apiserver"]["condition"] == "service_healthy"
    assert "airflow-init" not in SERVICES["airflow-init"]["depends_on"]


def test_init_migrates_creates_the_pool_the_dags_use_and_the_admin() -> None:
    init = SERVICES["airflow-init"]
    assert init["entrypoint"] == "/bin/bash" and init["user"] == "0:0"
    script = init["command"][-1]
    lines = [line.strip() for line in script.splitlines()]
    assert "airflow db migrate" in lines
    pool = next(line for line in lines if line.startswith("airflow pools set"))
    name, slots = pool.split()[3:5]
    assert (name, slots) == ("duckdb_writes", "1")
    dag_pools = set(re.findall(r'pool="([^"]+)"', "".join(p.read_text() for p in (REPO / "dags").glob("*.py"))))
    assert dag_pools == {name}
    assert lines.index("airflow db migrate") < lines.index(pool)
    assert "/opt/airflow/auth/passwords.json" in script
    assert _env("airflow-apiserver")["AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_PASSWORDS_FILE"] == (
        "/opt/airflow/auth/passwords.json"
    )


def test_init_script_is_valid_bash() -> None:
    script = SERVICES["airflow-init"]["command"][-1].replace("$$", "$")  # compose's escape for a literal $
    result = subprocess.run(["bash", "-n", "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("path", ["docker-compose.yml"])
def test_every_variable_the_compose_file_reads_is_in_env_example(path: str) -> None:
    text = (REPO / path).read_text()
    used = set(re.findall(r"(?<!\$)\$\{([A-Za-z_][A-Za-z0-9_]*)", text))
    documented = set(re.findall(r"^#?\s*([A-Za-z_][A-Za-z0-9_]*)=", (REPO / ".env.example").read_text(), re.M))
    assert used - documented == set(), "undocumented variables"
    required = set(re.findall(r"\$\{([A-Za-z_][A-Za-z0-9_]*):\?", text))
    assert required == {"AIRFLOW_JWT_SECRET", "_AIRFLOW_WWW_USER_PASSWORD"}
