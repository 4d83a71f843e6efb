#include "mail/digest.h"

#include <sstream>

namespace beacon::mail {

namespace {

std::string whenText(const sdk::Date& due, const sdk::Date& day) {
  const long before = due.toDays() - day.toDays();
  if (before > 0) return "还有 " + std::to_string(before) + " 天到期";
  if (before == 0) return "今天到期";
  return "已逾期 " + std::to_string(-before) + " 天";
}

std::string linkOf(const DigestItem& item, const std::string& base_url) {
  if (item.plan_id != 0) return base_url + "/plans/" + std::to_string(item.plan_id);
  return base_url + "/drills?org=" + item.org_code + "&domain=" + item.domain;
}

}  // namespace

OutgoingMail composeDigest(const Digest& digest, const std::string& base_url) {
  OutgoingMail mail;
  mail.to = digest.recipient;
  const std::string count = std::to_string(digest.items.size());
  mail.subject = "【应急预案提醒】" + digest.org_name + "：" + digest.day.toString() + " 有 " +
                 count + " 项事项待办理";
  std::ostringstream body;
  body << digest.org_name << "：\n\n"
       << "截至 " << digest.day.toString() << "，本单位有以下 " << count
       << " 项应急预案与演练事项需要办理：\n\n";
  int n = 0;
  for (const auto& item : digest.items) {
    body << ++n << ". " << item.title;
    if (!item.plan_title.empty()) body << "（《" << item.plan_title << "》）";
    body << "，期限 " << item.due.toString() << "，" << whenText(item.due, digest.day) << "。\n"
         << "   " << linkOf(item, base_url) << "\n";
  }
  body << "\n本邮件只列本单位自身的事项；下级单位的事项请登录 Beacon，在“提醒”页面查看。\n"
       << "本邮件由 Beacon 应急预案与演练管理系统自动发送，请勿直接回复。\n";
  mail.body = body.str();
  return mail;
}

}  // namespace beacon::mail
