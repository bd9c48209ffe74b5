#!/usr/bin/env bash
# Builds ConfigSpec Explorer for people who install it instead of building it (decision 0005).
#
#   installers/package.sh app-image   self-contained explorer + command line: a jlink runtime with
#                                      only the modules jdeps finds, a class-data-sharing archive
#                                      made here (fast start), the bundled samples
#   installers/package.sh deb | rpm   Linux installer made from that app image (desktop entry, icon,
#                                      /usr/bin/configspec, package dependencies such as libgtk-3-0)
#   installers/package.sh dmg | pkg   macOS installer (run on macOS)
#   installers/package.sh msi | exe   Windows installer (run on Windows; needs WiX)
#   installers/package.sh agent       lean board-agent packages (agent + engine + model, no JavaFX)
#                                      for linux-x86_64 and linux-aarch64: a .tar.gz and a .deb each,
#                                      with a systemd unit, a token made at first start (mode 0600)
#                                      and a udev rule for the power sensors
# Several types may be given: `package.sh app-image deb agent`. Everything lands in
# installers/target/ (dist/ = what you ship); the app is built once and reused (set
# CONFIGSPEC_SKIP_BUILD=1 to use app/target as it is). Opt-in: neither `./mvnw verify` nor CI runs it.
#
# The CDS archive is made from training runs of the packaged app: the command line (`recommend` on
# the bundled paper scenario) always, and the explorer up to its first chart frame when a display
# is available (DISPLAY, e.g. an Xvfb). Without a display the explorer's classes are left out of the
# archive (it still starts, a little slower) and the script says so.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=../configspec
source "$HERE/../configspec"
JDK="$(find_jdk)" || {
  echo "package.sh: needs a JDK $REQUIRED_JAVA or newer (with jlink and jpackage)." >&2
  exit 1
}
[ -x "$JDK/bin/jpackage" ] || {
  echo "package.sh: $JDK has no jpackage." >&2
  exit 1
}

NAME=configspec
TARGET="$HERE/target"
DIST="$TARGET/dist"
APP_JAR="$ROOT/app/target/configspec-app.jar"
VERSION="$(sed -n 's:.*<version>\([0-9][0-9.]*\).*</version>.*:\1:p' "$ROOT/pom.xml" | head -n 1)"
log() { echo "package.sh: $*" >&2; }

case "$(uname -s)" in
Linux) OS=linux ;;
Darwin) OS=mac ;;
MINGW* | MSYS* | CYGWIN*) OS=windows ;;
*) OS=other ;;
esac
case "$(uname -m)" in
x86_64 | amd64) ARCH=x86_64 ;;
aarch64 | arm64) ARCH=aarch64 ;;
*) ARCH="$(uname -m)" ;;
esac

