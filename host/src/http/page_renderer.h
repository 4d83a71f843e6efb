// PageRenderer: the web pages: templates/web/<name> rendered with the pages' words, the
// language, the session's CSRF token and a fresh one-time submission token per form, inside the
// layout (title, navigation, the user and their count of new notifications, the language
// switch), and sent as HTML through the ResponseSender. For the ResponseCache a page can be kept
// (keepPage) as its content with PageMarks stand-ins for the per-session tokens, which
// sendKeptPage fills in for the request that is served it. Per request, on its worker thread;
// not shared.
#pragma once

#include <cstddef>
#include <functional>
#include <string>

#include <Poco/Net/HTTPServerRequest.h>
#include <kainjow/mustache.hpp>

#include "http/host_context.h"
#include "http/request_caller.h"
#include "http/request_parameters.h"
#include "http/response_cache.h"
#include "http/response_sender.h"

namespace beacon::http {

class PageRenderer {
 public:
  // The header's count of new notifications; 0 shows none.
  using NotificationCount = std::function<std::size_t()>;

  PageRenderer(const HostContext& app, const Poco::Net::HTTPServerRequest& request,
               const RequestParameters& parameters, const RequestCaller& caller,
               ResponseSender& sender, bool english, NotificationCount notification_count)
      : app_(app),
        request_(request),
        parameters_(parameters),
        caller_(caller),
        sender_(sender),
        english_(english),
        notification_count_(std::move(notification_count)) {}
  PageRenderer(const PageRenderer&) = delete;
  PageRenderer& operator=(const PageRenderer&) = delete;

  // Renders templates/web/<name> inside the page layout.
  std::string renderPage(const std::string& name, kainjow::mustache::data data,
                         const std::string& title);
  void sendPage(int status, const std::string& name, kainjow::mustache::data data,
                const std::string& title);
  // From now on, sendPage() keeps the page's content with PageMarks stand-ins and its title
  // (what sendKeptPage() serves again) in the ResponseSender (takeKept()).
  void keepPage() { keep_page_ = true; }
  // A page kept by keepPage(), its stand-ins filled for this request, inside the layout (200).
  void sendKeptPage(const CachedResponse& kept);

 private:
  // templates/web/<name>; with `marked`, PageMarks stand-ins for the CSRF and submit tokens.
  std::string renderContent(const std::string& name, kainjow::mustache::data data, bool marked);
  std::string inLayout(const std::string& content, const std::string& title);
  const HostContext& app_;  // its templates
  const Poco::Net::HTTPServerRequest& request_;
  const RequestParameters& parameters_;
  const RequestCaller& caller_;
  ResponseSender& sender_;
  bool english_;
  NotificationCount notification_count_;
  bool keep_page_ = false;
};

}  // namespace beacon::http
