## Proactive care: reminders a user asked for, festival notices, staff notices. Short, plain, what to do, the clause.

care-text-cert = 【认证提醒】今年的养老金领取资格认证别忘了办：每年认证一次，没认证会暂停发养老金。可到社区或用手机办理。（长沙 002 第十六条(二)；杭州 004 二(一)：未按规定认证的暂停待遇）
care-text-check = 【体检提醒】两年一次的退休人员健康体检到时间了，请向社区预约。标准400元/人；住在杭州市外的，可在当地自费体检，凭正规发票报销，最多400元。（杭州 004 三(二)；建德 000 三(二)）
care-text-festival = 【节日提醒】{ $date }是{ $festival }。家里遇到大病、变故等重大困难的，请先向社区登记，才能领节日慰问（建德 000 三(一)4：一般不超过500元，特别困难不超过1000元）。{ $hangzhou ->
    [no] {""}
   *[yes] 杭州市级退休人员按规定发节日慰问费（004 三(四)）。
}
care-text-leader = 【小组长补助提醒】自管小组长的年度补助可以申请了：年度考核、公示后，按管理人数每人不超过10元，每年最多500元，打到本人银行卡。请向社区交申请。（杭州 004 三(一)2；建德 000 三(一)2）
care-button-stop = 不再提醒
care-button-list = 我的提醒
care-button-sub = 提醒我
care-kind-cert = 认证提醒（每年）
care-kind-check = 体检提醒（两年一次）
care-kind-festival = 节日慰问登记提醒（春节、端午、中秋、重阳前）
care-kind-leader = 小组长补助申请提醒（每年）
care-when = { $kind } · 下次 { $date }
care-subscribed = 好的，已订阅：{ $kind }。下次 { $date } 上午提醒您。{ $festival ->
    [none] 要改日期，可以说“{ $short }改到5月10日”。
   *[other] {""}
}
care-which = 您想订哪种提醒？点一下就行：
care-list-empty = 您还没有订提醒。点下面的按钮就能订：
care-list = 您订的提醒：
care-stopped = 好的，以后不再提醒：{ $kinds }。
care-stop-none = 您没有订这种提醒。
care-changed = 改好了：{ $kind }，下次 { $date } 上午提醒您。
care-change-which = 请说清楚改哪种提醒，比如“认证提醒改到5月10日”。
care-bad-date = 这个日期不对，请说几月几日，比如“5月10日”。
care-short-cert = 认证提醒
care-short-check = 体检提醒
care-short-festival = 节日提醒
care-short-leader = 小组长补助提醒
care-group-on = 本群已开启通知：节日慰问提醒和社区通知会发到本群。
care-group-off = 本群已关闭通知。
care-group-only = 这个指令只能在群里用。
care-group-admins = 只有群管理员或经办人员可以开关本群通知。
care-notice = 【社区通知】{ $text }
care-notice-usage = 用法：/notice 通知内容
care-notice-preview = 将发送给 { $groups } 个群和 { $people } 位订阅者（晚上9点到早上8点不发，会在早上发出）：
    { $text }
care-button-send = 确认发送
care-button-cancel = 取消
care-notice-queued = 已安排发送，共 { $total } 处。发完后告诉您送达数。
care-notice-gone = 这条通知已经发过或已失效。
care-notice-report = 【通知送达】已送达 { $sent }/{ $total } 处。
care-unavailable = 提醒功能暂时不能用，请稍后再试。
