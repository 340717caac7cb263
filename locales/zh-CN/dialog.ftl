## Conversation: questions, errors, offers, cases. Short, plain, one question at a time.

## Questions
ask-region = 您是哪个区、县（市）的？
ask-self-pay = 今年医保报销后，自己付了多少钱？（比如 12000）
ask-amount = 金额是多少？
ask-invoice = 体检发票上的金额是多少？（比如 350）
ask-count = 是多少？请发一个数字。
ask-date = 是哪一天？
ask-managed = 您这个小组管理多少位退休人员？
ask-managed-for-amount = 您这个小组管多少位退休人员？告诉我人数，可以算出您能拿的上限。
ask-retirees = 按多少名退休人员计算？
ask-festival = 问的是哪个节日？
ask-outside = 您住在杭州市外吗？
ask-age = 今年多大年纪？
ask-transfer-to = 搬到了哪个区、县（市）？
ask-transfer-from = 原来住在哪个区、县（市）？
ask-hukou = 要带的证明看户口，不在杭州市区的带居住证。您的户口在杭州市区吗？
ask-housing = 要带的证明看住房：自己或直系亲属买的房带房屋权属证明，租的房带租房协议和房屋权属证明复印件。现在住的是哪种房子？
ask-deceased-name = 请告诉我老人的姓名。
ask-id-number = 请发一下老人的身份证号（18位）。一时找不到可以回复“不记得”，之后再补。
ask-date-of-death = 老人是哪天去世的？（比如 昨天、11月20日）
ask-relation = 去世的是您的什么人？
ask-phone = 请留一个能联系到您的手机号。
ask-death-region = 老人在哪个区县、哪个社区（村）管理？比如：西湖区 翠苑一区社区。
ask-death-region-only = 那是哪个区、县（市）的？点下面的按钮就行。
ask-community = 老人在哪个社区（村）管理？请发社区名称。

## What was wrong with an answer
error-unknown_region = 没找到“{ $value }”这个地方，请点下面的按钮，或发区县名称。
error-region-unreadable = 没看出是哪个区县，请点下面的按钮，或直接发区县名称，比如 西湖区。
error-region-unsure = 没关系，等清楚了再告诉我，点下面的按钮选区县就行。
error-amount-vague = 需要一个准确的数字，比如 12000，可以看医疗费用查询单。
error-amount-unreadable = 金额没看懂，请发数字，比如 12000。
error-negative_amount = 金额不能是负数，请再发一次。
error-absurd_amount = 这个金额太大了（超过{ $max }元），请核对一下再发。
error-invalid_amount = 金额没看懂，请发数字，比如 12000。
error-count = 请发一个整数，比如 40。
error-invalid_count = 请发一个整数，比如 40。
error-invalid_age = 年龄没看懂，请发数字，比如 78。
error-age-range = 这个年龄好像不对，请再核对一下，发数字就行，比如 78。
error-future_date = 这个日期还没到，请核对一下。
error-invalid_date = 日期没看懂，可以说“昨天”或“11月20日”。
error-not_in_force = 那个日期文件还没有开始施行。
error-unknown_festival = 这个节日文件里没有。
error-id-check-digit = 这个身份证号最后一位对不上，请核对后再发。
error-id-length = 身份证号应该是18位，请核对后再发。
error-id-birth-date = 这个身份证号里的出生日期不对，请核对后再发。
error-id-wait = 好的，不着急，找到了直接发过来就行。实在找不到，回复“不记得”，工作人员之后再跟您核对。
error-id-where = 身份证号在户口本、社保卡（医保卡）上都印着。找到了直接发过来；实在找不到，回复“不记得”，工作人员之后再跟您核对。
error-id-missing = 请发18位身份证号。一时找不到也没关系，回复“不记得”，工作人员之后再跟您核对。
error-phone = 手机号没看懂，请发11位手机号。
error-name = 请只发老人的姓名，比如 张建国。
error-name-full = 请发老人身份证上的全名，比如 王秀英。
error-name-question = 先把申请登记好，您的问题登记完可以再问我。
error-name-question-death = 您问的丧事慰问、养老金这些，登记好后我会一并告诉您。
error-death-question = 这个问题登记好后可以再问我，先把登记办完。
error-death-question-later = 您问的丧事慰问、养老金这些，登记好后我会一并告诉您。
error-hukou-unsure = 可以看一下户口本上的地址：在上城、拱墅、西湖、滨江、钱塘、萧山、余杭、临平、富阳、临安的，就是在杭州市区。
error-relation = 请点下面的按钮选择。
error-free-text = 请简短一点，不超过{ $max }个字。
error-place-ack = 请发社区（村）的名称，比如 翠苑一区社区。
error-place-number = 这里只要社区名称，号码不用发。
error-choice = 请点下面的按钮选择。
not-understood = 没看懂您的意思。

