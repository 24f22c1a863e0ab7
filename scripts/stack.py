"""The Airflow deployment of docker-compose.yml as local processes: CeleryExecutor, Postgres, Redis.

    python scripts/stack.py run  [--sample] [--port 8080]   # foreground, until Ctrl-C (make stack)
    python scripts/stack.py test [--timeout 360]            # one daily run end to end, then tear down

Both do what the compose file does: a metadata database on Postgres, a Redis database as Celery broker,
`airflow db migrate`, the `duckdb_writes` pool (as airflow-init), then api-server, scheduler, dag-processor,
triggerer and one Celery worker, each in its own process group with its log in AIRFLOW_HOME/logs/. `test`
serves the bundled sample as a local news site on 127.0.0.1, unpauses and triggers `ceasefire_daily` through
the REST API (/api/v2 with a JWT from /auth/token), waits for the run, checks the warehouse, then stops every
process it started and drops its database, whatever happened.

Postgres (trust or password auth) and Redis default to 127.0.0.1; see --postgres and --redis.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import httpx

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
DAG_ID = "ceasefire_daily"
POOL = ("duckdb_writes", "1", "One writer at a time for the DuckDB warehouse (load, check, reprocess)")
ADMIN = "admin"
TERMINAL_STATES = {"success", "failed"}


class StackUnavailable(RuntimeError):
    """Postgres or Redis cannot be reached: the stack cannot run here."""


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def tail(path: Path, lines: int = 40) -> str:
    """The last lines of a log file."""
    if not path.exists():
        return "(no log)"
    return "\n".join(path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])


# ------------------------------------------------------------------------------------- Postgres, Redis


def _with_db(url: str, dbname: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, f"/{dbname}", parts.query, ""))


@contextlib.contextmanager
def metadata_database(server_url: str, name: str, keep: bool) -> Iterator[str]:
    """Create database `name` on the server (if missing); drop it afterwards unless `keep`; yield its URL."""
    import psycopg2

    try:
        admin = psycopg2.connect(server_url, connect_timeout=5)
    except psycopg2.OperationalError as exc:
        raise StackUnavailable(f"Postgres is not reachable at {server_url}: {str(exc).strip()}") from None
    admin.autocommit = True
    try:
        with admin.cursor() as cur:
            cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,))
            if cur.fetchone() is None:
                cur.execute(f'CREATE DATABASE "{name}"')
        yield _with_db(server_url, name)
    finally:
        if not keep:
            with admin.cursor() as cur:
                cur.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


@contextlib.contextmanager
def broker_database(server_url: str, number: int | None, keep: bool) -> Iterator[str]:
    """A Redis database for Celery: `number`, or a random empty one; flushed afterwards unless `keep`."""
    import random

    import redis

    parts = urlsplit(server_url)
    probe = redis.Redis.from_url(server_url, socket_connect_timeout=5)
    try:
        probe.ping()
        databases = int(probe.config_get("databases").get("databases", 16))
    except redis.RedisError as exc:
        raise StackUnavailable(f"Redis is not reachable at {server_url}: {exc}") from None
    finally:
        probe.close()
    if number is None:
        for candidate in random.sample(range(1, databases), databases - 1):
            client = redis.Redis.from_url(_with_db(server_url, str(candidate)))
            empty = client.dbsize() == 0
            client.close()
            if empty:
                number = candidate
                break
        else:
            raise StackUnavailable(f"Redis at {server_url} has no empty database left")
    url = urlunsplit((parts.scheme, parts.netloc, f"/{number}", "", ""))
    try:
        yield url
    finally:
        if not keep:
            client = redis.Redis.from_url(url)
            client.flushdb()
            client.close()


# ------------------------------------------------------------------------------------------ processes


@dataclass
class Component:
    """One Airflow process: its command line, its log, and the Popen once started."""

    name: str
    args: list[str]
    log: Path
    proc: subprocess.Popen | None = None

    def start(self, env: dict[str, str]) -> None:
        """Start in a new session (own process group), output to the log file."""
        self.log.parent.mkdir(parents=True, exist_ok=True)
        with open(self.log, "ab") as out:
            self.proc = subprocess.Popen(
                [str(BIN / "airflow"), *self.args],
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
                cwd=REPO,
            )

    def alive(self) -> bool:
        """True while the process runs."""
        return self.proc is not None and self.proc.poll() is None

    def signal(self, sig: int) -> None:
        """Send `sig` to the whole process group (Airflow forks task runners and gunicorn/uvicorn workers)."""
        if self.proc is None:
            return
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.proc.pid, sig)


def stop_all(components: list[Component], grace: float = 20.0) -> None:
    """SIGTERM every process group, wait up to `grace` seconds, then SIGKILL what is left."""
    for comp in components:
        comp.signal(signal.SIGTERM)
    deadline = time.monotonic() + grace
    for comp in components:
        if comp.proc is None:
            continue
        with contextlib.suppress(subprocess.TimeoutExpired):
            comp.proc.wait(timeout=max(0.1, deadline - time.monotonic()))
    for comp in components:
        comp.signal(signal.SIGKILL)  # the group may outlive its leader (task runners)
        if comp.proc is not None:
            with contextlib.suppress(subprocess.TimeoutExpired):
                comp.proc.wait(timeout=5)


# ---------------------------------------------------------------------------------------------- stack


@dataclass
class Stack:
    """Configuration and processes of one local deployment."""

    home: Path
    database_url: str
    broker_url: str
    api_port: int
    ceasefire_env: dict[str, str]
    worker_concurrency: int = 2
    paused_at_creation: bool = False
    password: str = field(default_factory=lambda: secrets.token_urlsafe(12))
    components: list[Component] = field(default_factory=list)

    @property
    def api_url(self) -> str:
        """The API server's base URL (UI, /api/v2, /auth, /execution)."""
        return f"http://127.0.0.1:{self.api_port}"

    def env(self) -> dict[str, str]:
        """The environment of every component: docker-compose.yml's, with local addresses."""
        env = {k: v for k, v in os.environ.items() if not k.startswith(("AIRFLOW", "CEASEFIRE_"))}
        sqlalchemy_url = self.database_url.replace("postgresql://", "postgresql+psycopg2://", 1)
        secret_file = self.home / "jwt_secret"
        if not secret_file.exists():
            secret_file.write_text(secrets.token_hex(32), encoding="utf-8")
        secret = secret_file.read_text(encoding="utf-8").strip()
        env.update(
            AIRFLOW_HOME=str(self.home),
            AIRFLOW__CORE__DAGS_FOLDER=str(REPO / "dags"),
            AIRFLOW__CORE__LOAD_EXAMPLES="False",
            AIRFLOW__CORE__EXECUTOR="CeleryExecutor",
            AIRFLOW__DATABASE__SQL_ALCHEMY_CONN=sqlalchemy_url,
            AIRFLOW__CELERY__BROKER_URL=self.broker_url,
            AIRFLOW__CELERY__RESULT_BACKEND=f"db+{sqlalchemy_url}",
            AIRFLOW__CELERY__WORKER_CONCURRENCY=str(self.worker_concurrency),
            AIRFLOW__CORE__EXECUTION_API_SERVER_URL=f"{self.api_url}/execution/",
            AIRFLOW__API__BASE_URL=self.api_url,
            AIRFLOW__API__WORKERS="1",
            AIRFLOW__API_AUTH__JWT_SECRET=secret,
            AIRFLOW__API__SECRET_KEY=secret,
            AIRFLOW__CORE__AUTH_MANAGER=(
                "airflow.api_fastapi.auth.managers.simple.simple_auth_manager.SimpleAuthManager"
            ),
            AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_USERS=f"{ADMIN}:admin",
            AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_PASSWORDS_FILE=str(self.home / "passwords.json"),
            AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION=str(self.paused_at_creation),
            # Frugal on a small machine: one parser, files re-parsed once a minute, slower heartbeats.
            AIRFLOW__DAG_PROCESSOR__PARSING_PROCESSES="1",
            AIRFLOW__DAG_PROCESSOR__MIN_FILE_PROCESS_INTERVAL="60",
            AIRFLOW__DAG_PROCESSOR__REFRESH_INTERVAL="60",
            AIRFLOW__SCHEDULER__ENABLE_HEALTH_CHECK="True",
            AIRFLOW__SCHEDULER__SCHEDULER_HEALTH_CHECK_SERVER_PORT=str(free_port()),
            AIRFLOW__LOGGING__WORKER_LOG_SERVER_PORT=str(free_port()),
            AIRFLOW__LOGGING__TRIGGER_LOG_SERVER_PORT=str(free_port()),
        )
        env.update(self.ceasefire_env)
        return env

    def init(self) -> None:
        """What airflow-init does: migrate the metadata DB, create the pool, set the admin's password."""
        env = self.env()
        for args in (["db", "migrate"], ["pools", "set", *POOL]):
            log = self.home / "logs" / "init.log"
            log.parent.mkdir(parents=True, exist_ok=True)
            with open(log, "ab") as out:
                code = subprocess.call([str(BIN / "airflow"), *args], env=env, stdout=out, stderr=subprocess.STDOUT)
            if code != 0:
                raise RuntimeError(f"airflow {' '.join(args)} failed:\n{tail(log)}")
        passwords = self.home / "passwords.json"
        passwords.write_text(json.dumps({ADMIN: self.password}), encoding="utf-8")
        passwords.chmod(0o600)

    def start(self) -> None:
        """Start the five long-running components."""
        logs = self.home / "logs"
        worker_name = f"celery-{secrets.token_hex(3)}@{socket.gethostname()}"
        self.components = [
            Component("api-server", ["api-server", "--host", "127.0.0.1", "--port", str(self.api_port)],
                      logs / "api-server.log"),
            Component("scheduler", ["scheduler"], logs / "scheduler.log"),
            Component("dag-processor", ["dag-processor"], logs / "dag-processor.log"),
            Component("triggerer", ["triggerer"], logs / "triggerer.log"),
            Component("celery-worker", ["celery", "worker", "--concurrency", str(self.worker_concurrency),
                                        "--celery-hostname", worker_name], logs / "celery-worker.log"),
        ]  # fmt: skip
        env = self.env()
        for comp in self.components:
            comp.start(env)

    def stop(self) -> None:
        """Stop every component this stack started."""
        stop_all(self.components)

    def dead(self) -> list[str]:
        """Names of components that exited."""
        return [c.name for c in self.components if not c.alive()]

    def report(self, lines: int = 30) -> str:
        """The tail of every component's log."""
        names = [("init", self.home / "logs" / "init.log")] + [(c.name, c.log) for c in self.components]
        return "\n".join(f"----- {name} ({log}) -----\n{tail(log, lines)}" for name, log in names)


