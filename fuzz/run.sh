#!/usr/bin/env bash
# Fuzzes the .asmr reader + model parser + decoder with SharpFuzz and AFL++ (see fuzz/README.md).
# Usage: fuzz/run.sh [seconds]   (default 600). Findings go to $FUZZ_WORK/findings (default /tmp/asmr-fuzz).
set -euo pipefail
seconds="${1:-600}"
here="$(cd "$(dirname "$0")" && pwd)"
work="${FUZZ_WORK:-/tmp/asmr-fuzz}"
out="$work/out"
tools="$work/tools"
mkdir -p "$work"

# 1. The instrumenter (once).
if [ ! -x "$tools/sharpfuzz" ]; then
  dotnet tool install --tool-path "$tools" SharpFuzz.CommandLine --version 2.3.0
fi

# 2. Publish the harness, then instrument the two libraries under test in place.
rm -rf "$out"
dotnet publish "$here/Asmr.Fuzz/Asmr.Fuzz.csproj" -c Release -o "$out" --artifacts-path "$work/build" -v quiet
"$tools/sharpfuzz" "$out/Asmr.Container.dll"
"$tools/sharpfuzz" "$out/Asmr.Decoder.dll"

# 3. Fuzz. The dotnet host is not instrumented (AFL_SKIP_BIN_CHECK); -t is the per-input timeout in ms.
AFL_SKIP_BIN_CHECK=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1 \
  afl-fuzz -i "$here/corpus" -o "$work/findings" -t 5000 -m none -V "$seconds" -- dotnet "$out/Asmr.Fuzz.dll"

grep -E '^(execs_done|saved_crashes|saved_hangs|unique_crashes|unique_hangs)' "$work/findings/default/fuzzer_stats" || true
echo "crashes: $work/findings/default/crashes  (replay one: dotnet $out/Asmr.Fuzz.dll < FILE)"