## Buttons
button-yes = 好的
button-no-thanks = 不用了
button-cancel = 取消
button-apply = 好的，帮我登记
button-apply-reimbursement = 好的，登记报销
button-register-transfer = 好的，登记转移
button-confirm-report = 确认登记
button-register-death = 好的，帮我登记

## Offers
offer-serious-illness = 要帮您登记大病慰问申请吗？工作人员会核对后联系您。
offer-hospitalization = 要帮您登记住院慰问申请吗？
offer-health-check = 要帮您登记体检报销吗？
offer-transfer = 要帮您登记管理关系转移吗？新社区工作人员会联系您。
offer-transfer-staff = 要帮您登记给工作人员处理吗？
offer-declined = 好的，不登记。还有什么可以帮您？
report-kept-after-handoff = 刚才登记的内容先帮您留着，想接着登记，直接把没说的发给我就行。
verdict-same = 一样。
verdict-different = 不一样。
verdict-same-but-money = 这一点一样，金额标准不一样。
offer-after-thanks = 不客气！要登记的话，随时跟我说“帮我登记”。
confirm-declined = 好的，先不登记。需要时随时找我。
yes-or-no = 请点下面的按钮；也可以直接回复“好的”或“不用了”。
resume = 我们接着刚才的：
resume-offer = 刚才的登记，还要办吗？
confirm-which-wrong = 哪一项不对？直接发正确的内容就行，比如“年龄是79岁”“身份证是…”。
resume-confirm = 上面的登记信息没问题的话，请点“确认登记”；要改直接发正确的内容。
region-why = 这一项杭州市级和建德市的标准不一样，要按您所在的区县来算。
region-why-apply = 登记要交给老人社会化管理所在区县的社区，
region-why-places = 这一点各地文件规定不一样，要看老人在哪里管理。
where-hangzhou = 杭州市级（上城、拱墅、西湖、滨江、钱塘）：
where-jiande = 建德市：
text-silent = 文件没有写这一点，以当地社区说的为准。
text-silent-in = { $region }：{ text-silent }
same-wherever = （杭州市级和建德市都是这样；萧山、余杭等区参照杭州市级，以当地为准。）
aside-unanswered = 这个问题文件里没有写，可以问一下社区工作人员。
apply-not-offered = { $topic }这一项不需要您自己登记申请，社区会统一安排。需要的话，我可以请工作人员联系您。
apply-start = 好的，帮您登记{ $topic }。
retries-exhausted-kept = 没关系，您已经说的我都记着。可以接着回答，也可以转给工作人员帮您办。
optional-skipped = 好的。需要时随时再问我。
personal-data-in-group = 这里是群聊，请不要发身份证号、手机号、银行卡号。建议您长按撤回这条消息，信息请在私聊里发给我。
personal-data-send-here = 您在群里发的号码我没有记下。{ $topic }还在这里接着办，请在这里把号码发给我。
continue-in-private = 您的{ $topic }我们在私聊里接着办，请到私聊回复我。

## Cases
case-contact-added = 好的，已把{ $what }补充到登记 { $id }。
    工作人员会按这个跟您联系；还有想问的，直接发给我。
case-contact-same = 登记 { $id } 里已经有这些（{ $what }）。
    工作人员会按这个跟您联系；还有想问的，直接发给我。
