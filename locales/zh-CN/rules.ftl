## Sentences for the rules core's answers. Ids follow the codes the rules return:
## item-*, outcome-*, cond-* (conditions, steps, proofs), notice-*, doc-*. Amounts arrive as plain digit strings.

item-hospitalization = 住院慰问
item-serious_illness = 大病慰问
item-funeral = 丧事料理慰问费
item-festival = 节日慰问
item-health_check = 健康体检
item-group_activity = 自管小组文体活动
item-group_leader_subsidy = 自管小组长补助

outcome-fixed = { $item }：{ $amount }元
outcome-ceiling = { $item }：最高不超过{ $amount }元
outcome-in_kind = { $item }：发放慰问品（不得发现金）
outcome-join = { $item }：可以参加
outcome-none = { $item }：这种情况不能领取
outcome-not_set = { $item }：该地区的文件没有规定这一项

documents-heading = 需要材料：
citation = 依据：{ $source } { $clause }
citation-list = 依据：{ $list }
part = { $label }{ $amount }元
since-date = （从{ $date }起）
date = { $y }年{ $m }月{ $d }日
date-month-day = { $m }月{ $d }日
list-separator = ；
list-comma = ，
list-enum = 、

## Conditions, documents, steps
cond-per_stay = 每次住院{ $amount }元
cond-times_per_year_in_principle = 原则上每人每年不超过{ $times }次
cond-more_stays_than_allowed = 原则上每人每年不超过{ $times }次：住了{ $stays }次，也按{ $times }次算
cond-hospital_certificate_unless_big_data = 住院证明（能通过大数据核验的可以不提供）
cond-no_stay = 今年没有住院
cond-visit_on_serious_illness_or_death = 文件只规定重病住院、去世时社区上门慰问，没有具体金额
cond-festival_visits_vulnerable_no_amount = 文件只规定每年逢重大节日，对孤寡、重病、高龄、特困、独居、伤残等退休人员开展慰问活动，没有具体金额
cond-festival_visits_retirees_no_amount = 文件只规定由乡镇（办）和社区（村）开展节日看望慰问活动，没有具体金额
cond-self_pay_in_scope_one_settlement_year = 指一个结算年度内，医保范围内住院和规定病种门诊费用，扣除职工医保、城乡居保、大病保险、医疗困难救助等医保基金承担的部分后，个人实际支付的部分，超过{ $threshold }元才能申请
cond-amount_depends_on_funds = 具体金额根据经费和申请情况确定
cond-recipients_publicised = 慰问对象和金额会在部门或村社公示
cond-medical_expense_statement_unless_big_data = 个人医疗费用查询单（能通过大数据核验的可以不提供）
cond-self_pay_not_over_threshold = 自付{ $selfPay }元，没有超过{ $threshold }元
cond-tier_between = 年自付超过{ $lower }元、不超过{ $upper }元：最高{ $ceiling }元
cond-tier_over = 年自付超过{ $lower }元：最高{ $ceiling }元
cond-paid_by_visit_or_to_family_account = 可以上门慰问，或打入本人、直系亲属账户
cond-community_helps_after_death = 文件没有定金额；社区会协助家属向原单位和社保机构报告，申请丧葬补助金和抚恤金
cond-visit_and_mourn = 老人去世，社区会上门慰问、悼念
cond-visit_and_mourn_on_death = 文件没有定金额；老人去世，社区会上门慰问、悼念
cond-festival_for_city_level_retirees_in_management = 杭州市级按月领养老金并纳入社会化管理的退休人员享受
cond-festival_not_listed = 文件规定的节日是{ $listed }，没有{ $festival }
cond-festival_hardship_only = 只对遇到重大变故、特别困难的重点、特困、高龄、孤寡退休人员，在{ $festivals }等节日慰问
cond-festival_hardship_ceilings = 一般不超过{ $ceiling }元，特别困难的不超过{ $severe }元
cond-festival_not_named_but_list_open = 文件列举的节日里没有{ $festival }，但写的是“等”节日，可以问社区
cond-health_check_every_years = 每{ $years }年一次，标准{ $standard }元/人
cond-health_check_settled_with_hospital = 不用自己出钱：由社区组织，费用由退管机构和体检医院直接结算
cond-health_check_outside_reimbursed = 住在杭州市外的，可以在常住地医院自费体检，凭正规发票回管理地报销，最多{ $cap }元
cond-formal_check_invoice = 体检正规发票
cond-activity_kinds = 活动是街道社区组织的自管小组文化、体育、游览活动
cond-activity_times_per_year_no_cash = 每人每年参加{ $times }次，不得发现金或购物卡
cond-collective_activities_only = 文件只规定由市、乡镇（街道）、社区（村）组织集体性文体活动，没有每人每年次数和发慰问品的规定，具体活动请问社区
cond-gift_from_age_or_cannot_attend = { $age }周岁以上或因故不能参加的，可以发慰问品
cond-leader_subsidy_formula = 按管理人数每人不超过{ $perRetiree }元，每位组长每年不超过{ $cap }元（现在管理{ $managed }人）
cond-leader_subsidy_rule = 按管理人数每人不超过{ $perRetiree }元，每位组长每年最多不超过{ $cap }元
cond-after_assessment_and_publicity = 经年度考核、公示后发放
cond-group_size = 每组{ $min }到{ $max }人
cond-group_size_outside = 文件要求每组{ $min }到{ $max }人，现在是{ $managed }人
cond-leader_age_generally = 组长年龄一般不超过{ $max }周岁
cond-leader_age_over_generally = 组长年龄一般不超过{ $max }周岁，超过的请和社区确认
cond-paid_to_leader_own_card_and_publicised = 补助实名打入组长本人银行卡，并在镇村公示栏公示
cond-leader_subsidy_fund = 由{ $fund }补助
cond-care_items_fund = 从{ $fund }中列支（住院、大病、丧事等慰问关怀都由它统筹）
cond-check_funds_city_district_1_1 = 体检经费列入专项资金，年度预算按{ $budget }元/人在体检年度安排，2024年起市、区按1:1分担
cond-festival_funds_general_budget_and_social_fund = 节日慰问费由一般公共预算、社保基金等列支，区财政负责保障，2024年起市、区按1:1分担（社保基金承担部分除外）
cond-check_funds_city_finance_full = 体检经费按体检安排情况，由市财政全额承担
cond-publicity_min_days = 公示不少于{ $days }天
cond-no_managed_retirees = 没有管理人数，没有补助
cond-residence_permit = 户口不在杭州市区的，凭居住证
cond-property_certificate_own = 房屋权属证明（本人自购房）
cond-property_certificate_relative = 房屋权属证明（直系亲属自购房）
cond-lease_and_property_certificate_copy = 租房协议和房屋权属证明复印件
cond-proofs_by_hukou_and_housing = 看户口和住房：户口不在杭州市区的，带居住证；户口在杭州市区、住自己或直系亲属买的房，带房屋权属证明；住租的房，带租房协议和房屋权属证明复印件
cond-proofs_by_housing = 看住房：住自己或直系亲属买的房，带房屋权属证明；住租的房，带租房协议和房屋权属证明复印件
cond-apply_at_new_residence_community = 到新住址（{ $to }，常年居住地）所在的街道（乡镇）社区申请转移
cond-new_place_funds = 转过去以后由新住址负责经费
cond-cadres_keep_current_management = 企业离休人员和省管干部保持现有管理方式不变，不移交社区
cond-cadres_keep_in_principle = 企业离休人员原则上保持现有管理方式不变，不移交社区；具备条件的可以纳入属地管理
cond-extra_items_original_channel = 移交前已享受的统筹外项目，由原渠道解决
cond-out_of_province_to_enterprise_location = 户籍在外省的退休人员，移交到企业所在地的街道（乡镇）和社区
cond-register_at_residence_community = 到常年居住地的社区报到
cond-handover_by_hukou_or_residence = 按户口所在地或常年居住地移交，两地不一致的尽量把户口迁到居住地
cond-transfer_outside_hangzhou_urban = { $region }不在杭州市区（市级和萧山、余杭、临平、富阳、临安），这条转移规定管不到，需要工作人员帮您看
cond-moves_inside_hangzhou_urban = { $to }属于杭州市区（市级和萧山、余杭、临平、富阳、临安），可以办市区内的转移
cond-management_stops_month_after_death = 去世次月起停止社会化管理服务
cond-management_stops_month_after_verification = 老人去世的，家属告知社区、核实后次月起停止社会化管理服务
cond-handover_forms = 办理按月领取养老金手续时填报{ $forms }，审核后移交社区管理
cond-pension_stops_on_death = 养老金停发
cond-return_pension_paid_after_death = 去世后多发的养老金要退回，冒领会被追回
cond-fraud_must_be_repaid = 骗取的社保待遇要退回并依法处理
cond-claim_funeral_grant_and_survivor_pension = 社区协助家属向原单位和社保机构报告，{ $claims ->
    [social] 并协助继承人申请相关社会保险待遇
   *[named] 申请丧葬补助金和抚恤金
}
cond-covered_from_month_after_pension = 办理按月领取养老金手续的次月起纳入社会化管理
cond-archive_to_archives_department = 人事档案移交参保单位所在市、区县（市）的档案管理部门统一管理
cond-archive_not_carried_by_retiree = 档案由企业派专人连同《档案移交名册表》送到档案保管单位，不得由退休人员本人自带移交
cond-late_handover_no_back_pay = 没有及时办理移交的，相关待遇不予补发
cond-suspended_with_pension = 养老待遇被暂停（比如没做资格认证）的，同时暂停列入专项资金保障对象
cond-outside_scope_private_enterprise = 这份文件只管国有企业退休人员，私营企业退休的不在范围内，请问当地社区或社保经办机构
cond-original_channel_provincial_ministerial = 省部属企业退休人员按规定移交杭州实行社会化管理服务，按原渠道保障经费，不列入市专项资金保障对象
cond-original_channel_central_or_provincial_not_local = 不在建德参保的央企、省属国企退休人员按规定移交建德纳入属地社会化管理服务，按原渠道保障经费
cond-support_outside_returned_covered = 支援外地建设退休回杭定居的，参照纳入
cond-certify_times_per_year = 每年做{ $times }次养老金领取资格认证
cond-certify_as_required = 按要求做养老金领取资格认证
cond-home_certification = 重病卧床、行动不便的，可以请社区上门认证
cond-suspension_no_certification = 没有按时认证的，养老金暂停发放
cond-suspension_missing_over_6_months = 下落不明超过6个月、家属没有申报的，暂停发放
cond-suspension_imprisoned = 被判刑收监执行的，暂停发放
cond-suspension_double_drawing = 重复领取养老待遇的，暂停发放
cond-suspension_other_law = 法律法规规定的其他情形，也会暂停发放
cond-resumes_when_cause_ends = 情形消失后恢复发放或补发
cond-budget_standard = 按年度预算标准计算
cond-split_city_district_1_1_except_social_fund = 2024年起市、区按1:1分担（社保基金承担部分除外）
cond-split_city_district_50_50_for_central_provincial_and_city_level = 中央、省属驻长企业和市本级的退休人员，市、区各担50%；其余由区县（市）承担
cond-split_city_pays_health_check_in_full = 体检经费由市财政全额承担
cond-split_central_or_provincial_finance = 省属企业由省级财政承担，中央下放企业由中央财政承担
cond-health_check_only_in_check_year = 体检经费只在体检年度安排
cond-same_as_hangzhou_by = 逐年提高，{ $year }年与杭州同标

