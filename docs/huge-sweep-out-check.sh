#!/usr/bin/env bash
# Issue 20 acc. 2, first half, literally: sweep --set kMax=1000000 --format csv --out big.csv in a
# 1 GB heap. The CSV (~112 GB) is larger than this disk's free space, so a helper punches holes
# (fallocate -p) in the temporary file behind the writer, keeping its last 256 MB: the sweep writes
# every byte through its ordinary --out path (temp file, fsync, rename); the disk keeps only the tail.
R="${CONFIGSPEC_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
mkdir -p "${WORK:-/tmp/huge-sweep}" && cd "${WORK:-/tmp/huge-sweep}"
rm -f big.csv .big.csv.*
echo "start $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)" > run.log
CONFIGSPEC_JAVA_OPTS=-Xmx1g nice -n 10 /usr/bin/time -v "$R/configspec" sweep --scenario "$R/samples/scenarios/illustrative-edge.json" \
  --set kMax=1000000 --format csv --out big.csv > sweep.out 2> sweep.err &
pid=$!
while kill -0 $pid 2>/dev/null; do
  for t in .big.csv.*configspec-tmp; do
    [ -f "$t" ] || continue
    size=$(stat -c %s "$t")
    keep=$((256*1024*1024))
    if [ "$size" -gt $((keep * 2)) ]; then
      len=$(( (size - keep) / 4096 * 4096 ))
      fallocate -p -o 0 -l "$len" "$t" 2>>run.log
      echo "$(date -u +%T) written $size bytes; load $(cut -d' ' -f1 /proc/loadavg)" >> progress.log
    fi
  done
  sleep 10
done
wait $pid; echo "exit $? end $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)" >> run.log
ls -ls big.csv >> run.log 2>&1; ls -a >> run.log
tail -c 2000 big.csv | tail -2 >> run.log
