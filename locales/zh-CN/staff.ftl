## Cases for staff: lists, details, decisions, announcements, 公示.

case-new = 【新登记】
case-line = { $id } { $type } · { $status } · { $region }{ $state ->
    [closed] {""}
    [none] {""}
    [overdue] {" "}· 到期 { $due }（已超期）
   *[due] {" "}· 到期 { $due }
}
case-region-unknown = 地区未填
case-assignee = 经办：{ $who }
case-event = { $at } { $action } { $note }
case-action-opened = 登记
case-action-claimed = 认领
case-action-resolved = 办结
case-action-rejected = 退回
case-action-noted = 备注
case-action-released = 释放
case-masked-note = （个人信息已隐藏，私聊我发送 /case 编号 查看完整信息）
value-source-web = 网页聊天（未验证身份）
value-yes = 是
value-no = 否
value-route-hangzhou_urban = 杭州市区内转移（杭人社发〔2024〕1号 四(一)）
value-route-changsha_residence = 长沙：到常年居住地社区登记
value-route-henan_hukou_or_residence = 河南：按户口所在地或常年居住地移交
value-route-not_covered = 不在杭州市区内转移规定范围，需人工办理
value-route-unknown = 未确定
value-housing-own = 自有住房
value-housing-relative = 直系亲属住房
value-housing-rented = 租房
value-topic-handoff = 要求转人工
value-reason-handoff = 本人要求转人工
value-reason-unanswered = 机器人答不了
value-reason-outside_rules = 文件没有规定
value-reason-retries_exhausted = 多次没听懂，转人工
field-source = 来源
field-deceasedName = 姓名
field-idNumber = 身份证号
field-dateOfDeath = 去世日期
field-relation = 与报告人关系
field-reporterPhone = 报告人电话
field-region = 地区
field-community = 社区
field-deadline = 报告期限
field-from = 原住地
field-to = 新住地
field-hukouInUrban = 户口在杭州市区
field-housing = 住房
field-route = 适用规定
field-citation = 依据
field-year = 年度
field-selfPay = 年自付
field-selfPaySaid = 年自付（原话）
field-ceiling = 最高标准
field-applicantName = 申请人
field-leaderName = 小组长
field-contactName = 联系人
field-contactPhone = 联系电话
field-managed = 管理人数
field-gender = 性别
field-age = 年龄
field-paidAmount = 发放金额
field-amount = 金额
field-invoice = 发票金额
field-details = 情况说明
field-cap = 报销上限
field-topic = 事项
field-reason = 原因

cases-head = 共{ $count }件：
cases-none = 没有符合条件的登记。
case-not-found = 没有找到编号 { $id }。
case-claimed = 已认领 { $id }。
case-claim-taken = { $id } 已经是“{ $status }”（经办：{ $who }），不能再认领。
case-claim-yours = { $id } 您已经认领了，不用再认领。办完请用 /resolve { $id } 说明。
case-closed-for-other = （这件原由 { $who } 认领，已记下由您处理。）
case-noted = 已为 { $id } 添加备注。
case-resolved = 已办结 { $id }，已通知登记人。
case-rejected = 已退回 { $id }，已通知登记人。
case-already-closed = { $id } 已经是“{ $status }”，不能再改。
case-resolve-needs-amount = { $type }办结时请在说明里写发放金额，比如 /resolve { $id } 已发放400元；不发放请用 /reject。
case-resolve-over-ceiling = 发放金额{ $paid }元超过了 { $id } 的最高标准{ $ceiling }元，请核对后再办结。
case-resolve-ambiguous-amount = 说明里有几个金额（{ $amounts }元），不知道哪个是发放金额。请写清楚，比如 /resolve { $id } 已发放500元。
case-resolved-notice = { $kind ->
    [death_report] 您好，您报告的老人去世的事情（编号 { $id }），工作人员已经办好了：{ $note }。再次请您节哀，有事随时找我。
   *[other] 您好，您的{ $what }（编号 { $id }）工作人员已经办好了：{ $note }。有疑问可以直接回复我。
}
case-rejected-notice = 您好，您的{ $what }（编号 { $id }）这次没能办理，原因是：{ $note }。有疑问可以回复“转人工”，工作人员会给您解释。
notice-type-death_report = 去世报告
notice-type-management_transfer = 管理关系转移
notice-type-serious_illness_application = 大病慰问申请
notice-type-hospitalization_application = 住院慰问申请
notice-type-health_check_reimbursement = 体检费报销
notice-type-group_leader_subsidy_application = 小组长补助申请
notice-type-inquiry = 咨询
button-claim = 认领
button-view = 查看

publicity-head = { $month } 公示名单（{ $count }人）：
publicity-section = 【{ $kind }】{ $count }人：
publicity-row = { $name }　{ $gender }　{ $age }岁　{ $amount }元
publicity-none = { $month } 没有需要公示的已办结大病慰问或小组长补助。
publicity-rule = 只公示姓名、性别、年龄和金额，不得公开住址、电话、银行卡号、身份证号和家庭困难情况；公示不少于{ $days }天。
publicity-csv-header = 项目,姓名,性别,年龄,金额
publicity-kind-serious_illness_application = 大病慰问
publicity-kind-group_leader_subsidy_application = 小组长补助

