# The configure-time rule of the host's layers (cmake/BeaconLayer.cmake): a layer may depend only
# on layers declared before it. Configures cycle_probe/ three times: in the good order it must
# configure and give each layer an include root of itself and what it depends on; a cycle and a
# layer depending on itself must each be refused with the rule's message.
# Usage: cmake -DCMAKE=cmake -DCXX=c++ -DLAYER_CMAKE=.../BeaconLayer.cmake -DPROBE=.../cycle_probe
#              -DWORK=dir -P layer_cycle.cmake
cmake_minimum_required(VERSION 3.18)
foreach(v CMAKE CXX LAYER_CMAKE PROBE WORK)
  if(NOT DEFINED ${v})
    message(FATAL_ERROR "layer_cycle.cmake: ${v} is not set")
  endif()
endforeach()
set(refusal "which is not a layer declared before it")

function(configure_probe order rc_var out_var)
  file(REMOVE_RECURSE ${WORK}/${order})
  execute_process(COMMAND ${CMAKE} -S ${PROBE} -B ${WORK}/${order} -DORDER=${order}
                          -DBEACON_LAYER_CMAKE=${LAYER_CMAKE} -DCMAKE_CXX_COMPILER=${CXX}
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
  set(${rc_var} ${rc} PARENT_SCOPE)
  set(${out_var} "${out}" PARENT_SCOPE)
endfunction()

configure_probe(good rc out)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "two layers in the right order should configure:\n${out}")
endif()
file(GLOB lower_root RELATIVE ${WORK}/good/layers/lower ${WORK}/good/layers/lower/*)
file(GLOB upper_root RELATIVE ${WORK}/good/layers/upper ${WORK}/good/layers/upper/*)
list(SORT upper_root)
if(NOT lower_root STREQUAL "lower" OR NOT upper_root STREQUAL "lower;upper")
  message(FATAL_ERROR "include roots: lower holds `${lower_root}` (want lower), "
                      "upper holds `${upper_root}` (want lower;upper)")
endif()
message(STATUS "good order: configured; lower sees lower, upper sees lower and upper")

foreach(order cycle self)
  configure_probe(${order} rc out)
  if(rc EQUAL 0)
    message(FATAL_ERROR "the ${order} order configured: the layer rule let it through")
  endif()
  # CMake wraps its error messages: compare with the whitespace collapsed.
  string(REGEX REPLACE "[ \t\r\n]+" " " flat "${out}")
  string(FIND "${flat}" "${refusal}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "the ${order} order failed, but not with the layer rule's message:\n${out}")
  endif()
  message(STATUS "${order} order: refused at configure, as it should be")
endforeach()
