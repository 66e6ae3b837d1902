# Accord — 中文。缺少的消息取自 en.ftl。

site-name = Accord
site-tagline = 政府间进程：从磋商到通过
nav-processes = 进程
nav-actors = 参与方
nav-language = 语言
nav-main = 主导航
skip-to-content = 跳到正文
breadcrumb = 当前位置
breadcrumb-home = 首页
footer-about = Accord 是一个开放平台，用于开展政府间进程：磋商、盘点、谈判和通过。
footer-api = JSON 接口
pagination-next = 下一页

home-title = 政府间进程
home-intro = 从任务授权到通过的案文，跟踪每个进程：各阶段、会议和文件，以及参与其中的国家和组织。
home-none = 暂无进程。
home-open-process = 打开进程

process-current-phase = 当前阶段
process-no-current-phase = 今天不处于任何阶段
process-mandate = 任务授权
process-co-facilitators = 共同协调人
process-secretariat = 秘书处
process-languages = 正式语文
process-timeline = 时间线
process-timeline-description = 进程的各阶段和会议按时间排列。所有会议也列在下方。
process-timeline-continues = 进程随后进入后续行动和审查阶段；相关会议与其他会议一并列出。
process-phases = 阶段
process-meetings = 会议
process-documents = 文件
process-themes = 主题
process-view-all-meetings = 全部会议
process-view-documents = 全部文件
process-key-facts = 要点
process-overview = 概况
phase-open-ended = 进行中
phase-dates = { $start }至{ $end }
phase-since = 自{ $start }起

phase-consultation = 磋商
phase-stocktaking = 盘点
phase-negotiation = 谈判
phase-adoption = 通过
phase-follow_up = 后续行动和审查

meeting-kind-thematic_session = 专题会议
meeting-kind-regional_consultation = 区域磋商
meeting-kind-multi_stakeholder_hearing = 多利益攸关方听询会
meeting-kind-preparatory_meeting = 筹备会议
meeting-kind-negotiation_round = 谈判回合
meeting-kind-informal_consultation = 非正式磋商
meeting-kind-conference = 国际会议
meeting-kind-plenary_meeting = 全体会议
meeting-kind-review_forum = 审查论坛
meeting-kinds-thematic_session = 专题会议
meeting-kinds-regional_consultation = 区域磋商
meeting-kinds-multi_stakeholder_hearing = 多利益攸关方听询会
meeting-kinds-preparatory_meeting = 筹备会议
meeting-kinds-negotiation_round = 谈判回合
meeting-kinds-informal_consultation = 非正式磋商
meeting-kinds-conference = 国际会议
meeting-kinds-plenary_meeting = 全体会议
meeting-kinds-review_forum = 审查论坛

meetings-title = 会议
meetings-filter-kind = 会议类型
meetings-all-kinds = 全部类型
meetings-filter-apply = 显示
meetings-count = { $count } 次会议
meetings-none = 没有此类会议。
meeting-kind = 类型
meeting-title = 标题
meeting-dates = 日期
meeting-venue = 地点
meeting-venue-unknown = 未确认
meeting-chairs = 主持人
meeting-agenda = 议程
meeting-agenda-none = 尚未公布议程项目。
meeting-themes = 主题
meeting-documents = 文件
meeting-documents-none = 尚未公布本次会议的文件。
meeting-note = 说明
meeting-number = 第{ $number }次
meeting-process = 进程

documents-title = 文件
documents-intro = 迄今已公布的进程文件，按日期排列。
documents-none = 尚未公布任何文件。
document-symbol = 文号
document-title = 标题
document-kind = 类型
document-date = 日期
document-languages = 语文
document-meeting = 会议
document-kind-issue_brief = 问题简报
document-kind-concept_note = 概念说明
document-kind-programme = 方案
document-kind-report = 报告
document-kind-draft = 草案
document-kind-summary = 摘要
document-kind-letter = 信函
document-kind-non_paper = 非正式文件
document-kind-resolution = 决议
document-kind-outcome_document = 成果文件

taxonomy-thematic-sessions = 专题会议主题
taxonomy-objectives = 目标