field-invoice-said = 发票金额（{ $amount }元）
case-opened = 已登记，编号 { $id }（{ $type }）。工作人员会尽快处理，可以随时问我“进度”。
case-opened-due = 已登记，编号 { $id }（{ $type }）。工作人员会在{ $due }前处理，可以随时问我“进度”。
case-amended = 已按新的信息更新登记 { $id }，不会重复登记。
case-unchanged = 您的{ $type }已经登记过了（编号 { $id }），信息没有变化，不用重复登记。
case-limit-reached = 这个网页一小时内已经登记了好几件事，为防止误操作，先暂停登记。请稍后再试，或直接打电话给社区。
case-already-open = 您已经登记过了：{ $id }（{ $type }），现在{ $status }，不用重复登记。工作人员会联系您，可以随时问我“进度”。
case-amended-note = 登记人更正了：{ $fields }
case-invalid = 登记没有成功，请稍后再试，或联系社区。
case-type-death_report = 去世报告
case-type-management_transfer = 管理关系转移
case-type-serious_illness_application = 大病慰问申请
case-type-hospitalization_application = 住院慰问申请
case-type-health_check_reimbursement = 体检报销
case-type-inquiry = 人工咨询
case-type-about = ：{ $topic }
case-status-open = 待处理
case-status-claimed = 处理中
case-status-resolved = 已办结
case-status-rejected = 未通过
status-head = 您的登记：
status-row = { $id } { $type }：{ $status }
status-none = 没有查到您的登记。需要办什么可以直接告诉我。
handoff-done = 好的，已转给工作人员，他们会尽快联系您。

## Death report
apply-move-private = 登记的事我们私聊办，请看我发给您的私信。
report_death-move-private = 请节哀。为保护隐私，这件事我们私聊，请看我发给您的私信。
report_death-opening = 请节哀。
death-form-intro = 我来帮您登记去世的情况，需要问几个问题，信息只给工作人员看。
offer-death-report = 需要的话，我可以帮您登记去世报告，工作人员会跟进。要登记吗？
death-confirm = 请核对：
    姓名：{ $name }
    身份证：{ $id }
    去世日期：{ $date }
    去世的是您的：{ $relation }
    联系电话：{ $phone }
    管理地：{ $region } { $community }
    没问题请点“确认登记”；要改的话直接发正确的内容。
death-next-steps = 接下来：
death-next-steps-amended = 提醒一下接下来的事：
death-group-had-personal = 您在群里发的消息里有身份证号、电话或卡号，我没有在群里转述；为了安全，建议把那条消息撤回。
death-id-later = 暂未提供（工作人员之后核对）
death-id-later-note = 身份证号之后工作人员联系您时再核对。

## Procedures
head-certification = 养老金资格认证：
head-hardship = 困难帮扶：
head-update-info = 个人信息变更：
update-info-where = 请带身份证到管理所在的社区办理变更。
update-info-number-not-kept = 新号码我这里不保存，也改不了；请带身份证到管理所在的社区办理变更，也可以委托亲属去。
offer-update-info = 要我转给社区工作人员，请他们联系您办理变更吗？
button-update-info = 好的，请工作人员联系我
head-coverage = 纳入社会化管理：

