// The write stamp subject (store/write_stamp.h) of a transaction that adds drills of one domain:
// "drills:<domain>" (DrillService::log), so that the web server's response cache drops a cached
// list confined to one domain (`domain=fire`) only for drills of that domain
// (http/write_versions.h). The plain kDrillsSubject ("drills", as older binaries stamp) still
// means "drills of any domain" for the stamp's organisation. A domain is a plugin id (lowercase
// letters, digits and _, plugin_manifest.cpp), which stampCommit may write into its SQL text on
// PostgreSQL; anything else is stamped with the plain subject. Plain functions; thread-safe.
#pragma once

#include <optional>
#include <string>

namespace beacon::store {

// "drills:<domain>" for a plugin id, kDrillsSubject for anything else ("" included).
std::string drillWriteSubject(const std::string& domain);

// For a drills subject: the domain it names, "" for kDrillsSubject (any domain). nullopt for
// every other subject.
std::optional<std::string> drillWriteDomain(const std::string& subject);

}  // namespace beacon::store
