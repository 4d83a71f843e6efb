# The Debian package (scripts/package.sh builds it: a tree configured with the prefix /usr, then
# `cpack -G DEB`). One package, beacon, with the runtime and the SDK components: the binary,
# plugins, data, configuration (a conffile), the systemd unit and the plugin SDK. Its maintainer
# scripts (packaging/debian/) add the `beacon` system user, own /var/lib/beacon and /var/log/beacon,
# initialise or migrate the database as that user and enable beacon.service.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME beacon)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Beacon 应急预案与演练管理 - emergency plans and drills")
set(CPACK_PACKAGE_DESCRIPTION "Keeps a city's emergency plans (应急预案) and drills (应急演练): their life cycle, \
the duties the law sets and which are overdue, annual report text, a web app and JSON API.")
set(CPACK_PACKAGE_CONTACT "Beacon maintainers <root@localhost>")
set(CPACK_PACKAGING_INSTALL_PREFIX ${CMAKE_INSTALL_PREFIX})
# /etc and /var are outside the prefix: install through DESTDIR so they land where they say.
set(CPACK_SET_DESTDIR ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION admin)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# The Debian 12 runtime packages of what the host links (Poco 1.11, SQLite, libpq), and what the
# maintainer scripts run (adduser; runuser is util-linux, which is essential).
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "libpocofoundation80, libpocoutil80, libpocojson80, libpocoxml80, libpocodata80, libpocodatasqlite80, \
libpocodatapostgresql80, libpoconet80, libpococrypto80, libpocoencodings80, libpocozip80, libpocojwt80, \
libsqlite3-0 (>= 3.27), libpq5, libstdc++6, adduser")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${PROJECT_SOURCE_DIR}/packaging/debian/conffiles
    ${PROJECT_SOURCE_DIR}/packaging/debian/postinst
    ${PROJECT_SOURCE_DIR}/packaging/debian/prerm
    ${PROJECT_SOURCE_DIR}/packaging/debian/postrm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)
include(CPack)
