#!/usr/bin/env bash
# A one-node Slurm cluster on this machine, for trying the recipe and for the tests: munged, slurmctld and slurmd,
# with every file (munge key, slurm.conf, state, spool, logs, pid files) in one folder.
#
#   deploy/slurm/local-cluster.sh start DIR   install Slurm and MUNGE if missing (as root, with apt-get), write the
#                                             configuration in DIR, start the daemons and wait until the node is idle;
#                                             then `export SLURM_CONF=DIR/slurm.conf` and use sbatch, squeue, ...
#   deploy/slurm/local-cluster.sh stop DIR    stop the daemons started in DIR (by the pids in DIR), leave DIR
#
# Must run as root: slurmd runs jobs as their owner and munged is started as the munge user. The ports are
# SLURMCTLD_PORT (default 6817) and SLURMD_PORT (6818). Exit codes: 0 done, 1 usage, 2 cannot install or start.
set -euo pipefail

usage() { echo "usage: $0 start|stop DIR" >&2; exit 1; }
die() { echo "local-cluster: $*" >&2; exit 2; }
[[ $# -eq 2 ]] || usage
action="$1"
dir="$(mkdir -p "$2" && cd "$2" && pwd)"

# The daemons started by 'start', stopped in reverse order: the job daemons before the authentication they use.
daemons=(slurmd slurmctld munged)

stop() {
    local name pid
    for name in "${daemons[@]}"; do
        pid="$(cat "$dir/$name.pid" 2>/dev/null || true)"
        [[ -n "$pid" ]] || continue
        kill "$pid" 2>/dev/null || true
        # Wait up to 10 s, then force: a daemon left behind would hold its port for the next cluster.
        for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$pid" 2>/dev/null || true
        rm -f "$dir/$name.pid"
    done
}

install_if_missing() {
    if command -v slurmctld >/dev/null && command -v slurmd >/dev/null && command -v sbatch >/dev/null && command -v munged >/dev/null; then
        return
    fi
    command -v apt-get >/dev/null || die "Slurm (slurmctld, slurmd, sbatch) and munged are missing and there is no apt-get to install them"
    echo "local-cluster: installing slurmctld, slurmd, slurm-client and munge with apt-get" >&2
    # No service is started by the packages' scripts: this script starts its own daemons with its own files.
    local policy=/usr/sbin/policy-rc.d
    local had_policy=0
    [[ -e $policy ]] && had_policy=1
    [[ $had_policy = 1 ]] || { printf '#!/bin/sh\nexit 101\n' > "$policy"; chmod 755 "$policy"; }
    local status=0
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq slurmctld slurmd slurm-client munge >/dev/null; } || status=$?
    [[ $had_policy = 1 ]] || rm -f "$policy"
    [[ $status = 0 ]] || die "apt-get could not install slurmctld, slurmd, slurm-client and munge (status $status)"
}

start() {
    [[ "$(id -u)" = 0 ]] || die "must run as root (slurmd and munged need it); not root, so nothing was started"
    install_if_missing
    stop
    local host cpus
    host="$(hostname -s)"
    cpus="$(nproc)"
    mkdir -p "$dir/state" "$dir/spool" "$dir/log" "$dir/munge"
    # munged refuses a key others may read and a socket folder others cannot enter (711: enter, not list).
    chmod 755 "$dir"
    chown munge: "$dir/munge"
    chmod 711 "$dir/munge"
    dd if=/dev/urandom bs=1 count=1024 of="$dir/munge/munge.key" status=none
    chown munge: "$dir/munge/munge.key"
    chmod 400 "$dir/munge/munge.key"
    cat > "$dir/slurm.conf" <<CONF
ClusterName=asmrc-local
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=${SLURMCTLD_PORT:-6817}
SlurmdPort=${SLURMD_PORT:-6818}
SlurmUser=root
AuthType=auth/munge
AuthInfo=socket=$dir/munge/munge.socket
CredType=cred/munge
MpiDefault=none
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
ReturnToService=2
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus State=UNKNOWN
PartitionName=local Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
    runuser -u munge -- munged --key-file="$dir/munge/munge.key" --socket="$dir/munge/munge.socket" \
        --pid-file="$dir/munge/munged.pid" --log-file="$dir/munge/munged.log" --seed-file="$dir/munge/munged.seed" \
        || die "munged did not start (see $dir/munge/munged.log)"
    for _ in $(seq 50); do [[ -s "$dir/munge/munged.pid" ]] && break; sleep 0.1; done
    cp "$dir/munge/munged.pid" "$dir/munged.pid"
    export SLURM_CONF="$dir/slurm.conf"
    slurmctld -f "$SLURM_CONF" -i || die "slurmctld did not start (see $dir/log/slurmctld.log)"
    slurmd -f "$SLURM_CONF" || die "slurmd did not start (see $dir/log/slurmd.log)"
    # Ready when the node takes jobs: idle (or mixed/allocated, if someone was quick).
    local state=""
    for _ in $(seq 300); do
        state="$(sinfo -h -N -n "$host" -o %T 2>/dev/null || true)"
        [[ "$state" =~ ^(idle|mixed|allocated) ]] && { echo "local-cluster: node $host ($cpus CPUs) is $state; export SLURM_CONF=$SLURM_CONF" >&2; return; }
        sleep 0.1
    done
    die "the node did not become idle in 30 s (state '$state'; see $dir/log/)"
}

case "$action" in
    start) start ;;
    stop) stop ;;
    *) usage ;;
esac
