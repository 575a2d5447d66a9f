"""Run ``pip-audit --strict`` and report honestly when the vulnerability database is unreachable.

pip-audit without ``--strict`` skips packages it cannot look up and still prints "No known
vulnerabilities found". With ``--strict`` it fails instead, but then an offline machine and a
vulnerable dependency look alike. This wrapper tells them apart:

  exit 0   every dependency was audited and none has a known vulnerability
  exit 1   a known vulnerability, or pip-audit failed for another reason
  exit 77  SKIPPED: the vulnerability database could not be reached (never reported as a pass)

Usage: python scripts/pip_audit.py [extra pip-audit arguments]
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

SKIPPED = 77
UNREACHABLE = re.compile(
    r"could not be audited|Connection(Error| refused|ResetError)|Max retries exceeded|"
    r"NameResolutionError|Temporary failure in name resolution|Failed to establish|timed out",
    re.IGNORECASE,
)
VULNERABLE = re.compile(r"Found \d+ known vulnerabilit", re.IGNORECASE)


def pip_audit_command() -> list[str]:
    local = Path(sys.executable).with_name("pip-audit")
    executable = str(local) if local.exists() else shutil.which("pip-audit") or "pip-audit"
    return [executable, "--strict", "--progress-spinner", "off", "--skip-editable"]


def main(argv: list[str]) -> int:
    result = subprocess.run(
        [*pip_audit_command(), *argv], capture_output=True, text=True, check=False
    )
    output = result.stdout + result.stderr
    sys.stdout.write(result.stdout)
    if result.returncode == 0:
        print("pip-audit: every dependency audited, no known vulnerabilities.")
        return 0
    if VULNERABLE.search(output):
        sys.stderr.write(result.stderr)
        print("pip-audit: FAILED, known vulnerabilities above.")
        return 1
    if UNREACHABLE.search(output):
        first = next(line for line in output.splitlines() if UNREACHABLE.search(line))
        print(
            f"pip-audit: SKIPPED, the vulnerability database could not be reached "
            f"(first message: {first.strip()}). Dependencies were NOT audited."
        )
        return SKIPPED
    sys.stderr.write(result.stderr)
    print(f"pip-audit: FAILED with exit code {result.returncode}.")
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
