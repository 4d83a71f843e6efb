// The zh-CN name of each ledger kind (import_kind.h) as a sheet, a file name
// and a page show it: 组织机构, 应急预案, 评审评估, 备案, 应急演练, 整改措施,
// 公开, 年度演练计划, 演练评估报告; the kind's id for an unknown one.
// Stateless; thread-safe.
#pragma once

#include <string>

namespace beacon::io {

std::string kindLabelZh(const std::string& kind);

}  // namespace beacon::io