actors-title = 参与方
actors-intro = 参与各进程的会员国、观察员国、国家集团和组织。
actors-all = 全部
actors-count = { $count } 个参与方
actor-code = 代码
actor-name = 名称
actor-kind = 类别
actor-region = 区域
actor-subregion = 次区域
actor-official-name = 正式名称
actor-member-since = 加入联合国年份
actor-members = 成员
actor-member-of = 所属集团
actor-m49 = M49 代码
actor-iso2 = ISO 3166-1 二字母代码
actor-iso3 = ISO 3166-1 三字母代码
actor-kind-member_state = 会员国
actor-kind-observer_state = 观察员国
actor-kind-group = 国家集团
actor-kind-un_entity = 联合国实体
actor-kind-intergovernmental_organisation = 政府间组织
actor-kind-stakeholder_organisation = 利益攸关方组织
actor-kind-individual = 个人
actor-kinds-member_state = 会员国
actor-kinds-observer_state = 观察员国
actor-kinds-group = 国家集团
actor-kinds-un_entity = 联合国实体
actor-kinds-intergovernmental_organisation = 政府间组织
actor-kinds-stakeholder_organisation = 利益攸关方组织
actor-kinds-individual = 个人

language-ar = 阿拉伯文
language-zh = 中文
language-en = 英文
language-fr = 法文
language-ru = 俄文
language-es = 西班牙文

error-not-found-title = 找不到页面
error-not-found-body = 此地址没有内容。页面可能已移动，或链接有误。
error-bad-request-title = 无法处理此请求
error-unavailable-title = 暂时无法使用
error-unavailable-body = 服务无法连接数据存储。请稍后再试。
error-internal-title = 出现错误
error-internal-body = 错误已记录。请稍后再试。
error-back-home = 返回首页

month-1 = 1
month-2 = 2
month-3 = 3
month-4 = 4
month-5 = 5
month-6 = 6
month-7 = 7
month-8 = 8
month-9 = 9
month-10 = 10
month-11 = 11
month-12 = 12
month-short-1 = 1
month-short-2 = 2
month-short-3 = 3
month-short-4 = 4
month-short-5 = 5
month-short-6 = 6
month-short-7 = 7
month-short-8 = 8
month-short-9 = 9
month-short-10 = 10
month-short-11 = 11
month-short-12 = 12
date-full = { $year }年{ $month }月{ $day }日
date-range-same-month = { $year }年{ $month }月{ $day }日至{ $end_day }日
date-range = { $start }至{ $end }
date-month-year = { $year }年{ $month }月

## Signing in
nav-sign-in = 登录
nav-sign-out = 退出
nav-signed-in-as = 已登录：{ $name }
login-title = 登录
login-email = 电子邮件地址
login-password = 密码
login-submit = 登录
login-help = 账户由秘书处创建。如忘记密码，请向秘书处索取重置链接。
login-failed = 电子邮件地址或密码不正确。
login-throttled = 失败次数过多。请等待15分钟后再试。
reset-title = 设置新密码
reset-new-password = 新密码（至少12个字符）
reset-confirm = 再次输入新密码
reset-submit = 保存密码
reset-mismatch = 两次输入的密码不一致。
reset-done-title = 密码已更改
reset-done-body = 现在可以使用新密码登录。此前的会话均已结束。

## Audit log
nav-audit = 审计日志
audit-title = 审计日志
audit-action = 操作
audit-process = 进程
audit-when = 时间
audit-by = 操作人
audit-acting-for = 代表
audit-targets = 记录
error-unauthenticated-title = 请登录
error-forbidden-title = 无权访问

## Speakers' lists
speakers-title = 发言名单
speakers-none = 尚无人要求发言。
speakers-speaker = 发言者
speakers-category = 类别
speakers-item = 议程项目
speakers-time = 时间
speakers-status = 状态
speaker-category-group = 国家集团
speaker-category-ministerial = 国家（部长级）
speaker-category-state = 国家
speaker-category-observer_state = 观察员国
speaker-category-un_entity = 联合国实体或政府间组织
speaker-category-stakeholder = 利益攸关方
speaker-category-right_of_reply = 答辩权
speaker-status-waiting = 等候
speaker-status-speaking = 正在发言
speaker-status-spoken = 已发言

## Participants
participants-title = 与会者
participants-none = 尚无人登记。

## The secretariat's forms
manage-title = 管理进程

## At a meeting
speakers-for = 代表
speakers-ministerial = 部长级
speakers-ask = 请求发言
speakers-call = 请其发言
speakers-done = 标为已发言
participants-register = 登记参加本次会议

## Accreditation
accreditation-title = 利益攸关方认证
