# beacon_layer(<name> [DIR <dir>] [DEPENDS <layer>...] [LIBRARIES <lib>...])
#
# One layer of the host (docs/architecture.md): a static library beacon_<name> built from every
# .cpp under ${BEACON_LAYER_SOURCE_ROOT}/<dir> (<dir> defaults to <name>; "." is the root's own
# files, not its folders). A new file joins its folder's layer at the next build (CONFIGURE_DEPENDS).
#
# The layer compiles against an include root of its own, ${BEACON_LAYER_INCLUDE_ROOT}/<name>, that
# holds a symbolic link to its folder and to the folder of every layer it depends on, directly or
# not, and nothing else. `#include "http/x.h"` from a layer below http therefore fails with
# "No such file or directory". A layer may depend only on layers declared before it, so the
# declaration order is the one direction of the arrows and a cycle is refused at configure.
#
# BEACON_LAYER_SOURCE_ROOT and BEACON_LAYER_INCLUDE_ROOT must be set before the first call.
# The declared layers, lowest first, are in the global property BEACON_LAYERS.

function(beacon_layer name)
  cmake_parse_arguments(PARSE_ARGV 1 LAYER "" "DIR" "DEPENDS;LIBRARIES")
  if(LAYER_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "beacon_layer(${name}): unknown arguments ${LAYER_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT LAYER_DIR)
    set(LAYER_DIR ${name})
  endif()
  get_property(declared GLOBAL PROPERTY BEACON_LAYERS)
  if(name IN_LIST declared)
    message(FATAL_ERROR "beacon_layer(${name}): the layer is declared twice")
  endif()
  set(closure ${name})
  foreach(dep ${LAYER_DEPENDS})
    if(NOT dep IN_LIST declared)
      message(FATAL_ERROR
        "beacon_layer(${name}): depends on `${dep}`, which is not a layer declared before it. "
        "A layer may depend only on the layers below it (declared earlier), so this would be a "
        "cycle or an upward dependency; see docs/architecture.md.")
    endif()
    get_property(dep_closure GLOBAL PROPERTY BEACON_LAYER_CLOSURE_${dep})
    list(APPEND closure ${dep_closure})
  endforeach()
  list(REMOVE_DUPLICATES closure)

  set(folder ${BEACON_LAYER_SOURCE_ROOT}/${LAYER_DIR})
  if(LAYER_DIR STREQUAL ".")
    file(GLOB sources CONFIGURE_DEPENDS ${BEACON_LAYER_SOURCE_ROOT}/*.cpp)
    file(GLOB headers CONFIGURE_DEPENDS ${BEACON_LAYER_SOURCE_ROOT}/*.h)
    set(entries "")
    foreach(h ${headers})
      get_filename_component(h ${h} NAME)
      list(APPEND entries ${h})
    endforeach()
  else()
    file(GLOB_RECURSE sources CONFIGURE_DEPENDS ${folder}/*.cpp)
    set(entries ${LAYER_DIR})
  endif()
  set_property(GLOBAL PROPERTY BEACON_LAYER_ENTRIES_${name} ${entries})
  set_property(GLOBAL PROPERTY BEACON_LAYER_CLOSURE_${name} ${closure})
  set_property(GLOBAL APPEND PROPERTY BEACON_LAYERS ${name})

  # The include root: one link per entry of the layers in the closure; any other entry goes.
  set(root ${BEACON_LAYER_INCLUDE_ROOT}/${name})
  file(MAKE_DIRECTORY ${root})
  set(wanted "")
  foreach(layer ${closure})
    get_property(layer_entries GLOBAL PROPERTY BEACON_LAYER_ENTRIES_${layer})
    list(APPEND wanted ${layer_entries})
  endforeach()
  file(GLOB present RELATIVE ${root} LIST_DIRECTORIES true ${root}/*)
  foreach(entry ${present})
    if(NOT entry IN_LIST wanted)
      file(REMOVE ${root}/${entry})
    endif()
  endforeach()
  foreach(layer ${closure})
    get_property(layer_entries GLOBAL PROPERTY BEACON_LAYER_ENTRIES_${layer})
    foreach(entry ${layer_entries})
      if(NOT EXISTS ${root}/${entry})
        file(CREATE_LINK ${BEACON_LAYER_SOURCE_ROOT}/${entry} ${root}/${entry} SYMBOLIC)
      endif()
    endforeach()
  endforeach()

  set(target beacon_${name})
  if(NOT sources)
    # A layer of headers only still gets its target, so its dependents link the same way.
    set(sources ${BEACON_LAYER_INCLUDE_ROOT}/empty.cpp)
    if(NOT EXISTS ${sources})
      file(WRITE ${sources} "")
    endif()
  endif()
  add_library(${target} STATIC ${sources})
  target_include_directories(${target} PRIVATE ${root})
  set(dep_targets "")
  foreach(dep ${LAYER_DEPENDS})
    list(APPEND dep_targets beacon_${dep})
  endforeach()
  target_link_libraries(${target} PUBLIC ${dep_targets} ${LAYER_LIBRARIES})
endfunction()
