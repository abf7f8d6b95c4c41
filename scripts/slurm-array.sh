#!/usr/bin/env bash
# One task of a Slurm job array running crisis: task I of N runs one crisis command in which
# {I}, {N} and {CPUS} stand for the task's index, the number of tasks and its CPUs.
#
#   sbatch --array=1-N [sbatch options] scripts/slurm-array.sh N CRISIS-ARGUMENTS...
#
# A sweep in 16 shards of 8 CPUs each, then the merge (docs/SWEEPS.md, "Shards and clusters"):
#
#   ./crisis --version     # build target/crisis.jar once, before any task starts
#   sbatch --array=1-16 --cpus-per-task=8 scripts/slurm-array.sh 16 \
#       sweep scenarios/sweeps/sobol-baseline.yaml --shard {I}/{N} --threads {CPUS} \
#       --out shards/sobol-baseline/{I} --quiet
#   ./crisis merge shards/sobol-baseline/* --out results/sobol-baseline
#
# Folds of a calibration, or any command split into parts, take the same form: pass the part
# as {I}/{N} to the command's own option.
#
# N is given on the command line, not taken from SLURM_ARRAY_TASK_COUNT: resubmitting one
# failed task with --array=2 makes an array of one task, whose SLURM_ARRAY_TASK_COUNT is 1.
# Resubmit a failed task with the same arguments, plus --resume:
#
#   sbatch --array=2 --cpus-per-task=8 scripts/slurm-array.sh 16 \
#       sweep scenarios/sweeps/sobol-baseline.yaml --shard {I}/{N} --threads {CPUS} \
#       --out shards/sobol-baseline/{I} --quiet --resume
#
# The shard then continues from its journal (no finished run is done again), and --resume
# refuses (exit 2) to start a new sweep if the --out does not name the failed task's.
#
# Runs in the directory sbatch was called from (the project's root), with the jar
# target/crisis.jar there, or CRISIS_JAR; JVM options from CRISIS_JAVA_OPTS. It does not build
# the jar: sixteen tasks building it at once would overwrite each other's build.
#
#SBATCH --job-name=crisis
#SBATCH --output=slurm-%A_%a.out
set -euo pipefail

usage() {
  echo "usage: sbatch --array=1-N scripts/slurm-array.sh N CRISIS-ARGUMENTS... ({I}, {N}, {CPUS} are replaced)" >&2
  exit 2
}

[ $# -ge 2 ] || usage
count="$1"
shift
case "$count" in
  '' | *[!0-9]* | 0*) echo "slurm-array: N must be a whole number of tasks (1 or more), found '$count'" >&2; usage ;;
esac
task="${SLURM_ARRAY_TASK_ID:-}"
case "$task" in
  '' | *[!0-9]*) echo "slurm-array: SLURM_ARRAY_TASK_ID is '$task': submit with sbatch --array=1-$count" >&2; exit 2 ;;
esac
if [ "$task" -lt 1 ] || [ "$task" -gt "$count" ]; then
  echo "slurm-array: task $task is outside 1..$count: submit with --array=1-$count (or a part of it)" >&2
  exit 2
fi
# {CPUS}: the task's CPUs; Slurm allocates one when --cpus-per-task is not given
if [ -n "${SLURM_CPUS_PER_TASK:-}" ]; then
  cpus="$SLURM_CPUS_PER_TASK"
elif [ -n "${SLURM_JOB_ID:-}" ]; then
  cpus=1
else
  cpus="$(nproc)"
fi

cd "${SLURM_SUBMIT_DIR:-.}"
jar="${CRISIS_JAR:-target/crisis.jar}"
if [ ! -f "$jar" ]; then
  echo "slurm-array: no $jar in $(pwd): build it once with ./crisis --version before submitting" >&2
  exit 2
fi

args=()
for a in "$@"; do
  a="${a//\{I\}/$task}"
  a="${a//\{N\}/$count}"
  a="${a//\{CPUS\}/$cpus}"
  args+=("$a")
done
echo "slurm-array: task $task of $count (job ${SLURM_ARRAY_JOB_ID:-none}, array of ${SLURM_ARRAY_TASK_COUNT:-?}) on $(hostname -s): crisis ${args[*]}" >&2
# shellcheck disable=SC2086 # CRISIS_JAVA_OPTS holds several options
exec java ${CRISIS_JAVA_OPTS:-} -jar "$jar" "${args[@]}"