cond-report_within_days = 亲属应在{ $days }日内告知{ $whom ->
    [registered_community_or_agency] 生前登记的社区或社保经办机构
    [management_community] 社会化管理所在地社区
   *[other] 所在社区
  }
cond-report_late = 文件要求亲属在{ $days }日内告知{ $whom ->
    [registered_community_or_agency] 生前登记的社区或社保经办机构
    [management_community] 社会化管理所在地社区
   *[other] 所在社区
  }；已经超过{ $days }日了，请尽快去报告
cond-report_by_date = 亲属应在{ $days }日内告知{ $whom ->
    [registered_community_or_agency] 生前登记的社区或社保经办机构
    [management_community] 社会化管理所在地社区
   *[other] 所在社区
  }，也就是{ $by }前{ $overdue ->
    [yes] ，已经过了，请尽快报告
   *[no] {""}
  }
cond-fraud_report_reward = 举报冒领养老金有奖励制度
cond-report_promptly = 家属及时告知{ $whom ->
    [registered_community_or_agency] 生前登记的社区或社保经办机构
    [management_community] 社会化管理所在地社区
   *[other] 所在社区
  }就可以（没有规定具体天数）
cond-real_name_bank_transfer = 钱一律通过银行转账实名发放到本人账户，不得发现金
cond-apply_via_management_community = 找老人社会化管理所在地的社区（村）办理，社区会告诉您具体手续
cond-publicity_fields = 公示只写姓名、性别、年龄和金额，不会公开住址、电话、银行卡、身份证号和家庭困难情况
cond-document_in_force = 这份文件{ $since }起实施，现在有效

