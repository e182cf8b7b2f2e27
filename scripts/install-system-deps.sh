#!/usr/bin/env bash
# Installs what the project needs outside npm, when it is missing:
#   - Maven, to fetch Neo4j from Maven Central and build tools/neo4j-local;
#   - a JDK 21 or newer to run it (Neo4j 2025+ needs Java 21);
#   - Chromium, which the explorer's browser tests (test/e2e) drive headless;
#   - xz, which unpacks the published releases the real-data tests read.
# Uses Debian's packages (apt-get) and needs root for that; does nothing when
# all are already present. Non-interactive.
set -euo pipefail

have_jdk21() {
  local candidate version
  for candidate in "${NEO4J_JAVA_HOME:-}" "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
    version=$("$candidate/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
    if [ "${version%%.*}" -ge 21 ] 2>/dev/null; then echo "JDK $version at $candidate"; return 0; fi
  done
  return 1
}

# The e2e tests look for Chromium at /usr/bin/chromium, or at CHROMIUM_PATH.
have_chromium() { [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; }

missing=()
command -v mvn >/dev/null 2>&1 || missing+=(maven)
command -v xz >/dev/null 2>&1 || missing+=(xz)
have_jdk21 || missing+=(jdk)
have_chromium || missing+=(chromium)

if [ ${#missing[@]} -eq 0 ]; then
  echo "system dependencies present: $(mvn -B -v 2>/dev/null | head -n 1); $(have_jdk21); Chromium at ${CHROMIUM_PATH:-/usr/bin/chromium}"
  exit 0
fi

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "missing: ${missing[*]}. Install Maven, xz, a JDK 21 or newer (e.g. Temurin 21/25) or set NEO4J_JAVA_HOME, and Chromium or set CHROMIUM_PATH." >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
packages=()
for item in "${missing[@]}"; do
  case "$item" in
    maven) packages+=(maven) ;;
    xz) packages+=(xz-utils) ;;
    chromium) packages+=(chromium) ;;
    jdk)
      # The newest JDK Debian offers here; openjdk-21 or newer where the release has it.
      for candidate in openjdk-25-jdk-headless openjdk-21-jdk-headless; do
        if apt-cache show "$candidate" >/dev/null 2>&1; then packages+=("$candidate"); break; fi
      done
      ;;
  esac
done
if [ ${#packages[@]} -gt 0 ]; then apt-get install -y -qq --no-install-recommends "${packages[@]}"; fi
have_jdk21 || { echo "no JDK 21 or newer could be installed from Debian's packages; install one and set NEO4J_JAVA_HOME" >&2; exit 1; }
have_chromium || { echo "Chromium could not be installed from Debian's packages; install it and set CHROMIUM_PATH" >&2; exit 1; }
echo "system dependencies installed: ${packages[*]:-none}"
