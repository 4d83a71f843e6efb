// DigestTimer: `beacon serve`'s own digest run (mail.enabled): a thread that wakes every
// 30 seconds and, from mail.send_at (local time) on, runs the day's DigestService once, then
// again every 30 minutes that day while a digest of it failed. The claim in digest_log keeps a
// cron `beacon notify` of the same minute, or another node, from mailing a digest twice. The
// thread has its own database connection; the engine is used under the web server's app mutex.
// Stops (and joins) in stop() or the destructor, waiting for a send under way. Not copyable;
// start()/stop() from one thread.
#pragma once

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include <Poco/Logger.h>

#include "beacon/sdk/date.h"
#include "mail/mail_config.h"
#include "rules/compliance_engine.h"

namespace beacon::mail {

class DigestTimer {
 public:
  // `database_uri`: the server's database; `engine` and `engine_mutex` outlive this.
  DigestTimer(std::string database_uri, rules::ComplianceEngine& engine, std::mutex& engine_mutex,
              MailConfig config);
  ~DigestTimer();
  DigestTimer(const DigestTimer&) = delete;
  DigestTimer& operator=(const DigestTimer&) = delete;

  void start();
  void stop();

 private:
  void loop();
  // Runs the day's digests when they are due; true when nothing of the day is left to retry.
  bool runIfDue(const sdk::Date& today, int minute_of_day);

  const std::string database_uri_;
  rules::ComplianceEngine& engine_;
  std::mutex& engine_mutex_;
  const MailConfig config_;
  Poco::Logger& log_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;  // guarded by mutex_
  std::thread thread_;
  sdk::Date done_day_;  // the loop thread's own
  sdk::Date tried_day_;
  int tried_minute_ = -1;
};

}  // namespace beacon::mail
