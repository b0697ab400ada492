# Shared by the packaging tests. A tool that is missing fails the test under CI=true (CI must run
# everything) and skips it elsewhere (exit 77, ctest's SKIP_RETURN_CODE), saying which.
need()
{
    local tool
    for tool in "$@"; do
        command -v "$tool" >/dev/null 2>&1 && continue
        if [ "${CI:-}" = "true" ]; then
            echo "FAIL: $tool is missing (scripts/install-deps.sh installs it)" >&2
            exit 1
        fi
        echo "SKIP: $tool is missing (scripts/install-deps.sh installs it)" >&2
        exit 77
    done
}

# The same for a file a package installs: need_file FILE PACKAGE.
need_file()
{
    [ -e "$1" ] && return 0
    if [ "${CI:-}" = "true" ]; then
        echo "FAIL: $1 is missing (package $2; scripts/install-deps.sh installs it)" >&2
        exit 1
    fi
    echo "SKIP: $1 is missing (package $2; scripts/install-deps.sh installs it)" >&2
    exit 77
}

fail()
{
    echo "FAIL: $*" >&2
    exit 1
}
