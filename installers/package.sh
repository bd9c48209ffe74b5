#!/usr/bin/env bash
# Builds a self-contained ConfigSpec Explorer for this OS with jlink + jpackage (JDK 25+).
#   installers/package.sh [app-image|deb|rpm|dmg|pkg|msi|exe]   (default: app-image)
# Output: installers/target/dist/. The runtime image contains the JDK modules the app uses and
# JavaFX; the bundled samples are copied beside the app so the explorer opens on them.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=../configspec
source "$HERE/../configspec"
TYPE="${1:-app-image}"
JDK="$(find_jdk)" || { echo "package.sh: needs a JDK $REQUIRED_JAVA or newer." >&2; exit 1; }
[ -x "$JDK/bin/jpackage" ] || { echo "package.sh: $JDK has no jpackage." >&2; exit 1; }

cd "$ROOT"
echo "package.sh: building the application..." >&2
MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" JAVA_HOME="$JDK" ./mvnw -B -q -DskipTests -Dspotless.check.skip=true -pl app -am package

VERSION="$(sed -n 's:.*<version>\([0-9][0-9.]*\).*</version>.*:\1:p' pom.xml | head -n 1)"
WORK="$HERE/target/jpackage"
DIST="$HERE/target/dist"
rm -rf "$WORK" "$DIST"
mkdir -p "$WORK/input" "$DIST"
cp app/target/configspec-app.jar app/target/lib/*.jar "$WORK/input/"
mkdir -p "$WORK/input/samples"
cp -r samples/profiles samples/scenarios "$WORK/input/samples/"
[ -d samples/prompts ] && cp -r samples/prompts "$WORK/input/samples/"

FX_MP="$(find app/target/javafx -name 'javafx-*-*.jar' | sort | tr '\n' ':')"
"$JDK/bin/jpackage" \
  --type "$TYPE" \
  --name configspec \
  --app-version "$VERSION" \
  --vendor "ConfigSpec Explorer" \
  --description "Speculative-decoding configuration explorer" \
  --input "$WORK/input" \
  --main-jar configspec-app.jar \
  --main-class io.configspec.app.Main \
  --module-path "$FX_MP" \
  --add-modules javafx.controls,javafx.swing,java.desktop,java.logging,java.management,java.net.http,java.sql,jdk.httpserver,jdk.unsupported,jdk.crypto.ec,jdk.zipfs \
  --java-options "--enable-native-access=ALL-UNNAMED" \
  --java-options "--sun-misc-unsafe-memory-access=allow" \
  --java-options "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn" \
  --java-options "-Dorg.slf4j.simpleLogger.log.ai.djl=error" \
  --java-options "-Dconfigspec.home=\$APPDIR/samples/.." \
  --dest "$DIST"
echo "package.sh: written to $DIST" >&2
