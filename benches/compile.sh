#!/usr/bin/env bash
# The compile cost of calling every one of the 41 Training operations: the crate
# benches/compile/declared (through the declared `customvision_training::Training` on a
# `declarest::Client`) next to benches/compile/hand_written (the same program, the same models,
# the requests written by hand on reqwest). Both are built from copies whose path dependencies
# point at the chosen checkout; all dependencies are built once, in target/compile-bench; then
# only each crate's own compilation is measured:
#
# - instructions: the crate's rustc, run once under valgrind's callgrind (through
#   benches/compile/callgrind-rustc.sh as RUSTC_WORKSPACE_WRAPPER): the "Collected" total,
#   repeatable whatever else the machine is doing; the linker is not counted;
# - wall: `touch src/main.rs && cargo build` (debug, CARGO_INCREMENTAL=0), ROUNDS times,
#   interleaved across the crates; the median, with the min and max, and for the ratios also
#   the median of the per-round ratios ("paired").
#
# Usage: benches/compile.sh
#   Before / after a change: git worktree add ../wt-before 33b6263 &&
#   DECLAREST_BASELINE=../wt-before benches/compile.sh
# Environment:
#   ROUNDS=5                  wall-time rounds
#   CALLGRIND=0               skip the instruction counts (also when valgrind is missing)
#   DECLAREST_REPO=DIR        the checkout the crates depend on (default: this one)
#   DECLAREST_BASELINE=DIR    another checkout (e.g. an older commit's worktree): `declared` is
#                             also measured against it, with the ratio after / before
#   CRATES="declared hand_written"   which crates to measure against DECLAREST_REPO
#   CHECK=1                   first run the built programs against customvision-fake (all 41
#                             operations, normal and v2.0-quirks mode); builds the fake
#   OUT=DIR                   where the raw outputs go (default target/compile-bench/results/TIME)
# Needs bash 4, cargo, and valgrind for the instruction counts.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bench=$here/benches/compile
target=$here/target/compile-bench
rounds=${ROUNDS:-5}
callgrind=${CALLGRIND:-1}
crates=${CRATES:-declared hand_written}
out=${OUT:-$target/results/$(date +%Y%m%d-%H%M%S)}

die() {
    echo "compile.sh: $*" >&2
    exit 1
}

[[ $rounds =~ ^[1-9][0-9]*$ ]] || die "ROUNDS must be a positive integer, not '$rounds'"
command -v cargo >/dev/null || die "cargo is not on PATH"
if [[ $callgrind != 0 ]] && ! command -v valgrind >/dev/null; then
    echo "compile.sh: valgrind is not installed, so no instruction counts (apt-get install" \
        "valgrind, or your system's package); measuring wall times only" >&2
    callgrind=0
fi

# The checkout a variant depends on: an absolute path holding training/ and runtime/.
checkout() {
    local dir
    dir=$(cd "$1" 2>/dev/null && pwd) || die "no such directory: $1"
    [[ -f $dir/training/Cargo.toml && -f $dir/runtime/Cargo.toml ]] ||
        die "$dir is not a declarest checkout (no training/ or runtime/)"
    printf '%s\n' "$dir"
}

# The last commit that changed the checkout's crates (`abc1234`), with `+changes` when they
# have uncommitted changes.
revision() {
    local rev
    rev=$(git -C "$1" log -1 --format=%h -- runtime macros training 2>/dev/null) || rev=""
    if [[ -z $rev ]]; then
        echo "unknown"
        return
    fi
    if ! git -C "$1" diff --quiet HEAD -- runtime macros training 2>/dev/null; then
        rev+="+changes"
    fi
    printf '%s\n' "$rev"
}

repo=$(checkout "${DECLAREST_REPO:-$here}")
variants=()  # label
declare -A crate_of repo_of dir_of
add_variant() {  # crate checkout
    local label
    label="$1@$(revision "$2")"
    [[ -z ${crate_of[$label]:-} ]] || die "$label is measured twice: give another DECLAREST_BASELINE"
    variants+=("$label")
    crate_of[$label]=$1
    repo_of[$label]=$2
    # Cargo gives copies of a crate with the same dependencies the same unit (and fingerprint)
    # whatever their path: one directory per crate and checkout, the same in every run.
    dir_of[$label]=$target/crates/$1-$(printf '%s' "$2" | cksum | cut -d' ' -f1)
}
for crate in $crates; do
    [[ -f $bench/$crate/Cargo.toml ]] || die "no crate $bench/$crate"
    add_variant "$crate" "$repo"
