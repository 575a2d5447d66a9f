"""Start and stop worker processes for whichever django-tasks backend is configured.

``hrdwatch ingest --workers N`` runs N of the backend's own workers (django-tasks-db's
``db_worker`` or django-rq's ``rqworker`` with django-tasks-rq's job class) as child processes,
so the same workers can equally run on other machines against the same database or Redis.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django_tasks import task_backends

from .tasks import queue_name


def backend_path() -> str:
    backend = task_backends["default"]
    return f"{type(backend).__module__}.{type(backend).__name__}"


def runs_inline() -> bool:
    """True when tasks run as soon as they are queued (the test settings' immediate backend)."""
    return backend_path().startswith("django_tasks.backends.immediate")


def worker_command() -> list[str]:
    """The command line of one worker process for the configured backend."""
    base = [sys.executable, "-m", "hrdwatch.cli"]
    if "django_tasks_rq" in backend_path():
        return [
            *base,
            "rqworker",
            queue_name(),
            "--job-class",
            "django_tasks_rq.Job",
            "--worker-class",
            "rq.worker.SimpleWorker",  # no fork per job: warm models stay loaded
        ]
    return [
        *base,
        "db_worker",
        "--queue-name",
        queue_name(),
        "--interval",
        "0.2",
        "--no-startup-delay",
        "--no-reload",
        "--verbosity",
        "0",
    ]


@dataclass
class WorkerPool:
    """N worker processes; crashed ones are noticed and replaced by ``replace_dead``."""

    size: int
    processes: list[subprocess.Popen[bytes]] = field(default_factory=list)
    crashes: int = 0

    def start(self) -> None:
        self.processes = [self._spawn() for _ in range(self.size)]

    def _spawn(self) -> subprocess.Popen[bytes]:
        """Start one worker; its log goes to DATA_DIR/logs/ingest-worker.log, not the terminal."""
        logs = Path(settings.DATA_DIR) / "logs"
        logs.mkdir(parents=True, exist_ok=True)
        with (logs / "ingest-worker.log").open("ab") as log:
            return subprocess.Popen(
                worker_command(),
                env=dict(os.environ),
                stdout=log,
                stderr=log,
                stdin=subprocess.DEVNULL,
            )

    def replace_dead(self) -> int:
        """Restart workers that exited; return how many had died."""
        dead = 0
        for index, process in enumerate(self.processes):
            if process.poll() is not None:
                dead += 1
                self.processes[index] = self._spawn()
        self.crashes += dead
        return dead

    def stop(self, timeout: float = 30.0) -> None:
        """Ask each worker to finish its current task and exit; kill those that do not."""
        for process in self.processes:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
