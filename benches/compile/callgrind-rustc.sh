#!/usr/bin/env bash
# RUSTC_WORKSPACE_WRAPPER for benches/compile.sh: cargo calls it as `callgrind-rustc.sh RUSTC
# ARGS...` for the benchmark crate only (its workspace's one member, never a dependency). The
# crate's compilation runs under valgrind's callgrind, which counts every instruction rustc
# executes (all its threads; not the linker it spawns) and writes the report, with its
# "Collected : N" total, to $COMPILE_BENCH_CALLGRIND_LOG. Anything else cargo asks of rustc
# through the wrapper (`-vV`, `--print`) runs as it is.
set -euo pipefail

rustc=$1
shift
compiles=false
for arg in "$@"; do
    if [[ $arg == --crate-name ]]; then
        compiles=true
    fi
done
if [[ $compiles == true && -n ${COMPILE_BENCH_CALLGRIND_LOG:-} ]]; then
    exec valgrind --tool=callgrind --callgrind-out-file=/dev/null \
        --log-file="$COMPILE_BENCH_CALLGRIND_LOG" "$rustc" "$@"
fi
exec "$rustc" "$@"
