#include "rules/result_chunk.h"

#include "rules/result_builder.h"

namespace beacon::rules {

ResultChunk::ResultChunk(Parts parts)
    : rows_(std::move(parts.rows)),
      rules_(std::move(parts.rules)),
      texts_(std::move(parts.texts)),
      tally_(tallyOf(rows_)) {
  if (texts_.empty()) texts_.emplace_back();
}

ResultChunk::ResultChunk(const std::vector<ObligationResult>& rows)
    : ResultChunk(ResultBuilder::compact(rows)) {}

std::size_t ResultChunk::bytes() const {
  std::size_t n = rows_.capacity() * sizeof(KeptRow) +
                  rules_.capacity() * sizeof(std::shared_ptr<const RuleText>) +
                  texts_.capacity() * sizeof(std::string);
  for (const auto& t : texts_) {
    if (t.capacity() > std::string().capacity()) n += t.capacity() + 1;
  }
  for (const auto& list : tally_.in_order) n += list.capacity() * sizeof(std::uint32_t);
  for (const auto& list : tally_.by_due) n += list.capacity() * sizeof(std::uint32_t);
  return n;
}

}  // namespace beacon::rules
