// Digest: one organisation's daily digest of duties falling due (the duties DigestSchedule puts
// in that day's digest, its own duties only: a township's or the city's digest does not list its
// units', which each get their own when they have an address, and the notifications page shows a
// township or city user its whole scope), and composeDigest, which writes it as a mail in
// Chinese: a subject naming the organisation, day and count, then each duty by due date with
// what is late or left and a link to its plan or drill list. Plain values; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "beacon/sdk/date.h"
#include "beacon/sdk/records.h"
#include "mail/smtp_mailer.h"

namespace beacon::mail {

struct DigestItem {
  std::string title;      // the duty (its rule's title)
  std::string plan_code;  // "" for a duty of no plan (a drill duty)
  std::string plan_title;
  sdk::RecordId plan_id = 0;
  std::string org_code;
  std::string domain;
  sdk::Date due;
};

struct Digest {
  sdk::RecordId org_id = 0;
  std::string org_name;
  std::string recipient;
  sdk::Date day;
  std::vector<DigestItem> items;  // by due date
};

// The mail of `digest`; links start with `base_url` (mail.base_url, "" : paths only).
OutgoingMail composeDigest(const Digest& digest, const std::string& base_url);

}  // namespace beacon::mail