## Notices
notice-document_expired = 注意：{ $doc }已于{ $date }到期，以下内容仅供参考，请向社区确认现行规定。
notice-reference_only = { $region }没有收录本区文件，以下参照杭州市级标准，本区标准可能不同。
notice-no_document = 暂时没有{ $region }的政策文件，没法给出金额，建议问当地社区。
notice-city_level_only = 以下是杭州市级标准；萧山、余杭、临平、富阳、临安、桐庐、淳安、建德另有规定，请告诉我您在哪个区。
notice-latest_published_value = 文件只公布了{ $year }年的标准，以下按{ $year }年计算。
notice-state_owned_only = { $doc }{ $clause }只适用于国有企业退休人员。
notice-general = （本地文件未写，参照{ $place }{ $doc }）
notice-general-all = 本地文件没写的，参照{ $place }{ $doc }：
notice-general-above = （以上几条本地文件没写，参照{ $place }{ $doc }）

## Death
death-whom-management_community = 社会化管理所在地社区
death-whom-registered_community_or_agency = 生前登记的社区或社保经办机构
death-whom-community = 所在社区
death-promptly = 请家属及时告知{ $whom }。
death-deadline = 请家属在{ $days }日内（{ $date }前）告知{ $whom }。
death-deadline-overdue = 文件要求{ $days }日内（{ $date }前）告知{ $whom }，已经过了，请尽快去办。
death-rule-days = { $region }：老人去世后，亲属应在{ $days }日内告知{ $whom }。
death-rule-promptly = { $region }：文件没有规定具体天数，只要求家属及时告知{ $whom }。
death-rule-none = { $region }：文件没有规定家属报告去世的期限，建议尽快告诉老人所在的社区。

## Duties and hardship
cond-report_personal_changes = 电话、住址变了，或者搬到外省、境外，要及时告知社区或社保经办机构（本人或委托亲属都可以）
cond-hardship_visits = 社区会掌握孤寡、重病、高龄、特困等老人的情况，定期上门探访慰问
cond-hardship_fund_visits = 区里的专项资金有一部分用于重点、特困人员慰问，家里特别困难的可以向社区反映
cond-help_apply_for_assistance = 生活特别困难的，社区协助申请最低生活保障（低保）等社会救助

## Fund management (资金管理), for staff. Lists arrive already joined; the quarter as a number.

