# The desktop client's AOT cache (JDK 25, JEP 483/514/515; ADR 0030), sourced by ./vermerk for
# `client` and `demo`. It reads $java_home, $root, $runtime and $smoke_test and adds to
# $jvm_options. The first start of a build is a training run (-XX:AOTCacheOutput; the JVM assembles
# the cache in a child JVM when the client ends); later starts map the cache (-XX:AOTCache): the
# classes loaded and linked, and the training's method profiles, so Argon2id and the first layout
# are compiled sooner. A cache that cannot be written or read costs only that gain, never the start.
#
# Rules, and why:
# - The JVM maps the cache's classes into the client, so the cache lives only in a directory that
#   is the user's own and writable by nobody else, and is never reached through a symbolic link.
# - The JVM skips a cache that no longer fits and never replaces it, so the name carries a key of
#   everything that decides the fit (aot_build_key); the caches of other keys are removed.
# - The JVM writes the cache's magic number before the rest, and a damaged cache can crash it
#   (SIGSEGV while restoring classes). So the training run writes to a file of its own
#   ($archive.<pid>.tmp) that is moved into place only after the JVM ended and the file is there.
#   Uses do not check the cache's CRCs (-XX:+VerifySharedSpaces): that read the whole cache at every
#   start and cost 0.3-0.5 s of a 4 s start (docs/benchmarks.md); a cache written whole can then only
#   be damaged on disk, as the JDK's own class-data archive, which the JVM maps unchecked too.
# - One training at a time per runtime (flock on client-<place>.lock, not waiting): a start that
#   finds another training runs without the cache. Without flock(1) there is no lock.

# Leaves the AOT options out when the user's JVM options already choose a class data archive or an
# AOT mode: with any of these the JVM refuses -XX:AOTCache/-XX:AOTCacheOutput and does not start.
aot_conflicts_with_user_options() {
  case " ${JDK_JAVA_OPTIONS:-} ${JAVA_TOOL_OPTIONS:-} ${_JAVA_OPTIONS:-} " in
    *-Xshare:* | *SharedArchiveFile* | *SharedClassListFile* | *DumpLoadedClassList* | \
      *ArchiveClassesAtExit* | *AutoCreateSharedArchive* | *AOTCache* | *AOTMode* | *AOTConfiguration*)
      return 0 ;;
  esac
  return 1
}

# What decides whether a cache fits (the JVM checks the same and skips one that does not): the JDK
# (its place, its release file -- the version and build -- and libjvm's size and time, so an update
# in place counts), the client's JVM options and the runtime's jars (names, sizes, times).
aot_build_key() {
  printf '%s\n' "$java_home"
  cat -- "$java_home/release" 2>/dev/null || true
  ls -lL --time-style=+%s -- "$java_home"/lib/server/libjvm.* 2>/dev/null || true
  cat -- "$root/packaging/client-jvm-options" 2>/dev/null || true
  ls -l --time-style=+%s -- "$runtime/lib" 2>/dev/null || true
}

# True for a regular file (not a link) that starts with HotSpot's archive magic, 0xf00baba2.
aot_is_cache() {
  [ -f "$1" ] && [ ! -L "$1" ] && [ "$(od -A n -t x4 -N 4 -- "$1" 2>/dev/null | tr -d ' ')" = f00baba2 ]
}

# Removes regular files and links (the link itself, never its target); anything else (a directory,
# a pipe) is left alone.
aot_remove() {
  local file
  for file in "$@"; do
    if [ -L "$file" ] || [ -f "$file" ]; then rm -f -- "$file" 2>/dev/null || true; fi
  done
}

# Takes the training lock without waiting; false while another start holds it. No flock(1): true.
aot_lock() {
  command -v flock >/dev/null 2>&1 || return 0
  aot_remove_link "$1"
  { exec {aot_lock_fd}>>"$1"; } 2>/dev/null || { aot_lock_fd=; return 1; }
  flock -n "$aot_lock_fd" 2>/dev/null || { aot_unlock; return 1; }
}

