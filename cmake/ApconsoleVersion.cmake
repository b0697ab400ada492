# The version the binaries print and the package carries, from the tree:
#   - APCONSOLE_VERSION_OVERRIDE when given (a distribution build pinning its own),
#   - else `git describe` of a release tag vX.Y.Z: "X.Y.Z" on the tag, "X.Y.Z+N.gHASH" after it,
#   - else, in a checkout without a release tag: "PROJECT_VERSION+gitN.gHASH" (N = commit count),
#   - else (a source tarball, no git): PROJECT_VERSION.
# A modified work tree adds ".dirty". Every form is a valid Debian upstream version (no '-').
function(apconsole_version out_var)
    if(APCONSOLE_VERSION_OVERRIDE)
        set(${out_var} "${APCONSOLE_VERSION_OVERRIDE}" PARENT_SCOPE)
        return()
    endif()
    set(version "${PROJECT_VERSION}")
    find_package(Git QUIET)
    if(GIT_FOUND)
        execute_process(COMMAND "${GIT_EXECUTABLE}" -C "${PROJECT_SOURCE_DIR}" rev-parse --show-toplevel
                        OUTPUT_VARIABLE top OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET RESULT_VARIABLE rc)
        # Only the project's own checkout counts, not a repository the tarball was unpacked in.
        if(rc EQUAL 0 AND EXISTS "${top}" AND EXISTS "${PROJECT_SOURCE_DIR}")
            file(REAL_PATH "${top}" top)
            file(REAL_PATH "${PROJECT_SOURCE_DIR}" src)
        endif()
        if(rc EQUAL 0 AND top STREQUAL src)
            execute_process(COMMAND "${GIT_EXECUTABLE}" -C "${PROJECT_SOURCE_DIR}" describe --tags --match "v[0-9]*" --dirty=.dirty
                            OUTPUT_VARIABLE described OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET RESULT_VARIABLE rc)
            if(rc EQUAL 0 AND described MATCHES "^v([0-9][^-]*)(-([0-9]+)-(g[0-9a-f]+))?(\\.dirty)?$")
                set(version "${CMAKE_MATCH_1}")
                if(CMAKE_MATCH_3)
                    string(APPEND version "+${CMAKE_MATCH_3}.${CMAKE_MATCH_4}")
                endif()
                string(APPEND version "${CMAKE_MATCH_5}")
            else()
                execute_process(COMMAND "${GIT_EXECUTABLE}" -C "${PROJECT_SOURCE_DIR}" rev-list --count HEAD
                                OUTPUT_VARIABLE count OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET RESULT_VARIABLE rc1)
                execute_process(COMMAND "${GIT_EXECUTABLE}" -C "${PROJECT_SOURCE_DIR}" describe --always --abbrev=7 --dirty=.dirty
                                OUTPUT_VARIABLE hash OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET RESULT_VARIABLE rc2)
                if(rc1 EQUAL 0 AND rc2 EQUAL 0 AND hash MATCHES "^[0-9a-f]+(\\.dirty)?$")
                    string(APPEND version "+git${count}.g${hash}")
                endif()
            endif()
        endif()
    endif()
    set(${out_var} "${version}" PARENT_SCOPE)
endfunction()
