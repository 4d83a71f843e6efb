#include "mail/smtp_mailer.h"

#include "mail/encoded_word.h"

#include <Poco/Net/MailMessage.h>
#include <Poco/Net/MailRecipient.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SMTPClientSession.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/Timestamp.h>

namespace beacon::mail {

sdk::Status SmtpMailer::send(const OutgoingMail& mail) const {
  try {
    Poco::Net::MailMessage message;
    message.setSender(config_.from);
    message.addRecipient(
        Poco::Net::MailRecipient(Poco::Net::MailRecipient::PRIMARY_RECIPIENT, mail.to));
    message.setSubject(encodedWords(mail.subject));
    message.setDate(Poco::Timestamp());
    message.setContentType("text/plain; charset=UTF-8");
    message.setContent(mail.body, Poco::Net::MailMessage::ENCODING_BASE64);

    const Poco::Timespan timeout(config_.timeout_seconds, 0);
    Poco::Net::StreamSocket socket;
    socket.connect(Poco::Net::SocketAddress(config_.host, static_cast<Poco::UInt16>(config_.port)),
                   timeout);
    Poco::Net::SMTPClientSession session(socket);
    session.setTimeout(timeout);
    const std::string helo = "beacon";
    if (config_.username.empty()) {
      session.login(helo);
    } else {
      session.login(helo, Poco::Net::SMTPClientSession::AUTH_LOGIN, config_.username,
                    config_.password);
    }
    session.sendMessage(message);
    session.close();
    return sdk::Status::ok();
  } catch (const Poco::Exception& e) {
    return sdk::Status::unavailable(e.displayText());
  } catch (const std::exception& e) {
    return sdk::Status::unavailable(e.what());
  }
}

}  // namespace beacon::mail