aot_unlock() {
  if [ -n "${aot_lock_fd:-}" ]; then
    exec {aot_lock_fd}>&-
    aot_lock_fd=
  fi
}

aot_remove_link() { [ ! -L "$1" ] || rm -f -- "$1" 2>/dev/null || true; }

# Adds the options that use this build's cache, or that train it (then $aot_train names the file
# the JVM writes, and the lock is held until train_aot_cache ends); adds nothing when the cache
# directory is not safe or the user's options forbid it.
choose_aot_cache() {
  aot_train=
  aot_conflicts_with_user_options && return 0
  local cache="${XDG_CACHE_HOME:-${HOME:-/nonexistent}/.cache}/vermerk"
  if ! { mkdir -p -m 0700 "$cache" 2>/dev/null && [ -O "$cache" ] && [ ! -L "$cache" ] && [ -w "$cache" ] &&
    [ -z "$(find "$cache" -maxdepth 0 -perm /022 2>/dev/null)" ]; }; then
    return 0
  fi
  local place build old locked=
  place=$(printf '%s' "$runtime" | cksum | cut -d ' ' -f 1)
  build=$(aot_build_key | cksum | cut -d ' ' -f 1)
  aot_archive="$cache/client-$place-$build.aot"
  # Other builds' caches and training leftovers, and the dynamic archives (*.jsa) of before ADR 0030;
  # this build's training files may belong to a training running now.
  for old in "$cache/client-$place"-*; do
    case $old in "$aot_archive" | "$aot_archive".*.tmp | "$aot_archive".*.tmp.config) ;; *) aot_remove "$old" ;; esac
  done
  aot_remove_link "$aot_archive"
  # A file that is no AOT cache at all would be skipped by the JVM and never replaced.
  if [ -f "$aot_archive" ] && ! aot_is_cache "$aot_archive"; then aot_remove "$aot_archive"; fi
  # Something else in the cache's place (a directory): no cache, and nothing of it is touched.
  if [ -e "$aot_archive" ] && [ ! -f "$aot_archive" ]; then return 0; fi
  aot_lock "$cache/client-$place.lock" && locked=yes
  if [ -f "$aot_archive" ]; then
    jvm_options+=("-XX:AOTCache=$aot_archive")
    # No training runs (the lock is ours): what a killed one left (the cache's ~55 MB configuration
    # among it) goes.
    if [ -n "$locked" ]; then aot_remove "$aot_archive".*.tmp "$aot_archive".*.tmp.config; fi
  elif [ -z "$smoke_test" ] && [ -n "$locked" ]; then
    # (The smoke test only opens the first window: a cache trained on it would stay, holding little,
    # until the next build.)
    aot_train="$aot_archive.$$.tmp"
    # The JVM's lines about the cache go to standard error, so the client's standard output stays its own.
    jvm_options+=("-XX:AOTCacheOutput=$aot_train" -XX:+DisplayVMOutputToStderr)
  fi
  [ -n "$aot_train" ] || aot_unlock
  jvm_options+=(-Xlog:aot=off,cds=off)
}

# Runs the client's java command "$@" as a training run and exits with the client's status. The
# cache is moved into place only when the JVM has ended and written it whole. A signal to the
# launcher is passed on to the client (the launcher no longer is the client's process).
train_aot_cache() {
  local status=0 child
  # Explicit stdin: a background command would otherwise read /dev/null.
  if [ -n "${aot_lock_fd:-}" ]; then
    "$@" {aot_lock_fd}>&- <&0 &
  else
    "$@" <&0 &
  fi
  child=$!
  # A background command ignores SIGINT, so a Ctrl-C reaches the client as SIGTERM.
  trap 'kill -TERM "$child" 2>/dev/null || true' INT TERM HUP
  while :; do
    wait "$child" && status=0 || status=$?
    kill -0 "$child" 2>/dev/null || break # a trap interrupted the wait: the client still runs
  done
  trap - INT TERM HUP
  if aot_is_cache "$aot_train" && mv -fT -- "$aot_train" "$aot_archive" 2>/dev/null; then :; fi
  aot_remove "$aot_train" "$aot_train.config"
  aot_unlock
  exit "$status"
}