done
if [[ -n ${DECLAREST_BASELINE:-} ]]; then
    add_variant declared "$(checkout "$DECLAREST_BASELINE")"
fi

# A copy of a crate whose `path = "../../../x"` dependencies point into `checkout`, with the
# shared scenario beside it (the crates include it as `../../scenario.rs`).
copy_crate() {  # crate checkout destination
    local crate=$1 from=$2 dest=$3 line
    mkdir -p "$dest"
    cp "$bench/scenario.rs" "$dest/scenario.rs"
    rm -rf "$dest/$crate/src"
    mkdir -p "$dest/$crate"
    cp -R "$bench/$crate/src" "$dest/$crate/src"
    # The committed lock pins the versions the workspace uses; cargo adds what an older
    # checkout needs besides.
    cp "$bench/$crate/Cargo.lock" "$dest/$crate/Cargo.lock"
    while IFS= read -r line; do
        printf '%s\n' "${line//'path = "../../../'/"path = \"$from/"}"
    done <"$bench/$crate/Cargo.toml" >"$dest/$crate/Cargo.toml"
}

export CARGO_TARGET_DIR=$target
export CARGO_INCREMENTAL=0
export CARGO_TERM_COLOR=never
unset RUSTC_WORKSPACE_WRAPPER COMPILE_BENCH_CALLGRIND_LOG
mkdir -p "$out"

{
    echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "repo: $repo ($(revision "$repo"))"
    [[ -n ${DECLAREST_BASELINE:-} ]] && echo "baseline: $(checkout "$DECLAREST_BASELINE")"
    rustc -V
    cargo -V
    echo "cpus: $(nproc 2>/dev/null || echo '?'), load: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
    echo "rounds: $rounds, callgrind: $callgrind, RUSTFLAGS: ${RUSTFLAGS:-(none)}"
} | tee "$out/environment.txt"

echo "== building every dependency once (logs in $out)"
for v in "${variants[@]}"; do
    copy_crate "${crate_of[$v]}" "${repo_of[$v]}" "${dir_of[$v]}"
    manifest=${dir_of[$v]}/${crate_of[$v]}/Cargo.toml
    # A build of the crate from elsewhere into this target directory would own its fingerprint.
    cargo clean --manifest-path "$manifest" -p "${crate_of[$v]}" >/dev/null 2>&1 || true
    cargo build --manifest-path "$manifest" >"$out/build-$v.log" 2>&1 ||
        die "building $v failed: see $out/build-$v.log"
    # Every variant of a crate is uplifted to the same path: keep this one's program.
    cp "$target/debug/${crate_of[$v]}" "${dir_of[$v]}/program"
    echo "$v: built"
done

if [[ ${CHECK:-0} != 0 ]]; then
    echo "== running the programs against customvision-fake"
    check_dir=$target/crates/on_fake
    rm -rf "$check_dir"
    mkdir -p "$check_dir"
    cp -R "$bench/on_fake/src" "$bench/on_fake/Cargo.lock" "$check_dir/"
    while IFS= read -r line; do
        printf '%s\n' "${line//'path = "../../../'/"path = \"$repo/"}"
    done <"$bench/on_fake/Cargo.toml" >"$check_dir/Cargo.toml"
    cargo build --manifest-path "$check_dir/Cargo.toml" >"$out/build-on_fake.log" 2>&1 ||
        die "building on_fake failed: see $out/build-on_fake.log"
    programs=()
    for v in "${variants[@]}"; do
        programs+=("${dir_of[$v]}/program")
    done
    "$target/debug/on_fake" "${programs[@]}" | tee "$out/check.txt" ||
        die "a program failed against the fake: see $out/check.txt"
fi

# Fails unless cargo's output (in the file) shows that it compiled the crate.
compiled() {  # variant log
    grep -q "Compiling ${crate_of[$1]} v" "$2" ||
        die "cargo did not recompile $1 after touch src/main.rs: see $2"
}