quick-check-head = 【{ $region } { $year }年待遇速查】
staff-only = 抱歉，这是工作人员的功能。
command-unknown_command = 没有 /{ $command } 这个命令。可用：/cases [open|mine|overdue|类型]、/case 编号、/claim 编号、/resolve 编号 说明、/reject 编号 原因、/note 编号 内容、/publicity 月份、/audit 编号、/audit export 开始日期 结束日期、/assign 编号 工作人员编号、/console（网页工作台）
command-missing_id = 请在命令后写编号，比如 /{ $command } C20261121-0007
command-bad_id = 编号不对：编号是 C + 8位日期 + 序号，比如 /{ $command } C20261121-0007（序号可以简写成 C20261121-7）。
command-missing_note = { $command ->
    [reject] 请在编号后写退回原因，比如 /reject C20261121-0007 发票抬头不符
    [note] 请在编号后写备注内容，比如 /note C20261121-0007 已电话联系家属
   *[resolve] 请在编号后写办理说明，比如 /resolve C20261121-0007 已发放2000元
}
command-bad_filter = /cases 后面可以写 open（待处理）、mine（我的）、overdue（超期）、all（全部），或类型：大病、住院、体检、报丧、转移、小组长、咨询。
command-bad_month = 月份请写成 2026-11、2026年11月 或 11月。
command-bad_range = 导出日期请写成 /audit export 2026-11-01 2026-11-30（开始和结束日期，含当天），或一个月份，比如 /audit export 2026-11。

staffq-households = 社区{ $n }户：按规定移交{ $count }名工作人员（1000户以下5人，1000户至2000户7人，2000户至3000户9人，超过3000户的每增加300户增加1人）。
staffq-claim-right = 是。
staffq-claim-wrong = 不是。
staffq-retirees = { $n }名退休人员：按每300名配备1名管理服务人员，需要{ $count }名（不足300名的也按1名算）。
staffq-henan-only = 注意：人员配备标准只有河南省（郑州市转发）的文件有规定，{ $region }的文件没有写，以上仅供参考。
staffq-publicity-none = { $region }的文件没有规定公示。
staffq-publicity-days = 大病慰问和自管小组长补助要公示，时间不少于{ $days }天。
staffq-publicity-fields = 公示内容只写姓名、性别、年龄和慰问（发放）金额；不得公开家庭住址、联系方式、银行卡号、身份证号和家庭困难状况。
staffq-publicity-fields-shown = 要写。公示写姓名、性别、年龄和慰问（发放）金额；家庭住址、联系方式、银行卡号、身份证号和家庭困难状况不得公开。
staffq-publicity-fields-first = 不能写。公示只写姓名、性别、年龄和慰问（发放）金额；家庭住址、联系方式、银行卡号、身份证号和家庭困难状况都不得公开。
staffq-death-days = { $region }：亲属应在去世后{ $days }日内向死者生前登记的社区或社会保险经办机构报告。
staffq-death-promptly = { $hasRule ->
    [yes] { $region }：文件没有规定天数，家属应及时告知社会化管理服务所在地社区。
   *[no] { $region }：文件没有规定报告期限。
}
staffq-region-hangzhou = 杭州市级（上城、拱墅、西湖、滨江、钱塘）
staffq-region-jiande = 建德市
staffq-region-changsha = 长沙市
staffq-region-liaocheng = 聊城市

case-unreadable = { $id } 的个人信息无法解密（数据可能被改动，或加密它的密钥不在 DATA_KEYS 里），已拒绝显示并记入日志。请联系系统管理员。
field-notes = 备注内容

## Audit trail: who saw, changed or exported a case's personal data (no values, only field names).

audit-head = { $id } 的操作记录（共{ $count }条）：
audit-row = { $at } { $who } { $action }{ $hasFields ->
    [yes] （{ $fields }）
   *[no] {""}
} · { $chat }
audit-more = （只显示最近{ $shown }条；完整记录请用 /audit export 导出）
audit-none = { $id } 还没有操作记录。
audit-export-done = 已导出 { $from } 至 { $to } 的操作记录，共{ $count }条（CSV 附件，只含操作人、时间、操作、案件编号和字段名，不含个人信息本身）。本次导出也已记录。
audit-csv-header = 序号,时间,操作人,操作,案件编号,涉及字段,聊天,说明
audit-action-opened = 登记
audit-action-viewed = 查看完整信息
audit-action-claimed = 认领
audit-action-resolved = 办结
audit-action-rejected = 退回
audit-action-noted = 备注
audit-action-released = 释放
audit-action-amended = 登记人更正
audit-action-assigned = 指派
audit-action-exported = 导出（公示）
audit-action-erased = 按保存期限删除个人信息
audit-action-audit_exported = 导出操作记录
audit-action-keys_rotated = 更换加密密钥