class Api:
    """The Airflow 3 public REST API with a JWT from the simple auth manager."""

    def __init__(self, base_url: str, username: str, password: str) -> None:
        self.http = httpx.Client(base_url=base_url, timeout=30)
        self.username, self.password = username, password

    def wait_ready(self, stack: Stack, timeout: float) -> None:
        """Wait until the API answers and log in."""
        deadline = time.monotonic() + timeout
        while True:
            with contextlib.suppress(httpx.HTTPError):
                if self.http.get("/api/v2/version").status_code == 200:
                    break
            _check_deadline(stack, deadline, "the API server to answer")
            time.sleep(2)
        token = self.http.post("/auth/token", json={"username": self.username, "password": self.password})
        token.raise_for_status()
        self.http.headers["Authorization"] = f"Bearer {token.json()['access_token']}"

    def wait_dag(self, stack: Stack, dag_id: str, timeout: float) -> dict:
        """Wait until the DAG processor has parsed and stored `dag_id`."""
        deadline = time.monotonic() + timeout
        while True:
            response = self.http.get(f"/api/v2/dags/{dag_id}")
            if response.status_code == 200:
                return response.json()
            _check_deadline(stack, deadline, f"DAG {dag_id} to be parsed")
            time.sleep(3)

    def unpause(self, dag_id: str) -> None:
        """Unpause a DAG."""
        self.http.patch(f"/api/v2/dags/{dag_id}", json={"is_paused": False}).raise_for_status()

    def trigger(self, dag_id: str, logical_date: dt.date) -> str:
        """Trigger a run for `logical_date` (midnight UTC); return its run id."""
        body = {"logical_date": f"{logical_date.isoformat()}T00:00:00Z", "conf": {}}
        response = self.http.post(f"/api/v2/dags/{dag_id}/dagRuns", json=body)
        response.raise_for_status()
        return response.json()["dag_run_id"]

    def wait_run(self, stack: Stack, dag_id: str, run_id: str, timeout: float) -> str:
        """Wait until the run ends; return its state."""
        deadline = time.monotonic() + timeout
        last = None
        while True:
            state = self.http.get(f"/api/v2/dags/{dag_id}/dagRuns/{run_id}").json()["state"]
            if state != last:
                print(f"[stack] run {run_id}: {state}", flush=True)
                last = state
            if state in TERMINAL_STATES:
                return state
            _check_deadline(stack, deadline, f"run {run_id} to finish")
            time.sleep(4)

    def task_states(self, dag_id: str, run_id: str) -> dict[tuple[str, int], str]:
        """(task_id, map_index) -> state for one run."""
        response = self.http.get(f"/api/v2/dags/{dag_id}/dagRuns/{run_id}/taskInstances", params={"limit": 100})
        response.raise_for_status()
        return {(t["task_id"], t["map_index"]): t["state"] for t in response.json()["task_instances"]}


