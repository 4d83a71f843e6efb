#include "http/page_renderer.h"

#include <stdexcept>
#include <utility>

#include <Poco/Exception.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/URI.h>

#include "auth/role.h"
#include "auth/secure_random.h"
#include "http/label_language.h"
#include "http/page_marks.h"
#include "http/page_support.h"
#include "http/page_text.h"
#include "http/redirect_target.h"

namespace beacon::http {

namespace {

// The language switch's link: the page shown (a GET's path and query; after a form's POST, the
// page the form was on, by Referer, since the POST's own path may take no GET) with lang=`lang`
// in place of any lang parameter.
std::string languageSwitchHref(const Poco::Net::HTTPRequest& req, const std::string& path,
                               const Poco::URI::QueryParameters& query, const std::string& lang) {
  Poco::URI target;
  target.setPath(path);
  Poco::URI::QueryParameters params = query;
  if (req.getMethod() != "GET" && req.getMethod() != "HEAD" && req.has("Referer")) {
    try {
      const Poco::URI from(req.get("Referer"));
      target = Poco::URI();
      target.setPath(sameSiteRedirect(from.getPath()));
      params = from.getQueryParameters();
    } catch (const Poco::Exception&) {
      target.setPath("/");
      params.clear();
    }
  }
  for (const auto& [k, v] : params) {
    if (k != "lang") target.addQueryParameter(k, v);
  }
  target.addQueryParameter("lang", lang);
  return target.toString();
}

// The pages' words in one language, built once (read-only afterwards).
const kainjow::mustache::data& pageWords(bool english) {
  static const kainjow::mustache::data kZh = pageText(false);
  static const kainjow::mustache::data kEn = pageText(true);
  return english ? kEn : kZh;
}

}  // namespace

std::string PageRenderer::renderContent(const std::string& name, kainjow::mustache::data data,
                                        bool marked) {
  data.set("t", pageWords(english_));
  data.set("csrf_token", marked ? page_marks::csrf() : caller_.csrfToken());
  // Each form's one-time submission token (IdempotentPost): a fresh value wherever it is used.
  if (marked) {
    data.set("submit_token", page_marks::submit());
  } else {
    data.set("submit_token",
             kainjow::mustache::lambda{[](const std::string&) { return auth::randomHex(16); }});
  }
  data.set("lang", languageCode(english_));
  auto body_html = app_.templates().render("web/" + name, data);
  if (!body_html.isOk())
    throw std::runtime_error("template web/" + name + ": " + body_html.status().message());
  return body_html.value();
}

std::string PageRenderer::inLayout(const std::string& content, const std::string& title) {
  const std::string& path = parameters_.path();
  kainjow::mustache::data layout;
  layout.set("t", pageWords(english_));
  layout.set("title", title);
  layout.set("body", content);
  layout.set("csrf_token", caller_.csrfToken());
  layout.set("html_lang", pageWord("lang_tag", english_));
  layout.set("other_lang", languageCode(!english_));
  layout.set("lang_href", languageSwitchHref(request_, path, parameters_.queryParameters(),
                                             languageCode(!english_)));
  layout.set("other_lang_label",
             pageWord("language_name", !english_));  // the other language, in its own words
  layout.set("path", path);
  if (path == "/search") layout.set("search_q", parameters_.query("q"));
  if (const auto& user = caller_.user) {
    kainjow::mustache::data u;
    u.set("username", user->username);
    const std::string display_name =
        user->display_name.empty() ? user->username : user->display_name;
    const std::string role = labelIn(user->role, english_);
    u.set("display_name", display_name);
    u.set("role", role);
    u.set("badge", userBadge(display_name, role));
    if (const std::size_t n = notification_count_(); n > 0) {
      u.set("notification_count", std::to_string(n));
    }
    layout.set("user", u);
  }
  auto page = app_.templates().render("web/layout.html", layout);
  if (!page.isOk())
    throw std::runtime_error("template web/layout.html: " + page.status().message());
  return page.value();
}

std::string PageRenderer::renderPage(const std::string& name, kainjow::mustache::data data,
                                     const std::string& title) {
  return inLayout(renderContent(name, std::move(data), false), title);
}

void PageRenderer::sendPage(int status, const std::string& name, kainjow::mustache::data data,
                            const std::string& title) {
  if (!keep_page_) {
    sender_.sendHtml(status, renderPage(name, std::move(data), title));
    return;
  }
  std::string content = renderContent(name, std::move(data), true);
  const std::string page = inLayout(page_marks::fill(content, caller_.csrfToken()), title);
  sender_.keep(CachedResponse{"text/html; charset=utf-8", std::move(content), title});
  sender_.sendHtml(status, page);
}

void PageRenderer::sendKeptPage(const CachedResponse& kept) {
  sender_.sendHtml(200, inLayout(page_marks::fill(kept.body, caller_.csrfToken()), kept.title));
}

}  // namespace beacon::http
