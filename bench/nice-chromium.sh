#!/bin/sh
# Chromium at the lowest CPU priority, for benches whose browsers stand in for the staff's own PCs: on a
# shared two-core machine the server then gets the CPU it would have on its own, and what is measured is
# the server. Use: OPSCONSOLE_CHROMIUM=bench/nice-chromium.sh (absolute path).
exec nice -n 19 "${OPSCONSOLE_REAL_CHROMIUM:-/usr/bin/chromium}" "$@"