def _check_deadline(stack: Stack, deadline: float, what: str) -> None:
    dead = stack.dead()
    if dead:
        raise RuntimeError(f"component(s) exited while waiting for {what}: {', '.join(dead)}")
    if time.monotonic() > deadline:
        raise TimeoutError(f"timed out waiting for {what}")


# ------------------------------------------------------------------------------------------- commands


def require_drivers() -> None:
    """Airflow 3 opens its metadata DB through psycopg2 and, for its async sessions, asyncpg."""
    import importlib.util

    missing = [name for name in ("psycopg2", "asyncpg", "redis") if importlib.util.find_spec(name) is None]
    if missing:
        raise RuntimeError(f"the Airflow stack needs {', '.join(missing)} in this environment (run `make setup`)")


@dataclass
class StackResult:
    """What `test` observed."""

    state: str
    tasks: dict[tuple[str, int], str]
    warehouse: Path
    base_url: str
    since: dt.date
    logical_date: dt.date
    database: str
    process_groups: list[int]
    seconds: float


def alive_groups(pgids: list[int]) -> list[int]:
    """Process groups from `pgids` that still have a member."""
    alive = []
    for pgid in pgids:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            continue
        except PermissionError:
            pass
        alive.append(pgid)
    return alive


def run_test(args: argparse.Namespace, home: Path | None = None) -> StackResult:
    """Start the stack against the local news site, run ceasefire_daily once through the API, tear down."""
    require_drivers()
    sys.path.insert(0, str(REPO))
    from tests.support.newsite import NewsSite, write_feeds_file

    started = time.monotonic()
    home = Path(home) if home else Path(tempfile.mkdtemp(prefix="ceasefire-stack-"))
    home.mkdir(parents=True, exist_ok=True)
    name = f"ceasefire_stack_{secrets.token_hex(4)}"
    # The run is triggered for today's schedule slot before the DAG is unpaused, so the scheduler finds the
    # slot taken and starts no second run; the lookback reaches back to the sample's first day.
    logical_date = dt.datetime.now(dt.UTC).date()
    since = dt.date.fromisoformat(args.since)
    with (
        metadata_database(args.postgres, name, keep=False) as db_url,
        broker_database(args.redis, None, keep=False) as broker_url,
        NewsSite() as site,
    ):
        data = home / "data"
        ceasefire_env = {
            "CEASEFIRE_FEEDS": str(write_feeds_file(site.base_url, home / "feeds.yaml")),
            "CEASEFIRE_ALLOW_HOSTS": site.host_port,
            "CEASEFIRE_WAREHOUSE": str(data / "ceasefire.duckdb"),
            "CEASEFIRE_DATA_DIR": str(data),
            "CEASEFIRE_LOOKBACK_DAYS": str((logical_date - since).days + 1),
        }
        stack = Stack(
            home, db_url, broker_url, free_port(), ceasefire_env, worker_concurrency=2, paused_at_creation=True
        )
        print(f"[stack] AIRFLOW_HOME={home} database={name} broker={broker_url} news site={site.base_url}")
        try:
            stack.init()
            stack.start()
            api = Api(stack.api_url, ADMIN, stack.password)
            api.wait_ready(stack, timeout=120)
            api.wait_dag(stack, DAG_ID, timeout=180)
            run_id = api.trigger(DAG_ID, logical_date)
            api.unpause(DAG_ID)
            remaining = max(60.0, args.timeout - (time.monotonic() - started))
            state = api.wait_run(stack, DAG_ID, run_id, timeout=remaining)
            tasks = api.task_states(DAG_ID, run_id)
            if state != "success" or args.verbose:
                print(stack.report(), flush=True)
        except BaseException:
            print(stack.report(), flush=True)
            raise
        finally:
            stack.stop()
    return StackResult(
        state=state,
        tasks=tasks,
        warehouse=data / "ceasefire.duckdb",
        base_url=site.base_url,
        since=since,
        logical_date=logical_date,
        database=name,
        process_groups=[c.proc.pid for c in stack.components if c.proc is not None],
        seconds=time.monotonic() - started,
    )


