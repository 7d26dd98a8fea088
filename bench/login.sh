#!/usr/bin/env bash
# What one staff login costs (issue 5): the time of one password check with the encoder Iskra configures (bcrypt,
# Spring Security's default strength 10), measured by org.iskra.accounts.LoginCost (test sources) in a plain loop.
# A login takes about one check; the login throttle (accounts.LoginThrottle) bounds how many a client can force.
#
# Usage: bench/login.sh [checks=50] [warmup=10]
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
