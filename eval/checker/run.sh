#!/usr/bin/env bash
# Prints per-language precision/recall/F1 of `candor check` on the labelled evaluation set.
set -euo pipefail
cd "$(dirname "$0")/../.."
exec cargo run --release -q -p candor-text --example checker_eval -- eval/checker "$@"