# --- 1. the application jars (built once) -----------------------------------------------------
build_app() {
  local newer=""
  if [ -f "$APP_JAR" ]; then
    newer="$(find "$ROOT/pom.xml" "$ROOT/model" "$ROOT/engine" "$ROOT/app" \
      \( -path '*/target' -prune \) -o \( -name '*.java' -o -name 'pom.xml' -o -path '*/src/main/resources/*' \) \
      -type f -newer "$APP_JAR" -print 2>/dev/null | head -n 1 || true)"
  fi
  if [ "${CONFIGSPEC_SKIP_BUILD:-0}" = 1 ] && [ -f "$APP_JAR" ]; then
    log "using app/target as it is (CONFIGSPEC_SKIP_BUILD=1)"
  elif [ -f "$APP_JAR" ] && [ -z "$newer" ]; then
    log "app/target is up to date"
  else
    log "building the application (mvn package, no tests)..."
    (cd "$ROOT" && MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" JAVA_HOME="$JDK" \
      ./mvnw -B -q -DskipTests -Dspotless.check.skip=true -pl app -am package)
  fi
}

# Copies a jar keeping, of its bundled native libraries, only those for one platform. ONNX Runtime's
# jar carries linux-x64, linux-aarch64, osx-x64, osx-aarch64 (with debug symbols) and win-x64 (72 MB
# packed); DJL's tokenizers jar linux-x86_64, linux-aarch64, osx-aarch64 and win-x86_64.
# $1 source jar, $2 destination jar, $3 ONNX Runtime platform (linux-x64, linux-aarch64, osx-x64,
# osx-aarch64, win-x64), $4 DJL platform (linux-x86_64, linux-aarch64, osx-aarch64, win-x86_64).
slim_native_jar() {
  local src="$1" dst="$2" ort="$3" djl="$4" drop=()
  cp "$src" "$dst"
  for p in linux-x64 linux-aarch64 osx-x64 osx-aarch64 win-x64; do
    [ "$p" = "$ort" ] || drop+=("ai/onnxruntime/native/$p/*")
  done
  for p in linux-x86_64 linux-aarch64 osx-aarch64 osx-x86_64 win-x86_64; do
    [ "$p" = "$djl" ] || drop+=("native/lib/$p/*")
  done
  # zip exits 12 when nothing matched (a jar without natives): that is fine.
  zip -q -d "$dst" "${drop[@]}" >/dev/null 2>&1 || [ $? -eq 12 ]
}

platform_names() { # $1 = os-arch as package.sh names it; prints "ORT DJL"
  case "$1" in
  linux-x86_64) echo "linux-x64 linux-x86_64" ;;
  linux-aarch64) echo "linux-aarch64 linux-aarch64" ;;
  mac-x86_64) echo "osx-x64 osx-x86_64" ;;
  mac-aarch64) echo "osx-aarch64 osx-aarch64" ;;
  windows-x86_64) echo "win-x64 win-x86_64" ;;
  *) echo "none none" ;;
  esac
}

# $1 destination folder, $2 os-arch, $3.. jar names to leave out
stage_libs() {
  local dest="$1" platform="$2" names jar base
  shift 2
  read -r -a names <<<"$(platform_names "$platform")"
  mkdir -p "$dest"
  for jar in "$ROOT"/app/target/lib/*.jar; do
    base="$(basename "$jar")"
    for skip in "$@"; do
      # shellcheck disable=SC2053
      [[ "$base" == $skip ]] && continue 2
    done
    case "$base" in
    onnxruntime-*.jar | tokenizers-*.jar) slim_native_jar "$jar" "$dest/$base" "${names[0]}" "${names[1]}" ;;
    *) cp "$jar" "$dest/" ;;
    esac
  done
}

# --- 2. the runtime: only the JDK modules the jars use --------------------------------------------
# jdeps cannot resolve some libraries' module-info (optional `requires` of jars we do not ship), so
# it reads copies without module-info, all on the class path, JavaFX on the module path.
# Modules jdeps cannot see (loaded by name or as services) are added with their reason.
EXTRA_MODULES=(
  jdk.zipfs       # FileSystems.newFileSystem on jar/zip files (service, not a static reference)
  jdk.localedata  # number and date formats in the user's locale (only English is in java.base)
  jdk.management  # engine's sensors read OperatingSystemMXBean (also found by jdeps)
)
find_modules() {
  local work="$TARGET/jdeps" fx
  rm -rf "$work" && mkdir -p "$work/lib"
  cp "$APP_JAR" "$work/"
  cp "$ROOT"/app/target/lib/*.jar "$work/lib/"
  for jar in "$work"/configspec-app.jar "$work"/lib/*.jar; do
    zip -q -d "$jar" 'module-info.class' 'META-INF/versions/*/module-info.class' >/dev/null 2>&1 || [ $? -eq 12 ]
  done
  fx="$(find "$ROOT/app/target/javafx" -name 'javafx-*.jar' | sort | tr '\n' ':')"
  "$JDK/bin/jdeps" --multi-release "$REQUIRED_JAVA" --ignore-missing-deps --print-module-deps \
    --module-path "$fx" --class-path "$work/lib/*" "$work/configspec-app.jar" "$work"/lib/*.jar | tail -n 1
}

make_runtime() {
  local modules fx available extra=""
  modules="$(find_modules)"
  available="$("$JDK/bin/java" --list-modules | sed 's/@.*//')"
  for m in "${EXTRA_MODULES[@]}"; do
    grep -qx "$m" <<<"$available" && extra="$extra,$m"
  done
  modules="$(tr ',' '\n' <<<"$modules$extra" | awk 'NF && !seen[$0]++' | paste -sd, -)"
  fx="$(find "$ROOT/app/target/javafx" -name 'javafx-*.jar' | sort | tr '\n' ':')"
  # Reused while the module list and the JavaFX jars are unchanged (jlink is the slow step).
  local key="$modules $(cksum $(tr ':' ' ' <<<"$fx") | cut -d' ' -f1 | paste -sd' ')"
  if [ -x "$TARGET/runtime/bin/java" ] && [ "$(cat "$TARGET/runtime.key" 2>/dev/null)" = "$key" ]; then
    log "runtime modules unchanged, reusing $TARGET/runtime: $modules"
    return
  fi
  echo "$modules" >"$TARGET/modules.txt"
  log "runtime modules: $modules"
  rm -rf "$TARGET/runtime" "$TARGET/runtime.key"
  # --generate-cds-archive: the runtime's own base archive for the JDK classes.
  "$JDK/bin/jlink" --module-path "$fx" --add-modules "$modules" --output "$TARGET/runtime" \
    --strip-debug --no-header-files --no-man-pages --compress zip-6 --generate-cds-archive \
    --include-locales "en,de,fr,es,it,ja,zh,ko,pt,nl,sv,pl"
  # The archive for heaps over 32 GB (no compressed oops): not a case for this app; 14 MB saved.
  rm -f "$TARGET/runtime/lib/server/classes_nocoops.jsa"
  echo "$key" >"$TARGET/runtime.key"
}

