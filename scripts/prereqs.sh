#!/usr/bin/env bash
# Shared by run.sh and test.sh: makes sure this machine has what OpsConsole needs, installing
# what is missing from Debian's packages. Safe to run again; says what it does.

say() { printf '\033[1;34m[opsconsole]\033[0m %s\n' "$*"; }
die() { printf '\033[1;31m[opsconsole]\033[0m %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" = "0" ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else die "need root to run: $* (install it by hand, or run as root)"; fi
}

_apt_updated=0
ensure_apt() {
  local missing=()
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "installing Debian packages: ${missing[*]}"
  if [ $_apt_updated -eq 0 ]; then as_root apt-get update -qq; _apt_updated=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || die "apt-get install ${missing[*]} failed"
}

ensure_dotnet() {
  command -v dotnet >/dev/null 2>&1 || die "the .NET SDK is missing: install .NET 10 SDK (https://dot.net) and run again"
  local major
  major=$(dotnet --version 2>/dev/null | cut -d. -f1)
  [ "${major:-0}" -ge 10 ] || die ".NET SDK $(dotnet --version) found; OpsConsole needs .NET 10 or later"
}

ensure_node() {
  if ! command -v npm >/dev/null 2>&1; then
    ensure_apt nodejs npm
  fi
}
