# Compiler settings shared by every target of the project (cf. qBittorrent's CommonConfig.cmake).
add_library(app_common INTERFACE)
target_compile_options(app_common INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow=local -Wnon-virtual-dtor -Wcast-align -Woverloaded-virtual
    $<$<BOOL:${CREODROP_WERROR}>:-Werror>)
target_compile_definitions(app_common INTERFACE
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_URL_CAST_FROM_STRING
    QT_USE_QSTRINGBUILDER
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_STRICT_ITERATORS
    QT_DISABLE_DEPRECATED_UP_TO=0x060400
    CREODROP_VERSION="${PROJECT_VERSION}")