## Staff budget
budget-none = { $region }的文件没有规定人均经费标准。
budget-head = { $count }人，合计{ $total }元（每人{ $per }元）：
budget-row = · { $item }：每人{ $per }元，共{ $total }元
budget-item-service_care = 服务关怀经费
budget-item-health_check = 健康体检经费
budget-item-group_activity = 自管小组文体活动经费
budget-item-festival = 节日慰问费
budget-item-work_funds = 退管工作经费
budget-item-management = 社会化管理服务经费
budget-split = 市级{ $city }元，区级{ $district }元
budget-split-fund = 分担（{ $scope }）：{ $items }共{ $shared }元，市、区按1:1各{ $city }元。{ $fundItems }{ $fund }元按规定由一般公共预算、社保基金等列支，其中社保基金承担的部分不参与1:1分担，其余部分也由市、区1:1分担；文件没有写社保基金承担多少，所以这{ $fund }元市、区各出多少算不出来。
budget-scope-per = 每人
budget-scope-count = { $count }人
budget-head-per = { $region }每名退休人员每年的经费标准（合计每人{ $per }元）：
budget-row-per = · { $item }：每人{ $per }元
budget-reserve-district = （其中区退管经办机构可按每人{ $per }元预留，共{ $total }元）
budget-reserve-district-per = （其中区退管经办机构可按每人{ $per }元预留）
budget-reserve-city = （其中市级退管经办机构按每人{ $per }元预留，共{ $total }元）
budget-reserve-use-district = ，用于区级退管公共服务、年自付医疗费超过1万元的大病慰问和重点、特困人员慰问
budget-reserve-use-city = ，用于市级退管工作
budget-reserve-city-per = （其中市级退管经办机构按每人{ $per }元预留）
budget-check-year = （在体检年度安排）
budget-ask-count = 告诉我退休人员人数，可以帮您算合计。
allocation-paid = 考核{ $grade }：按核算金额的{ $ratio }%拨付，{ $computed }元 × { $ratio }% = { $paid }元
allocation-grade = 考核{ $grade }：按核算金额的{ $ratio }%拨付
allocation-scale = 按考核等次拨付：优秀{ $excellent }%、良好{ $good }%、合格{ $pass }%、不合格{ $fail }%
allocation-frequency = 每年分{ $times }次、每半年拨付一次
budget-festival = { $festival }慰问费：每人{ $per }元，{ $count }人共{ $total }元
budget-festival-per = { $festival }慰问费：每人{ $per }元
budget-item-split = { $item }：市、区按1:1各承担{ $half }元
budget-head-item = { $region }的经费标准：
budget-head-count-item = { $region }{ $count }人：
ask-budget-item = 想看哪一项经费？
ask-grade = 考核是什么等次？（优秀、良好、合格、不合格）
ask-computed = 核算金额是多少？

## Conversation
menu-serious_illness_consolation = 大病慰问
menu-hospitalization_consolation = 住院慰问
menu-funeral_consolation = 丧事慰问
menu-festival_consolation = 节日慰问
menu-health_checkup = 健康体检
menu-transfer_management = 搬家转关系
menu-report_death = 报告去世
menu-case_status = 查进度
menu-human_handoff = 转人工
topic-serious_illness_consolation = 大病慰问
topic-hospitalization_consolation = 住院慰问
topic-funeral_consolation = 丧事慰问
topic-report_death = 去世登记
topic-transfer_management = 管理关系转移
topic-health_checkup = 健康体检
topic-festival_consolation = 节日慰问
topic-group_activity = 文体活动
topic-group_leader_subsidy = 小组长补助
topic-pension_certification = 资格认证
topic-update_personal_info = 信息变更
topic-coverage_enrollment = 纳入管理
topic-hardship_assistance = 困难帮扶
topic-fund_budget = 经费预算
topic-case_status = 办理进度
topic-human_handoff = 转人工
greeting-reply = 您好！我是银龄助手，可以帮您查慰问金、体检、搬家转关系，也可以登记事情给工作人员。点下面的按钮，或直接问我。
help = 我可以：查大病、住院、丧事、节日慰问能拿多少；体检和报销；搬家怎么转管理关系；家人去世怎么报；查登记进度；转人工。点按钮或直接问。
fact-noted = 好的，知道了。
region-noted = 好的，记下了，您是{ $region }的。想问什么？点下面的按钮，或直接问我。
thanks-reply = 不客气，祝您身体健康！
act-no-context = 好的。有什么需要帮忙的？
out-of-scope = 这个问题我答不了，建议问一下社区工作人员。我能帮您查慰问金、体检、搬家转关系等：
empty-message = 您好，请问有什么需要？
media-unsupported = 我看不了图片、语音和表情，请用文字或点按钮。
button-expired = 这个按钮已经失效了，请重新选择：
corrected = 好的，已改过来。
corrected-to = 好的，已改为：{ $what }。
noted-to = 好的，记下了：{ $what }。
# A reporter who said their own side of the relation (我是他女婿): 其他亲属, with what they said.
relation-other-kin = 其他亲属（报告人为{ $role }）
ok = 好的。
cancelled = 好的，已取消。
cancel-nothing = 好的。
dialog-expired = 刚才的对话超过30分钟没有回复，已经结束了。
expired-restart = 要重新开始问{ $topic }吗？点下面的按钮就行。
button-restart = 重新问{ $topic }
dialog-switched = 好的，先说这个，刚才的{ $topic }先放一放。
retries-exhausted = 抱歉，我没能看懂。要不要转给工作人员？
system-busy = 系统繁忙，请稍后再试。
system-error = 出了点问题，请稍后再试，或联系社区。

