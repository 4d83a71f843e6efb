#include "store/migrations.h"

#include "store/audit_chain.h"

namespace beacon::store {

const std::vector<Migration>& migrations() {
  static const std::vector<Migration> kMigrations = {
      {1,
       "organisations, plans, plan versions, reviews, filings, drills",
       {
           "CREATE TABLE organisations ("
           " id INTEGER PRIMARY KEY,"
           " code TEXT NOT NULL UNIQUE,"
           " name TEXT NOT NULL,"
           " kind TEXT NOT NULL,"
           " parent_id INTEGER REFERENCES organisations(id),"
           " created_at TEXT NOT NULL)",
           "CREATE INDEX organisations_parent ON organisations(parent_id)",
           "CREATE TABLE organisation_attributes ("
           " org_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,"
           " name TEXT NOT NULL,"
           " value TEXT NOT NULL,"
           " PRIMARY KEY (org_id, name))",
           "CREATE TABLE plans ("
           " id INTEGER PRIMARY KEY,"
           " code TEXT NOT NULL UNIQUE,"
           " title TEXT NOT NULL,"
           " domain TEXT NOT NULL,"
           " category TEXT NOT NULL,"
           " owner_org_id INTEGER NOT NULL REFERENCES organisations(id),"
           " status TEXT NOT NULL,"
           " revision_required INTEGER NOT NULL DEFAULT 0,"
           " revision_reason TEXT NOT NULL DEFAULT '',"
           " current_version INTEGER NOT NULL DEFAULT 0,"
           " created_at TEXT NOT NULL)",
           "CREATE INDEX plans_owner ON plans(owner_org_id)",
           "CREATE INDEX plans_domain ON plans(domain)",
           "CREATE TABLE plan_versions ("
           " id INTEGER PRIMARY KEY,"
           " plan_id INTEGER NOT NULL REFERENCES plans(id),"
           " number INTEGER NOT NULL,"
           " action TEXT NOT NULL,"
           " revision_trigger TEXT NOT NULL DEFAULT '',"
           " major INTEGER NOT NULL DEFAULT 1,"
           " issued TEXT NOT NULL DEFAULT '',"
           " effective TEXT NOT NULL DEFAULT '',"
           " body TEXT NOT NULL DEFAULT '',"
           " author TEXT NOT NULL DEFAULT '',"
           " created_at TEXT NOT NULL,"
           " UNIQUE (plan_id, number))",
           "CREATE INDEX plan_versions_issued ON plan_versions(issued)",
           "CREATE TABLE reviews ("
           " id INTEGER PRIMARY KEY,"
           " plan_id INTEGER NOT NULL REFERENCES plans(id),"
           " plan_version_id INTEGER REFERENCES plan_versions(id),"
           " kind TEXT NOT NULL,"
           " review_date TEXT NOT NULL,"
           " reviewers TEXT NOT NULL DEFAULT '',"
           " conclusion TEXT NOT NULL,"
           " findings TEXT NOT NULL DEFAULT '',"
           " created_at TEXT NOT NULL)",
           "CREATE INDEX reviews_plan ON reviews(plan_id, review_date)",
           "CREATE TABLE filings ("
           " id INTEGER PRIMARY KEY,"
           " plan_id INTEGER NOT NULL REFERENCES plans(id),"
           " plan_version_id INTEGER REFERENCES plan_versions(id),"
           " target_body TEXT NOT NULL,"
           " submitted TEXT NOT NULL,"
           " registration_no TEXT NOT NULL DEFAULT '',"
           " published TEXT NOT NULL DEFAULT '',"
           " created_at TEXT NOT NULL)",
           "CREATE INDEX filings_plan ON filings(plan_id)",
           "CREATE TABLE drills ("
           " id INTEGER PRIMARY KEY,"
           " domain TEXT NOT NULL,"
           " drill_type TEXT NOT NULL,"
           " org_id INTEGER NOT NULL REFERENCES organisations(id),"
           " plan_id INTEGER REFERENCES plans(id),"
           " plan_version_id INTEGER REFERENCES plan_versions(id),"
           " drill_date TEXT NOT NULL,"
           " place TEXT NOT NULL DEFAULT '',"
           " scenario TEXT NOT NULL DEFAULT '',"
           " participants INTEGER NOT NULL DEFAULT 0,"
           " evacuees INTEGER NOT NULL DEFAULT 0,"
           " fields TEXT NOT NULL DEFAULT '{}',"
           " verdict TEXT NOT NULL DEFAULT '',"
           " findings TEXT NOT NULL DEFAULT '',"
           " created_at TEXT NOT NULL)",
           "CREATE INDEX drills_domain_date ON drills(domain, drill_date)",
           "CREATE INDEX drills_org_date ON drills(org_id, drill_date)",
           "CREATE INDEX drills_plan ON drills(plan_id)",
       }},
      {2,
       "corrective actions, users, append-only audit log",
       {
           "CREATE TABLE corrective_actions ("
           " id INTEGER PRIMARY KEY,"
           " source_kind TEXT NOT NULL,"
           " source_id INTEGER NOT NULL,"
           " plan_id INTEGER REFERENCES plans(id),"
           " description TEXT NOT NULL,"
           " responsible_org_id INTEGER NOT NULL REFERENCES organisations(id),"
           " due TEXT NOT NULL DEFAULT '',"
           " status TEXT NOT NULL,"
           " plan_defect INTEGER NOT NULL DEFAULT 0,"
           " created_at TEXT NOT NULL)",
           "CREATE INDEX corrective_actions_plan ON corrective_actions(plan_id)",
           "CREATE INDEX corrective_actions_source ON corrective_actions(source_kind, source_id)",
           "CREATE TABLE users ("
           " id INTEGER PRIMARY KEY,"
           " username TEXT NOT NULL UNIQUE,"
           " display_name TEXT NOT NULL DEFAULT '',"
           " role TEXT NOT NULL,"
           " org_id INTEGER REFERENCES organisations(id),"
           " password_hash TEXT NOT NULL,"
           " salt TEXT NOT NULL,"
           " iterations INTEGER NOT NULL,"
           " disabled INTEGER NOT NULL DEFAULT 0,"
           " created_at TEXT NOT NULL)",
           "CREATE TABLE audit_log ("
           " id INTEGER PRIMARY KEY,"
           " at TEXT NOT NULL,"
           " username TEXT NOT NULL,"
           " action TEXT NOT NULL,"
           " entity TEXT NOT NULL,"
           " entity_id INTEGER NOT NULL,"
           " before_json TEXT NOT NULL DEFAULT '',"
           " after_json TEXT NOT NULL DEFAULT '')",
           "CREATE INDEX audit_log_entity ON audit_log(entity, entity_id)",
           // SQLite dialect; the PostgreSQL port replaces these with a rule or trigger function.
           "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log"
           " BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
           "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log"
           " BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
       }},
      {3,
       "API tokens for scripts (stored as SHA-256 of the token)",
       {
           "CREATE TABLE api_tokens ("
           " id INTEGER PRIMARY KEY,"
           " user_id INTEGER NOT NULL REFERENCES users(id),"
           " token_hash TEXT NOT NULL UNIQUE,"
           " hint TEXT NOT NULL DEFAULT '',"
           " label TEXT NOT NULL DEFAULT '',"
           " created_at TEXT NOT NULL,"
           " revoked_at TEXT NOT NULL DEFAULT '')",
           "CREATE INDEX api_tokens_user ON api_tokens(user_id)",
       }},
      {4,
       "attachments: drill evidence and plan version documents, stored on disk by SHA-256",
       {
           "CREATE TABLE attachments ("
           " id INTEGER PRIMARY KEY,"
           " owner_kind TEXT NOT NULL,"
           " owner_id INTEGER NOT NULL,"
           " purpose TEXT NOT NULL DEFAULT '',"
           " filename TEXT NOT NULL,"
           " media_type TEXT NOT NULL,"
           " sha256 TEXT NOT NULL,"
           " size INTEGER NOT NULL,"
           " uploaded_by TEXT NOT NULL,"
           " created_at TEXT NOT NULL)",
           "CREATE INDEX attachments_owner ON attachments(owner_kind, owner_id)",
       }},
      {5,
       "covering index for summaries: drills by date with domain, type and organisation",
       {
           "CREATE INDEX drills_date_cover ON drills(drill_date, domain, drill_type, org_id)",
       }},
      {6,
       "summary tables: drills counted per month, domain and type, and per month, organisation and"
       " domain; SQLite triggers keep them exact on every insert, update and delete of a drill;"
       " covering indexes for the annual plan counts (versions by action and issue day, plan "
       "owners)",
       {
           "CREATE INDEX plan_versions_action_issued ON plan_versions(action, issued, plan_id)",
           "CREATE INDEX plans_id_owner ON plans(id, owner_org_id)",
           "CREATE TABLE drill_month_counts ("
           " month TEXT NOT NULL,"
           " domain TEXT NOT NULL,"
           " drill_type TEXT NOT NULL,"
           " n INTEGER NOT NULL,"
           " PRIMARY KEY (month, domain, drill_type))",
           "CREATE TABLE drill_org_month_counts ("
           " month TEXT NOT NULL,"
           " org_id INTEGER NOT NULL,"
           " domain TEXT NOT NULL,"
           " n INTEGER NOT NULL,"
           " PRIMARY KEY (month, org_id, domain))",
           "INSERT INTO drill_month_counts(month, domain, drill_type, n)"
           " SELECT substr(drill_date, 1, 7), domain, drill_type, COUNT(*) FROM drills GROUP BY 1, "
           "2, 3",
           "INSERT INTO drill_org_month_counts(month, org_id, domain, n)"
           " SELECT substr(drill_date, 1, 7), org_id, domain, COUNT(*) FROM drills GROUP BY 1, 2, "
           "3",
           // SQLite dialect (UPSERT in triggers); the PostgreSQL port uses trigger functions.
           "CREATE TRIGGER drills_count_insert AFTER INSERT ON drills BEGIN"
           " INSERT INTO drill_month_counts(month, domain, drill_type, n)"
           " VALUES(substr(NEW.drill_date, 1, 7), NEW.domain, NEW.drill_type, 1)"
           " ON CONFLICT(month, domain, drill_type) DO UPDATE SET n = n + 1;"
           " INSERT INTO drill_org_month_counts(month, org_id, domain, n)"
           " VALUES(substr(NEW.drill_date, 1, 7), NEW.org_id, NEW.domain, 1)"
           " ON CONFLICT(month, org_id, domain) DO UPDATE SET n = n + 1;"
           " END",
           "CREATE TRIGGER drills_count_delete AFTER DELETE ON drills BEGIN"
           " UPDATE drill_month_counts SET n = n - 1 WHERE month = substr(OLD.drill_date, 1, 7)"
           " AND domain = OLD.domain AND drill_type = OLD.drill_type;"
           " DELETE FROM drill_month_counts WHERE month = substr(OLD.drill_date, 1, 7)"
           " AND domain = OLD.domain AND drill_type = OLD.drill_type AND n <= 0;"
           " UPDATE drill_org_month_counts SET n = n - 1 WHERE month = substr(OLD.drill_date, 1, 7)"
           " AND org_id = OLD.org_id AND domain = OLD.domain;"
           " DELETE FROM drill_org_month_counts WHERE month = substr(OLD.drill_date, 1, 7)"
           " AND org_id = OLD.org_id AND domain = OLD.domain AND n <= 0;"
           " END",
           "CREATE TRIGGER drills_count_update AFTER UPDATE OF drill_date, domain, drill_type, "
           "org_id ON drills"
           " BEGIN"
           " UPDATE drill_month_counts SET n = n - 1 WHERE month = substr(OLD.drill_date, 1, 7)"
           " AND domain = OLD.domain AND drill_type = OLD.drill_type;"
           " DELETE FROM drill_month_counts WHERE month = substr(OLD.drill_date, 1, 7)"
           " AND domain = OLD.domain AND drill_type = OLD.drill_type AND n <= 0;"
           " UPDATE drill_org_month_counts SET n = n - 1 WHERE month = substr(OLD.drill_date, 1, 7)"
           " AND org_id = OLD.org_id AND domain = OLD.domain;"
           " DELETE FROM drill_org_month_counts WHERE month = substr(OLD.drill_date, 1, 7)"
           " AND org_id = OLD.org_id AND domain = OLD.domain AND n <= 0;"
           " INSERT INTO drill_month_counts(month, domain, drill_type, n)"
           " VALUES(substr(NEW.drill_date, 1, 7), NEW.domain, NEW.drill_type, 1)"
           " ON CONFLICT(month, domain, drill_type) DO UPDATE SET n = n + 1;"
           " INSERT INTO drill_org_month_counts(month, org_id, domain, n)"
           " VALUES(substr(NEW.drill_date, 1, 7), NEW.org_id, NEW.domain, 1)"
           " ON CONFLICT(month, org_id, domain) DO UPDATE SET n = n + 1;"
           " END",
       }},
      {7,
       "drill summary tables: inserts are counted by DrillRepository once per batch (the per-row"
       " insert trigger doubled the cost of a bulk import); updates and deletes stay with triggers",
       {
           "DROP TRIGGER drills_count_insert",
       }},
      {8,
       "planner statistics, so a database upgraded to migration 6 uses its covering indexes "
       "(without"
       " them SQLite read whole plan rows for the annual counts)",
       {
           "ANALYZE",
       }},
      {9,
       "drills by date alone: the newest-first drill list (ORDER BY drill_date DESC, id DESC) reads"
       " this index backwards, id being its implicit last column, instead of sorting",
       {
           "CREATE INDEX drills_date ON drills(drill_date)",
           "ANALYZE drills",
       }},
      {10,
       "the newest drill per (organisation, plan, type) for the rules (SDK 1.2 latestDrills): the"
       " groups that exist, drills flagged by a Boolean field, and an index that finds a group's"
       " newest drill in one seek. DrillRepository adds groups and flags on insert; triggers keep"
       " them on update; deleting a drill cascades to its flags (a group left empty finds no "
       "drill)",
       {
           "CREATE TABLE drill_groups ("
           " domain TEXT NOT NULL,"
           " flag TEXT NOT NULL,"  // '' for every drill, else the name of a field answered "1"
           " org_id INTEGER NOT NULL,"
           " plan_id INTEGER NOT NULL,"  // 0: the drill names no plan
           " drill_type TEXT NOT NULL,"
           " PRIMARY KEY (domain, flag, org_id, plan_id, drill_type))",
           "CREATE TABLE drill_flags ("
           " drill_id INTEGER NOT NULL REFERENCES drills(id) ON DELETE CASCADE,"
           " flag TEXT NOT NULL,"
           " domain TEXT NOT NULL,"
           " org_id INTEGER NOT NULL,"
           " plan_id INTEGER NOT NULL,"
           " drill_type TEXT NOT NULL,"
           " drill_date TEXT NOT NULL,"
           " PRIMARY KEY (drill_id, flag))",
           "CREATE INDEX drill_flags_latest ON drill_flags(domain, flag, org_id, drill_type, "
           "plan_id, drill_date,"
           " drill_id)",
           "CREATE INDEX drills_group_latest ON drills(domain, org_id, drill_type, plan_id, "
           "drill_date)",
           "INSERT INTO drill_groups(domain, flag, org_id, plan_id, drill_type)"
           " SELECT DISTINCT domain, '', org_id, COALESCE(plan_id, 0), drill_type FROM drills",
           // SQLite dialect (json_each), as the other triggers; the PostgreSQL port uses
           // jsonb_each_text.
           "INSERT INTO drill_flags(drill_id, flag, domain, org_id, plan_id, drill_type, "
           "drill_date)"
           " SELECT d.id, j.key, d.domain, d.org_id, COALESCE(d.plan_id, 0), d.drill_type, "
           "d.drill_date"
           " FROM drills d, json_each(d.fields) j WHERE j.value = '1'",
           "INSERT INTO drill_groups(domain, flag, org_id, plan_id, drill_type)"
           " SELECT DISTINCT domain, flag, org_id, plan_id, drill_type FROM drill_flags",
           "CREATE TRIGGER drills_groups_update AFTER UPDATE OF domain, org_id, plan_id, "
           "drill_type, drill_date,"
           " fields ON drills BEGIN"
           " DELETE FROM drill_flags WHERE drill_id = NEW.id;"
           " INSERT INTO drill_flags(drill_id, flag, domain, org_id, plan_id, drill_type, "
           "drill_date)"
           " SELECT NEW.id, j.key, NEW.domain, NEW.org_id, COALESCE(NEW.plan_id, 0), "
           "NEW.drill_type, NEW.drill_date"
           " FROM json_each(NEW.fields) j WHERE j.value = '1';"
           " INSERT INTO drill_groups(domain, flag, org_id, plan_id, drill_type)"
           " SELECT NEW.domain, '', NEW.org_id, COALESCE(NEW.plan_id, 0), NEW.drill_type"
           " UNION SELECT NEW.domain, j.key, NEW.org_id, COALESCE(NEW.plan_id, 0), NEW.drill_type"
           " FROM json_each(NEW.fields) j WHERE j.value = '1'"
           " ON CONFLICT DO NOTHING;"
           " END",
           "ANALYZE",
       }},
      {11,
       "rule_changes: the organisations whose obligations a write may have changed, one row per"
       " changed row (duplicates allowed), written by triggers on every table the rules read, and"
       " for inserted drills by DrillRepository once per batch (a trigger per drill made imports"
       " several times slower), so the compliance engine"
       " re-evaluates only those organisations (a drill counts for its organisation and for the "
       "owner"
       " of the plan it names; an organisation's change counts for its sub-organisations too, whose"
       " filing notes name it). Pruned to the last 100,000 rows; an engine that has fallen further"
       " behind evaluates everything again",
       {
           "CREATE TABLE rule_changes ("
           " seq INTEGER PRIMARY KEY AUTOINCREMENT,"
           " org_id INTEGER NOT NULL)",
           "CREATE TRIGGER rule_changes_prune AFTER INSERT ON rule_changes WHEN NEW.seq % 1000 = 0 "
           "BEGIN"
           " DELETE FROM rule_changes WHERE seq <= NEW.seq - 100000;"
           " END",
           "CREATE TRIGGER organisations_rule_changes_insert AFTER INSERT ON organisations BEGIN"
           " INSERT INTO rule_changes(org_id) SELECT NEW.id;"
           " END",
           "CREATE TRIGGER organisations_rule_changes_update AFTER UPDATE ON organisations BEGIN"
           " INSERT INTO rule_changes(org_id) SELECT NEW.id UNION ALL SELECT OLD.id UNION ALL "
           "SELECT id FROM organisations WHERE parent_id IN (NEW.id, OLD.id);"
           " END",
           "CREATE TRIGGER organisations_rule_changes_delete AFTER DELETE ON organisations BEGIN"
           " INSERT INTO rule_changes(org_id) SELECT OLD.id;"
           " END",
           "CREATE TRIGGER organisation_attributes_rule_changes_insert AFTER INSERT ON "
           "organisation_attributes BEGIN"
           " INSERT INTO rule_changes(org_id) SELECT NEW.org_id;"
           " END",
           "CREATE TRIGGER organisation_attributes_rule_changes_update AFTER UPDATE ON "
           "organisation_attributes BEGIN"
           " INSERT INTO rule_changes(org_id) SELECT NEW.org_id UNION ALL SELECT OLD.org_id;"
           " END",
           "CREATE TRIGGER organisation_attributes_rule_changes_delete AFTER DELETE ON "
           "organisation_attributes BEGIN"
           " INSERT INTO rule_changes(org_id) SELECT OLD.org_id;"
           " END",
           "CREATE TRIGGER plans_rule_changes_insert AFTER INSERT ON plans BEGIN"
           " INSERT INTO rule_changes(org_id) SELECT NEW.owner_org_id;"
           " END",
           "CREATE TRIGGER plans_rule_changes_update AFTER UPDATE ON plans BEGIN"
           " INSERT INTO rule_changes(org_id) SELECT NEW.owner_org_id UNION ALL SELECT "
           "OLD.owner_org_id UNION ALL SELECT org_id FROM drills WHERE plan_id = NEW.id;"
           " END",
           "CREATE TRIGGER plans_rule_changes_delete AFTER DELETE ON plans BEGIN"
           " INSERT INTO rule_changes(org_id) SELECT OLD.owner_org_id;"
           " END",
           "CREATE TRIGGER plan_versions_rule_changes_insert AFTER INSERT ON plan_versions BEGIN"
           " INSERT INTO rule_changes(org_id) SELECT owner_org_id FROM plans WHERE id = "
           "NEW.plan_id;"
           " END",
           "CREATE TRIGGER plan_versions_rule_changes_update AFTER UPDATE ON plan_versions BEGIN"
           " INSERT INTO rule_changes(org_id) SELECT owner_org_id FROM plans WHERE id = "
           "NEW.plan_id UNION ALL SELECT owner_org_id FROM plans WHERE id = OLD.plan_id;"
           " END",
           "CREATE TRIGGER plan_versions_rule_changes_delete AFTER DELETE ON plan_versions BEGIN"
           " INSERT INTO rule_changes(org_id) SELECT owner_org_id FROM plans WHERE id = "
           "OLD.plan_id;"
           " END",
           "CREATE TRIGGER reviews_rule_changes_insert AFTER INSERT ON reviews BEGIN"
           " INSERT INTO rule_changes(org_id) SELECT owner_org_id FROM plans WHERE id = "
           "NEW.plan_id;"
           " END",
           "CREATE TRIGGER reviews_rule_changes_update AFTER UPDATE ON reviews BEGIN"
           " INSERT INTO rule_changes(org_id) SELECT owner_org_id FROM plans WHERE id = "
           "NEW.plan_id UNION ALL SELECT owner_org_id FROM plans WHERE id = OLD.plan_id;"
           " END",
           "CREATE TRIGGER reviews_rule_changes_delete AFTER DELETE ON reviews BEGIN"
           " INSERT INTO rule_changes(org_id) SELECT owner_org_id FROM plans WHERE id = "
           "OLD.plan_id;"
           " END",
           "CREATE TRIGGER filings_rule_changes_insert AFTER INSERT ON filings BEGIN"
           " INSERT INTO rule_changes(org_id) SELECT owner_org_id FROM plans WHERE id = "
           "NEW.plan_id;"
           " END",
           "CREATE TRIGGER filings_rule_changes_update AFTER UPDATE ON filings BEGIN"
           " INSERT INTO rule_changes(org_id) SELECT owner_org_id FROM plans WHERE id = "
           "NEW.plan_id UNION ALL SELECT owner_org_id FROM plans WHERE id = OLD.plan_id;"
           " END",
           "CREATE TRIGGER filings_rule_changes_delete AFTER DELETE ON filings BEGIN"
           " INSERT INTO rule_changes(org_id) SELECT owner_org_id FROM plans WHERE id = "
           "OLD.plan_id;"
           " END",
           "CREATE TRIGGER drills_rule_changes_update AFTER UPDATE ON drills BEGIN"
           " INSERT INTO rule_changes(org_id) SELECT NEW.org_id UNION ALL SELECT owner_org_id FROM "
           "plans WHERE id = NEW.plan_id UNION ALL SELECT OLD.org_id UNION ALL SELECT owner_org_id "
           "FROM plans WHERE id = OLD.plan_id;"
           " END",
           "CREATE TRIGGER drills_rule_changes_delete AFTER DELETE ON drills BEGIN"
           " INSERT INTO rule_changes(org_id) SELECT OLD.org_id UNION ALL SELECT owner_org_id FROM "
           "plans WHERE id = OLD.plan_id;"
           " END",
       }},
      {12,
       "account security: a credentials generation per user (a password change ends the user's "
       "other"
       " sessions), API token scopes (read, write) and expiry, per-feed calendar secrets",
       {
           "ALTER TABLE users ADD COLUMN credentials_generation INTEGER NOT NULL DEFAULT 0",
           // Tokens made before scopes existed could do everything; they keep doing so until
           // revoked.
           "ALTER TABLE api_tokens ADD COLUMN scope TEXT NOT NULL DEFAULT 'write'",
           "ALTER TABLE api_tokens ADD COLUMN expires_at TEXT NOT NULL DEFAULT ''",
           "CREATE TABLE calendar_feeds ("
           " id INTEGER PRIMARY KEY,"
           " user_id INTEGER NOT NULL REFERENCES users(id),"
           " org_id INTEGER NOT NULL REFERENCES organisations(id),"
           " secret_hash TEXT NOT NULL UNIQUE,"
           " hint TEXT NOT NULL DEFAULT '',"
           " created_at TEXT NOT NULL,"
           " revoked_at TEXT NOT NULL DEFAULT '')",
           "CREATE INDEX calendar_feeds_user ON calendar_feeds(user_id, org_id)",
       }},
      {13,
       "audit log hash chain: the OS user of CLI writes, and each entry's SHA-256 over its content "
       "and the"
       " previous entry's hash (store/audit_chain.h); entries written before are chained in id "
       "order here",
       {
           "ALTER TABLE audit_log ADD COLUMN os_user TEXT NOT NULL DEFAULT ''",
           "ALTER TABLE audit_log ADD COLUMN prev_hash TEXT NOT NULL DEFAULT ''",
           "ALTER TABLE audit_log ADD COLUMN hash TEXT NOT NULL DEFAULT ''",
       },
       chainUnhashedAuditEntries},
      {14,
       "corrections and voids (作废): drills, reviews, filings and corrective actions get "
       "voided_at,"
       " voided_by and void_reason ('' while in force). A voided row stays for the record but "
       "leaves"
       " the counts and the rules: the summary-table triggers count a drill only while it is not"
       " voided, and drill_flags holds no voided drill (its group stays; it finds the next drill)",
       {
           "ALTER TABLE drills ADD COLUMN voided_at TEXT NOT NULL DEFAULT ''",
           "ALTER TABLE drills ADD COLUMN voided_by TEXT NOT NULL DEFAULT ''",
           "ALTER TABLE drills ADD COLUMN void_reason TEXT NOT NULL DEFAULT ''",
           "ALTER TABLE reviews ADD COLUMN voided_at TEXT NOT NULL DEFAULT ''",
           "ALTER TABLE reviews ADD COLUMN voided_by TEXT NOT NULL DEFAULT ''",
           "ALTER TABLE reviews ADD COLUMN void_reason TEXT NOT NULL DEFAULT ''",
           "ALTER TABLE filings ADD COLUMN voided_at TEXT NOT NULL DEFAULT ''",
           "ALTER TABLE filings ADD COLUMN voided_by TEXT NOT NULL DEFAULT ''",
           "ALTER TABLE filings ADD COLUMN void_reason TEXT NOT NULL DEFAULT ''",
           "ALTER TABLE corrective_actions ADD COLUMN voided_at TEXT NOT NULL DEFAULT ''",
           "ALTER TABLE corrective_actions ADD COLUMN voided_by TEXT NOT NULL DEFAULT ''",
           "ALTER TABLE corrective_actions ADD COLUMN void_reason TEXT NOT NULL DEFAULT ''",
           "CREATE INDEX drills_voided ON drills(voided_at) WHERE voided_at <> ''",
           // Migration 6's update and delete triggers, counting only drills in force.
           "DROP TRIGGER drills_count_update",
           "DROP TRIGGER drills_count_delete",
           "CREATE TRIGGER drills_count_delete AFTER DELETE ON drills WHEN OLD.voided_at = '' BEGIN"
           " UPDATE drill_month_counts SET n = n - 1 WHERE month = substr(OLD.drill_date, 1, 7)"
           " AND domain = OLD.domain AND drill_type = OLD.drill_type;"
           " DELETE FROM drill_month_counts WHERE month = substr(OLD.drill_date, 1, 7)"
           " AND domain = OLD.domain AND drill_type = OLD.drill_type AND n <= 0;"
           " UPDATE drill_org_month_counts SET n = n - 1 WHERE month = substr(OLD.drill_date, 1, 7)"
           " AND org_id = OLD.org_id AND domain = OLD.domain;"
           " DELETE FROM drill_org_month_counts WHERE month = substr(OLD.drill_date, 1, 7)"
           " AND org_id = OLD.org_id AND domain = OLD.domain AND n <= 0;"
           " END",
           "CREATE TRIGGER drills_count_update AFTER UPDATE OF drill_date, domain, drill_type, "
           "org_id, voided_at"
           " ON drills BEGIN"
           " UPDATE drill_month_counts SET n = n - 1 WHERE OLD.voided_at = '' AND month = "
           "substr(OLD.drill_date, 1, 7)"
           " AND domain = OLD.domain AND drill_type = OLD.drill_type;"
           " DELETE FROM drill_month_counts WHERE month = substr(OLD.drill_date, 1, 7)"
           " AND domain = OLD.domain AND drill_type = OLD.drill_type AND n <= 0;"
           " UPDATE drill_org_month_counts SET n = n - 1 WHERE OLD.voided_at = ''"
           " AND month = substr(OLD.drill_date, 1, 7) AND org_id = OLD.org_id AND domain = "
           "OLD.domain;"
           " DELETE FROM drill_org_month_counts WHERE month = substr(OLD.drill_date, 1, 7)"
           " AND org_id = OLD.org_id AND domain = OLD.domain AND n <= 0;"
           " INSERT INTO drill_month_counts(month, domain, drill_type, n)"
           " SELECT substr(NEW.drill_date, 1, 7), NEW.domain, NEW.drill_type, 1 WHERE "
           "NEW.voided_at = ''"
           " ON CONFLICT(month, domain, drill_type) DO UPDATE SET n = n + 1;"
           " INSERT INTO drill_org_month_counts(month, org_id, domain, n)"
           " SELECT substr(NEW.drill_date, 1, 7), NEW.org_id, NEW.domain, 1 WHERE NEW.voided_at = "
           "''"
           " ON CONFLICT(month, org_id, domain) DO UPDATE SET n = n + 1;"
           " END",
           // Migration 10's group trigger: a voided drill keeps no flags.
           "DROP TRIGGER drills_groups_update",
           "CREATE TRIGGER drills_groups_update AFTER UPDATE OF domain, org_id, plan_id, "
           "drill_type, drill_date,"
           " fields, voided_at ON drills BEGIN"
           " DELETE FROM drill_flags WHERE drill_id = NEW.id;"
           " INSERT INTO drill_flags(drill_id, flag, domain, org_id, plan_id, drill_type, "
           "drill_date)"
           " SELECT NEW.id, j.key, NEW.domain, NEW.org_id, COALESCE(NEW.plan_id, 0), "
           "NEW.drill_type, NEW.drill_date"
           " FROM json_each(NEW.fields) j WHERE j.value = '1' AND NEW.voided_at = '';"
           " INSERT INTO drill_groups(domain, flag, org_id, plan_id, drill_type)"
           " SELECT NEW.domain, '', NEW.org_id, COALESCE(NEW.plan_id, 0), NEW.drill_type"
           " UNION SELECT NEW.domain, j.key, NEW.org_id, COALESCE(NEW.plan_id, 0), NEW.drill_type"
           " FROM json_each(NEW.fields) j WHERE j.value = '1'"
           " ON CONFLICT DO NOTHING;"
           " END",
       }},
      {15,
       "idempotency_keys: the stored answer of each POST made with an Idempotency-Key header (API)"
       " or a one-time submission token (page forms), per user, so a repeated submission is "
       "answered"
       " from here instead of writing again (status 0 while the first one runs; kept 24 hours);"
       " summary_archives: rendered summaries as sent, with the time, the user and a SHA-256 digest"
       " of their inputs (the request and the summary's data), append-only like the audit log",
       {
           "CREATE TABLE idempotency_keys ("
           " user_id INTEGER NOT NULL,"
           " idem_key TEXT NOT NULL,"
           " request_digest TEXT NOT NULL,"
           " status INTEGER NOT NULL DEFAULT 0,"
           " content_type TEXT NOT NULL DEFAULT '',"
           " location TEXT NOT NULL DEFAULT '',"
           " body BLOB,"
           " created_at TEXT NOT NULL,"
           " PRIMARY KEY (user_id, idem_key))",
           "CREATE INDEX idempotency_keys_created ON idempotency_keys(created_at)",
           "CREATE TABLE summary_archives ("
           " id INTEGER PRIMARY KEY,"
           " kind TEXT NOT NULL,"
           " format TEXT NOT NULL,"
           " request TEXT NOT NULL,"
           " content_type TEXT NOT NULL,"
           " filename TEXT NOT NULL,"
           " body BLOB NOT NULL,"
           " body_sha256 TEXT NOT NULL,"
           " inputs_sha256 TEXT NOT NULL,"
           " created_by TEXT NOT NULL,"
           " created_at TEXT NOT NULL)",
           "CREATE TRIGGER summary_archives_no_update BEFORE UPDATE ON summary_archives"
           " BEGIN SELECT RAISE(ABORT, 'summary_archives is append-only'); END",
           "CREATE TRIGGER summary_archives_no_delete BEFORE DELETE ON summary_archives"
           " BEGIN SELECT RAISE(ABORT, 'summary_archives is append-only'); END",
       }},
      {16,
       "holiday_years, holiday_days: years of the working-day calendar added with `beacon calendar"
       " import FILE` (the State Council's schedule for a year the shipped data/holidays/cn.csv "
       "does"
       " not cover), loaded on top of that file by every command and by the server at start; a year"
       " is imported once and its listed days all belong to it",
       {
           "CREATE TABLE holiday_years ("
           " year INTEGER PRIMARY KEY,"
           " source TEXT NOT NULL,"
           " imported_at TEXT NOT NULL,"
           " imported_by TEXT NOT NULL)",
           "CREATE TABLE holiday_days ("
           " day TEXT PRIMARY KEY,"
           " year INTEGER NOT NULL REFERENCES holiday_years(year),"
           " kind TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),"
           " name TEXT NOT NULL DEFAULT '',"
           " CHECK (substr(day, 1, 4) = CAST(year AS TEXT)))",
       }},
      {18,
       "plan life cycle (state machine): plan_transitions, one row per step a plan or one of its "
       "versions"
       " went through (风险评估, 应急资源调查, 提交评审, 评审, 审批, 印发, 备案, 公开, 评估, 修订, "
       "废止) with the"
       " state before and after, the day, who recorded it, the body (approving body, publication "
       "channel,"
       " filing target), the document (文号, link, registration number) and a note; a publication "
       "(公开) is"
       " its own row here. plan_versions get the approving body, the 文号 and, for a minor "
       "revision, the"
       " corrective action it answers; plans get the day they were abolished and the plan that "
       "replaced"
       " them. A 评审 recorded before with the evaluation conclusions reads 通过 (keep) or "
       "修改后通过"
       " (revise)",
       {
           "CREATE TABLE plan_transitions ("
           " id INTEGER PRIMARY KEY,"
           " plan_id INTEGER NOT NULL REFERENCES plans(id),"
           " plan_version_id INTEGER REFERENCES plan_versions(id),"
           " step TEXT NOT NULL,"
           " from_status TEXT NOT NULL,"
           " to_status TEXT NOT NULL,"
           " event_date TEXT NOT NULL,"
           " actor TEXT NOT NULL,"
           " body TEXT NOT NULL DEFAULT '',"
           " document TEXT NOT NULL DEFAULT '',"
           " note TEXT NOT NULL DEFAULT '',"
           " created_at TEXT NOT NULL)",
           "CREATE INDEX plan_transitions_plan ON plan_transitions(plan_id, event_date, id)",
           "CREATE INDEX plan_transitions_step ON plan_transitions(step, event_date)",
           "ALTER TABLE plan_versions ADD COLUMN approved_by TEXT NOT NULL DEFAULT ''",
           "ALTER TABLE plan_versions ADD COLUMN document_no TEXT NOT NULL DEFAULT ''",
           "ALTER TABLE plan_versions ADD COLUMN addresses_action_id INTEGER REFERENCES "
           "corrective_actions(id)",
           "ALTER TABLE plans ADD COLUMN abolished_on TEXT NOT NULL DEFAULT ''",
           "ALTER TABLE plans ADD COLUMN replaced_by_plan_id INTEGER REFERENCES plans(id)",
           "UPDATE reviews SET conclusion = 'passed' WHERE kind = 'review' AND conclusion = 'keep'",
           "UPDATE reviews SET conclusion = 'passed_with_changes' WHERE kind = 'review' AND "
           "conclusion = 'revise'",
           // SQLite dialect (as migrations 2 and 11); the PostgreSQL port replaces these with
           // trigger functions.
           "CREATE TRIGGER plan_transitions_rule_changes_insert AFTER INSERT ON plan_transitions "
           "BEGIN"
           " INSERT INTO rule_changes(org_id) SELECT owner_org_id FROM plans WHERE id = "
           "NEW.plan_id;"
           " END",
           "CREATE TRIGGER plan_transitions_no_update BEFORE UPDATE ON plan_transitions"
           " BEGIN SELECT RAISE(ABORT, 'plan_transitions is append-only'); END",
           "CREATE TRIGGER plan_transitions_no_delete BEFORE DELETE ON plan_transitions"
           " BEGIN SELECT RAISE(ABORT, 'plan_transitions is append-only'); END",
       }},
      {20,
       "drill_plans, drill_plan_items: each organisation's annual drill plan (年度演练计划,"
       " 部令2号 第三十三条), one per organisation and year, with the day it was made, and its "
       "planned"
       " drills (domain, drill type, month, optionally the plan exercised); drill_evaluations: the"
       " evaluation report of a drill (演练评估报告, 部令2号 第三十四条), at most one in force per "
       "drill,"
       " with void columns as migration 14 gives the other records",
       {
           "CREATE TABLE drill_plans ("
           " id INTEGER PRIMARY KEY,"
           " org_id INTEGER NOT NULL REFERENCES organisations(id),"
           " year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),"
           " made_on TEXT NOT NULL,"
           " note TEXT NOT NULL DEFAULT '',"
           " created_at TEXT NOT NULL,"
           " UNIQUE (org_id, year))",
           "CREATE INDEX drill_plans_year ON drill_plans(year)",
           "CREATE TABLE drill_plan_items ("
           " id INTEGER PRIMARY KEY,"
           " drill_plan_id INTEGER NOT NULL REFERENCES drill_plans(id),"
           " domain TEXT NOT NULL,"
           " drill_type TEXT NOT NULL,"
           " month INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),"
           " plan_id INTEGER REFERENCES plans(id),"
           " note TEXT NOT NULL DEFAULT '',"
           " created_at TEXT NOT NULL)",
           "CREATE INDEX drill_plan_items_plan ON drill_plan_items(drill_plan_id)",
           "CREATE TABLE drill_evaluations ("
           " id INTEGER PRIMARY KEY,"
           " drill_id INTEGER NOT NULL REFERENCES drills(id),"
           " verdict TEXT NOT NULL,"
           " findings TEXT NOT NULL DEFAULT '',"
           " suggestions TEXT NOT NULL DEFAULT '',"
           " evaluator TEXT NOT NULL,"
           " evaluation_date TEXT NOT NULL,"
           " document TEXT NOT NULL DEFAULT '',"
           " created_at TEXT NOT NULL,"
           " voided_at TEXT NOT NULL DEFAULT '',"
           " voided_by TEXT NOT NULL DEFAULT '',"
           " void_reason TEXT NOT NULL DEFAULT '')",
           "CREATE UNIQUE INDEX drill_evaluations_in_force ON drill_evaluations(drill_id) WHERE "
           "voided_at = ''",
       }},
      {22,
       "corrections and voids of the newer records: drill_plans, drill_plan_items and "
       "plan_transitions get"
       " voided_at, voided_by and void_reason as migration 14 gave the others (a drill plan itself "
       "is"
       " only corrected: its planned drills are voided one by one). plan_transitions stays "
       "append-only"
       " but for a correction of a step's day, body, document and note and a void mark; a voided "
       "step"
       " can no longer change. A correction or void of a drill plan, planned drill, evaluation or "
       "step"
       " notes the organisation in rule_changes, as their inserts do",
       {
           "ALTER TABLE drill_plans ADD COLUMN voided_at TEXT NOT NULL DEFAULT ''",
           "ALTER TABLE drill_plans ADD COLUMN voided_by TEXT NOT NULL DEFAULT ''",
           "ALTER TABLE drill_plans ADD COLUMN void_reason TEXT NOT NULL DEFAULT ''",
           "ALTER TABLE drill_plan_items ADD COLUMN voided_at TEXT NOT NULL DEFAULT ''",
           "ALTER TABLE drill_plan_items ADD COLUMN voided_by TEXT NOT NULL DEFAULT ''",
           "ALTER TABLE drill_plan_items ADD COLUMN void_reason TEXT NOT NULL DEFAULT ''",
           "ALTER TABLE plan_transitions ADD COLUMN voided_at TEXT NOT NULL DEFAULT ''",
           "ALTER TABLE plan_transitions ADD COLUMN voided_by TEXT NOT NULL DEFAULT ''",
           "ALTER TABLE plan_transitions ADD COLUMN void_reason TEXT NOT NULL DEFAULT ''",
           // SQLite dialect (as migration 18); the PostgreSQL port replaces these with trigger
           // functions.
           "DROP TRIGGER plan_transitions_no_update",
           "CREATE TRIGGER plan_transitions_no_update BEFORE UPDATE ON plan_transitions"
           " WHEN OLD.voided_at <> '' OR NEW.plan_id IS NOT OLD.plan_id"
           " OR NEW.plan_version_id IS NOT OLD.plan_version_id OR NEW.step IS NOT OLD.step"
           " OR NEW.from_status IS NOT OLD.from_status OR NEW.to_status IS NOT OLD.to_status"
           " OR NEW.actor IS NOT OLD.actor OR NEW.created_at IS NOT OLD.created_at"
           " BEGIN SELECT RAISE(ABORT, 'plan_transitions is append-only'); END",
           "CREATE TRIGGER plan_transitions_rule_changes_update AFTER UPDATE ON plan_transitions "
           "BEGIN"
           " INSERT INTO rule_changes(org_id) SELECT owner_org_id FROM plans WHERE id = "
           "NEW.plan_id;"
           " END",
           "CREATE TRIGGER drill_plans_rule_changes_update AFTER UPDATE ON drill_plans BEGIN"
           " INSERT INTO rule_changes(org_id) VALUES(NEW.org_id);"
           " END",
           "CREATE TRIGGER drill_plan_items_rule_changes_update AFTER UPDATE ON drill_plan_items "
           "BEGIN"
           " INSERT INTO rule_changes(org_id) SELECT org_id FROM drill_plans WHERE id = "
           "NEW.drill_plan_id;"
           " END",
           "CREATE TRIGGER drill_evaluations_rule_changes_update AFTER UPDATE ON drill_evaluations "
           "BEGIN"
           " INSERT INTO rule_changes(org_id) SELECT org_id FROM drills WHERE id = NEW.drill_id;"
           " END",
       }},
      {25,
       "web_sessions, login_failures, login_known_pairs: the web app's login sessions (keyed by the"
       " SHA-256 of the session id) and the login throttle's counts and known (username, address)"
       " pairs, in the database so that every server process on it shares them; times in"
       " milliseconds since the Unix epoch",
       {
           "CREATE TABLE web_sessions ("
           " id_hash TEXT PRIMARY KEY,"
           " csrf_token TEXT NOT NULL,"
           " user_id INTEGER NOT NULL REFERENCES users(id),"
           " username TEXT NOT NULL,"
           " ip TEXT NOT NULL,"
           " credentials_generation INTEGER NOT NULL,"
           " created_ms INTEGER NOT NULL,"
           " last_seen_ms INTEGER NOT NULL)",
           "CREATE INDEX web_sessions_user ON web_sessions(user_id)",
           "CREATE INDEX web_sessions_last_seen ON web_sessions(last_seen_ms)",
           "CREATE INDEX web_sessions_created ON web_sessions(created_ms)",
           "CREATE TABLE login_failures ("
           " throttle_key TEXT PRIMARY KEY,"
           " failures INTEGER NOT NULL,"
           " last_failure_ms INTEGER NOT NULL)",
           "CREATE INDEX login_failures_last ON login_failures(last_failure_ms)",
           "CREATE TABLE login_known_pairs ("
           " pair_key TEXT PRIMARY KEY,"
           " last_success_ms INTEGER NOT NULL)",
           "CREATE INDEX login_known_pairs_last ON login_known_pairs(last_success_ms)",
       }},
      {28,
       "data_changes: one row counting the write transactions committed, the change watch of"
       " several nodes on one PostgreSQL database (a trigger on every table adds one per write"
       " transaction there); on SQLite the watch reads the WAL index and nothing writes this row",
       {
           "CREATE TABLE data_changes (id INTEGER PRIMARY KEY CHECK (id = 1), n INTEGER NOT NULL)",
           "INSERT INTO data_changes(id, n) VALUES(1, 0)",
       }},
      {30,
       "drill_org_month_counts_org: the monthly drill counts of some organisations (a township's"
       " subtree) by organisation first, for deep drill-list pages and their totals",
       {
           "CREATE INDEX drill_org_month_counts_org ON drill_org_month_counts(org_id, month, "
           "domain, n)",
       }},
      {32,
       "attachment_contents: the bytes of attached files under their SHA-256, where the database"
       " keeps them (PostgreSQL, so every node serves them); SQLite keeps them in the attachments"
       " directory and leaves this table empty (store/attachment_content_repository.h)",
       {
           "CREATE TABLE attachment_contents (sha256 TEXT PRIMARY KEY, data BLOB NOT NULL)",
       }},
      {35,
       "write_stamps: one row per committed write transaction (store::Transaction, whichever"
       " backend and process), saying what it may have changed for the web server's response cache:"
       " subject '*' (anything) or 'drills' (drills added for organisation org_id only, written by"
       " DrillService), so a cached answer is dropped only when a write it depends on commits"
       " (store/write_stamp.h). Pruned to the last 10,000 rows",
       {
           "CREATE TABLE write_stamps ("
           " seq INTEGER PRIMARY KEY,"
           " subject TEXT NOT NULL,"
           " org_id INTEGER NOT NULL DEFAULT 0)",
           "CREATE TRIGGER write_stamps_prune AFTER INSERT ON write_stamps WHEN NEW.seq % 1000 = 0 "
           "BEGIN"
           " DELETE FROM write_stamps WHERE seq <= NEW.seq - 10000;"
           " END",
       }},
      {40,
       "rule_changes: an organisation moved to another parent names its old parent too, whose"
       " results a rule of scope Subtree computed from the moved organisation's records "
       "(sdk::RuleScope)",
       {
           "DROP TRIGGER organisations_rule_changes_update",
           "CREATE TRIGGER organisations_rule_changes_update AFTER UPDATE ON organisations BEGIN"
           " INSERT INTO rule_changes(org_id) SELECT NEW.id UNION ALL SELECT OLD.id UNION ALL "
           "SELECT id FROM organisations WHERE parent_id IN (NEW.id, OLD.id) UNION ALL "
           "SELECT OLD.parent_id WHERE OLD.parent_id IS NOT NULL AND OLD.parent_id IS NOT "
           "NEW.parent_id;"
           " END",
       }},
      {44,
       "drill_org_year_counts: the drills in force per (year, organisation, domain), for the"
       " year's per-organisation counts (the dashboard's drill-plan card read ~32,000 month rows of"
       " drill_org_month_counts per request on a 1M-drill city); inserts are counted by"
       " DrillRepository with the month tables, corrections, voids and deletes by these triggers",
       {
           "CREATE TABLE drill_org_year_counts ("
           " year TEXT NOT NULL,"
           " org_id INTEGER NOT NULL,"
           " domain TEXT NOT NULL,"
           " n INTEGER NOT NULL,"
           " PRIMARY KEY (year, org_id, domain))",
           "INSERT INTO drill_org_year_counts(year, org_id, domain, n)"
           " SELECT substr(drill_date, 1, 4), org_id, domain, COUNT(*) FROM drills WHERE voided_at "
           "= ''"
           " GROUP BY 1, 2, 3",
           "CREATE TRIGGER drills_year_count_delete AFTER DELETE ON drills WHEN OLD.voided_at = '' "
           "BEGIN"
           " UPDATE drill_org_year_counts SET n = n - 1 WHERE year = substr(OLD.drill_date, 1, 4)"
           " AND org_id = OLD.org_id AND domain = OLD.domain;"
           " DELETE FROM drill_org_year_counts WHERE year = substr(OLD.drill_date, 1, 4)"
           " AND org_id = OLD.org_id AND domain = OLD.domain AND n <= 0;"
           " END",
           "CREATE TRIGGER drills_year_count_update AFTER UPDATE OF drill_date, domain, org_id, "
           "voided_at"
           " ON drills BEGIN"
           " UPDATE drill_org_year_counts SET n = n - 1 WHERE OLD.voided_at = ''"
           " AND year = substr(OLD.drill_date, 1, 4) AND org_id = OLD.org_id AND domain = "
           "OLD.domain;"
           " DELETE FROM drill_org_year_counts WHERE year = substr(OLD.drill_date, 1, 4)"
           " AND org_id = OLD.org_id AND domain = OLD.domain AND n <= 0;"
           " INSERT INTO drill_org_year_counts(year, org_id, domain, n)"
           " SELECT substr(NEW.drill_date, 1, 4), NEW.org_id, NEW.domain, 1 WHERE NEW.voided_at = "
           "''"
           " ON CONFLICT(year, org_id, domain) DO UPDATE SET n = n + 1;"
           " END",
       }},
      {45,
       "notification_looks: the day each user last opened the notifications page (/notifications);"
       " a duty that crossed its threshold (due soon, overdue, met late) after that day is new to"
       " them (http/notification_pages.cpp)",
       {
           "CREATE TABLE notification_looks ("
           " user_id INTEGER PRIMARY KEY REFERENCES users(id),"
           " looked_on TEXT NOT NULL)",
       }},
      {46,
       "organisations.contact_email: the optional address the organisation's daily digest of duties"
       " falling due is mailed to ('' : none; mail/digest_service.h)",
       {
           "ALTER TABLE organisations ADD COLUMN contact_email TEXT NOT NULL DEFAULT ''",
       }},
      {47,
       "digest_log: one row per organisation and digest day, claimed (status 'sending') before the"
       " digest is mailed so that two senders (beacon serve's timer, a cron beacon notify) never"
       " both mail it; then 'sent' or 'failed' with the SMTP error (a failed row is claimed again"
       " by the next run of that day, store/digest_log_repository.h)",
       {
           "CREATE TABLE digest_log ("
           " id INTEGER PRIMARY KEY,"
           " org_id INTEGER NOT NULL REFERENCES organisations(id),"
           " digest_date TEXT NOT NULL,"
           " recipient TEXT NOT NULL,"
           " items INTEGER NOT NULL,"
           " status TEXT NOT NULL,"
           " error TEXT NOT NULL DEFAULT '',"
           " attempts INTEGER NOT NULL DEFAULT 1,"
           " sent_at TEXT NOT NULL DEFAULT '')",
           "CREATE UNIQUE INDEX digest_log_org_date ON digest_log(org_id, digest_date)",
           "CREATE INDEX digest_log_date ON digest_log(digest_date, id)",
       }},
  };
  return kMigrations;
}

int latestSchemaVersion() { return migrations().back().version; }

}  // namespace beacon::store
