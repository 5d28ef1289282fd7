"""Times proselint 0.16 in-process on the texts in a JSON list (argv[1]); prints JSON.

Same inputs and same in-process setting as the Rust side: registry set up once, then every
non-empty text linted; interpreter start-up and imports are not counted.
"""
import json
import sys
import time

from proselint.checks import __register__
from proselint.config import DEFAULT
from proselint.registry import CheckRegistry
from proselint.tools import LintFile

CheckRegistry().register_many(__register__)
texts = json.load(open(sys.argv[1], encoding="utf-8"))
start, cpu_start = time.perf_counter(), time.thread_time()
findings = 0
for i, text in enumerate(texts):
    findings += len(LintFile(f"m{i}", text).lint(DEFAULT))
print(json.dumps({
    "seconds": time.perf_counter() - start,
    "cpu_seconds": time.thread_time() - cpu_start,
    "findings": findings,
}))
