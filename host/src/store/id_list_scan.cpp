#include "store/id_list_scan.h"

#include <algorithm>

namespace beacon::store {

namespace {

std::size_t powerOfTwoAtLeast(std::size_t n) {
  std::size_t p = 1;
  while (p < n) p *= 2;
  return p;
}

std::string parameterList(std::size_t n) {
  std::string out = "(";
  for (std::size_t i = 0; i < n; ++i) out += (i == 0 ? "$" : ", $") + std::to_string(i + 1);
  return out + ")";
}

}  // namespace

void scanByIdList(RowScanner& scanner, const std::string& select_in,
                  const std::vector<sdk::RecordId>& ids, const std::string& rest,
                  const RowCallback& row) {
  for (std::size_t begin = 0; begin < ids.size(); begin += kIdsPerScan) {
    const std::size_t end = std::min(ids.size(), begin + kIdsPerScan);
    std::vector<std::string> params;
    params.reserve(powerOfTwoAtLeast(end - begin));
    for (std::size_t i = begin; i < end; ++i) params.push_back(std::to_string(ids[i]));
    params.resize(powerOfTwoAtLeast(end - begin), params.back());
    scanner.scan(select_in + parameterList(params.size()) + rest, params, row);
  }
}

}  // namespace beacon::store
