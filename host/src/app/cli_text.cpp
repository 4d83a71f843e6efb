#include "app/cli_text.h"

#include <string_view>
#include <unordered_map>

#include "http/page_text.h"

namespace beacon::app {

namespace {

const std::vector<CliPhrase>& phrases() {
  static const std::vector<CliPhrase> kPhrases = {
      // app/record_printer.cpp
      {"print_revision_required", "需修订：{1}", "revision required: {1}"},
      {"print_major", "重大", "major"},
      {"print_minor", "一般", "minor"},
      {"print_issued", "印发 {1}", "issued {1}"},
      {"print_submitted", "报送 {1}", "submitted {1}"},
      {"print_published", "公开 {1}", "published {1}"},
      {"print_voided", "  （已作废：{1}）", "  (voided: {1})"},
      {"print_people", "{1}人", "{1} people"},
      {"drill_block_drill", "演练编号：{1}", "Drill: {1}"},
      {"drill_block_organisation", "组织单位：{1}", "Organisation: {1}"},
      {"drill_block_type", "演练类型：{1}", "Type: {1}"},
      {"drill_block_date", "日期：{1}", "Date: {1}"},
      {"drill_block_place", "地点：{1}", "Place: {1}"},
      {"drill_block_scenario", "情景：{1}", "Scenario: {1}"},
      {"drill_block_participants", "参演人数：{1}", "Participants: {1}"},
      {"drill_block_evacuees", "转移人数：{1}", "Evacuees: {1}"},
      {"drill_block_plan", "演练预案：{1}", "Plan: {1}"},
      {"drill_block_verdict", "评估结论：{1}", "Verdict: {1}"},
      {"drill_block_findings", "发现问题：{1}", "Findings: {1}"},
      // app/commands/user_command.cpp
      {"refuse_password_both", "只能给出 --password 或 --password-stdin 之一",
       "give either --password or --password-stdin, not both"},
      {"refuse_password_required", "为必填项（或使用 --password-stdin）",
       "is required (or --password-stdin)"},
      {"refuse_stdin_empty", "标准输入为空", "standard input is empty"},
      {"refuse_no_org_code", "没有编码为“{1}”的单位", "no organisation with code \"{1}\""},
      {"user_feed_revoked", "已吊销 {1} 个日历订阅密钥", "revoked {1} calendar feed key(s)"},
      {"refuse_user_disabled", "{1} 已停用", "{1} is disabled"},
      {"user_feed_key_shown_once",
       "日历订阅密钥（{1}，{2}）只显示这一次；请在路径前加上服务器地址；此前的密钥已失效",
       "calendar feed key for {1} and {2}: shown once; put the server's address before the path; "
       "any older key for this feed no longer works"},
      {"refuse_user_verb_needs_one", "beacon user {1} 需要给出一个", "beacon user {1} needs one"},
      {"refuse_iterations_minimum", "不得少于 1000", "must be at least 1000"},
      {"refuse_option_empty", "不得为空", "is empty"},
      {"user_added", "已添加用户 {1}（{2}）", "added user {1} ({2})"},
      {"user_state_disabled", "已停用", "disabled"},
      {"user_state_active", "正常", "active"},
      {"user_password_changed", "已修改密码：{1}", "password changed for {1}"},
      {"user_sessions_ended", "已结束该用户的全部登录会话", "ended every session of {1}"},
      {"user_tokens_kept", "API 令牌保留（--keep-tokens）", "API tokens kept (--keep-tokens)"},
      {"user_tokens_revoked", "已吊销 {1} 个 API 令牌", "revoked {1} API token(s)"},
      {"user_disabled", "已停用 {1}", "disabled {1}"},
      {"user_enabled", "已启用 {1}", "enabled {1}"},
      {"refuse_schema_before_token_scopes",
       "尚无令牌权限和日历订阅；请运行 `beacon init` 升级数据库",
       "has no token scopes or calendar feeds yet; run `beacon init` to migrate"},
      {"refuse_not_a_number", "应为数字", "must be a number"},
      {"refuse_no_api_token", "没有 API 令牌 #{1}", "no API token #{1}"},
      {"refuse_api_token_revoked", "API 令牌 #{1} 已被吊销", "API token #{1} is already revoked"},
      {"user_token_revoked", "已吊销 API 令牌 #{1}", "revoked API token #{1}"},
      {"token_state_valid", "有效", "valid"},
      {"token_state_revoked", "已吊销 {1}", "revoked {1}"},
      {"token_state_expired", "已过期 {1}", "expired {1}"},
      {"refuse_token_scope", "“{1}”：应为 read 或 write", "\"{1}\": use read or write"},
      {"token_never_expires", "永不过期", "never expires"},
      {"token_expires", "过期时间 {1}", "expires {1}"},
      {"user_token_shown_once",
       "API 令牌 #{1}（{2}，权限 {3}，{4}）只显示这一次，请立即保存；请求时使用 \"Authorization: "
       "Bearer <令牌>\"",
       "API token #{1} for {2} (scope {3}, {4}): shown once, store it now; send it as "
       "\"Authorization: Bearer <token>\""},
      // app/commands/drill_plan_command.cpp
      {"refuse_drill_plan_item",
       "“{1}”：应为 DRILL_TYPE:MONTH[:PLAN_CODE]（演练类型、月份、预案编码）",
       "\"{1}\": expected DRILL_TYPE:MONTH[:PLAN_CODE]"},
      {"drill_plan_items", "{1} 项", "{1} planned drills"},
      {"refuse_drill_plan_year_required", "必填", "is required"},
      {"drill_plan_added", "已登记年度演练计划 #{1}，新增 {2} 项计划演练",
       "drill plan #{1} stored, {2} planned drills added"},
      {"refuse_no_drill_plan", "{2}没有 {3} 年度演练计划", "{1} has no drill plan for {3}"},
      {"drill_plan_heading", "{1} {2} 年度演练计划 #{3}（制定日期 {4}）",
       "{1} {2} drill plan #{3} (made {4})"},
      {"drill_plan_month", "{1}月", "{1}"},
      {"drill_plan_done_in_month", "已完成：演练 #{1} {2}（计划月份内）",
       "done: drill #{1} {2} (in the planned month)"},
      {"drill_plan_done_other_month", "已完成：演练 #{1} {2}（非计划月份）",
       "done: drill #{1} {2} (another month)"},
      {"drill_plan_missing", "未完成（计划月份已过）", "missing"},
      {"drill_plan_pending", "未到计划月份", "pending"},
      {"drill_plan_item_voided", "（已作废：{3}；{1}，{2}）", "(voided by {1} at {2}: {3})"},
      {"drill_plan_totals",
       "计划 {1} 项，已完成 {2} 项（按计划月份完成 {3} 项），缺项 {4} 项，未到计划月份 {5} "
       "项；计划外演练 {6} 次（截至 {7}）",
       "planned {1}, done {2} ({3} in the planned month), missing {4}, pending {5}; unplanned "
       "drills {6} (as of {7})"},
      // app/commands/plan_lifecycle_verbs.cpp
      {"step_voided", "    （已作废：{1}，{2}；原因：{3}）", "    (voided by {1} at {2}: {3})"},
      {"refuse_cannot_read", "无法读取文件 {1}", "cannot read {1}"},
      {"plan_history_heading", "预案 {1} 生命周期：", "Life cycle of plan {1}:"},
      {"refuse_preparation_kind",
       "应为 risk_assessment（风险评估）或 resource_survey（应急资源调查）",
       "must be risk_assessment or resource_survey"},
      // app/commands/plan_command.cpp
      {"plan_added", "已添加预案 {1}（#{2}）", "added plan {1} (#{2})"},
      {"refuse_plan_needs_code", "plan {1} 需要预案编码", "plan {1} needs a plan code"},
      {"plan_show_versions", "版本：", "Versions:"},
      {"plan_show_reviews", "评审与评估：", "Reviews and evaluations:"},
      {"plan_show_filings", "备案：", "Filings:"},
      {"plan_draft_revision_stored", "已保存预案 {2} 修订稿 v{1}（未印发，不替代现行版本）",
       "stored draft revision v{1} of plan {2} (not in force)"},
      {"plan_revised", "已修订预案 {1} → v{2}", "revised plan {1} → v{2}"},
      {"refuse_diff_needs_versions", "plan diff 需要两个版本号",
       "plan diff needs two version numbers"},
      {"refuse_version_not_whole", "版本号应为整数", "version numbers must be whole numbers"},
      // app/commands/summary_command.cpp
      {"refuse_docx_to_terminal", "Word 文档是二进制文件，请用 --out FILE 写入文件",
       "a Word document is binary; write it to a file with --out FILE"},
      {"summary_archived", "已存档 #{1} sha256 {2}", "archived as #{1} sha256 {2}"},
      {"refuse_cannot_write", "无法写入 {1}", "cannot write {1}"},
      {"file_written", "已写入 {1}", "written {1}"},
      {"refuse_archive_verb", "应为 list、show ID 或 check ID",
       "expected list, show ID or check ID"},
      {"refuse_archive_id_required", "须给出存档汇总报告的编号",
       "an archived summary's number is required"},
      {"refuse_no_archived_summary", "没有编号为 {1} 的存档汇总报告", "no archived summary #{1}"},
      {"archive_check_same", "一致：按今天的数据重新生成，与存档 #{1} 的文字相同",
       "same: today's data gives the archived text of #{1}"},
      {"archive_check_different",
       "不一致：按今天的数据重新生成，与存档 #{1} 的文字不同（sha256 {2}）",
       "different: today's data no longer gives the archived text of #{1} (sha256 {2})"},
      // app/commands/drill_command.cpp
      {"refuse_required", "为必填项", "is required"},
      {"drill_logged", "已登记演练 #{1}", "logged drill #{1}"},
      {"refuse_drill_show_needs_id", "drill show 需要演练编号", "drill show needs a drill id"},
      {"refuse_no_drill", "没有编号为 {1} 的演练", "no drill #{1}"},
      {"drill_evaluation_line", "演练评估报告：#{1} {2} {3} {4}",
       "Evaluation report: #{1} {2} {3} {4}"},
      {"drill_evaluation_findings", "  发现问题：{1}", "  findings: {1}"},
      {"drill_evaluation_suggestions", "  改进意见和建议：{1}", "  suggestions: {1}"},
      {"refuse_drill_evaluate_needs_id", "drill evaluate 需要演练编号",
       "drill evaluate needs a drill id"},
      {"drill_evaluation_recorded", "已登记演练评估报告 #{1}", "recorded evaluation #{1}"},
      {"refuse_verdict", "应为 优、良、中 或 差", "must be 优, 良, 中 or 差"},
      // app/commands/review_command.cpp
      {"refuse_review_kind", "应为 review（评审）或 evaluation（评估）",
       "must be review or evaluation"},
      {"refuse_review_conclusion_required",
       "为必填项：passed（通过）、passed_with_changes（修改后通过）或 failed（不通过）",
       "is required: passed, passed_with_changes or failed"},
      {"refuse_review_conclusion", "应为 passed、passed_with_changes、failed、keep 或 revise",
       "must be passed, passed_with_changes, failed, keep or revise"},
      {"review_recorded", "已记录评审评估 #{1}", "recorded review #{1}"},
      // app/commands/plugins_command.cpp
      {"plugin_enabled", "已启用", "enabled"},
      {"plugin_disabled", "已停用：{1}", "disabled: {1}"},
      {"drill_comprehensive", "综合", "comprehensive"},
      {"drill_single", "单项", "single-subject"},
      {"drill_live", "实战", "live"},
      {"drill_tabletop", "桌面", "tabletop"},
      {"drill_on_site_disposal", "现场处置方案", "on-site disposal plan"},
      // app/commands/notify_command.cpp
      {"digest_would_send", "将发送", "would send"},
      {"digest_sent", "已发送", "sent"},
      {"digest_failed", "发送失败", "failed"},
      {"digest_already_claimed", "已发送或正在发送", "already sent or being sent"},
      {"refuse_mail_disabled", "为 false，不发送邮件", "is false: no mail is sent"},
      {"digest_nothing_due", "无到期事项：不发送 {1}", "nothing due: no digest for {1}"},
      // app/commands/import_command.cpp
      {"refuse_positive_whole_number", "应为正整数，而不是“{1}”",
       "must be a positive whole number, not \"{1}\""},
      {"refuse_import_kind", "应为以下之一：{1}", "must be one of {1}"},
      {"list_separator", "、", ", "},
      {"import_nothing_imported", "未导入任何记录", "nothing was imported"},
      {"import_rows_imported", "已导入 {1} 行", "imported {1} rows"},
      // app/commands/db_command.cpp
      {"refuse_unexpected_argument", "多余的参数“{1}”", "unexpected argument \"{1}\""},
      {"refuse_database_uri_required", "必须给出（数据库地址）", "required (a database URI)"},
      {"refuse_no_database_file", "数据库文件不存在：{1}", "no such database file: {1}"},
      {"db_copied", "已从 {3} 复制到 {4}：{2} 张表，共 {1} 行",
       "copied {1} rows in {2} tables from {3} to {4}"},
      {"refuse_copy_failed", "复制失败，未写入任何数据：{1}", "copy failed, nothing written: {1}"},
      // app/commands/check_command.cpp
      {"calendar_ended",
       "注意：节假日数据已于 {1} 截止，此后的工作日期限暂按周末推算并标注为暂定，待公布 {2} "
       "年节假日安排后用 `beacon calendar import FILE` 导入",
       "warning: the holiday calendar ended on {1}; working-day deadlines after it count weekends "
       "only and are marked provisional until `beacon calendar import FILE` adds the {2} schedule"},
      {"calendar_ends",
       "注意：节假日数据将于 {1} 截止，此后的工作日期限暂按周末推算并标注为暂定，待公布 {2} "
       "年节假日安排后用 `beacon calendar import FILE` 导入",
       "warning: the holiday calendar ends on {1}; working-day deadlines after it count weekends "
       "only and are marked provisional until `beacon calendar import FILE` adds the {2} schedule"},
      {"refuse_check_format", "应为 text 或 json", "must be text or json"},
      {"rule_history", "历史：{1}", "history: {1}"},
      {"refuse_no_plugin_for_domain", "没有已启用的插件负责领域“{1}”",
       "no enabled plugin for domain \"{1}\""},
      // app/commands/org_command.cpp
      {"refuse_org_kind", "没有“{1}”这一单位类型", "unknown kind \"{1}\""},
      {"org_added", "已添加组织 {1}（#{2}）", "added organisation {1} (#{2})"},
      {"refuse_set_email_usage", "org set-email 需要 CODE [ADDRESS]（单位编码和电子邮箱地址）",
       "org set-email needs CODE [ADDRESS]"},
      {"refuse_not_email", "不是有效的电子邮箱地址：{1}", "not an e-mail address: {1}"},
      {"refuse_org_show_needs_code", "org show 需要单位编码",
       "org show needs an organisation code"},
      // app/commands/filing_command.cpp
      {"filing_recorded", "已记录备案 #{1}", "recorded filing #{1}"},
      // app/commands/export_command.cpp
      {"refuse_export_format", "只能是 csv 或 xlsx", "must be csv or xlsx"},
      {"refuse_xlsx_to_terminal", ".xlsx 工作簿是二进制文件，请用 --out FILE 写入文件",
       "an .xlsx workbook is binary; write it to a file with --out FILE"},
      // app/commands/init_command.cpp
      {"refuse_demo_unknown", "没有示例数据集“{1}”（可选：xinmi-2023）",
       "unknown dataset \"{1}\" (available: xinmi-2023)"},
      {"init_database", "数据库 {1} 结构版本 {2}", "database {1} at schema version {2}"},
      {"refuse_demo_not_empty", "数据库中已有记录；示例数据只能载入空数据库",
       "the database already has records; demo data goes into an empty database"},
      {"init_demo_loaded", "已载入示例数据 {1}", "loaded illustrative demo data {1}"},
      // app/commands/calendar_command.cpp
      {"calendar_year_imported", "已导入 {1} 年", "imported {1}"},
      {"calendar_year_line", "{1}\t节假日 {2} 天\t调休上班 {3} 天\t{4}",
       "{1}\t{2} holidays\t{3} make-up working days\t{4}"},
      {"calendar_other_years", "其他年份：暂按周末推算（期限为暂定）",
       "other years: weekends only (provisional deadlines)"},
      // app/commands/serve_command.cpp
      {"refuse_threads", "应在 1 至 256 之间", "must be 1..256"},
      // app/commands/restore_command.cpp, backup_command.cpp, audit_command.cpp
      {"refuse_restore_from_required", "必须给出（beacon backup 生成的备份文件）",
       "required (a file `beacon backup` wrote)"},
      {"restored", "已从 {2} 的备份恢复 {1}：结构版本 {3}，审计链校验通过（{4} 条），附件 {5} 个",
       "restored {1} from the backup of {2}: schema version {3}, audit chain verified ({4} "
       "entries), {5} attachments"},
      {"refuse_backup_out_required", "必须给出（要写入的备份文件）",
       "required (the backup file to write)"},
      {"backed_up", "已备份到 {1}：结构版本 {2}，审计记录 {3} 条（最新 {4}），附件 {5} 个",
       "backed up to {1}: schema version {2}, {3} audit entries (head {4}), {5} attachments"},
      {"refuse_audit_head", "应为 verify 输出的 ID:HASH（编号和哈希）",
       "must be ID:HASH as verify printed it"},
      // app/cli_corrector.cpp
      {"refuse_correction_needs_id", "{1} {2} 需要记录编号", "{1} {2} needs an id"},
      {"refuse_field_name_value", "应为 NAME=VALUE（字段名=新值），填写的是“{1}”",
       "expected NAME=VALUE, got \"{1}\""},
      {"record_voided", "已作废 {1} #{2}", "voided {1} #{2}"},
      {"record_corrected", "已更正 {1} #{2}", "corrected {1} #{2}"},
      // app/lookup.cpp
      {"refuse_no_plan_code", "没有编码为“{1}”的预案", "no plan with code \"{1}\""},
      // app/backup_archive.cpp
      {"refuse_restore_postgres",
       "PostgreSQL 数据库请用 pg_restore 从 pg_dump 备份恢复（附件内容保存在数据库中）；beacon "
       "restore 只用于 SQLite。",
       "a PostgreSQL database is restored with pg_restore from a pg_dump archive (attachments are "
       "kept in its rows); beacon restore is for SQLite"},
      {"refuse_backup_postgres",
       "PostgreSQL 数据库请用 pg_dump 备份（附件内容保存在数据库中，一并备份）；beacon backup "
       "只用于 SQLite。",
       "a PostgreSQL database is backed up with pg_dump (attachments are kept in its rows, so the "
       "dump holds them); beacon backup is for SQLite"},
      {"refuse_backup_in_memory", "内存数据库无法备份或恢复。",
       "an in-memory database has nothing to keep"},
      {"refuse_backup_manifest", "不是 Beacon 备份文件：manifest.json 不是 beacon-backup-1 格式。",
       "not a Beacon backup: manifest.json is not a beacon-backup-1 manifest"},
      {"refuse_backup_file_required", "必须给出（备份文件）", "required (a file)"},
      {"refuse_backup_exists", "{1} 已存在，未写入。", "{1} already exists; nothing was written"},
      {"refuse_backup_chain", "审计链校验未通过，备份无法在恢复时核验：{1}",
       "the audit chain does not verify, so the backup could not be checked on restore: {1}"},
      {"refuse_attachment_missing", "附件内容缺失：{1}", "attachment content is missing: {1}"},
      {"refuse_no_file", "文件不存在：{1}", "no such file: {1}"},
      {"refuse_restore_has_records",
       "{1} 中已有数据，恢复不会覆盖（确需覆盖请先停止服务，再加 --replace）。",
       "{1} already holds records; restore does not overwrite them (--replace does, after you stop "
       "the server)"},
      {"refuse_backup_not_zip", "{1} 不是 Beacon 备份文件（不是 zip 文件）。",
       "{1} is not a Beacon backup (not a zip file)"},
      {"refuse_backup_entries", "{1} 不是 Beacon 备份文件（缺少 manifest.json 或 beacon.db）。",
       "{1} is not a Beacon backup (no manifest.json or beacon.db)"},
      {"refuse_backup_schema_differs", "备份已损坏：其数据库结构版本为 {1}，清单记为 {2}",
       "the backup is damaged: its database is at schema version {1}, its manifest says {2}"},
      {"refuse_backup_newer", "备份来自较新版本的 Beacon（结构版本 {1}；本程序最高支持 {2}）。",
       "the backup comes from a newer Beacon (schema version {1}; this one knows up to {2})"},
      {"refuse_backup_chain_differs", "备份的审计链校验未通过：{1}",
       "the backup's audit chain does not verify: {1}"},
      {"backup_entry_count_differs", "条目数与清单不符", "entry count differs from the manifest"},
      {"refuse_backup_lacks_attachment", "备份缺少附件内容 {1}",
       "the backup lacks attachment content {1}"},
      {"refuse_backup_attachment_sha", "备份已损坏：附件内容 {1} 与其 SHA-256 不符",
       "the backup is damaged: attachment content {1} does not match its SHA-256"},
      // app/beacon_application.cpp, app/cli.cpp
      {"storage_unavailable", "数据库暂时繁忙或不可用，未作任何更改，请稍后重试。",
       "the database is busy or unavailable; nothing was changed, try again shortly"},
      {"refuse_unknown_command", "未知命令（见 beacon --help）",
       "unknown command (see beacon --help)"},
      {"refuse_lang", "应为 zh 或 en", "must be zh or en"},
      {"refuse_config_missing", "{1} 不存在", "{1} does not exist"},
      {"refuse_unknown_global_option", "未知的全局选项（见 beacon --help）",
       "unknown global option (see beacon --help)"},
      {"refuse_global_needs_value", "需要一个取值", "needs a value"},
      {"refuse_name_value", "应为 name=value（名称=取值），填写的是“{1}”",
       "expected name=value, got \"{1}\""},
      {"refuse_accounts_unreadable", "无法读取账号：{1}", "could not read the accounts: {1}"},
      {"check_plugin_skipped", "已跳过插件：{1}", "plugin skipped: {1}"},
  };
  return kPhrases;
}

const std::unordered_map<std::string_view, const CliPhrase*>& phraseIndex() {
  static const auto kIndex = [] {
    std::unordered_map<std::string_view, const CliPhrase*> index;
    for (const auto& p : phrases()) index.emplace(p.key, &p);
    return index;
  }();
  return kIndex;
}

}  // namespace

std::string cliWord(const std::string& key, bool english) {
  const auto& index = phraseIndex();
  const auto it = index.find(key);
  if (it == index.end()) return "";
  return english ? it->second->en : it->second->zh;
}

std::string cliWord(const std::string& key, bool english, const std::vector<std::string>& args) {
  return http::fillPlaceholders(cliWord(key, english), args);
}

const std::vector<CliPhrase>& cliPhrases() { return phrases(); }

}  // namespace beacon::app
