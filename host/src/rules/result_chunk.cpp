#include "rules/result_chunk.h"

namespace beacon::rules {

ResultChunk::ResultChunk(std::vector<ObligationResult> rows)
    : rows_(std::move(rows)), tally_(tallyOf(rows_)) {}

}  // namespace beacon::rules
