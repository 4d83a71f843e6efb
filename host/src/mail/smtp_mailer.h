// SmtpMailer: sends one plain-text mail through the SMTP server of a MailConfig
// (Poco::Net::SMTPClientSession; AUTH LOGIN when mail.username is set). The subject is RFC 2047
// encoded (mail/encoded_word.h, not Poco's encodeWord, which splits characters), the body UTF-8
// in base64, so Chinese text arrives intact through any relay. One connection per send(). Not
// thread-safe; cheap to make.
#pragma once

#include <string>

#include "beacon/sdk/status.h"
#include "mail/mail_config.h"

namespace beacon::mail {

struct OutgoingMail {
  std::string to;
  std::string subject;  // UTF-8
  std::string body;     // UTF-8 plain text, lines ending in \n
};

class SmtpMailer {
 public:
  explicit SmtpMailer(MailConfig config) : config_(std::move(config)) {}
  // ok, or an error carrying the server's or the connection's message.
  sdk::Status send(const OutgoingMail& mail) const;

 private:
  MailConfig config_;
};

}  // namespace beacon::mail
