#include "mail/digest_timer.h"

#include <chrono>

#include <Poco/LocalDateTime.h>

#include "mail/digest_service.h"
#include "store/database.h"

namespace beacon::mail {

namespace {
constexpr auto kWake = std::chrono::seconds(30);
constexpr int kRetryMinutes = 30;
}  // namespace

DigestTimer::DigestTimer(std::string database_uri, rules::ComplianceEngine& engine,
                         std::mutex& engine_mutex, MailConfig config)
    : database_uri_(std::move(database_uri)),
      engine_(engine),
      engine_mutex_(engine_mutex),
      config_(std::move(config)),
      log_(Poco::Logger::get("beacon.mail")) {}

DigestTimer::~DigestTimer() { stop(); }

void DigestTimer::start() {
  if (thread_.joinable()) return;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = false;
  }
  thread_ = std::thread([this] { loop(); });
}

void DigestTimer::stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void DigestTimer::loop() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (!stopping_) {
    lock.unlock();
    const Poco::LocalDateTime now;
    const sdk::Date today{now.year(), now.month(), now.day()};
    try {
      if (done_day_ != today && runIfDue(today, now.hour() * 60 + now.minute())) done_day_ = today;
    } catch (const std::exception& e) {
      log_.error(std::string("digest run failed: ") + e.what());
    }
    lock.lock();
    wake_.wait_for(lock, kWake, [this] { return stopping_; });
  }
}

bool DigestTimer::runIfDue(const sdk::Date& today, int minute_of_day) {
  if (minute_of_day < config_.send_hour * 60 + config_.send_minute) return false;
  if (tried_day_ == today && minute_of_day - tried_minute_ < kRetryMinutes) return false;
  tried_day_ = today;
  tried_minute_ = minute_of_day;
  store::Database db(database_uri_);
  DigestService service(db, engine_, engine_mutex_, config_);
  auto outcomes = service.run(today, false);
  if (!outcomes.isOk()) {
    log_.error("digests of " + today.toString() + ": " + outcomes.status().describe());
    return false;
  }
  int sent = 0, failed = 0;
  for (const auto& o : outcomes.value()) {
    sent += o.result == DigestOutcome::Result::Sent;
    if (o.result == DigestOutcome::Result::Failed) {
      ++failed;
      log_.warning("digest to " + o.digest.recipient + " (" + o.digest.org_name +
                   ") failed: " + o.error);
    }
  }
  log_.information("digests of " + today.toString() + ": " + std::to_string(sent) + " sent, " +
                   std::to_string(failed) + " failed");
  return failed == 0;
}

}  // namespace beacon::mail
