// The notifications routes (notification_pages.cpp): the 提醒 page GET /notifications, its API
// GET /api/v1/notifications and the digest log GET /notifications/digests. Added at start-up.
#pragma once

#include "http/router.h"

namespace beacon::http {

void addNotificationRoutes(Router& router);

}  // namespace beacon::http