## Serious-illness application
serious_illness_application-move-private = 申请要填姓名等信息，我们私聊，请看我发给您的私信。
serious_illness_application-opening = 好的，帮您登记大病慰问申请，需要问三个问题。
ask-applicant-name = 申请人（生病的老人）叫什么名字？
ask-gender = 性别？
ask-applicant-age = 今年多大年纪？
application-confirm = 请核对：
    申请人：{ $name }，{ $gender }，{ $age }岁
    地区：{ $region }
    年自付：{ $amount }元
    慰问：最高不超过{ $ceiling }元（{ $citation }）
    没问题请点“确认登记”；要改的话直接发正确的内容。
button-confirm-application = 确认登记
topic-serious_illness_application = 大病慰问申请
ask-self-pay-for-tier = 您今年医保报销后自己付了多少？告诉我金额，帮您看是哪一档。
flood-slow-down = 您发得有点快，我跟不上了，请稍等一会儿再发。
points-none = 这个地区的文件对这件事没有具体规定，建议问一下社区工作人员。
button-hukou-yes = 户口在杭州市区
button-hukou-no = 户口不在杭州市区
button-housing-own = 自己买的房
button-housing-relative = 子女或直系亲属的房
button-housing-rented = 租的房
button-gender-male = 男
button-gender-female = 女

## 自管小组长补助申请 (group-leader subsidy application)
button-apply-leader = 好的，帮我登记
offer-group-leader = 您是小组长的话，要帮您登记补助申请吗？工作人员核实后会联系您。
group_leader_subsidy_application-move-private = 申请要填姓名等信息，我们私聊，请看我发给您的私信。
group_leader_subsidy_application-opening = 好的，帮您登记自管小组长补助申请，要问姓名、性别、年龄（公示只写这几项和金额）。银行卡号不用发给我，工作人员会另外核对。
ask-leader-name = 小组长叫什么名字？请发身份证上的全名。
ask-leader-gender = 小组长的性别？
ask-leader-age = 小组长今年多大年纪？
ask-leader-year = 是哪一年的补助？
error-leader-name = 请只发小组长的姓名，比如 张建国。
error-leader-name-full = 请发小组长身份证上的全名，比如 王秀英。
error-leader-no-numbers = 这里不需要银行卡号、身份证号或电话，请不要发。补助由工作人员核实后实名转账发放，卡号他们会另外跟您核对。
error-managed-unreadable = 人数没看懂，请发一个数字，比如 40。
error-managed-unsure = 没关系，可以先问一下社区，知道人数了再告诉我，发数字就行，比如 40。
error-managed-integer = 人数要是整数，请发一个整数，比如 40。
error-managed-negative = 人数不能是负数，请再发一次，比如 40。
error-managed-zero = 管理人数是0的话没有补助。请发您小组实际管理的退休人员人数，比如 40。
error-managed-absurd = 一位小组长管{ $value }人好像太多了，请核对一下再发，比如 40。
leader-application-confirm = 请核对：
    小组长：{ $name }，{ $gender }，{ $age }岁
    地区：{ $region }
    管理人数：{ $count }人
    年度：{ $year }年
    补助：最高不超过{ $ceiling }元（{ $citation }）