cond-fund_advance_transfer = 不低于{ $percent }%：除据实结算等特殊项目外，下一年度转移支付预计数按不低于{ $percent }%的比例提前下达到各区，资金使用年度再按实际执行情况拨付剩余资金。
cond-fund_settlement_quarter = 资金使用年度的次年第{ $quarter }季度清算（先预拨、后清算）。
fund-count-1 = 一
fund-count-2 = 二
fund-count-3 = 三
fund-count-4 = 四
fund-count-5 = 五
fund-count-6 = 六
cond-fund_settled_at_cost = { $items }根据标准按实结算。
cond-fund_settlement_cap = 服务关怀经费的结算金额上限，按资金使用年度当年{ $month }月底纳入社会化管理的人数计算。
cond-fund_entrusted_settlement = 市级与萧山、余杭、临平、富阳、临安之间跨区域委托管理服务的，按委托协议结算经费。
cond-fund_paid_by_grade = 没有规定清算时间，专项资金每半年度拨付一次（每年{ $times }次），拨付额度按考核等次确定。
cond-fund_payer_city_agency_nonlocal_hukou = 由{ $payer }承担：市退管经办机构管理、未移交街道（乡镇）社区的在杭参保异地户籍退休人员，所需经费由{ $payer }承担，标准参照移交街道社区管理服务的退休人员。
cond-fund_payer_provincial_agency_local_hukou = 由{ $payer }承担：在省社保中心参保退休的户籍人员，移交建德实行社会化管理服务所需经费由{ $payer }承担。
cond-fund_payer_usual = 其他退休人员的专项资金由{ $payer }负责保障。
cond-fund_no_fixed_assets = 专项资金不得用于购买固定资产，但{ $except }等存放档案的设备除外。
cond-fund_office_equipment = 专项经费的用途包括社会化管理服务工作办公设备购买。
cond-fund_payment_method = { cond-real_name_bank_transfer }。
cond-fund_dedicated_account = { $items }在按规定设立的专户中管理，专款专用、专账核算；其他社会化管理服务资金实行国库集中支付。
cond-fund_rubric_total = 考核评分细则满分{ $total }分。
cond-fund_rubric_dimension = { $dimension }{ $sum }分：{ $items }。
cond-fund_copies_archive_roster = 《档案移交名册表》一式{ $copies }份，{ $holders }各留一份。
cond-fund_copies_info_form = 《国有企业退休人员社会化管理服务基本信息表》一式{ $copies }份，{ $holders }各一份。
cond-fund_staff_ratio = 按每{ $per }名退休人员配备1名管理服务人员。
cond-fund_staff_levels = 县（市、区）工作人员原则上不少于{ $countyMin }—{ $countyMax }人；乡镇（办）必须有专人负责；社区（村）根据情况可设{ $communityMin }—{ $communityMax }人。
cond-fund_staff_households = 企业所办社区移交工作人员：1000户以下{ $below1000 }人，1000户至2000户{ $from1000 }人，2000户至3000户{ $from2000 }人，超过3000户每增加{ $over3000PerHouseholds }户增加1人。
cond-fund_rubric_grades = 考核结果分优秀、良好、合格、不合格，分别按核算金额的{ $excellent }%、{ $good }%、{ $pass }%、{ $fail }%拨付；细则没有写多少分对应哪个等次。

