#!/usr/bin/env bash
# Both manual pages render with `man -l` without a warning, and apconsole-cli(1) covers every
# command `apconsole-cli --help` lists and every option each command's --help lists;
# apconsole(1) every option of `apconsole --help`.
# Usage: manpages.sh BUILD_DOC_DIR APCONSOLE APCONSOLE_CLI
set -euo pipefail
. "$(dirname "$0")/common.sh"
need man groff
doc=$1 gui=$2 cli=$3
for page in apconsole.1 apconsole-cli.1; do
    for file in "$doc/$page" "$doc/$page.gz"; do
        [ -f "$file" ] || fail "no $file"
        warnings=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings=w -l "$file" 2>&1 >/dev/null) || fail "man -l $file failed: $warnings"
        [ -z "$warnings" ] || fail "man -l $file warns: $warnings"
        text=$(LC_ALL=C.UTF-8 MANWIDTH=80 man -l "$file" 2>/dev/null)
        [ "$(printf '%s\n' "$text" | wc -l)" -gt 40 ] || fail "$file renders to almost nothing"
    done
    echo "man -l $doc/$page: no warnings"
done

# The rendered text, with hyphens as typed (groff may print U+2010 for a hyphen).
rendered() { LC_ALL=C.UTF-8 MANWIDTH=200 man -l "$1" 2>/dev/null | sed 's/\xe2\x80\x90/-/g; s/\xe2\x88\x92/-/g'; }
cli_text=$(rendered "$doc/apconsole-cli.1")
gui_text=$(rendered "$doc/apconsole.1")
options_of() { sed -n 's/^  *\(-[a-zA-Z?], \)\{0,1\}\(--[a-z][a-z0-9-]*\).*/\2/p'; }

missing=()
commands=$("$cli" --help | sed -n '/^Commands:/,/^$/{s/^  \([a-z][a-z0-9-]*\) .*/\1/p}')
[ -n "$commands" ] || fail "apconsole-cli --help lists no commands"
for c in $commands; do
    grep -qE "^   $c\$" <<<"$cli_text" || missing+=("apconsole-cli(1) has no section for the command '$c'")
    for o in $("$cli" "$c" --help | options_of); do
        case $o in --help | --help-all) continue ;; esac
        grep -qE -- "(^|[^a-z-])$o([^a-z-]|\$)" <<<"$(sed -n "/^   $c\$/,/^   [a-z]/p" <<<"$cli_text")" \
            || missing+=("apconsole-cli(1): the command '$c' does not describe $o")
    done
done
for o in $("$gui" --help | options_of); do
    grep -qE -- "(^|[^a-z-])$o([^a-z-]|\$)" <<<"$gui_text" || missing+=("apconsole(1) does not describe $o")
done
if [ ${#missing[@]} -gt 0 ]; then
    printf 'FAIL: %s (doc/*.1.in)\n' "${missing[@]}" >&2
    exit 1
fi
echo "the pages cover $(wc -w <<<"$commands") commands and their options"
