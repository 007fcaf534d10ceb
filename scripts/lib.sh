# Shared by scripts/run and scripts/test. Sourced, not executed.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${IAMSMART_BUILD_DIR:-$ROOT/build}"

# Every Debian 12 package the project needs to build, test, run and package.
PACKAGES=(
  build-essential cmake ninja-build pkg-config git ca-certificates clang-format clang libclang-rt-14-dev
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-httpserver-dev qt6-websockets-dev qt6-svg-dev qt6-qpa-plugins libqt6svg6
  qtkeychain-qt6-dev libssl-dev openssl libqrencode-dev libcjose-dev libjansson-dev libhttp-parser-dev libgl-dev
  gnome-keyring dbus dbus-x11 libsecret-tools
  xvfb xauth fonts-noto-cjk zbar-tools curl
  python3-cryptography libyaml-cpp-dev chromium libkainjow-mustache-dev
  nodejs
  libpodofo-dev poppler-utils qpdf
  file desktop-file-utils appstream
  nginx-light
)

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "error: need root or sudo to install: ${*: -1}" >&2; return 1; fi
}

# Installs only what is missing; prints nothing when everything is there.
install_dependencies() {
  local missing=() p
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  # npm comes with some Node.js builds (which then conflict with Debian's npm package): Debian's only when missing.
  command -v npm >/dev/null || missing+=(npm)
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing missing packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -qq
  as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# ccache, when installed, makes rebuilds in other clones and worktrees cheap; the build never needs it.
launcher_args() {
  command -v ccache >/dev/null && echo "-DCMAKE_CXX_COMPILER_LAUNCHER=ccache" || true
}

build() {
  if [ ! -f "$BUILD_DIR/CMakeCache.txt" ]; then
    cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo $(launcher_args) >/dev/null
  fi
  cmake --build "$BUILD_DIR" --parallel "$(nproc)"
}

# The Debian package in $BUILD_DIR (iamsmart-console_<version>_<arch>.deb); tst_package checks it.
build_package() {
  cmake --build "$BUILD_DIR" --target package >"$BUILD_DIR/package.log" 2>&1 \
    || { cat "$BUILD_DIR/package.log" >&2; echo "error: building the package failed" >&2; return 1; }
}

# The libFuzzer build (instrumented core + fuzz targets) in $BUILD_DIR/fuzz, when clang is there.
build_fuzz() {
  command -v clang++ >/dev/null || return 0
  if [ ! -f "$BUILD_DIR/fuzz/CMakeCache.txt" ]; then
    cmake -S "$ROOT" -B "$BUILD_DIR/fuzz" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DCMAKE_CXX_COMPILER=clang++ -DIAMSMART_FUZZ=ON $(launcher_args) >/dev/null
  fi
  cmake --build "$BUILD_DIR/fuzz" --parallel "$(nproc)" \
    --target fuzz_request fuzz_http fuzz_listener fuzz_admin fuzz_loaders
}

# The AddressSanitizer + UndefinedBehaviorSanitizer build of everything in $BUILD_DIR/asan (clang when there,
# else gcc); scripts/test --sanitize runs the whole ctest suite in it.
build_sanitized() {
  local dir="$BUILD_DIR/asan" cxx=c++ launcher=()
  command -v clang++ >/dev/null && cxx=clang++
  command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  if [ ! -f "$dir/CMakeCache.txt" ]; then
    cmake -S "$ROOT" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER="$cxx" \
      -DIAMSMART_SANITIZE=ON "${launcher[@]}" >/dev/null
  fi
  cmake --build "$dir" --parallel "$(nproc)"
}

# What the sanitized tests run with: any report fails the test; leaks that are Qt's, fontconfig's or the
# D-Bus/keychain libraries' own (never freed by design, not ours) are listed in tests/lsan.supp.
sanitizer_environment() {
  export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:halt_on_error=1:detect_stack_use_after_return=0:strict_init_order=1:check_initialization_order=1"
  export LSAN_OPTIONS="suppressions=$ROOT/tests/lsan.supp:print_suppressions=0"
  export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:suppressions=$ROOT/tests/ubsan.supp"
}

# The npm tools the tests use as independent checkers (tests/openapi/package.json: the OpenAPI validator and the
# Prism mock server), from the npm registry into $BUILD_DIR/npm, pinned by the committed package-lock.json.
# Does nothing when they are there already or npm is missing (tst_openapi_validate then skips).
install_npm_tools() {
  command -v npm >/dev/null || return 0
  local dir="$BUILD_DIR/npm"
  if [ -d "$dir/node_modules" ] && cmp -s "$ROOT/tests/openapi/package-lock.json" "$dir/package-lock.json"; then
    return 0
  fi
  mkdir -p "$dir"
  cp "$ROOT/tests/openapi/package.json" "$ROOT/tests/openapi/package-lock.json" "$dir/"
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >"$dir/npm.log" 2>&1) \
    || { cat "$dir/npm.log" >&2; echo "error: npm ci in $dir failed" >&2; return 1; }
}