leader-application-confirm-end = 没问题请点“确认登记”；要改的话直接发正确的内容。
leader-note-group-size = 提醒：文件要求每组{ $min }到{ $max }人，您说的是{ $managed }人。可以照常登记，工作人员会核实。
leader-note-age = 提醒：文件规定小组长年龄一般不超过{ $max }周岁，您是{ $age }岁。可以照常登记，工作人员会和您确认。
leader-after-filed = 接下来：社区年度考核后，名单和金额公示不少于{ $days }天，补助实名转账发放。银行卡号不用在这里发，工作人员会另外核对。
case-type-group_leader_subsidy_application = 小组长补助申请
topic-group_leader_subsidy_application = 小组长补助申请

# Whether a text is in force, from its own validity clause.
validity-in_force = 《{ $title }》{ $number }自{ $from }起施行，现在有效。
validity-expired = 《{ $title }》{ $number }自{ $from }起施行，有效期到{ $until }，已经到期；相关内容只能作参考，现行规定请向社区或人社部门确认。
validity-not_yet = 《{ $title }》{ $number }自{ $from }起施行，还没有开始执行。

# A question about the question just asked, explained before it is asked again.
form-needs-report_death = 登记去世要这几项：老人的姓名、身份证号、去世日期、您和老人的关系、您的联系电话、老人管理所在的社区。一项一项来，不着急。
explain-community = 就是老人退休后归哪个社区（村）管理，一般是户口或常住地所在的社区，比如“翠苑一区社区”。
explain-idNumber = 身份证号用来核对身份、办停发手续；一时找不到可以回复“不记得”，之后再补。
explain-reporterPhone = 留个电话，工作人员核实时好联系您，只给工作人员看。
explain-relation = 就是您和老人是什么关系，比如儿子、女儿、配偶。
explain-region = 各区县的标准可能不一样：建德市有自己的办法，上城、拱墅、西湖、滨江、钱塘按杭州市级，其他区县没有收录本地文件，参照杭州市级。请选老人社会化管理所在的区县。
skipped-idNumber = 好的，身份证号之后再补，工作人员会联系您。
explain-amount = 就是这一年里医保报销以后，自己实际掏的钱，看“个人医疗费用查询单”上的个人自付金额；能通过大数据核验的，可以不提供查询单。
range-taken = （按您说的“{ $said }”算）
range-straddles = “{ $said }”正好在两档之间，要看准确金额才能定是哪一档，可以看“个人医疗费用查询单”。
confirm-after-thanks = 不客气。还差最后一步：信息没问题的话，请点“确认登记”。

## "会不会把身份证号公开": what a 公示 may show, and what the bot does with numbers.
privacy-bot = 您发给我的身份证号、电话只给工作人员看，不会发到群里，也不会记进日志。
privacy-not-disclosed = 不能发。别人的身份证号、电话、住址属于个人信息，我不会发出来；需要联系这位老人，请找社区工作人员。
privacy-not-disclosed-staff = 不能发。身份证号、电话、住址只在案件里给工作人员看（/case 编号，查看会记入审计），不在聊天里发。

## "房屋权属证明是个啥东西": the proofs the texts name, in plain words.
glossary-property = 房屋权属证明就是房产证（现在叫不动产权证书），证明房子是谁的。
glossary-lease = 租房协议就是您和房东签的租房合同。
glossary-residence_permit = 居住证是在户口所在地以外居住时，向居住地公安派出所申领的证件。
glossary-medical_statement = 个人医疗费用查询单写明一年里医保报销以后自己付了多少钱，到哪里打印请问社区；能通过大数据核验的可以不交。
glossary-hospital_proof = 住院证明是证明住过院的材料，哪种材料算数请问社区；能通过大数据核验的可以不交。
glossary-funeral_grant = 不是一回事。丧葬补助金和抚恤金是养老保险按规定发给家属的，由社保经办机构办，社区可以协助申请；丧事料理慰问费是社区社会化管理专项资金给的慰问。

## Which text a rule is from, when the district is not known (steps/provision.ts).
text-of-hangzhou = 杭州市级：
text-of-jiande = 建德市：
text-of-henan = 河南省（郑州市转发）：
text-of-changsha = 长沙市：
text-of-liaocheng = 聊城市：
entitlement-for-people = { $count }人共{ $total }元
entitlement-for-people-ceiling = { $count }人最高共{ $total }元