# --- 3. the app image ---------------------------------------------------------------------------
# JVM options of the packaged app: those of ./configspec (both branches; --add-opens/exports are what
# ControlsFX and TilesFX need, harmless for the command line; java.nio is opened for Apache Arrow's
# memory, sweep --format arrow, decision 0027).
JAVA_OPTIONS=(
  --enable-native-access=ALL-UNNAMED,javafx.graphics
  --sun-misc-unsafe-memory-access=allow
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn
  -Dorg.slf4j.simpleLogger.log.ai.djl=error
  --add-opens=javafx.graphics/javafx.scene=ALL-UNNAMED
  --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-exports=javafx.base/com.sun.javafx.event=ALL-UNNAMED
  --add-exports=javafx.controls/com.sun.javafx.scene.control.behavior=ALL-UNNAMED
  --add-exports=javafx.controls/com.sun.javafx.scene.control=ALL-UNNAMED
  --add-exports=javafx.graphics/com.sun.javafx.scene=ALL-UNNAMED
  --add-exports=javafx.graphics/com.sun.javafx.scene.traversal=ALL-UNNAMED
)

app_dir() { # the folder holding the jars and the .cfg inside an app image
  case "$OS" in
  mac) echo "$DIST/$NAME.app/Contents/app" ;;
  *) echo "$DIST/$NAME/lib/app" ;;
  esac
}
app_java() {
  case "$OS" in
  mac) echo "$DIST/$NAME.app/Contents/runtime/Contents/Home/bin/java" ;;
  windows) echo "$DIST/$NAME/runtime/bin/java.exe" ;;
  *) echo "$DIST/$NAME/lib/runtime/bin/java" ;;
  esac
}
app_launcher() {
  case "$OS" in
  mac) echo "$DIST/$NAME.app/Contents/MacOS/$NAME" ;;
  windows) echo "$DIST/$NAME/$NAME.exe" ;;
  *) echo "$DIST/$NAME/bin/$NAME" ;;
  esac
}

make_icons() {
  "$JDK/bin/java" -Djava.awt.headless=true "$HERE/icon/MakeIcon.java" "$TARGET/icons"
}

