#!/usr/bin/env bash
# Checks the Debian package `make package` makes: runs CPack on the build into a scratch
# folder (about 5 s; the build's own folder is left alone) and checks that the .deb holds
# every program, manual page and bash completion, and report-render's templates, under
# /usr, and that its control fields are filled (Depends computed by dpkg-shlibdeps). Also
# stages `make install` (cmake --install with DESTDIR and another prefix) and checks the
# completions land there.
#   package_contents.sh SOURCE_DIR BIN_DIR      (BIN_DIR is BUILD/bin)
set -u
src=$(cd "$1" && pwd)
build=$(cd "$2/.." && pwd)
fail=0
for tool in cpack dpkg-deb dpkg-shlibdeps file; do
  command -v "$tool" >/dev/null || { echo "FAIL: $tool is not installed (make deps)"; exit 1; }
done
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

if ! (cd "$build" && cpack -G DEB -B "$scratch") >"$scratch/cpack.log" 2>&1; then
  echo "FAIL: cpack -G DEB failed:"
  cat "$scratch/cpack.log"
  exit 1
fi
deb=$(ls "$scratch"/casesift_*.deb 2>/dev/null | head -n 1)
[ -n "$deb" ] || { echo "FAIL: cpack made no casesift_*.deb"; cat "$scratch/cpack.log"; exit 1; }
contents=$(dpkg-deb -c "$deb" | awk '{print $NF}' | sed 's|^\./|/|')

has() {  # has PATH: the package installs PATH
  grep -qxF "$1" <<<"$contents" || { echo "FAIL: $(basename "$deb") lacks $1"; fail=1; }
}
for dir in "$src"/tools/*/; do
  tool=$(basename "$dir")
  has "/usr/bin/$tool"
  has "/usr/share/bash-completion/completions/$tool"
done
for page in "$src"/man/*.[157]; do
  page=$(basename "$page")
  has "/usr/share/man/man${page##*.}/$page"
done
for template in "$src"/tools/report-render/templates/*; do
  has "/usr/share/casesift/templates/$(basename "$template")"
done
# Nothing a test builds (unit_tests, jsonl-pass, benchmarks) goes in.
extra=$(grep -vE '/$|^/usr/(bin/[a-z-]+|share/(man/man[157]|bash-completion/completions|casesift/templates)/[^/]+)$' <<<"$contents")
[ -z "$extra" ] || { echo "FAIL: unexpected files in the package: $extra"; fail=1; }
for prog in $(grep '^/usr/bin/[^/]' <<<"$contents" | xargs -n 1 basename); do
  [ -d "$src/tools/$prog" ] || { echo "FAIL: /usr/bin/$prog is not one of the programs"; fail=1; }
done

# make install PREFIX=/opt/casesift DESTDIR=...: the same files under the prefix.
if DESTDIR=$scratch/stage cmake --install "$build" --prefix /opt/casesift >"$scratch/install.log" 2>&1; then
  for dir in "$src"/tools/*/; do
    tool=$(basename "$dir")
    for f in bin/$tool share/bash-completion/completions/$tool share/man/man1/$tool.1; do
      [ -f "$scratch/stage/opt/casesift/$f" ] || { echo "FAIL: make install did not install $f"; fail=1; }
    done
  done
else
  echo "FAIL: cmake --install with DESTDIR failed:"
  cat "$scratch/install.log"
  fail=1
fi

field() { dpkg-deb -f "$deb" "$1"; }
version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build/CMakeCache.txt")
[ "$(field Package)" = casesift ] || { echo "FAIL: Package is '$(field Package)'"; fail=1; }
[ -n "$version" ] && [ "$(field Version)" = "$version" ] ||
  { echo "FAIL: Version is '$(field Version)', the project's is '$version'"; fail=1; }
[ "$(field Section)" = utils ] || { echo "FAIL: Section is '$(field Section)'"; fail=1; }
[[ $(field Maintainer) == *"<"*@*">" ]] || { echo "FAIL: Maintainer is '$(field Maintainer)'"; fail=1; }
[ -n "$(field Description)" ] || { echo "FAIL: no Description"; fail=1; }
[[ $(field Depends) == *libc6* && $(field Depends) == *libre2* ]] ||
  { echo "FAIL: Depends was not computed from the linked libraries: '$(field Depends)'"; fail=1; }

[ "$fail" -eq 0 ] && echo "ok: $(basename "$deb") holds the programs, manual pages, completions and templates"
exit "$fail"
