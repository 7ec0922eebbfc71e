#!/bin/bash
# Usage: run.sh <tag> key=value ...   (runs the scratch harness, appends the summary to experiments/log.txt)
tag=$1; shift
start=$(date +%s)
out=$(dotnet /tmp/scratch/bin/Release/net10.0/scratch.dll "$@" 2>&1)
echo "$out" > /work/main/experiments/out-$tag.txt
printf '%s | %s | %s | wall %ss | %s || %s || %s\n' "$(date -u +%H:%M)" "$tag" "$*" "$(( $(date +%s) - start ))" "$(echo "$out" | grep -E '^params' | head -1)" "$(echo "$out" | grep 'float:')" "$(echo "$out" | grep 'quantized:')" >> /work/main/experiments/log.txt