app_image() {
  local input="$TARGET/input" icon opts=()
  rm -rf "$input" "$DIST/$NAME" "$DIST/$NAME.app"
  mkdir -p "$input" "$DIST"
  cp "$APP_JAR" "$input/"
  # The explorer needs everything in app/target/lib; the natives are those of this machine only.
  stage_libs "$input" "$OS-$ARCH"
  mkdir -p "$input/samples"
  cp -r "$ROOT/samples/profiles" "$ROOT/samples/scenarios" "$input/samples/"
  [ -d "$ROOT/samples/prompts" ] && cp -r "$ROOT/samples/prompts" "$input/samples/"
  make_icons
  case "$OS" in
  mac) icon="$TARGET/icons/$NAME.icns" ;;
  windows) icon="$TARGET/icons/$NAME.ico" ;;
  *) icon="$TARGET/icons/$NAME.png" ;;
  esac
  make_runtime
  for o in "${JAVA_OPTIONS[@]}"; do opts+=(--java-options "$o"); done
  "$JDK/bin/jpackage" --type app-image --name "$NAME" --app-version "$VERSION" \
    --vendor "ConfigSpec Explorer" --description "Speculative-decoding configuration explorer" \
    --copyright "ConfigSpec Explorer contributors" --icon "$icon" \
    --runtime-image "$TARGET/runtime" --input "$input" \
    --main-jar configspec-app.jar --main-class io.configspec.app.Main \
    "${opts[@]}" --java-options "-Dconfigspec.home=\$APPDIR" \
    --dest "$DIST"
  make_cds_archive
  log "app image: $(du -sh "$DIST/$NAME"* | cut -f1) in $(dirname "$(app_dir)")"
}

# The java command line the launcher runs, read from the app image's .cfg (same class path order,
# same options), so the training runs and the archive match what users start.
launcher_command() { # prints one argument per line
  local dir cfg section="" line key value cp=""
  dir="$(app_dir)"
  cfg="$dir/$NAME.cfg"
  while IFS= read -r line; do
    case "$line" in
    \[*\]) section="$line" && continue ;;
    esac
    key="${line%%=*}"
    value="${line#*=}"
    value="${value//\$APPDIR/$dir}"
    case "$section/$key" in
    "[Application]/app.classpath") cp="${cp:+$cp:}$value" ;;
    "[JavaOptions]/java-options") echo "$value" ;;
    esac
  done <"$cfg"
  echo "-cp"
  echo "$cp"
}

