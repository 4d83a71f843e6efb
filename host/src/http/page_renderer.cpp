#include "http/page_renderer.h"

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <utility>

#include <Poco/Exception.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/URI.h>

#include "auth/role.h"
#include "auth/secure_random.h"
#include "http/kept_layouts.h"
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

// What the layout shows on this request: every input it is rendered from.
LayoutInputs layoutInputs(const HostContext& app, const Poco::Net::HTTPServerRequest& request,
                          const RequestParameters& parameters, const RequestCaller& caller,
                          bool english, const PageRenderer::NotificationCount& notification_count,
                          const std::string& title) {
  LayoutInputs in;
  const render::TemplateRegistry& templates = app.templates();
  in.templates = std::to_string(reinterpret_cast<std::uintptr_t>(&templates)) + " " +
                 templates.origin("web/layout.html");
  in.english = english;
  in.title = title;
  in.path = parameters.path();
  in.lang_href =
      languageSwitchHref(request, in.path, parameters.queryParameters(), languageCode(!english));
  if (in.path == "/search") in.search_q = parameters.query("q");
  in.csrf_token = caller.csrfToken();
  if (const auto& user = caller.user) {
    LayoutInputs::SignedIn u;
    u.username = user->username;
    u.display_name = user->display_name.empty() ? user->username : user->display_name;
    u.role = labelIn(user->role, english);
    u.badge = userBadge(u.display_name, u.role);
    u.notification_count = notification_count();
    in.user = std::move(u);
  }
  return in;
}

// The whole layout from `in` alone, with `content` in its place.
std::string renderLayout(const HostContext& app, const LayoutInputs& in,
                         const std::string& content) {
  kainjow::mustache::data layout;
  layout.set("t", pageWords(in.english));
  layout.set("title", in.title);
  layout.set("body", content);
  layout.set("csrf_token", in.csrf_token);
  layout.set("html_lang", pageWord("lang_tag", in.english));
  layout.set("other_lang", languageCode(!in.english));
  layout.set("lang_href", in.lang_href);
  layout.set("other_lang_label",
             pageWord("language_name", !in.english));  // the other language, in its own words
  layout.set("path", in.path);
  if (in.search_q) layout.set("search_q", *in.search_q);
  if (in.user) {
    kainjow::mustache::data u;
    u.set("username", in.user->username);
    u.set("display_name", in.user->display_name);
    u.set("role", in.user->role);
    u.set("badge", in.user->badge);
    if (in.user->notification_count > 0) {
      u.set("notification_count", std::to_string(in.user->notification_count));
    }
    layout.set("user", u);
  }
  auto page = app.templates().render("web/layout.html", layout);
  if (!page.isOk())
    throw std::runtime_error("template web/layout.html: " + page.status().message());
  return page.value();
}

std::shared_ptr<const KeptLayout> keptLayout(const HostContext& app, const LayoutInputs& inputs) {
  return pageLayouts().layoutFor(
      inputs, [&](const std::string& content) { return renderLayout(app, inputs, content); });
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
  const LayoutInputs inputs =
      layoutInputs(app_, request_, parameters_, caller_, english_, notification_count_, title);
  const auto kept = keptLayout(app_, inputs);
  if (!kept) return renderLayout(app_, inputs, content);
  std::string page;
  page.reserve(kept->before.size() + content.size() + kept->after.size());
  page += kept->before;
  page += content;
  page += kept->after;
  return page;
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
  const LayoutInputs inputs =
      layoutInputs(app_, request_, parameters_, caller_, english_, notification_count_, kept.title);
  const auto layout = keptLayout(app_, inputs);
  if (!layout) {
    sender_.sendHtml(200,
                     renderLayout(app_, inputs, page_marks::fill(kept.body, inputs.csrf_token)));
    return;
  }
  std::string page;
  page.reserve(layout->before.size() + kept.body.size() + layout->after.size());
  page += layout->before;
  page_marks::appendFilled(page, kept.body, inputs.csrf_token);
  page += layout->after;
  sender_.sendHtml(200, page);
}

}  // namespace beacon::http
