#!/usr/bin/env bash
# Runs OpsConsole with the embedded SQLite database (OpsConsole/data/opsconsole.db) and the
# demo center (Setup:AllowDemoDefaults=true), on http://localhost:5080 unless ASPNETCORE_URLS says otherwise.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/prereqs.sh

ensure_dotnet
ensure_node
ensure_apt fonts-noto-cjk chromium

say "building (restores NuGet and npm packages on first run)..."
dotnet build OpsConsole/OpsConsole.csproj -c Release -nologo -v quiet -clp:ErrorsOnly
export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://localhost:5080}"
say "starting on $ASPNETCORE_URLS (demo accounts in README.md; Ctrl+C stops)"
cd OpsConsole
# The demo center (public demo passwords, demo salt) is asked for explicitly: a real center leaves this off.
# The demo also lets the demo admin and HR sign in without an authenticator app; a real center requires one
# for them (Auth:TwoFactor:RequiredRoles, ADR 0031), and anyone may enrol under 账号安全.
exec dotnet bin/Release/net10.0/OpsConsole.dll --Setup:AllowDemoDefaults=true --Auth:TwoFactor:RequiredRoles= "$@"