def run_foreground(args: argparse.Namespace) -> None:
    """Start the stack and keep it running until Ctrl-C; the database and AIRFLOW_HOME are kept."""
    require_drivers()
    home = Path(args.home).resolve()
    home.mkdir(parents=True, exist_ok=True)
    ceasefire_env = {k: v for k, v in os.environ.items() if k.startswith("CEASEFIRE_")}
    site = None
    if args.sample:
        sys.path.insert(0, str(REPO))
        from tests.support.newsite import NewsSite, write_feeds_file

        site = NewsSite().start()
        ceasefire_env.update(
            CEASEFIRE_FEEDS=str(write_feeds_file(site.base_url, home / "feeds.sample.yaml")),
            CEASEFIRE_ALLOW_HOSTS=",".join(filter(None, [ceasefire_env.get("CEASEFIRE_ALLOW_HOSTS"), site.host_port])),
        )
    ceasefire_env.setdefault("CEASEFIRE_WAREHOUSE", str(REPO / "data" / "ceasefire.duckdb"))
    ceasefire_env.setdefault("CEASEFIRE_DATA_DIR", str(REPO / "data"))
    Path(ceasefire_env["CEASEFIRE_DATA_DIR"]).mkdir(parents=True, exist_ok=True)
    stop = False

    def _stop(_sig: int, _frame: object) -> None:
        nonlocal stop
        stop = True

    # Explicit handlers: a shell that starts us in the background leaves SIGINT ignored.
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, _stop)
    with (
        metadata_database(args.postgres, args.database, keep=True) as db_url,
        broker_database(args.redis, args.redis_db, keep=True) as broker_url,
    ):
        stack = Stack(home, db_url, broker_url, args.port, ceasefire_env, worker_concurrency=args.concurrency)
        password_file = home / "admin-password"
        if password_file.exists():
            stack.password = password_file.read_text(encoding="utf-8").strip()
        else:
            password_file.write_text(stack.password, encoding="utf-8")
            password_file.chmod(0o600)
        try:
            stack.init()
            stack.start()
            Api(stack.api_url, ADMIN, stack.password).wait_ready(stack, timeout=180)
            print(f"\nAirflow UI and API: {stack.api_url}  (user {ADMIN}, password in {password_file})")
            print(f"AIRFLOW_HOME={home}  metadata DB={args.database}  broker={broker_url}")
            print(f"warehouse={ceasefire_env['CEASEFIRE_WAREHOUSE']}  logs={home / 'logs'}")
            if site is not None:
                print(f"sample news site: {site.base_url}  feeds: {ceasefire_env['CEASEFIRE_FEEDS']}")
            print("Ctrl-C stops every component.\n", flush=True)
            while not stop:
                dead = stack.dead()
                if dead:
                    print(f"component(s) exited: {', '.join(dead)}\n{stack.report()}", file=sys.stderr)
                    raise SystemExit(1)
                time.sleep(2)
        finally:
            print("stopping...", flush=True)
            stack.stop()
            if site is not None:
                site.stop()


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--postgres",
        default=os.environ.get("STACK_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres"),
        help="server URL used to create the metadata database (env STACK_POSTGRES_URL)",
    )
    parser.add_argument("--redis", default=os.environ.get("STACK_REDIS_URL", "redis://127.0.0.1:6379/0"),
                        help="Redis server URL (env STACK_REDIS_URL)")  # fmt: skip
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="run the stack in the foreground until Ctrl-C")
    run.add_argument("--home", default=str(REPO / "airflow-home"), help="AIRFLOW_HOME (kept)")
    run.add_argument("--database", default="ceasefire_airflow", help="metadata database name (created, kept)")
    run.add_argument("--redis-db", type=int, default=0, help="Redis database number for Celery")
    run.add_argument("--port", type=int, default=8080, help="API server / UI port")
    run.add_argument("--concurrency", type=int, default=4, help="tasks the Celery worker runs at once")
    run.add_argument("--sample", action="store_true", help="serve the bundled sample and read its feeds")
    test = sub.add_parser("test", help="one daily run end to end against the sample, then tear down")
    test.add_argument("--since", default="2025-03-01", help="first publication day the run takes")
    test.add_argument("--timeout", type=float, default=360, help="seconds for the whole test")
    test.add_argument("--verbose", action="store_true", help="print component logs on success too")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point; exit status 0 on success, 1 on failure, 2 when Postgres or Redis is unavailable."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "run":
            run_foreground(args)
            return 0
        result = run_test(args)
    except StackUnavailable as exc:
        print(f"stack: {exc}", file=sys.stderr)
        return 2
    print(f"[stack] run state {result.state} in {result.seconds:.0f}s; tasks: {sorted(result.tasks.items())}")
    import duckdb

    with duckdb.connect(str(result.warehouse), read_only=True) as con:
        articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        runs = con.execute("SELECT run_id, status FROM runs").fetchall()
    print(f"[stack] warehouse {result.warehouse}: {articles} articles; runs {runs}")
    return 0 if result.state == "success" and runs and all(s == "checked" for _, s in runs) else 1


if __name__ == "__main__":
    sys.exit(main())
