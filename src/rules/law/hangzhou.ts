// 杭州市市级企业退休人员社会化管理服务专项资金管理办法 (杭人社发〔2024〕1号), shared/policies/004_*.txt.
import { type Law, since, y } from './types.ts';

const D = '2024-01-01';
const at = <T>(value: T, clause: string, quote: string) => since(D, value, 'hangzhou', clause, quote);

export const hangzhou: Law = {
  doc: 'hangzhou',
  // 三(一)3 凭住院证明（能够通过大数据核验的可不提供）给予 150 元/次慰问费，原则上每人每年不超过 1 次。
  hospitalization: [at({ perStay: y(150), maxTimesPerYear: 1 }, '三(一)3', '给予150元/次慰问费，原则上每人每年不超过1次')],
  // 三(一)4 年个人自付支出超出 5000 元的 … 年支出不超过 1 万元的，给予不超过 500 元慰问；年支出超过 1 万元的，给予最高不超过 2500 元慰问。
  seriousIllness: [
    at(
      {
        threshold: y(5000),
        tiers: [
          { upTo: y(10000), ceiling: y(500) },
          { upTo: null, ceiling: y(2500) },
        ],
      },
      '三(一)4',
      '年支出不超过1万元的，给予不超过500元慰问；年支出超过1万元的，给予最高不超过2500元慰问',
    ),
  ],
  // 但: 具体标准根据可用于大病慰问的经费额度和申请情况确定 — the ceilings are ceilings, staff set the amount.
  seriousIllnessDependsOnFunds: [at(true, '三(一)4', '具体标准根据可用于大病慰问的经费额度和申请情况确定')],
  // 三(一)5 退休人员去世，给予 200 元的丧事料理慰问费。
  funeral: [at({ amount: y(200), payment: 'standard' }, '三(一)5', '退休人员去世，给予200元的丧事料理慰问费')],
  // 三(四) 春节 1200 元，端午节、中秋节各 800 元。
  festivalFixed: [at({ 春节: y(1200), 端午节: y(800), 中秋节: y(800) }, '三(四)', '春节1200元，端午节、中秋节各800元')],
  // 三(二) 两年一次 … 每次体检经费标准为 400 元/人。
  healthCheck: [at({ standard: y(400), intervalYears: 2 }, '三(二)', '两年一次的退休人员健康体检，每次体检经费标准为400元/人')],
  healthCheckOutside: [at({ capIsStandard: true }, '三(二)', '凭体检正规发票到社会化管理所在地按实报销，报销金额不超过体检经费标准')],
  // 四(一) the budget line (200 元/人 in the check year) is shared by city and district, 1:1 from 2024.
  healthCheckFunding: [at({ payer: 'city_district_1_1', budgetPerRetiree: y(200) }, '四(一)', '健康体检经费200元/人，经费在体检年度安排')],
  // 三(三) 每人每年限参加 1 次 … 75 周岁以上及因客观原因不能参加活动的，可以组织慰问，发放慰问品。
  groupActivityKinds: [at(['culture', 'sports', 'tour'] as const, '三(三)', '组织的自管小组文化、体育、游览活动')],
  groupActivity: [at({ timesPerYear: 1, giftFromAge: 75 }, '三(三)', '75周岁以上及因客观原因不能参加活动的，可以组织慰问，发放慰问品')],
  // 三(一)2 按不超过 10 元/人的标准，每位小组长每年不超过 500 元。
  groupLeaderSubsidy: [at({ perRetiree: y(10), annualCap: y(500) }, '三(一)2', '按不超过10元/人的标准，每位小组长每年不超过500元')],
  leaderSubsidyFund: [at('退管服务经费', '三(一)2', '每位小组长每年不超过500元，给予退管服务经费补助')],
  careItemsFund: [at('服务关怀经费', '三(一)', '服务关怀经费。统筹用于退管公共服务、自管小组建设和住院慰问、大病慰问、丧事料理等慰问关怀')],
  // 二(一) 在办理按月领取基本养老金手续的次月移交实行社会化管理服务。
  coverageStart: [at('month_after_pension_start', '二(一)', '在办理按月领取基本养老金手续的次月移交实行社会化管理服务')],
  handoverForms: [at(['企业职工退休“一件事”联办申请表', '档案移交名册表'] as const, '二(一)', '应填报《企业职工退休“一件事”联办申请表》和《档案移交名册表》')],
  // 二(一) 家属应及时告知…经核实后次月起停止社会化管理服务 — counted from the verification, not the death.
  coverageStop: [at('month_after_verification', '二(一)', '家属应及时告知社会化管理服务所在地社区，经核实后次月起停止社会化管理服务')],
  suspendedWithPension: [at(true, '二(一)', '被暂停养老待遇的退休人员，暂停列入专项资金保障对象')],
  originalChannel: [at(['provincial_ministerial'], '二(二)', '省部属企业退休人员，按省市有关政策规定移交杭州实行社会化管理服务，按原渠道保障经费')],
  supportOutsideReturned: [at(true, '二(二)', '市级支援外地建设退休回杭定居人员按规定参照列入专项资金保障对象')],
  deathReport: [at({ deadlineDays: null, whom: 'management_community' }, '二(一)', '家属应及时告知社会化管理服务所在地社区')],
  // 二(一) names death as one of the 国家规定的停止享受养老待遇的情形: the pension stops, on Hangzhou's own words.
  pensionStopsOnDeath: [at(true, '二(一)', '退休人员出现死亡等国家规定的停止享受养老待遇的情形')],
  // 四(一) 杭州市区 … 常年居住地变更后，可凭有效居住证明 … 提出社会化管理服务关系转移申请。
  transferInUrban: [at(true, '四(一)', '向常年居住地街道（乡镇）社区提出社会化管理服务关系转移申请，由社会化管理服务地负责经费保障')],
  // 四(一) 年预算安排标准。
  budget: [
    at(
      [
        { item: 'service_care', perRetiree: y(120), reserve: { holder: 'district', perRetiree: y(15) } },
        { item: 'health_check', perRetiree: y(200), checkYearOnly: true },
        { item: 'group_activity', perRetiree: y(130) },
        { item: 'festival', perRetiree: y(2800), socialFundMayPay: true },
      ],
      '四(一)',
      '服务关怀经费120元/人，其中区退管经办机构可按15元/人的标准预留资金',
    ),
  ],
  festivalFunding: [at('general_budget_and_social_fund', '四(一)', '节日慰问费2800元/人，按现行规定，由一般公共预算、社保基金等列支安排')],
  budgetSplit: [at({ kind: 'city_district_1_1_except_social_fund' }, '四(一)', '2024年起市、区按照1:1两级比例分担（社保基金承担部分除外）')],
  // 四(一) 由社会化管理服务地的区财政负责保障; 市退管经办机构管理、未移交街道社区的在杭参保异地户籍退休人员 → 市财政.
  fundPayer: [at('district_finance', '四(一)', '人力社保部门按资金使用年度退休人员预计数编制专项资金预算，由社会化管理服务地的区财政负责保障')],
  otherPayer: [
    at(
      { group: 'city_agency_nonlocal_hukou', payer: 'city_finance' },
      '四(一)',
      '由市退管经办机构管理、未移交街道（乡镇）社区的在杭参保异地户籍退休人员所需经费，由市财政承担，经费标准参照移交街道社区管理服务的退休人员',
    ),
  ],
  // 四(二) 除据实结算等特殊项目的转移支付外，按不低于 70% 的比例提前下达下一年度转移支付预计数至各区.
  advanceTransfer: [at({ minShare: y(0.7) }, '四(二)', '除据实结算等特殊项目的转移支付外，应按照不低于70%的比例提前下达下一年度转移支付预计数至各区')],
  dedicatedAccount: [
    at(
      ['festival', 'health_check'] as const,
      '四(二)',
      '节日慰问费、健康体检经费在按规定设立的专户中管理，专款专用，实行专账核算；其他社会化管理服务资金实行国库集中支付',
    ),
  ],
  // 四(二) 不得用于购买固定资产（档案架、档案柜等存放档案设备除外） — the 除外 is an explicit exception.
  noFixedAssets: [at({ except: ['archive_shelf', 'archive_cabinet'] as const }, '四(二)', '不得用于购买固定资产（档案架、档案柜等存放档案设备除外）')],
  // 四(三) 先预拨、后清算，次年第二季度清算; 按实结算; 服务关怀经费上限按当年 12 月底人数.
  settlement: [at({ quarterOfNextYear: 2 }, '四(三)', '按先预拨、后清算进行资金结算，原则于资金使用年度次年第二季度开展清算')],
  settledAtCost: [
    at(
      ['health_check', 'festival', 'group_activity', 'service_care'] as const,
      '四(三)',
      '健康体检经费、节日慰问费、自管小组文体活动经费、服务关怀经费根据标准按实结算',
    ),
  ],
  settlementCapHeadcountMonth: [at(12, '四(三)', '服务关怀经费结算金额上限，按照资金使用年度当年12月底纳入社会化管理的人数计算')],
  entrustedSettlement: [at(true, '四(三)', '市级与萧山区、余杭区、临平区、富阳区、临安区之间实行跨区域委托管理服务，按委托协议结算经费')],
  // 五(三) 公示不少于 7 天，公示内容包括：姓名、性别、年龄、慰问（发放）金额。
  publicity: [at({ minDays: 7, place: 'website_or_community' }, '五(三)', '大病慰问和自管小组长补助，应在部门网站或社区公示不少于7天')],
  // 四(一): the district's 15 元 reserve also serves 重点、特困人员慰问.
  hardshipVisits: [at(true, '四(一)', '用于区级退管公共服务和年自付医疗费支出超过1万元的大病慰问及重点、特困人员慰问')],
  realNameBankTransfer: [at(true, '四(二)', '退休人员个人的待遇和经费发放，一律采用银行转账方式实名发放')],
  // Rules no topic answers, each a provision of its own (the step `provision` finds them by their words).
  provisions: [
    at('flexible_and_non_staff_covered', '二(一)', '机关事业单位编外退休人员、民办非企业单位退休人员、其他各类社会组织退休人员、灵活就业参保人员'),
    at(
      'fund_use_publicity',
      '五(三)',
      '各级退管经办机构的专项资金使用情况，应在部门网站或退管经办服务场所公示不少于7天，公示内容包括：经费项目、用途及具体金额等',
    ),
    at('fund_fraud_penalty', '五(四)', '对有关单位和个人弄虚作假、骗取套取专项资金的，按照有关规定严肃查处'),
    at(
      'previous_rules_repealed',
      '六(三)',
      '《关于调整企业退休人员节日慰问费标准的通知》（杭劳社退管〔2011〕7号）、《关于调整杭州市区企业退休人员服务经费标准的通知》（杭人社发〔2012〕117号）同时废止',
    ),
    at('special_fund_definition', '一', '包括：服务关怀经费、健康体检经费、自管小组文体活动经费、节日慰问费'),
    at(
      'scope_city_level_districts',
      '一',
      '本办法适用于杭州市级（指市本级及上城区、拱墅区、西湖区、滨江区、钱塘区、西湖风景名胜区，下同）专项资金的使用、管理、监督等',
    ),
    at(
      'public_service_costs_scope',
      '三(一)1',
      '退管公共服务主要指各级退管经办机构组织退休人员集体活动、志愿服务、退管工作人员和退休骨干人员培训，选树退管工作先进典型，建立文化养老平台和品牌',
    ),
    at('group_building_fund_use', '三(一)2', '自管小组建设主要指自管小组学习培训及自管小组长的业务能力提升、考核激励'),
    at('health_check_settled_by_reports', '三(二)', '各级退管经办机构根据实际参检且上传体检报告的人数，与承检医院结算费用'),
    at('transfer_base_2021_2022_average', '四(一)', '并以2021-2022年两年平均支出数测算上下划基数'),
    at('remaining_funds_paid', '四(二)', '并于资金使用年度根据实际执行情况拨付剩余资金'),
    at('performance_self_assessment', '五(一)', '跟踪、监控专项资金绩效目标实现情况，并在预算年度结束后开展绩效自评'),
    at('finance_key_performance_evaluation', '五(一)', '各级财政部门根据工作需要适时对专项资金开展重点绩效评价'),
    at('no_diversion_of_funds', '四(二)', '各级退管经办机构要严格按照规定的支出项目和内容使用资金，不得改变资金的性质和用途'),
    at('not_for_unmanaged_or_unrelated', '四(二)', '严禁用于未纳入社会化管理服务的人员及与社会化管理工作无关的支出'),
    at('regular_audit_inspection', '五(二)', '各级人力社保部门应定期开展经费审计督查，加强对经费使用的培训指导和监管'),
    at('third_party_audit', '五(二)', '可聘请具备资质的社会中介机构开展第三方审计'),
    at('who_uses_is_responsible', '五(四)', '坚持“谁使用、谁负责”的原则，加强对违纪违规人员的责任追究'),
    at(
      'staff_misconduct_liability',
      '五(四)',
      '在专项资金的分配审核、使用管理等工作中，存在违反本办法规定的行为，以及其他滥用职权、玩忽职守、徇私舞弊等违法违纪行为的，依照有关法律法规追究相应责任',
    ),
    at('crime_referred_to_judiciary', '五(四)', '涉嫌犯罪的，依法移送司法机关处理'),
    at('other_districts_may_refer', '六(一)', '其他区、县（市）可以参照本办法，结合本地实际，完善制定本级专项资金管理办法'),
    at('effective_date', '六(三)', '本办法自2024年1月1日起实施'),
    at('care_fund_scope', '三(一)', '服务关怀经费。统筹用于退管公共服务、自管小组建设和住院慰问、大病慰问、丧事料理等慰问关怀'),
  ],
};
