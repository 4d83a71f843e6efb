# beacon_add_plugin(NAME <id> SOURCES <file>... MANIFEST <plugin.json> [OUTPUT_DIRECTORY <dir>])
#
# Builds one Beacon domain plugin, the same way in the source tree and against the installed SDK
# (BeaconSDKConfig.cmake includes this file):
#   beacon_plugin_<id>_objects  OBJECT library of SOURCES (link it into the plugin's unit tests);
#   beacon_plugin_<id>          the loadable module libbeacon_<id>.so, hidden visibility, linked
#                               to BeaconSDK::beacon_sdk;
#   <dir>/<id>/                 the module, its plugin.json and (if the plugin has one) its
#                               templates/ folder: the layout the host's loader reads
#                               (`beacon --plugins <dir>`). <dir> defaults to BEACON_PLUGIN_DIR,
#                               else ${CMAKE_BINARY_DIR}/beacon-plugins.
# The manifest is checked when CMake configures: "id" must be NAME, "library" libbeacon_<id>.so and
# "sdk" the SDK version compiled against (BEACON_SDK_VERSION), as the host's loader will demand.
# Each plugin's id is appended to the global property BEACON_PLUGINS.
include_guard(GLOBAL)

function(beacon_add_plugin)
  cmake_parse_arguments(PARSE_ARGV 0 ARG "" "NAME;MANIFEST;OUTPUT_DIRECTORY" "SOURCES")
  if(ARG_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "beacon_add_plugin: unexpected arguments ${ARG_UNPARSED_ARGUMENTS}")
  endif()
  foreach(required NAME SOURCES MANIFEST)
    if(NOT ARG_${required})
      message(FATAL_ERROR "beacon_add_plugin: ${required} is required")
    endif()
  endforeach()
  set(id ${ARG_NAME})
  if(NOT id MATCHES "^[a-z][a-z0-9_]*$")
    message(FATAL_ERROR "beacon_add_plugin: NAME \"${id}\" must be lowercase letters, digits and _")
  endif()
  if(NOT DEFINED BEACON_SDK_VERSION)
    message(FATAL_ERROR "beacon_add_plugin: BEACON_SDK_VERSION is not set (find_package(BeaconSDK) first)")
  endif()

  get_filename_component(manifest "${ARG_MANIFEST}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
  if(NOT EXISTS "${manifest}")
    message(FATAL_ERROR "beacon_add_plugin(${id}): manifest ${manifest} not found")
  endif()
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${manifest}")
  file(READ "${manifest}" json)
  set(library_name libbeacon_${id}.so)
  foreach(key_expected "id;${id}" "library;${library_name}" "sdk;${BEACON_SDK_VERSION}")
    list(GET key_expected 0 key)
    list(GET key_expected 1 expected)
    string(JSON value ERROR_VARIABLE error GET "${json}" ${key})
    if(error)
      message(FATAL_ERROR "beacon_add_plugin(${id}): ${manifest}: \"${key}\": ${error}")
    endif()
    if(NOT value STREQUAL expected)
      message(FATAL_ERROR "beacon_add_plugin(${id}): ${manifest} says \"${key}\": \"${value}\", "
                          "expected \"${expected}\"")
    endif()
  endforeach()

  if(ARG_OUTPUT_DIRECTORY)
    set(root ${ARG_OUTPUT_DIRECTORY})
  elseif(BEACON_PLUGIN_DIR)
    set(root ${BEACON_PLUGIN_DIR})
  else()
    set(root ${CMAKE_BINARY_DIR}/beacon-plugins)
  endif()

  set(target beacon_plugin_${id})
  add_library(${target}_objects OBJECT ${ARG_SOURCES})
  target_link_libraries(${target}_objects PUBLIC BeaconSDK::beacon_sdk)
  set_target_properties(${target}_objects PROPERTIES
    POSITION_INDEPENDENT_CODE ON CXX_VISIBILITY_PRESET hidden VISIBILITY_INLINES_HIDDEN ON)
  add_library(${target} MODULE $<TARGET_OBJECTS:${target}_objects>)
  target_link_libraries(${target} PRIVATE BeaconSDK::beacon_sdk)
  set_target_properties(${target} PROPERTIES
    CXX_VISIBILITY_PRESET hidden VISIBILITY_INLINES_HIDDEN ON
    PREFIX "lib" SUFFIX ".so" OUTPUT_NAME beacon_${id}
    LIBRARY_OUTPUT_DIRECTORY ${root}/${id})
  configure_file("${manifest}" ${root}/${id}/plugin.json COPYONLY)
  get_filename_component(manifest_dir "${manifest}" DIRECTORY)
  if(IS_DIRECTORY "${manifest_dir}/templates")
    file(COPY "${manifest_dir}/templates" DESTINATION ${root}/${id})
  endif()
  set_property(GLOBAL APPEND PROPERTY BEACON_PLUGINS ${id})
endfunction()