declare -A instructions
if [[ $callgrind != 0 ]]; then
    echo "== instructions: each crate's rustc under callgrind (about a minute each)"
    for v in "${variants[@]}"; do
        dir=${dir_of[$v]}/${crate_of[$v]}
        log=$out/callgrind-$v.log
        touch "$dir/src/main.rs"
        RUSTC_WORKSPACE_WRAPPER=$bench/callgrind-rustc.sh COMPILE_BENCH_CALLGRIND_LOG=$log \
            cargo build --manifest-path "$dir/Cargo.toml" >"$out/callgrind-build-$v.log" 2>&1 ||
            die "the callgrind build of $v failed: see $out/callgrind-build-$v.log"
        compiled "$v" "$out/callgrind-build-$v.log"
        count=$(awk '/Collected :/ { n = $NF } END { print n }' "$log")
        [[ $count =~ ^[0-9]+$ ]] || die "no instruction count in $log"
        instructions[$v]=$count
        echo "$v: $count instructions"
    done
fi

echo "== wall: $rounds interleaved rounds of touch src/main.rs && cargo build"
printf 'round\tcrate\tseconds\n' >"$out/wall.tsv"
for ((round = 1; round <= rounds; round++)); do
    for v in "${variants[@]}"; do
        dir=${dir_of[$v]}/${crate_of[$v]}
        touch "$dir/src/main.rs"
        log=$out/wall-build-$round-$v.log
        start=$(date +%s%N)
        cargo build --manifest-path "$dir/Cargo.toml" >"$log" 2>&1 ||
            die "building $v failed: see $log"
        end=$(date +%s%N)
        compiled "$v" "$log"
        seconds=$(awk -v ns=$((end - start)) 'BEGIN { printf "%.3f", ns / 1e9 }')
        printf '%s\t%s\t%s\n' "$round" "$v" "$seconds" >>"$out/wall.tsv"
        echo "round $round: $v ${seconds}s"
    done
done

# Median, min and max of a variant's wall times.
wall_stats() {
    awk -F'\t' -v v="$1" 'NR > 1 && $2 == v { print $3 }' "$out/wall.tsv" | sort -n |
        awk '{ t[NR] = $1 } END {
            m = NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
            printf "%.2f %.2f %.2f", m, t[1], t[NR]
        }'
}

# The median over rounds of a's time / b's time in the same round: steadier than the ratio of
# medians when the machine's load drifts between rounds.
paired() {  # a b
    awk -F'\t' -v a="$1" -v b="$2" '
        NR > 1 && $2 == a { ta[$1] = $3 }
        NR > 1 && $2 == b { tb[$1] = $3 }
        END { for (r in ta) if (r in tb) print ta[r] / tb[r] }' "$out/wall.tsv" | sort -n |
        awk '{ q[NR] = $1 } END {
            printf "%.3f", NR % 2 ? q[(NR + 1) / 2] : (q[NR / 2] + q[NR / 2 + 1]) / 2
        }'
}

declare -A median
{
    echo
    printf '%-26s %16s %10s %16s\n' crate instructions "wall (s)" "wall min..max"
    for v in "${variants[@]}"; do
        read -r med min max <<<"$(wall_stats "$v")"
        median[$v]=$med
        printf '%-26s %16s %10s %16s\n' "$v" "${instructions[$v]:--}" "$med" "$min..$max"
    done
    echo
    ratio() {  # label numerator denominator
        local instr="-" wall
        if [[ -n ${instructions[$2]:-} && -n ${instructions[$3]:-} ]]; then
            instr=$(awk -v a="${instructions[$2]}" -v b="${instructions[$3]}" \
                'BEGIN { printf "%.3f", a / b }')
        fi
        wall=$(awk -v a="${median[$2]}" -v b="${median[$3]}" 'BEGIN { printf "%.3f", a / b }')
        printf '%-52s instructions %6s   wall %6s   wall paired %6s\n' \
            "$1" "$instr" "$wall" "$(paired "$2" "$3")"
    }
    declared=${variants[0]}
    for v in "${variants[@]}"; do
        if [[ ${crate_of[$v]} == hand_written && ${crate_of[$declared]} == declared ]]; then
            ratio "$declared / $v" "$declared" "$v"
        fi
    done
    if [[ -n ${DECLAREST_BASELINE:-} && ${crate_of[$declared]} == declared ]]; then
        baseline=${variants[${#variants[@]} - 1]}
        ratio "$declared / $baseline (after / before)" "$declared" "$baseline"
    fi
    echo "load at the end: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
} | tee "$out/table.txt"
echo "raw outputs: $out"