## Staff workspace: scopes, assignment, escalation, the web console (issue 13).
case-action-assigned = 指派
case-action-escalated = 超期上报
audit-action-refused = 越权操作被拒绝
audit-action-escalated = 超期上报管理员
audit-action-logged_in = 登录网页工作台
case-out-of-scope = { $id } 不在您负责的范围内（您负责：{ $scope }），不能查看或办理。已记录。
staff-viewer-readonly = 您的角色是“只读”，只能查看，不能认领、办结、退回、备注或指派。已记录。
staff-admin-only = 这项操作只有管理员或全市经办人员可以做。
case-assigned = 已把 { $id } 指派给 { $who }。
case-assigned-notice = { $by } 把 { $id }（{ $type }）指派给您，请尽快办理。发送 /case { $id } 查看。
assign-unknown-staff = 名册里没有工作人员“{ $who }”。请用名册里的编号，比如 /assign C20261121-0007 xh-wang
assign-target-out-of-scope = { $who } 不负责 { $id } 所在的地区，不能指派给 TA。
assign-target-viewer = { $who } 是只读角色，不能接办案件。
command-missing_staff = 请写要指派给谁：/assign 编号 工作人员编号，比如 /assign C20261121-0007 xh-wang
case-unrouted = ⚠ 这个地区没有工作人员负责，已转到市级兜底群，请管理员安排。
case-escalated = 【超期提醒】{ $id } { $type } 已过办理期限（{ $due }），仍未办结。{ $assignee ->
    [none] 还没有人认领。
   *[other] 经办：{ $assignee }。
}请督办。
console-link = 网页工作台登录链接（10分钟内有效，只能用一次，请勿转发）：
    { $url }
console-private-only = 请私聊我发送 /console 获取网页工作台登录链接（链接只能在私聊里发）。

# The web console: a decision that cannot be carried out as sent.
console-note-missing = 请写明说明或原因。
console-assignee-missing = 请选择要指派的工作人员。
console-action-unknown = 没有这个操作。

## Fund management questions (资金管理): the words inside the rules' points, and what frames them.

fundq-place-hangzhou = 杭州市级
fundq-place-jiande = 建德市
fundq-place-changsha = 长沙市
fundq-place-liaocheng = 聊城市
fundq-place-henan = 河南省（郑州市转发）
fundq-labelled = { $place }：{ $text }
fundq-same-in = （{ $places }的办法规定相同。）
fundq-silent = { $place }的文件没有规定这一项；{ $others }的规定如下。
fundq-silent-none = { $place }的文件没有规定这一项。
fundq-yes = 可以。
fundq-no = 不能。
fundq-no-if-fixed = 属于固定资产的不能买。
fundq-except-archive_shelf = 档案架
fundq-except-archive_cabinet = 档案柜
fundq-payer-city_finance = 市财政
fundq-payer-provincial_finance = 省财政
fundq-payer-district_finance = 社会化管理服务地的区财政
fundq-holder-transferor = 移交单位
fundq-holder-receiver = 接收单位
fundq-holder-enterprise = 企业
fundq-holder-retiree = 个人
fundq-holder-community = 社区
fundq-holder-archive_office = 档案管理部门
fundq-rubric-item = { $item }{ $points }分
fundq-rubric-asked = { $item }：{ $points }分（{ $dimension }）。
fundq-fixed-assets-office = 长沙、聊城的办法没有这条禁令，把办公设备购买列为经费用途。

## A budget item asked without a district (杭州市级 sets the four items; 建德 budgets 退管工作经费 instead).

budgetq-row = { $place }：{ $item }年预算{ $per }元/人。
budgetq-reserve-district = { $place }：{ $item }{ $per }元/人中，区退管经办机构可按{ $reserve }元/人预留，用于区级退管公共服务、年自付医疗费超过1万元的大病慰问和重点、特困人员慰问。
budgetq-reserve-city = { $place }：{ $item }{ $per }元/人中，市级退管经办机构按{ $reserve }元/人预留（可根据实际情况调整），用于市级退管工作。
budgetq-check-year = 体检经费在体检年度安排。
budgetq-social-fund = 节日慰问费按现行规定由一般公共预算、社保基金等列支；市、区1:1分担时，社保基金承担部分除外。
budgetq-not-itemised = { $place }的办法没有单列这一项，年预算是{ $rows }。
budgetq-row-inline = { $item }{ $per }元/人{ $reserve }
budgetq-reserve-inline-city = （其中市级预留{ $reserve }元/人）
budgetq-reserve-inline-district = （其中区级可预留{ $reserve }元/人）
budgetq-reserve-note-district = 其中区退管经办机构可按{ $reserve }元/人预留。
budgetq-reserve-note-city = 其中市级退管经办机构按{ $reserve }元/人预留。
