# SPDX-FileCopyrightText: 2026 Creodrop
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Writes the two manual pages, gzipped as Debian installs them:
#   OUTPUT_DIR/creodrop-backupctl.1.gz   from `CLI --help-man DATE`: the command tables of --help
#   OUTPUT_DIR/creodrop-backups.1.gz     from GUI_PAGE_IN (the console's few options)
#   cmake -DCLI=.../creodrop-backupctl -DGUI_PAGE_IN=creodrop-backups.1.in -DVERSION=0.1.0
#         -DDATE_FILE=.../release-date -DOUTPUT_DIR=... -P ManPages.cmake
# DATE_FILE holds the date of the release in CHANGELOG.md (Changelog.cmake writes it), so a
# rebuild of the same version gives the same pages.
cmake_minimum_required(VERSION 3.25)

foreach(var CLI GUI_PAGE_IN VERSION DATE_FILE OUTPUT_DIR)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "ManPages.cmake: -D${var}=... is required")
    endif()
endforeach()
file(READ "${DATE_FILE}" CREODROP_RELEASE_DATE)
string(STRIP "${CREODROP_RELEASE_DATE}" CREODROP_RELEASE_DATE)
set(CREODROP_VERSION "${VERSION}")
file(MAKE_DIRECTORY "${OUTPUT_DIR}")

function(gzip_page page)
    # -n: no name or time in the header, so the bytes depend on the page only.
    execute_process(COMMAND gzip -9nc INPUT_FILE "${OUTPUT_DIR}/${page}" OUTPUT_FILE "${OUTPUT_DIR}/${page}.gz"
                    RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "gzip ${page} failed (${rc})")
    endif()
endfunction()

# The CLI needs no display, catalog or keychain for this; a scratch home keeps it from reading
# the builder's settings.
set(ENV{CREODROP_HOME} "${OUTPUT_DIR}/man-home")
execute_process(COMMAND "${CLI}" --help-man "${CREODROP_RELEASE_DATE}"
                OUTPUT_FILE "${OUTPUT_DIR}/creodrop-backupctl.1" ERROR_VARIABLE error RESULT_VARIABLE rc)
file(REMOVE_RECURSE "${OUTPUT_DIR}/man-home")
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "creodrop-backupctl --help-man failed (${rc}): ${error}")
endif()
gzip_page(creodrop-backupctl.1)

configure_file("${GUI_PAGE_IN}" "${OUTPUT_DIR}/creodrop-backups.1" @ONLY)
gzip_page(creodrop-backups.1)
