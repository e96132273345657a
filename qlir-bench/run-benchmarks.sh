#!/usr/bin/env bash
# Runs every qlir benchmark and writes the report that docs/benchmarks.md quotes.
#
#   ./mvnw -B -ntp -pl qlir-bench -am package -DskipTests
#   qlir-bench/run-benchmarks.sh [output-dir]          # default qlir-bench/target/bench-results
#
# Each group runs in its own JMH invocation (so a failing group does not hide the others) with -gc true and the
# CPU-time profiler; JSON, console logs and report.md land in the output directory. Fixtures (the slice files of the
# loader and store benchmarks) are built once under ${TMPDIR:-/tmp} and reused. QLIR_BENCH_IGNORE_LOCK=1 lets it run
# beside another JMH run (a shared machine); QLIR_BENCH_ONLY='sma indicators' runs only the named groups.
set -uo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
jar="$here/target/qlir-benchmarks.jar"
out="${1:-$here/target/bench-results}"
mkdir -p "$out"
if [[ ! -f "$jar" ]]; then
  echo "no $jar: build it first with ./mvnw -B -ntp -pl qlir-bench -am package -DskipTests" >&2
  exit 2
fi
lock=()
if [[ "${QLIR_BENCH_IGNORE_LOCK:-0}" == 1 ]]; then
  lock=(-Djmh.ignoreLock=true)
fi
only=" ${QLIR_BENCH_ONLY:-sma indicators loader parquet endtoend fetch store} "
failed=()

has_class() {
  unzip -l "$jar" "${1//.//}.class" > /dev/null 2>&1
}

group() {
  local name=$1
  shift
  [[ "$only" == *" ${name%%-*} "* ]] || return 0
  echo "=== $name: $* ($(uptime))" | tee -a "$out/progress.txt"
  if ! java "${lock[@]}" -Xmx512m -jar "$jar" "$@" -gc true -prof io.qlir.bench.CpuTimeProfiler \
      -rf json -rff "$out/$name.json" > "$out/$name.txt" 2>&1; then
    failed+=("$name")
    echo "    FAILED, see $out/$name.txt" | tee -a "$out/progress.txt"
  fi
}

start=$(date +%s)
uptime > "$out/uptime.txt"
nproc >> "$out/uptime.txt"
java -version 2>> "$out/uptime.txt"

group sma 'io\.qlir\.bench\.sma\.'
group indicators 'io\.qlir\.bench\.indicators\.'
if has_class io.qlir.bench.loader.LoaderBenchmark; then
  [[ "$only" == *" loader "* ]] && java -cp "$jar" io.qlir.bench.loader.LoaderFixture | tee -a "$out/progress.txt"
  group loader 'io\.qlir\.bench\.loader\.LoaderBenchmark\.'
fi
if has_class io.qlir.bench.loader.ParquetReadBenchmark; then
  [[ "$only" == *" parquet "* ]] && java -cp "$jar" io.qlir.bench.loader.ParquetFixture | tee -a "$out/progress.txt"
  group parquet 'io\.qlir\.bench\.loader\.(ParquetReadBenchmark|AggregationBenchmark)\.'
fi
if has_class io.qlir.bench.endtoend.EndToEndBenchmark; then
  [[ "$only" == *" endtoend "* ]] && java -cp "$jar" io.qlir.bench.endtoend.EndToEndFixture | tee -a "$out/progress.txt"
  group endtoend 'io\.qlir\.bench\.endtoend\.'
fi
group fetch 'io\.qlir\.bench\.fetch\.'
if has_class io.qlir.bench.store.StoreBench; then
  [[ "$only" == *" store "* ]] && java -cp "$jar" io.qlir.bench.store.SyntheticStore | tee -a "$out/progress.txt"
  # warm JVM, then cold: every fork's single invocation in a fresh JVM
  group store-warm 'io\.qlir\.bench\.store\.StoreBench\.' -f 1 -wi 1 -i 3
  group store-cold 'io\.qlir\.bench\.store\.StoreBench\.(reconcile|validateMetadata|reconcileThenValidate)$' -f 3 -wi 0 -i 1
  group store-deep 'io\.qlir\.bench\.store\.StoreBenchDeep\.'
  group store-journal 'io\.qlir\.bench\.store\.StoreBenchJournal\.'
fi

uptime >> "$out/uptime.txt"
results=()
for name in sma indicators loader parquet endtoend fetch store-warm store-cold store-deep store-journal; do
  [[ -f "$out/$name.json" ]] && results+=("$out/$name.json")
done
java -cp "$jar" io.qlir.bench.Report "${results[@]}" > "$out/report.md"
echo "done in $(( $(date +%s) - start )) s: $out/report.md" | tee -a "$out/progress.txt"
if (( ${#failed[@]} > 0 )); then
  echo "failed groups: ${failed[*]}" >&2
  exit 1
fi