make_cds_archive() {
  local dir java work args=() scenario display="${DISPLAY:-}"
  dir="$(app_dir)"
  java="$(app_java)"
  work="$TARGET/cds"
  rm -rf "$work" && mkdir -p "$work/user"
  mapfile -t args < <(launcher_command)
  scenario="$dir/samples/scenarios/configspec-paper.json"
  log "class-data-sharing archive: training run 1, the command line (recommend)"
  "$java" "${args[@]}" -Xshare:off -XX:DumpLoadedClassList="$work/cli.classlist" -Djava.awt.headless=true \
    io.configspec.app.Main recommend --scenario "$scenario" >"$work/cli.out"
  if [ -n "$display" ]; then
    log "class-data-sharing archive: training run 2, the explorer up to its first chart frame (DISPLAY=$display)"
    "$java" "${args[@]}" -Xshare:off -XX:DumpLoadedClassList="$work/explorer.classlist" \
      -Dconfigspec.startupTiming=true -Dconfigspec.exitAfterFirstFrame=true -Dconfigspec.userdir="$work/user" \
      io.configspec.app.Main >"$work/explorer.out" 2>&1 || {
      log "the explorer's training run failed (see $work/explorer.out); archive from the command line only"
      rm -f "$work/explorer.classlist"
    }
  else
    log "no DISPLAY: the archive covers the command line only (the explorer starts without its classes archived)"
  fi
  # Merge the runs' lists in order (each class line before the @cp/@lambda lines that refer to it),
  # without the per-file " id: N" numbers, which clash between files and are only needed by
  # classes of custom loaders (lines with "super:"), which a static archive cannot take anyway.
  awk '/^#/ || / super: / {next} {sub(/ id: [0-9]+$/, "")} !seen[$0]++' \
    "$work/cli.classlist" $([ -f "$work/explorer.classlist" ] && echo "$work/explorer.classlist") >"$work/classes.classlist"
  # A static archive of both runs' classes (JDK and application), read-only at run time. Classes
  # the JVM cannot archive (e.g. lambda forms it makes on the fly) are skipped with a warning.
  "$java" "${args[@]}" -Xshare:dump -XX:SharedClassListFile="$work/classes.classlist" \
    -XX:SharedArchiveFile="$dir/$NAME.jsa" >"$work/dump.out" 2>&1 || {
    tail -n 20 "$work/dump.out" >&2
    log "making the class-data-sharing archive failed"
    exit 1
  }
  # The launcher maps it from now on; if the JVM finds it unusable it starts without it (-Xshare:auto).
  printf 'java-options=-XX:SharedArchiveFile=$APPDIR/%s.jsa\njava-options=-Xshare:auto\njava-options=-Xlog:cds*=off,aot*=off\n' \
    "$NAME" >>"$dir/$NAME.cfg"
  # The JVM accepts an archived jar only with the modification time (seconds) it had here; a
  # package manager installs files with the time it packed them. The .deb's postinst puts these back.
  (cd "$dir" && stat -c '%Y %n' ./*.jar | sed 's| \./| |') >"$dir/$NAME.jsa.mtimes"
  log "class-data-sharing archive: $(du -h "$dir/$NAME.jsa" | cut -f1), $(wc -l <"$work/classes.classlist") classes listed"
}

# --- 4. installers made from the app image --------------------------------------------------------
installer() {
  local type="$1" resources="$TARGET/resources" opts=()
  [ -d "$DIST/$NAME" ] || [ -d "$DIST/$NAME.app" ] || app_image
  [ -f "$TARGET/icons/$NAME.png" ] || make_icons
  rm -rf "$resources" && mkdir -p "$resources"
  case "$type" in
  deb | rpm)
    # jpackage's scripts plus /usr/bin/configspec for the command line (linux/postinst, prerm).
    cp "$HERE/linux/postinst" "$HERE/linux/prerm" "$resources/"
    # The menu entry: jpackage's template with the product's name instead of the package's.
    cp "$HERE/linux/$NAME.desktop" "$resources/"
    # What JavaFX's bundled natives (libglass, libprism_es2, libjavafx_font) link against; jpackage
    # cannot see them inside the jars (it adds what the runtime's own libraries need, e.g. libxtst6,
    # libasound2). Checked by installers/check.sh with ldd.
    opts+=(--linux-package-deps "libgtk-3-0, libxxf86vm1, libgl1, libfreetype6, libfontconfig1")
    opts+=(--linux-shortcut --linux-menu-group "Science;Development" --linux-app-category science)
    opts+=(--linux-deb-maintainer configspec@example.org)
    opts+=(--icon "$TARGET/icons/$NAME.png" --resource-dir "$resources")
    opts+=(--about-url "https://github.com/configspec/configspec-explorer")
    ;;
  dmg | pkg) opts+=(--icon "$TARGET/icons/$NAME.icns" --mac-package-identifier io.configspec.explorer) ;;
  msi | exe) opts+=(--icon "$TARGET/icons/$NAME.ico" --win-menu --win-shortcut --win-dir-chooser --win-console) ;;
  esac
  local app="$DIST/$NAME"
  [ "$OS" = mac ] && app="$DIST/$NAME.app"
  # only this package's earlier installers (not the agent's configspec-agent_*.deb)
  rm -f "$DIST/$NAME"[_-][0-9]*."$type"
  "$JDK/bin/jpackage" --type "$type" --app-image "$app" --name "$NAME" --app-version "$VERSION" \
    --vendor "ConfigSpec Explorer" --description "Speculative-decoding configuration explorer" \
    "${opts[@]}" --dest "$DIST"
  log "$type: $(ls "$DIST"/*."$type")"
}

# --- 5. the lean board agent ----------------------------------------------------------------------
# The agent is the command line's `agent` subcommand. Its package holds the application jar without
# the explorer and report classes, engine, model and their libraries; no JavaFX, no chart libraries.
AGENT_LEAVE_OUT=('controlsfx-*' 'tilesfx-*' 'toolbox-*' 'toolboxfx-*' 'heatmap-*' 'jfreechart-*' 'batik-*'
  'xmlgraphics-commons-*' 'commons-logging-*' 'commons-io-*')
agent_packages() {
  local arch
  for arch in x86_64 aarch64; do
    agent_package "$arch"
  done
}

agent_package() {
  local arch="$1" debarch root name stage
  case "$arch" in x86_64) debarch=amd64 ;; aarch64) debarch=arm64 ;; esac
  name="$NAME-agent-$VERSION-linux-$arch"
  stage="$TARGET/agent/$name"
  rm -rf "$stage" && mkdir -p "$stage/lib" "$stage/bin"
  stage_libs "$stage/lib" "linux-$arch" "${AGENT_LEAVE_OUT[@]}"
  cp "$APP_JAR" "$stage/lib/configspec-cli.jar"
  zip -q -d "$stage/lib/configspec-cli.jar" 'io/configspec/app/explorer/*' 'io/configspec/app/report/*' \
    'io/configspec/app/*.css' >/dev/null 2>&1 || [ $? -eq 12 ]
  install -m 0755 "$HERE/agent/configspec-agent" "$stage/bin/configspec-agent"
  install -m 0644 "$ROOT/configspec" "$stage/lib/find-jdk.sh"
  install -m 0755 "$HERE/agent/configspec-agent-token" "$stage/bin/configspec-agent-token"
  install -m 0644 "$HERE/agent/configspec-agent.service" "$HERE/agent/60-configspec-agent-power.rules" \
    "$HERE/agent/configspec-agent.default" "$HERE/agent/README" "$stage/"
  install -m 0755 "$HERE/agent/install.sh" "$stage/install.sh"
  sed -i "s/@VERSION@/$VERSION/g" "$stage/README" "$stage/bin/configspec-agent"
  mkdir -p "$DIST"
  rm -f "$DIST/$name.tar.gz"
  tar -C "$TARGET/agent" --owner=0 --group=0 -czf "$DIST/$name.tar.gz" "$name"

  # The .deb: the same files in the same places as install.sh puts them, installed by dpkg.
  root="$TARGET/agent/deb-$arch"
  rm -rf "$root"
  mkdir -p "$root/DEBIAN" "$root/opt/$NAME-agent" "$root/usr/bin" "$root/lib/systemd/system" \
    "$root/lib/udev/rules.d" "$root/etc/default"
  cp -r "$stage/lib" "$stage/bin" "$stage/README" "$root/opt/$NAME-agent/"
  ln -s "/opt/$NAME-agent/bin/configspec-agent" "$root/usr/bin/configspec-agent"
  install -m 0644 "$stage/configspec-agent.service" "$root/lib/systemd/system/"
  install -m 0644 "$stage/60-configspec-agent-power.rules" "$root/lib/udev/rules.d/"
  install -m 0644 "$stage/configspec-agent.default" "$root/etc/default/configspec-agent"
  install -m 0755 "$HERE/agent/debian/postinst" "$HERE/agent/debian/prerm" "$HERE/agent/debian/postrm" "$root/DEBIAN/"
  echo "/etc/default/configspec-agent" >"$root/DEBIAN/conffiles"
  sed -e "s/@VERSION@/$VERSION/" -e "s/@ARCH@/$debarch/" \
    -e "s/@SIZE@/$(du -sk "$root" | cut -f1)/" "$HERE/agent/debian/control" >"$root/DEBIAN/control"
  rm -f "$DIST/$NAME-agent_${VERSION}_$debarch.deb"
  fakeroot dpkg-deb -Zxz --build "$root" "$DIST/$NAME-agent_${VERSION}_$debarch.deb" >/dev/null
  log "agent ($arch): $(du -h "$DIST/$name.tar.gz" | cut -f1) tar.gz, $(du -h "$DIST/$NAME-agent_${VERSION}_$debarch.deb" | cut -f1) .deb"
}

# --- main ---------------------------------------------------------------------------------------
main() {
  TYPES=("$@")
  [ "${#TYPES[@]}" -gt 0 ] || TYPES=(app-image)
  for t in "${TYPES[@]}"; do
    case "$t" in
    app-image | deb | rpm | dmg | pkg | msi | exe | agent) ;;
    *)
      echo "package.sh: unknown package type '$t'; use app-image, deb, rpm, dmg, pkg, msi, exe or agent." >&2
      exit 2
      ;;
    esac
  done
  build_app
  for t in "${TYPES[@]}"; do
    case "$t" in
    app-image) app_image ;;
    agent) agent_packages ;;
    *) installer "$t" ;;
    esac
  done
  log "written to $DIST"
}

# installers/check.sh sources this file for its functions; only a direct run packages anything.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  main "$@"
fi
