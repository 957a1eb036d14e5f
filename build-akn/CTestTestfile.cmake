# CMake generated Testfile for 
# Source directory: /work/main
# Build directory: /work/main/build-akn
# 
# This file includes the relevant testing commands required for 
# testing this directory and lists subdirectories to be tested as well.
add_test([=[unit]=] "/work/main/build-akn/treaty_tests")
set_tests_properties([=[unit]=] PROPERTIES  _BACKTRACE_TRIPLES "/work/main/CMakeLists.txt;64;add_test;/work/main/CMakeLists.txt;0;")
add_test([=[cases]=] "/work/main/build-akn/treaty_case_runner" "/work/main/tests/cases")
set_tests_properties([=[cases]=] PROPERTIES  _BACKTRACE_TRIPLES "/work/main/CMakeLists.txt;65;add_test;/work/main/CMakeLists.txt;0;")
add_test([=[cli]=] "/work/main/tests/cli/run.sh" "/work/main/build-akn/treaty")
set_tests_properties([=[cli]=] PROPERTIES  _BACKTRACE_TRIPLES "/work/main/CMakeLists.txt;66;add_test;/work/main/CMakeLists.txt;0;")
