#!/bin/bash
# Latent-grid prototype runs (harness build /tmp/scratch/b3)
cd /work/main/experiments
run() { tag=$1; shift; start=$(date +%s); out=$(dotnet /tmp/scratch/b3/scratch.dll "$@" 2>&1); echo "$out" > out-$tag.txt;
  printf '%s | %s | %s | wall %ss | %s || %s || %s\n' "$(date -u +%H:%M)" "$tag" "$*" "$(( $(date +%s) - start ))" "$(echo "$out" | grep -E '^(params|grid latents)' | tr '\n' ' ')" "$(echo "$out" | grep 'float:')" "$(echo "$out" | grep 'grid step' | tr '\n' ' ')" >> log.txt; }
run G2r4 steps=500 lr=5e-3 mlr=3e-2 kinds=TTTL every=1000 bytes=20000 grid=2 rank=4
