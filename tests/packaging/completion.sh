#!/usr/bin/env bash
# The bash completion of apconsole-cli completes commands, a command's options and their values
# (host addresses from `apconsole-cli hosts`), as bash-completion would call it.
# Usage: completion.sh COMPLETION_SCRIPT APCONSOLE_CLI
set -euo pipefail
. "$(dirname "$0")/common.sh"
script=$1 cli=$2
need_file /usr/share/bash-completion/bash_completion bash-completion
bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
ln -s "$(realpath "$cli")" "$bin/apconsole-cli"
PATH="$bin:$PATH" bash --norc -c '
set +e
. /usr/share/bash-completion/bash_completion
. "$1"
expect() {
    local want=$1; shift
    COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}; COMPREPLY=()
    _apconsole_cli
    if [[ " ${COMPREPLY[*]} " != *" $want "* ]]; then
        echo "FAIL: completing [$*] gave [${COMPREPLY[*]}], without $want" >&2
        exit 1
    fi
}
expect inventory apconsole-cli in
expect --version apconsole-cli --v
expect --target-mdev apconsole-cli check --target-
expect --dry-run apconsole-cli migrate --source demo:zlab-a --
expect demo:zlab-b apconsole-cli inventory --host ""
expect text apconsole-cli inventory --format ""
expect replug apconsole-cli migrate --strategy ""
expect decode apconsole-cli stream ""
echo "apconsole-cli completes commands, options and hosts"
' completion "$script"
