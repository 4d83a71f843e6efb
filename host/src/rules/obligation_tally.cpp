#include "rules/obligation_tally.h"

#include <mutex>
#include <unordered_map>

namespace beacon::rules {

namespace {

struct Kept {
  std::weak_ptr<const std::vector<ObligationResult>> chunk;  // expired: the chunk was replaced
  std::shared_ptr<const ChunkTally> tally;
};

class TallyMemo {
 public:
  std::shared_ptr<const ChunkTally> find(const ObligationChunk& chunk) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = kept_.find(chunk.get());
    if (it == kept_.end() || it->second.chunk.expired()) return nullptr;
    return it->second.tally;
  }
  void keep(const ObligationChunk& chunk, std::shared_ptr<const ChunkTally> tally) {
    std::lock_guard<std::mutex> lock(mutex_);
    kept_[chunk.get()] = Kept{chunk, std::move(tally)};
    // Drop the tallies of replaced chunks now and then (a chunk's address may be reused: the
    // weak pointer tells an old entry from a live one).
    if (++since_sweep_ >= 4096) {
      since_sweep_ = 0;
      for (auto it = kept_.begin(); it != kept_.end();) {
        it = it->second.chunk.expired() ? kept_.erase(it) : std::next(it);
      }
    }
  }

 private:
  std::mutex mutex_;
  std::unordered_map<const void*, Kept> kept_;
  std::size_t since_sweep_ = 0;
};

TallyMemo& memo() {
  static TallyMemo instance;
  return instance;
}

ChunkTally tally(const std::vector<ObligationResult>& rows) {
  ChunkTally t;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto kind = static_cast<std::size_t>(rows[i].obligation.kind);
    const auto status = static_cast<std::size_t>(rows[i].status);
    if (kind < kObligationKindCount && status < kObligationStatusCount) ++t.counts[kind][status];
    const auto at = static_cast<std::uint32_t>(i);
    if (rows[i].status == sdk::ObligationStatus::Overdue) t.overdue.push_back(at);
    if (rows[i].status == sdk::ObligationStatus::DueSoon) t.due_soon.push_back(at);
    if (rows[i].status == sdk::ObligationStatus::MetLate) t.met_late.push_back(at);
  }
  return t;
}

}  // namespace

int ChunkTally::count(sdk::ObligationStatus status) const {
  int n = 0;
  for (const auto& by_status : counts) n += by_status[static_cast<std::size_t>(status)];
  return n;
}

const std::vector<std::uint32_t>* ChunkTally::positions(sdk::ObligationStatus status) const {
  switch (status) {
    case sdk::ObligationStatus::Overdue:
      return &overdue;
    case sdk::ObligationStatus::DueSoon:
      return &due_soon;
    case sdk::ObligationStatus::MetLate:
      return &met_late;
    default:
      return nullptr;
  }
}

std::shared_ptr<const ChunkTally> tallyOf(const ObligationChunk& chunk) {
  if (auto kept = memo().find(chunk)) return kept;
  auto fresh = std::make_shared<const ChunkTally>(tally(*chunk));
  memo().keep(chunk, fresh);
  return fresh;
}

}  // namespace beacon::rules