## Provisions: rules of a text that no topic answers, by text and code (src/rules/provisions.ts).
provision-jiande-flexible_and_non_staff_covered = 建德参保的企业退休人员（含灵活就业）、编外和民办非企业退休人员都纳入保障
provision-hangzhou-flexible_and_non_staff_covered = 在杭州参保按月领养老金的编外、民办非企业、社会组织和灵活就业退休人员也纳入
provision-jiande-activities_at_least_4_a_year = 考核要求每年专门面向企退人员开展活动至少4次
provision-jiande-activity_venue_per_community = 每个社区（村）至少要建立1处退休人员活动场地
provision-jiande-silver_volunteer_team = 村社要成立“银龄互助社”志愿者小分队，每季度活动不少于一次
provision-jiande-community_notifies_health_check = 社区负责体检通知、协助预约，并提醒还没预约或没参检的人
provision-jiande-certification_ways = 社区通过日常走访、人工认证、自助认证等方式做养老待遇资格认证
provision-henan-civil_affairs_reports_deaths = 郑州由民政部门把死亡人员信息及时提供给社保经办机构
provision-henan-hukou_moved_to_residence = 户口所在地和常年居住地不一致的，尽量把户籍迁入居住地
provision-henan-service_phone_published = 街道和社区要向退休人员公示服务人员的联系电话和服务项目
provision-liaocheng-service_phone_published = 乡镇街道和社区要公示服务联系电话和公共、便民、志愿者服务项目
provision-henan-community_services = 社区平时管的：建信息库和台账、公示服务电话，配合做养老金发放、资格认证和重症慢性病申报，走访慰问特困、高龄、重病等老人，组织党建、文体、老年大学等活动，建健康档案、做体检和随访、协助办异地就医，推进居家养老，帮困难家庭申请低保；老人去世时协助家属报告
provision-changsha-community_services = 社区平时管的：养老金资格认证、信息核实、养老金发放查询和政策解释，行动不便的上门认证，建自管和互助组织，退休党员管理，建健康档案和健康教育，组织文化体育健身活动，成立红白喜事理事会
provision-liaocheng-community_services = 社区平时管的：建信息库和台账、公示服务电话，协助养老金发放和资格认证，走访慰问特困、高龄、重病等老人，组织党建、文体等活动，建健康档案、做体检和随访，协助高龄补贴发放和低保申请；老人去世时协助家属报告、申请社会保险待遇
provision-henan-chronic_disease_declaration = 街道社区配合社保经办机构做资格认证和退休人员重症慢性病申报
provision-henan-remote_medical_help = 社区卫生服务站协助办理异地就医手续等医疗、护理和康复服务
provision-henan-meals_and_day_care = 街道社区推进老年供餐、社区日间照料、老年活动中心等养老服务
provision-henan-party_relation_to_community = 退休党员的党组织关系转到街道社区，由街道社区党组织教育管理
provision-changsha-party_relation_to_community = 党员组织关系先转常住地区县（市）委组织部，再转街道或社区党组织
provision-liaocheng-party_relation_to_community = 按户籍地或现居住地确定接收党组织，通过灯塔—党建在线系统转接
provision-henan-archives_kept_by_department = 移交后的退休人员档案存放在县级以上档案管理部门
provision-liaocheng-archives_kept_by_department = 企业持社区确认的信息表，把职工档案移交到属地人社部门
provision-henan-archives_lookup = 档案管理部门提供退休人员档案的查阅、复制等服务
provision-liaocheng-archives_lookup = 退休人员档案查询或外借，要按规定报批登记
provision-henan-enterprise_helps_funeral = 原企业要协助街道社区做好退休人员的慰问和殡葬服务
provision-henan-supplementary_medical_continues = 原企业建立的补充医疗保险，移交地方管理后继续享受
provision-henan-work_injury_via_enterprise = 工伤人员退休后，工伤待遇仍由原企业申报，工伤保险基金按标准支付
provision-henan-occupational_disease_recognition = 退休后被诊断、鉴定为职业病的，由原企业向社保行政部门申请工伤认定
provision-henan-disputes_with_enterprise = 退休人员与企业的利益纠纷及相关信访，仍由原企业负责解决
provision-liaocheng-disputes_with_enterprise = 信访部门指导退休人员信访工作，会同责任单位处置信访矛盾
provision-changsha-pension_query = 社区负责退休人员信息核实录入、养老金发放情况查询和政策解释
provision-changsha-red_white_affairs_council = 社区成立红白喜事理事会，倡导文明节俭办婚丧喜庆事
provision-changsha-outside_city_register_at_agency = 住在长沙市外的退休人员，到参保的社会保险经办机构办理
provision-changsha-nursing_home_received_locally = 住养老院、精神康复医院的，由所在辖区社区或街道社保服务机构接收
provision-changsha-right_to_complain = 退休人员有权向社会化管理服务机构反映意见建议、提出批评和申诉
provision-liaocheng-right_to_complain = 退休人员有权向社会化管理服务机构反映意见建议、提出批评和申诉
provision-changsha-relatives_assist_certification = 直系亲属应协助做养老金资格认证、待遇查询和养老金核对
provision-liaocheng-relatives_assist_certification = 直系亲属应积极协助退休人员做好养老金资格认证等事项
provision-changsha-silver_volunteer_team = 长沙建立市、区两级志愿者资源库，发挥志愿者和义工作用
provision-liaocheng-old_age_allowance = 社区协助老龄委、人社等部门发放退休人员高龄补贴
provision-liaocheng-enterprise_fills_info_form = 办完退休手续后由企业填写基本信息表，企业和本人确认签字后移交社区
provision-liaocheng-missing_archive_note = 档案材料企业补不齐的，要出具书面说明，写明缺少的材料名称和原因
provision-henan-cadres_keep_management = 企业离休人员和省管干部保持现有管理方式不变，不移交社区
provision-changsha-cadres_keep_management = 企业离休人员原则上保持现有管理方式不变，具备条件的可以纳入属地管理
provision-jiande-group_leader_selection_criteria = 自管小组长可选聘政治素养高、协调组织能力强、身体较好的退休人员
provision-jiande-group_leader_accident_insurance = 自管小组建设费可用于小组长业务能力提升、考核激励和购买意外保险
provision-jiande-self_managed_group_voluntary = 村社按“就近、便利、自愿”的原则组建自管小组
provision-jiande-teaching_point_fund_use = 教学点和街道学苑经费主要用于教师课酬、班主任劳务费、教学活动、小额耗材和师生意外险
provision-jiande-fund_paid_half_yearly = 专项资金每半年度拨付一次，拨付额度与绩效评估结果挂钩
provision-jiande-shortfall_to_city_pool = 考核后未满额拨付的差额资金纳入市级统筹
provision-jiande-previous_rules_repealed = 2005年第10号生活补贴管理办法和2006年73号服务经费标准通知同时废止
provision-jiande-fund_fraud_penalty = 单位和个人弄虚作假、骗取套取专项资金的，按《财政违法行为处罚处分条例》等严肃查处
provision-jiande-special_activity_team = 每个辖区特色活动队伍不少于1支，重大节日要有专题活动
provision-jiande-qitui_home_station = 依托人社驿站建立基层“企退之家”服务工作站
provision-jiande-retiree_forum = 定期召开企退人员座谈会，了解民情民意，掌握退休人员动态
provision-jiande-skills_training = 开展实用、针对性强的企退人员技能培训，为“老有所学”创造条件
provision-hangzhou-fund_use_publicity = 专项资金使用情况在部门网站或服务场所公示不少于7天，写明经费项目、用途和金额
provision-hangzhou-fund_fraud_penalty = 单位和个人弄虚作假、骗取套取专项资金的，按有关规定严肃查处
provision-hangzhou-previous_rules_repealed = 2011年7号节日慰问费调标通知、2012年117号服务经费调标通知等同时废止
provision-henan-interim_service_where_community_weak = 社区组织不健全、退休人员居住分散的县区，可暂由原企业退管机构或社保经办机构提供服务
provision-henan-no_community_in_mining_area = 工矿区没有社区组织的，由政府设立，或交相近街道社区，或暂由原企业退管机构服务
provision-henan-contact_card_and_chat_groups = 社区发放联系卡、建立QQ群和微信群等，及时掌握并更新退休人员信息变化
provision-henan-health_archive_and_followup = 社区卫生服务站负责退休人员健康档案建立、健康体检、慢性病防治和大病人员跟踪随访
provision-henan-extra_items_new_retirees = 新退休人员的统筹外费用，确有国家和省文件规定和政策依据的，由企业按规定办理
provision-henan-handover_deadline_2017 = 2017年5月底前完成社区管理组织职能和人员移交，2017年6月底前总体完成退休人员移交
provision-henan-central_finance_bears_costs = 原中央下放的煤炭、有色金属、军工等企业（含政策性破产）移交退休人员的管理费由中央财政承担
provision-henan-transferred_staff_pay_gap = 移交人员享受接收地社区工作人员同等待遇，由当地政府承担；低于原企业的差额由原企业支付
provision-henan-county_receives_archives_and_festival_visits = 县区职能部门接收退休人员档案和信息资料，组织乡镇社区开展节日看望慰问和生存调查
provision-henan-enterprise_activity_venues_transferred = 企业专供退休人员活动的场所设施和家属区公共场所、房屋等，移交当地县区政府
provision-henan-community_organises_activities = 街道社区协助有关部门组织党建、文体娱乐、政策宣传、老年大学、社会公益等活动
provision-henan-rights_not_reduced_after_handover = 要确保企业退休人员享受的服务质量不下降、合法权益不受损
provision-henan-enterprise_keeps_assisting = 一定时期内原企业仍按规定承担一定管理服务工作，安排专人协助街道社区
provision-changsha-scope_who_is_covered = 在长沙参加企业职工或机关事业单位基本养老保险、按月领养老金的退休人员适用本办法
provision-changsha-certification_big_data_online = 资格认证以系统认证为主导，结合大数据共享比对、社会化服务、互联网等方式
provision-changsha-retired_party_members_org_life = 社区党组织采取灵活方式组织退休党员过好组织生活、加强政治理论学习
provision-changsha-community_reports_status_changes = 社区发现居住流动、判刑、失踪、死亡或逾期未认证、重复领取等情况，应做相关业务处理
provision-changsha-meals_and_day_care = 民政部门加快推进社区日间照料、康复护理、助餐助行等养老服务
provision-changsha-health_archive_and_followup = 社区为退休人员建立健康档案，有计划地开展健康教育、疾病预防控制和保健
provision-changsha-enterprise_activity_venues_transferred = 原单位的退休人员活动场所和设施，协商一致后可无偿划转、调换，或由社区购买服务后继续用
provision-changsha-activity_centre_and_interest_classes = 完善社区活动设施，建立老年活动中心，开办各种文体兴趣班
provision-changsha-retiree_rights_services = 退休人员有权享受政策咨询、慰问、社保服务，有权参加文体健身、健康教育活动
provision-changsha-management_fund_scope = 专项经费用于资格认证、文化体育健身、走访慰问等社会化管理服务工作
provision-liaocheng-community_reports_status_changes = 社区发现居住流动、判刑、失踪、死亡或逾期未认证、重复领取等，应及时报社保经办机构
provision-liaocheng-health_archive_and_followup = 社区卫生服务站负责退休人员健康档案建立、健康体检、慢性病防治和大病人员跟踪随访
provision-liaocheng-enterprise_hands_over_retiree_info = 国有企业要及时向乡镇街道、社区和人社档案管理部门移交退休人员信息
provision-liaocheng-subsidy_standard_by_finance = 聊城企业退休人员补助标准和支付途径由财政部门按有关政策执行
provision-liaocheng-management_fund_scope = 补助经费专项用于社会化管理服务，日常管理服务内容包括档案管理、走访慰问等
provision-liaocheng-enterprise_activity_venues_transferred = 国企的退休人员活动场所和设施依规无偿划转、调换，由乡镇街道和社区继续使用
provision-liaocheng-activity_centre_and_interest_classes = 完善社区活动设施，建立老年活动中心，开办各种文体兴趣班
provision-liaocheng-retiree_rights_services = 退休人员有权享受政策咨询、慰问、社保服务，有权参加文体健身、健康教育活动
provision-liaocheng-retired_party_members_org_life = 社区党组织采取灵活方式组织退休党员过好组织生活、加强政治理论学习
provision-liaocheng-certification_big_data_online = 资格认证以系统认证为主导，结合大数据共享比对、社会化服务、互联网等方式
provision-liaocheng-community_organises_activities = 乡镇街道和社区协助有关部门组织党建、文体娱乐、政策宣传、社会公益等活动
provision-liaocheng-competent_department = 聊城由市、县（市、区）国资部门主管国有企业退休人员社会化管理服务工作
provision-changsha-competent_department = 长沙由市、区县（市）人力资源社会保障行政部门主管退休人员社会化管理服务工作
provision-changsha-fraud_report_reward = 建立了举报冒领养老金的奖励制度
provision-liaocheng-fraud_report_reward = 建立了举报冒领养老金的奖励制度
provision-hangzhou-special_fund_definition = 杭州市级专项资金包括服务关怀、健康体检、自管小组文体活动经费和节日慰问费
provision-hangzhou-scope_city_level_districts = 杭州市级指市本级及上城、拱墅、西湖、滨江、钱塘区和西湖风景名胜区
provision-hangzhou-public_service_costs_scope = 退管公共服务费用于集体活动、志愿服务、人员培训、选树典型、建文化养老平台等
provision-hangzhou-group_building_fund_use = 自管小组建设经费用于小组学习培训和小组长业务能力提升、考核激励
provision-hangzhou-health_check_settled_by_reports = 体检费按实际参检且上传了体检报告的人数，与承检医院结算
provision-hangzhou-transfer_base_2021_2022_average = 市、区分担的上下划基数，以2021-2022年两年平均支出数测算
provision-hangzhou-remaining_funds_paid = 提前下达以外的剩余资金，在资金使用年度根据实际执行情况拨付
provision-hangzhou-performance_self_assessment = 人社部门跟踪监控绩效目标实现情况，预算年度结束后开展绩效自评
provision-hangzhou-finance_key_performance_evaluation = 财政部门根据工作需要，适时对专项资金开展重点绩效评价
provision-hangzhou-no_diversion_of_funds = 退管经办机构须按规定的支出项目和内容用钱，不得改变资金性质和用途
provision-hangzhou-not_for_unmanaged_or_unrelated = 专项资金严禁用于未纳入社会化管理的人员和与社会化管理无关的支出
provision-hangzhou-regular_audit_inspection = 人社部门定期开展经费审计督查，加强经费使用的培训指导和监管
provision-hangzhou-third_party_audit = 可以聘请有资质的社会中介机构开展第三方审计
provision-hangzhou-who_uses_is_responsible = 专项资金坚持“谁使用、谁负责”，对违纪违规人员追究责任
provision-hangzhou-staff_misconduct_liability = 资金分配审核、使用管理中违规或滥用职权、玩忽职守、徇私舞弊的，依法追责
provision-hangzhou-crime_referred_to_judiciary = 涉嫌犯罪的，依法移送司法机关处理
provision-hangzhou-other_districts_may_refer = 其他区、县（市）可参照杭州市级办法，结合本地实际制定本级专项资金管理办法
provision-hangzhou-effective_date = 杭州市级专项资金管理办法自2024年1月1日起实施
provision-jiande-special_fund_definition = 建德专项资金由市级财政承担，用于保障企退人员社会化管理服务的各项经费
provision-jiande-public_service_costs_scope = 退管公共服务费用于志愿服务、人员培训、选树典型、文化养老平台、数字平台和档案数字化
provision-jiande-health_check_settled_by_reports = 体检费按实际参检且上传了体检报告的人数，与承检医院结算
provision-jiande-finance_key_performance_evaluation = 财政根据工作需要，适时对专项资金开展重点绩效评价
provision-jiande-no_diversion_of_funds = 专项资金专款专用，须按规定支出项目和内容使用，不得改变资金性质和用途
provision-jiande-not_for_unmanaged_or_unrelated = 专项资金严禁用于未纳入社会化管理的人员和与社会化管理无关的支出
provision-jiande-regular_audit_inspection = 市人力社保局、市财政局定期开展经费审计督查，加强资金使用培训指导和监管
provision-jiande-third_party_audit = 可以聘请有资质的社会中介机构开展第三方审计
provision-jiande-who_uses_is_responsible = 专项资金坚持“谁使用、谁负责”，对违纪违规人员追究责任
provision-jiande-staff_misconduct_liability = 资金分配审核、使用管理中违规或滥用职权、玩忽职守、徇私舞弊的，依法追责
provision-jiande-crime_referred_to_judiciary = 涉嫌犯罪的，依法移送司法机关处理
provision-jiande-effective_date = 建德办法自2024年1月1日起参照执行（正式实施日期原文未填）
provision-jiande-grid_service_network = 村社要用信息系统动态管理，及时接收新退休人员、核实变更信息、转接关系
provision-jiande-rubric_grid_management = 网格化管理10分：未建自管小组和志愿者服务队不得分，漏纳管每1人扣1分
provision-jiande-rubric_info_error_deduction = 未按规定核实更改退休人员信息的，每被反映1例扣1分，扣完为止
provision-jiande-visits_ledger_in_system = 村社要探望大病住院人员、走访困难人员，并在信息系统维护走访慰问台账
provision-jiande-rubric_visits_scoring = 慰问走访以综合管理服务平台数据为准：未有效走访不得分，走访不实每例扣1分
provision-jiande-rubric_health_check_notice = 体检考核：全通知到位得满分，漏通知1人扣1分，引起信访上访扣2分
provision-jiande-rubric_certification = 认证考核：全准确核查得满分，失职致养老金流失不得分，少报漏报每人扣1分
provision-jiande-dedicated_staff_required = 村社要配备专人负责企退人员日常管理，人员职责明确
provision-jiande-rubric_daily_duty_staffing = 日常履职10分：未配备专人不得分，职责不明确致任务未落实扣5分
provision-jiande-rubric_meetings_reports = 不配合企退中心协调事项或会议每次扣3分，未按时报材料报表每次扣1分
provision-jiande-rubric_misuse_of_funds = 考核中未规范有效使用经费的，每发现1次扣3分
provision-jiande-rubric_activities_scoring = 文体活动20分：按活动次数和成效，凭台账、照片、视频、报道赋分
provision-jiande-rubric_bonus_city_events = 承办或积极配合支持市级企退人员活动的，根据配合程度酌情加分
provision-jiande-health_education_and_publicity = 村社要经常性开展健康教育、政策宣传和其他公益性活动（3分）
provision-jiande-rubric_innovation_scoring = 创新亮点20分：按落实完成情况赋分，亮点突出、有影响、成效明显的酌情加分
provision-jiande-backbone_team_training = 组建退休人员自我服务骨干队伍，发挥网格长、小组长作用并定期培训（3分）
provision-jiande-rubric_media_coverage = 宣传报道10分：按录用层级赋分，本市级媒体5分，市级以上媒体10分
provision-henan-what_is_socialised_management = 社会化管理服务指退休后管理服务与原企业分离，移交街道和社区属地管理
provision-henan-funds_in_annual_budget = 郑州退休人员社会化管理费用纳入同级财政预算，市、县两级按责任保障
provision-henan-handover_main_responsibility = 各级政府负总责并承担接收主体责任，企业承担移交主体责任
provision-henan-new_retirees_after_handover = 整体移交后新退休的人员，由企业按规定和程序协助办理相关手续
provision-henan-cadres_may_join_community_services = 离休人员和省管干部住在社区并想参加的，社区可先建信息库并提供相应服务
provision-henan-enterprise_organises_archives = 企业要按规定做好退休人员档案的整理及补充、完善
provision-henan-community_scale_by_households = 社区原则上按城市1000至3000户、城镇（县城）1000至2000户常住居民设置
provision-henan-enterprise_community_merge_or_standalone = 县区政府按移交社区的居民户数和服务需要，确定单独设立或并入其他社区
provision-henan-indivisible_assets_lent = 难以分割移交的资产，由企业提供给社区管理组织管理使用
provision-henan-assets_after_three_supplies = 社区职能和人员可先移交，资产设施核实确认后，待“三供一业”改造完成再移交
provision-henan-receiving_government_funds_community_costs = 社区设施、养老设施建设和政府购买服务等经费纳入接收地财政预算，由其解决
provision-henan-provincial_fee_paid_in_instalments = 这笔管理费用先由省级财政分期拨付给相关县（市、区）政府，专款专用
provision-henan-fund_standard_adjustment = 国家出台社会化管理指导意见和费用标准后，按国家政策和标准调整
provision-henan-facilities_upgraded_by_government = 移交场地设施不达标的，当地政府接收后按人数新建、改扩建、购置或置换增配
provision-henan-handover_agreements_2017 = 2017年3月底前签移交框架协议，2017年4月底前与县区政府签具体移交协议
provision-changsha-what_is_socialised_management = 社会化管理指退休后与原单位分离，养老金社会化发放，人员移交街道社区属地管理
provision-changsha-central_provincial_covered = 中央驻长、省属在长企业退休人员纳入长沙社会化管理范围的，适用本办法
provision-changsha-community_clinics_in_medical_insurance = 符合条件的社区卫生服务机构纳入职工医保协议医疗机构范围
provision-changsha-employer_guides_certification = 原用人单位要指导原退休人员及时认证，协助核实养老金发放和政策解释
provision-changsha-dedicated_staff_required = 街道和社区社保服务机构要明确专人或熟悉社保的人员负责社会化管理
provision-changsha-funds_in_annual_budget = 各级财政按本级社保经办机构管理的退休人员安排经费，列入本级年度预算
provision-changsha-district_managed_paid_by_district = 区县（市）管理的退休人员，社会化管理经费由各区县（市）财政承担
provision-changsha-fund_standard_adjustment = 经费建立正常调整机制，根据经济增长、物价上涨情况适时提高标准
provision-changsha-no_diversion_of_funds = 社保经办机构须按开支范围使用经费，专款专用，不得截留、挤占、挪用
provision-changsha-enterprise_organises_archives = 用人单位移交档案前要完成整理、编目、分类、排序、装订成册和数字化
provision-changsha-activity_base_using_venues = 利用企业现有活动场所和辖区文体经营场所，建立退休人员文体活动基地
provision-changsha-pension_on_time_in_full_right = 退休人员依法享有按时足额领取基本养老金的权利
provision-changsha-community_medical_insurance_services = 社区在医保经办机构指导下，做好医疗保险方面的相关服务
provision-changsha-groups_by_building_elected_leader = 社区按居住情况分片或按楼栋划小组，组长由退休人员民主推选
provision-changsha-policy_consultation_at_community = 街道和社区工作人员要熟悉社保政策业务，为退休人员提供政策咨询和查询
provision-changsha-vulnerable_priority_services = 孤寡、重病、高龄、特困、独居、伤残等退休人员，定期探访并优先保障服务需求
provision-changsha-festival_visits_vulnerable = 每年重大节日，社区对孤寡、重病、高龄、特困等退休人员开展慰问
provision-changsha-home_based_elderly_care = 社保经办机构会同民政、卫健等部门组织开展社区居家养老服务
provision-changsha-personal_info_not_disclosed = 退休人员个人信息依法保护，任何机构和个人不得擅自泄露
provision-changsha-staff_misconduct_liability = 不履职或滥用职权、玩忽职守、徇私舞弊的，对直接负责人员依法处分
provision-changsha-crime_referred_to_judiciary = 单位和个人涉嫌社会保险欺诈犯罪的，按规定移送有权机关
provision-changsha-effective_date = 长沙办法自2020年5月1日起施行，有效期5年
provision-liaocheng-what_is_socialised_management = 国企人员退休后与原单位分离，养老金社会化发放，人员移交乡镇街道和社区属地管理
provision-liaocheng-scope_who_is_covered = 在聊城参加企业职工养老保险、按月领养老金的国有企业退休人员适用本办法
provision-liaocheng-central_provincial_covered = 中央驻聊、省属在聊国企退休人员纳入聊城社会化管理范围的，适用本办法
provision-liaocheng-funds_allocated_to_townships = 财政部门把工作经费按预算级次及时拨付到乡镇（街道）
provision-liaocheng-dedicated_staff_required = 乡镇街道和社区服务机构要明确专人负责社会化管理服务
provision-liaocheng-funds_in_annual_budget = 国企退休人员社会化管理补助经费列入各级财政年度预算
provision-liaocheng-no_diversion_of_funds = 乡镇街道和社区须按开支范围使用经费，专款专用，不得截留、挤占、挪用
provision-liaocheng-activity_base_using_venues = 利用企业划转调换的场所和辖区文体经营场所，建立退休人员文体活动基地
provision-liaocheng-pension_on_time_in_full_right = 退休人员依法享有按时足额领取基本养老金的权利
provision-liaocheng-community_medical_insurance_services = 社区在医保经办机构指导下，做好医疗保险方面的相关服务
provision-liaocheng-self_management_groups_guided = 乡镇街道和社区指导退休人员建立自我管理和互助服务组织
provision-liaocheng-policy_consultation_at_community = 乡镇街道和社区工作人员要熟悉社保政策业务，为退休人员提供政策咨询和查询
provision-liaocheng-home_based_elderly_care = 民政、卫健等部门整合社区养老场所和资源，组织开展社区居家养老服务
provision-liaocheng-personal_info_not_disclosed = 退休人员个人信息依法保护，任何机构和个人不得擅自泄露
provision-liaocheng-effective_date = 聊城办法（试行）自发布之日起施行
provision-liaocheng-enterprise_organises_archives = 企业要整理、补充完善退休人员人事档案，材料不齐全的由企业补齐
provision-liaocheng-archive_acceptance_check = 档案管理人员核对验收移交的档案，无误后在《档案移交名册表》签字盖章接收
provision-liaocheng-archive_custodian_daily_management = 档案移交后由档案保管单位负责管理，并承担日常管理服务工作
provision-hangzhou-care_fund_scope = 服务关怀经费统筹用于退管公共服务、自管小组建设和住院、大病、丧事料理等慰问关怀
provision-jiande-care_fund_scope = 退管工作经费统筹用于市级退管机构、乡镇（街道）和社区（村）的企业退休人员社会化管理服务
