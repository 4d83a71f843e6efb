// The `beacon` binary: the CLI (see app/cli.h).
#include <iostream>

#include "app/cli.h"

int main(int argc, char** argv) {
  return beacon::app::runCli(std::vector<std::string>(argv, argv + argc), std::cout, std::cerr, std::cin);
}
