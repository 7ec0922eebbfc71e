#!/usr/bin/env bash
# Runs the end-to-end harness (experiments/eval) once per line of a queue file and keeps each run's output.
#   experiments/run.sh QUEUE     each line: TAG key=value ...  (e.g. "akiyo-base in=experiments/runs/akiyo32.y4m")
# Outputs: experiments/runs/TAG.txt (the harness's log); the RESULT lines are what experiments/NOTES.md records.
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."
dotnet build experiments/eval -c Release -v quiet -nologo >/dev/null
mkdir -p experiments/runs
# Run a copy of the build, so that building again while a queue runs cannot change or break it.
bin="experiments/runs/bin-$(basename "$1" .txt)"
rm -rf "$bin" && cp -r experiments/eval/bin/Release/net10.0 "$bin"
dll="$bin/Asmr.Experiments.Eval.dll"
while read -r tag args; do
  [ -z "$tag" ] || [ "${tag:0:1}" = "#" ] && continue
  start=$(date +%s)
  # shellcheck disable=SC2086
  dotnet "$dll" $args > "experiments/runs/$tag.txt" 2>&1 || echo "FAILED" >> "experiments/runs/$tag.txt"
  echo "$tag ($(( $(date +%s) - start )) s): $(grep -E '^RESULT|FAILED' "experiments/runs/$tag.txt" | tail -1)"
done < "$1"
