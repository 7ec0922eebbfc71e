#!/usr/bin/env bash
# Submits an asmrc encode to Slurm: a job array of N shards (asmrc-shard.sbatch), then a merge job that runs when
# every shard has succeeded (asmrc-merge.sbatch, --dependency=afterok). Prints the two job ids.
#
#   deploy/slurm/submit.sh --shards N [--threads T] [--parts DIR] [--wait] IN OUT [encode options...]
#
#   --shards N   shards (array tasks), 1 to the plan's segments: see `asmrc encode IN --plan` (and the README)
#   --threads T  CPUs per task and asmrc's --threads (default 1); byte identity with a single-machine encode
#                needs the same --threads there
#   --parts DIR  where the parts and logs go (default OUT.shards); every node must see it (a shared filesystem)
#   --wait       wait for the merge job; exit 0 only when OUT was written
# IN, OUT and DIR must be paths every node sees. Other sbatch settings come from sbatch's own variables
# (SBATCH_PARTITION, SBATCH_TIMELIMIT, SBATCH_ACCOUNT, ...). ASMRC is the asmrc command on the nodes (default asmrc).
# Exit codes: 0 submitted (with --wait: OUT written), 1 usage, 2 sbatch refused a job, 3 (--wait) the merge job did
# not complete (a shard failed, or merge refused the parts; see the logs in DIR).
set -euo pipefail

here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
usage() { sed -n '5,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,3\}//' >&2; exit 1; }

shards="" threads=1 parts="" wait=0
while [[ $# -gt 0 ]]; do
    case "$1" in
        --shards) shards="${2:-}"; shift 2 ;;
        --threads) threads="${2:-}"; shift 2 ;;
        --parts) parts="${2:-}"; shift 2 ;;
        --wait) wait=1; shift ;;
        -h|--help) usage ;;
        *) break ;;
    esac
done
[[ $# -ge 2 && "$shards" =~ ^[1-9][0-9]*$ && "$threads" =~ ^[1-9][0-9]*$ ]] || usage
input="$(realpath -m "$1")"
output="$(realpath -m "$2")"
shift 2
parts="$(realpath -m "${parts:-$output.shards}")"
mkdir -p "$parts"

array="$(sbatch --parsable --array="1-$shards" --cpus-per-task="$threads" --export="ALL,ASMRC_SHARDS=$shards" \
    --output="$parts/shard-%a.log" "$here/asmrc-shard.sbatch" "$input" "$parts" "$@")" \
    || { echo "submit: sbatch refused the shard array" >&2; exit 2; }
array="${array%%;*}"
echo "submit: shards: job array $array (1-$shards), parts in $parts" >&2

merge="$(sbatch --parsable --dependency="afterok:$array" --kill-on-invalid-dep=yes --output="$parts/merge.log" \
    "$here/asmrc-merge.sbatch" "$output" "$parts" "$shards")" \
    || { echo "submit: sbatch refused the merge job" >&2; exit 2; }
merge="${merge%%;*}"
echo "submit: merge: job $merge, after every shard succeeds; writes $output" >&2
echo "$array $merge"
[[ $wait = 1 ]] || exit 0

# Polled rather than sbatch --wait, which answers late and exits 0 for a merge cancelled because a shard failed:
# the job's end state and OUT decide.
state=""
while :; do
    state="$(scontrol -o show job "$merge" 2>/dev/null | grep -o 'JobState=[A-Z_]*' | cut -d= -f2 || true)"
    case "$state" in
        PENDING|CONFIGURING|RUNNING|COMPLETING|REQUEUED|REQUEUE_HOLD|REQUEUE_FED|RESIZING|SUSPENDED|STAGE_OUT|SIGNALING) sleep 1 ;;
        *) break ;;
    esac
done
if [[ "$state" != COMPLETED || ! -f "$output" ]]; then
    echo "submit: the merge job $merge ended ${state:-in an unknown state} without writing $output; see $parts/*.log" >&2
    exit 3
fi
echo "submit: $output written (merge job $merge)" >&2
