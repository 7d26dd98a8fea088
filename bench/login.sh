#!/usr/bin/env bash
# What one staff login costs (issues 5, 14): one password check with the encoder Iskra configures (Argon2id), one
# bcrypt check as the reference, and one TOTP check, measured by org.iskra.accounts.LoginCost (test sources).
# A login takes about one check; the login throttle (accounts.LoginThrottle) bounds how many a client can force.
#
# Usage: bench/login.sh [checks=30] [warmup=5]
# Settings: JAVA_OPTS, MVN_ARGS (e.g. -o to stay offline)
set -euo pipefail
cd "$(dirname "$0")/.."

JAVA_OPTS=${JAVA_OPTS:-}
MVN_ARGS=${MVN_ARGS:-}

# shellcheck disable=SC2086
mvn -q $MVN_ARGS -DskipTests test-compile
# shellcheck disable=SC2086
mvn -q $MVN_ARGS dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >/dev/null

# shellcheck disable=SC2086
java $JAVA_OPTS -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" org.iskra.accounts.LoginCost "$@"
