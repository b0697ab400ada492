# bash completion for apconsole-cli                                  -*- shell-script -*-
# The commands and their options are read from apconsole-cli's own --help, so the completion
# follows the installed version without a list of its own.

_apconsole_cli_commands()
{
    apconsole-cli --help 2>/dev/null | sed -n '/^Commands:/,/^$/{s/^  \([a-z][a-z0-9-]*\) .*/\1/p}'
}

_apconsole_cli_options()
{
    apconsole-cli "$1" --help 2>/dev/null | sed -n 's/^  *\(-[a-zA-Z?], \)\{0,1\}\(--[a-z][a-z0-9-]*\).*/\2/p'
}

# The value an option takes, as its help shows it: "--host <URI>" gives URI.
_apconsole_cli_value_name()
{
    apconsole-cli "$1" --help 2>/dev/null | sed -n "s/^  *\(-[a-zA-Z?], \)\{0,1\}$2 <\([A-Za-z0-9._|-]*\)>.*/\2/p"
}

_apconsole_cli()
{
    local cur prev words cword
    _init_completion || return

    if [[ $cword -eq 1 ]]; then
        COMPREPLY=($(compgen -W "$(_apconsole_cli_commands) --help --version" -- "$cur"))
        return
    fi
    local command=${words[1]}

    if [[ $prev == --* ]]; then
        case $(_apconsole_cli_value_name "$command" "$prev") in
            URI)
                COMPREPLY=($(compgen -W "$(apconsole-cli hosts 2>/dev/null)" -- "$cur"))
                __ltrim_colon_completions "$cur"
                return ;;
            DIR)
                _filedir -d
                return ;;
            FILE | *.json)
                _filedir
                return ;;
            FORMAT)
                COMPREPLY=($(compgen -W "json text html csv" -- "$cur"))
                return ;;
            PROFILE)
                COMPREPLY=($(compgen -W "v2 v3" -- "$cur"))
                return ;;
            STRATEGY)
                COMPREPLY=($(compgen -W "live replug" -- "$cur"))
                return ;;
            "")
                ;; # a flag: complete the next option
            *)
                return ;; # a value only the operator knows (a UUID, a name, a number)
        esac
    fi

    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$(_apconsole_cli_options "$command")" -- "$cur"))
        return
    fi
    if [[ $command == stream && $cword -eq 2 ]]; then
        COMPREPLY=($(compgen -W "encode decode" -- "$cur"))
        return
    fi
    _filedir
} &&
    complete -F _apconsole_cli apconsole-cli
