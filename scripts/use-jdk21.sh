# Sourced by the build and benchmark scripts: makes JAVA_HOME (and PATH) point at a JDK 21 or newer, keeping the
# caller's JAVA_HOME if it already does, or exits with a hint. (Debian's default java may be older.)
java_major() { "$1" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n1; }

if [ -z "${JAVA_HOME:-}" ] || [ "$(java_major "$JAVA_HOME/bin/java")" -lt 21 ] 2>/dev/null; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
    if [ -x "$candidate/bin/java" ] && [ "$(java_major "$candidate/bin/java")" -ge 21 ] 2>/dev/null; then
      export JAVA_HOME="$candidate"
      break
    fi
  done
fi
if [ -z "${JAVA_HOME:-}" ] || [ "$(java_major "$JAVA_HOME/bin/java")" -lt 21 ]; then
  echo "No JDK 21 or newer found; install one (e.g. apt-get install openjdk-21-jdk-headless)." >&2
  exit 1
fi
export PATH="$JAVA_HOME/bin:$PATH"
