# One probe of the host's layers (cmake/BeaconLayer.cmake): compiles PROBE, a file holding only
# `#include "<HEADER>"`, with the include folders of one layer's target and checks the outcome.
#   EXPECT=found    the header is the layer's own or below it: it must compile;
#   EXPECT=refused  the header is above the layer (or beside it): the compiler must stop with
#                   "No such file or directory" naming it.
# Usage: cmake -DCOMPILER=c++ -DINCLUDES="dir|dir|..." [-DIMPLICIT="dir|..."]
#              -DHEADER=http/web_state.h -DEXPECT=refused -DWORK=dir -P upward_include.cmake
cmake_minimum_required(VERSION 3.18)
foreach(v COMPILER INCLUDES HEADER EXPECT WORK)
  if(NOT DEFINED ${v})
    message(FATAL_ERROR "upward_include.cmake: ${v} is not set")
  endif()
endforeach()
file(MAKE_DIRECTORY ${WORK})
string(MAKE_C_IDENTIFIER "${HEADER}" name)
set(probe ${WORK}/${name}.cpp)
file(WRITE ${probe} "#include \"${HEADER}\"\n")
# The compiler's own folders (IMPLICIT) are left out, as CMake leaves them out of a compile line.
string(REPLACE "|" ";" includes "${INCLUDES}")
string(REPLACE "|" ";" implicit "${IMPLICIT}")
list(REMOVE_DUPLICATES includes)
set(flags -std=c++17 -fsyntax-only)
foreach(dir ${includes})
  if(NOT dir IN_LIST implicit)
    list(APPEND flags -I${dir})
  endif()
endforeach()
execute_process(COMMAND ${COMPILER} ${flags} ${probe} RESULT_VARIABLE rc OUTPUT_VARIABLE out
                ERROR_VARIABLE out)
if(EXPECT STREQUAL "found")
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "#include \"${HEADER}\" should compile in this layer but did not:\n${out}")
  endif()
  message(STATUS "#include \"${HEADER}\": found, as it should be")
elseif(EXPECT STREQUAL "refused")
  if(rc EQUAL 0)
    message(FATAL_ERROR "#include \"${HEADER}\" compiled in a layer below it: the layer's include "
                        "root lets an upward include through")
  endif()
  string(FIND "${out}" "${HEADER}: No such file or directory" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "#include \"${HEADER}\" failed, but not for want of the header:\n${out}")
  endif()
  message(STATUS "#include \"${HEADER}\": No such file or directory, as it should be")
else()
  message(FATAL_ERROR "upward_include.cmake: EXPECT must be found or refused, not ${EXPECT}")
endif()
