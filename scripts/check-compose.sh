#!/usr/bin/env bash
# Statically checks docker-compose.yml with the real Compose loader (compose-go)
# plus this project's rules; see tools/compose-check/README.md. Needs Go only,
# no Docker. Uses the normal Go module and build caches, so the first run
# downloads the modules and compiles (slow); later runs reuse both (fast).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tool="$root/tools/compose-check"
bin_dir="$(mktemp -d)"
trap 'rm -rf "$bin_dir"' EXIT

# Milliseconds since the epoch, from bash 5's EPOCHREALTIME (no external tools).
now_ms() { local t=${EPOCHREALTIME/[.,]/}; echo $((10#$t / 1000)); }
elapsed() { local ms=$(($(now_ms) - $1)); printf '%d.%03ds' $((ms / 1000)) $((ms % 1000)); }

start=$(now_ms)
go -C "$tool" mod download
echo "compose-check: modules ready in $(elapsed "$start")"
start=$(now_ms)
go -C "$tool" build -o "$bin_dir/compose-check" .
echo "compose-check: built in $(elapsed "$start")"

# Run from the repo root so the report names the file as "docker-compose.yml".
cd "$root"
"$bin_dir/compose-check" docker-compose.yml
