"""Airflow reads AIRFLOW_HOME when first imported: point it at a throwaway folder before any test imports it."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

# Set at import, before collection imports airflow; never the user's ~/airflow.
os.environ["AIRFLOW_HOME"] = tempfile.mkdtemp(prefix="ceasefire-airflow-home-")
os.environ["AIRFLOW__CORE__DAGS_FOLDER"] = str(REPO / "dags")
os.environ["AIRFLOW__CORE__LOAD_EXAMPLES"] = "False"
os.environ["AIRFLOW__CORE__UNIT_TEST_MODE"] = "False"
