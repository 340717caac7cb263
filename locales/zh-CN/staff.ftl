## Cases for staff: lists, details, decisions, announcements, 公示.

case-new = 【新登记】
case-line = { $id } { $type } · { $status } · { $region } · 到期 { $due }{ $overdue ->
    [yes] （已超期）
   *[no] {""}
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
value-yes = 是
value-no = 否
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
field-ceiling = 最高标准
field-applicantName = 申请人
field-leaderName = 小组长
field-managed = 管理人数
field-gender = 性别
field-age = 年龄
field-paidAmount = 发放金额
field-amount = 金额
field-invoice = 发票金额
field-cap = 报销上限
field-topic = 事项
field-reason = 原因

cases-head = 共{ $count }件：
cases-none = 没有符合条件的登记。
case-not-found = 没有找到编号 { $id }。
case-claimed = 已认领 { $id }。
case-claim-taken = { $id } 已经是“{ $status }”（经办：{ $who }），不能再认领。
case-noted = 已为 { $id } 添加备注。
case-resolved = 已办结 { $id }，已通知登记人。
case-rejected = 已退回 { $id }，已通知登记人。
case-already-closed = { $id } 已经是“{ $status }”，不能再改。
case-resolve-needs-amount = { $type }办结时请在说明里写发放金额，比如 /resolve { $id } 已发放400元；不发放请用 /reject。
case-resolve-over-ceiling = 发放金额{ $paid }元超过了 { $id } 的最高标准{ $ceiling }元，请核对后再办结。
case-resolved-notice = 您的登记 { $id }（{ $type }）已办结：{ $note }
case-rejected-notice = 您的登记 { $id }（{ $type }）没有通过：{ $note }。有疑问可以回复“转人工”。
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
command-unknown_command = 没有 /{ $command } 这个命令。可用：/cases [open|mine|overdue|类型]、/case 编号、/claim 编号、/resolve 编号 说明、/reject 编号 原因、/note 编号 内容、/publicity 月份
command-missing_id = 请在命令后写编号，比如 /{ $command } C20261121-0007
command-missing_note = 请在编号后写说明，比如 /{ $command } C20261121-0007 已发放2000元
command-bad_filter = /cases 后面可以写 open、mine、overdue、all 或登记类型。
command-bad_month = 月份请写成 2026-11 或 11月。
