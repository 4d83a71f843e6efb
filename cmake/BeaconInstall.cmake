# `cmake --install <build> [--prefix P]`: the host laid out by the FHS (component runtime), next to
# the SDK (component sdk, sdk/CMakeLists.txt):
#   <prefix>/bin/beacon                      the binary (RUNPATH $ORIGIN/../lib finds libbeacon_sdk.so)
#   <prefix>/lib/libbeacon_sdk.so            the plugin contract (installed by the sdk component)
#   <prefix>/lib/beacon/plugins/<id>/        each domain plugin: its module, plugin.json, templates
#   <prefix>/share/beacon/templates/         the built-in templates
#   <prefix>/share/beacon/holidays/cn.csv    the holiday calendar
#   <sysconfdir>/beacon/beacon.properties    the configuration (/etc for the prefix /usr)
#   <localstatedir>/lib/beacon/              the database and attachments (/var for the prefix /usr)
#   <prefix>/lib/systemd/system/beacon.service
# The installed binary finds the plugins, templates, calendar and configuration relative to itself
# (host/src/install_layout.h, which names the same folders). The installed configuration is
# etc/beacon.properties with the database, attachments and access log under the state folders.
# Configured with the prefix /usr (scripts/package.sh does) the configuration and state go to
# /etc and /var; with another prefix they follow it.
include(GNUInstallDirs)

if(CMAKE_INSTALL_PREFIX STREQUAL "/usr")
  set(BEACON_INSTALL_CONFDIR ${CMAKE_INSTALL_FULL_SYSCONFDIR}/beacon)
  set(BEACON_INSTALL_STATEDIR ${CMAKE_INSTALL_FULL_LOCALSTATEDIR}/lib/beacon)
  set(BEACON_INSTALL_LOGDIR ${CMAKE_INSTALL_FULL_LOCALSTATEDIR}/log/beacon)
else()
  set(BEACON_INSTALL_CONFDIR ${CMAKE_INSTALL_SYSCONFDIR}/beacon)
  set(BEACON_INSTALL_STATEDIR ${CMAKE_INSTALL_LOCALSTATEDIR}/lib/beacon)
  set(BEACON_INSTALL_LOGDIR ${CMAKE_INSTALL_LOCALSTATEDIR}/log/beacon)
endif()
# The absolute folders the installed configuration names.
foreach(dir STATEDIR LOGDIR)
  if(IS_ABSOLUTE ${BEACON_INSTALL_${dir}})
    set(BEACON_FULL_${dir} ${BEACON_INSTALL_${dir}})
  else()
    set(BEACON_FULL_${dir} ${CMAKE_INSTALL_PREFIX}/${BEACON_INSTALL_${dir}})
  endif()
endforeach()

set_target_properties(beacon PROPERTIES INSTALL_RPATH "$ORIGIN/../lib")
install(TARGETS beacon RUNTIME DESTINATION bin COMPONENT runtime)
install(DIRECTORY ${BEACON_PLUGIN_DIR}/ DESTINATION lib/beacon/plugins COMPONENT runtime USE_SOURCE_PERMISSIONS)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/templates/ DESTINATION share/beacon/templates COMPONENT runtime)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/data/holidays/ DESTINATION share/beacon/holidays COMPONENT runtime)

file(READ ${PROJECT_SOURCE_DIR}/etc/beacon.properties beacon_properties)
foreach(replacement
    "beacon.database = var/beacon.db|beacon.database = ${BEACON_FULL_STATEDIR}/beacon.db"
    "web.attachments_dir = var/attachments|web.attachments_dir = ${BEACON_FULL_STATEDIR}/attachments"
    "# logging.access_file =\n|logging.access_file = ${BEACON_FULL_LOGDIR}/access.log\n")
  string(REPLACE "|" ";" pair "${replacement}")
  list(GET pair 0 from)
  list(GET pair 1 to)
  string(FIND "${beacon_properties}" "${from}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "etc/beacon.properties has no line \"${from}\" for the installed configuration")
  endif()
  string(REPLACE "${from}" "${to}" beacon_properties "${beacon_properties}")
endforeach()
file(WRITE ${CMAKE_BINARY_DIR}/installed/beacon.properties "${beacon_properties}")
install(FILES ${CMAKE_BINARY_DIR}/installed/beacon.properties DESTINATION ${BEACON_INSTALL_CONFDIR}
        PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ COMPONENT runtime)
install(DIRECTORY DESTINATION ${BEACON_INSTALL_STATEDIR} COMPONENT runtime)
install(DIRECTORY DESTINATION ${BEACON_INSTALL_LOGDIR} COMPONENT runtime)
install(FILES ${PROJECT_SOURCE_DIR}/packaging/beacon.service DESTINATION lib/systemd/system COMPONENT runtime)
