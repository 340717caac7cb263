// 建德市企业退休人员社会化管理服务专项资金管理办法 (no 文号 in the text), shared/policies/000_*.txt.
import { Decimal } from 'decimal.js';
import { type Law, since, y } from './types.ts';

const D = '2024-01-01';
const at = <T>(value: T, clause: string, quote: string) => since(D, value, 'jiande', clause, quote);

export const jiande: Law = {
  doc: 'jiande',
  hospitalization: [at({ perStay: y(150), maxTimesPerYear: 1 }, '三(一)4', '给予150元/次慰问费，原则上每人每年不超过1次')],
  // 三(一)4 adds a middle tier: 超过1万元的不超过4万元的 → 最高不超过1000元.
  seriousIllness: [
    at(
      {
        threshold: y(5000),
        tiers: [
          { upTo: y(10000), ceiling: y(500) },
          { upTo: y(40000), ceiling: y(1000) },
          { upTo: null, ceiling: y(2500) },
        ],
      },
      '三(一)4',
      '年支出超过1万元的不超过4万元的，给予最高不超过1000元慰问；年支出超过4万元的，给予最高不超过2500元慰问',
    ),
  ],
  // 三(一)3 集体性文体活动: organised by the city, 街道（乡镇）and 社区（村）; no once-a-year or 慰问品 rule as in Hangzhou 三(三).
  collectiveActivities: [
    at(
      true,
      '三(一)3',
      '集体性文体活动费用统筹用于市级退管经办机构、街道（乡镇）、社区（村）按照“多样、就近、安全”的原则，组织的围绕红色力量、兴趣培养、健康养生、体育健身、安全反诈等主题的企退人员文化、体育活动',
    ),
  ],
  seriousIllnessPublicised: [at(true, '三(一)4', '大病慰问对象主要情况及慰问金额应在部门或村社进行公示')],
  funeral: [at({ amount: y(200), payment: 'visit_or_account' }, '三(一)4', '给予200元的丧事料理慰问费，可上门慰问或打入本人、直系亲属账户')],
  // 三(一)4 only hardship cases (重点、特困、高龄、孤寡 …) at 端午节、重阳节和春节等: ≤500, especially hard ≤1000.
  festivalHardship: [
    at(
      { ceiling: y(500), severeCeiling: y(1000), festivals: ['端午节', '重阳节', '春节'], maxTimesPerYear: 1 },
      '三(一)4',
      '慰问标准原则上不超过500元/人，特别困难的，原则上不超过1000元/人。退休人员原则上每人每年不超过1次',
    ),
  ],
  healthCheck: [at({ standard: y(400), intervalYears: 2 }, '三(二)', '两年一次的退休人员健康体检，每次体检经费标准为400元/人')],
  healthCheckOutside: [at({ capIsStandard: true }, '三(二)', '凭体检正规发票到社会化管理所在地按实报销，报销金额不超过体检经费标准')],
  healthCheckFunding: [at({ payer: 'city_finance_full' }, '四(一)', '健康体检经费按照体检安排情况，由市财政全额承担')],
  groupLeaderSubsidy: [at({ perRetiree: y(10), annualCap: y(500) }, '三(一)2', '按不超过10元/人的标准，每位小组长每年不超过500元')],
  leaderSubsidyFund: [at('退管服务专项资金', '三(一)2', '每位小组长每年不超过500元，给予退管服务专项资金补助')],
  careItemsFund: [
    at(
      '退管工作经费',
      '三(一)',
      '退管工作经费。统筹用于市级退管机构、乡镇（街道）和社区（村）企业退休人员社会化管理服务。包括退管公共服务、自管小组建设、集体性文体活动和住院慰问、大病慰问、丧事料理等慰问关怀',
    ),
  ],
  groupSize: [at([30, 50] as const, '三(一)2', '每30-50名退休人员组成自管小组')],
  leaderMaxAge: [at(75, '三(一)2', '年龄一般不超过75周岁的退休人员担任自管小组长')],
  leaderPaidToOwnCard: [at(true, '三(一)2', '补助发放必须实名打入本人银行卡，人员名单、金额应在镇村公示栏进行公示')],
  coverageStart: [at('month_after_pension_start', '二(一)', '在办理按月领取基本养老金手续的次月移交实行社会化管理服务')],
  handoverForms: [at(['企业职工退休“一件事”联办申请表'] as const, '二(一)', '应填报《企业职工退休“一件事”联办申请表》')],
  coverageStop: [at('month_after_death', '二(三)', '去世次月起停止社会化管理服务')],
  noBackPay: [at(true, '二(三)', '未及时办理退休人员移交社会化管理服务手续的，社会化管理服务相关待遇不予补发')],
  originalChannel: [
    at(['central_or_provincial_not_local'], '二(二)', '非在建参保的央企、省属国有企业退休人员，按上级部门规定移交建德纳入属地社会化管理服务，按原渠道保障经费'),
  ],
  deathReport: [at({ deadlineDays: null, whom: 'management_community' }, '二(三)', '退休人员去世后，家属应及时告知社会化管理服务地社区（村）')],
  // 四(一) 2024年年预算安排标准: 退管工作经费90元/人，市级预留15元/人; 体检由市财政全额承担; 2028年与杭州同标.
  budget: [
    at(
      [{ item: 'work_funds', perRetiree: y(90), reserve: { holder: 'city', perRetiree: y(15) } }],
      '四(一)',
      '2024年年预算安排标准：退管工作经费90元/人，其中市级退管经办机构按15元/人的标准预留资金',
    ),
  ],
  budgetSplit: [at({ kind: 'city_pays_health_check_in_full' }, '四(一)', '健康体检经费按照体检安排情况，由市财政全额承担')],
  budgetTarget: [at({ sameAsHangzhouBy: 2028 }, '四(一)', '到2028年实现与杭州市社会化管理经费同标')],
  allocationGrades: [
    at(
      { 优秀: new Decimal(1.1), 良好: new Decimal(1), 合格: new Decimal(0.9), 不合格: new Decimal(0.7), timesPerYear: 2 },
      '四(三)',
      '市人力社保局根据评估等级分别按核算金额的110%、100%、90%、70%确定拨付额度',
    ),
  ],
  fundPayer: [at('city_finance', '四(一)', '市人力社保局按资金使用年度退休人员预计数编制专项资金预算，由市财政局负责保障')],
  otherPayer: [
    at(
      { group: 'provincial_agency_local_hukou', payer: 'provincial_finance' },
      '四(一)',
      '在省社保中心参保退休的户籍人员，移交建德实行社会化管理服务所需经费，由省财政承担',
    ),
  ],
  noFixedAssets: [at({ except: ['archive_shelf', 'archive_cabinet'] as const }, '四(二)', '不得用于购买固定资产（档案架、档案柜等存放档案设备除外）')],
  // 附件 考核评分细则: 日常工作 50 分, 优质服务 50 分. It sets no score for each grade of 四(三).
  assessmentRubric: [
    at(
      [
        { dimension: '日常工作', item: '网格化管理', points: 10 },
        { dimension: '日常工作', item: '慰问走访', points: 10 },
        { dimension: '日常工作', item: '健康体检', points: 10 },
        { dimension: '日常工作', item: '待遇认证', points: 10 },
        { dimension: '日常工作', item: '日常履职', points: 10 },
        { dimension: '优质服务', item: '文体活动', points: 20 },
        { dimension: '优质服务', item: '创新亮点', points: 20 },
        { dimension: '优质服务', item: '宣传报道', points: 10 },
      ] as const,
      '附件',
      '建德市企业退休人员社会化管理服务工作考核评分细则',
    ),
  ],
  publicity: [at({ minDays: 7, place: 'notice_board' }, '五(二)', '大病慰问和自管小组长补助，应在单位公示栏公示不少于7天')],
  // Rules no topic answers, each a provision of its own (the step `provision` finds them by their words).
  provisions: [
    at('flexible_and_non_staff_covered', '二(一)', '企业单位退休人员（含灵活就业退休人员）、机关事业单位、乡镇（街道）编外退休人员、民办非企业单位退休人员'),
    at('activities_at_least_4_a_year', '附件 文体活动', '每年专门面向企退人员开展活动至少4次'),
    at('activity_venue_per_community', '附件 文体活动', '各社区(村)至少建立1处退休人员活动场地'),
    at('silver_volunteer_team', '附件 文体活动', '成立“银龄互助社”志愿者小分队，各志愿者队伍活动每季度不少于一次'),
    at('community_notifies_health_check', '附件 健康体检', '做好企业退休人员信息核对、体检事项通知、协助预约、宣传发动等工作，及时提醒未预约和参检人员'),
    at('certification_ways', '附件 待遇认证', '通过日常走访、人工认证、自助认证等方式开展领取养老待遇资格认证'),
    at('group_leader_selection_criteria', '三(一)2', '可选聘政治素养高、协调组织能力强、身体较好'),
    at('group_leader_accident_insurance', '三(一)2', '自管小组长的业务能力提升、考核激励、意外保险购买等费用'),
    at('self_managed_group_voluntary', '三(一)2', '村社要根据“就近、便利、自愿”的原则'),
    at('teaching_point_fund_use', '三(一)1', '教学点和街道学苑经费主要用于教师课酬、专职班主任劳务费、组织教学活动和购买小额教学耗材、师生意外伤害保险等'),
    at('fund_paid_half_yearly', '四(三)', '每半年度拨付一次，拨付额度与绩效评估结果挂钩'),
    at('shortfall_to_city_pool', '四(三)', '未满额拨付的差额资金纳入市级统筹'),
    at(
      'previous_rules_repealed',
      '六(二)',
      '前发《建德市企业退休人员服务经费及生活补贴管理办法》（建劳社字〔2005〕第10号）、《关于调整建德市企业退休人员服务经费标准的通知》（建劳社字〔2006〕73号）同时废止',
    ),
    at('fund_fraud_penalty', '五(三)', '对有关单位和个人弄虚作假、骗取套取专项资金的，按照《财政违法行为处罚处分条例》等有关规定严肃查处'),
    at('special_activity_team', '附件 创新亮点', '建立辖区特色活动队，重大节日要有专题活动，每个辖区特色活动队伍不少于1支'),
    at('qitui_home_station', '附件 创新亮点', '依托人社驿站，建立基层“企退之家”服务工作站'),
    at('retiree_forum', '附件 创新亮点', '定期召开企退人员座谈会，主动了解民情民意，及时掌握退休人员动态'),
    at('skills_training', '附件 创新亮点', '开展实用性和针对性强的企业退休人员技能培训，为满足企退人员“老有所学”创造条件'),
    at('special_fund_definition', '一', '本办法所称专项资金，是指由市级财政承担，用于保障企业退休人员社会化管理服务工作的各项经费'),
    at(
      'public_service_costs_scope',
      '三(一)1',
      '组织退休人员志愿服务、退管工作人员和退休骨干人员培训，选树退管工作先进典型，建立文化养老平台和品牌，建设维护数字化服务平台，管理档案及数字化加工',
    ),
    at('health_check_settled_by_reports', '三(二)', '根据实际参检且上传体检报告的人数，与承检医院结算费用'),
    at('finance_key_performance_evaluation', '四(三)', '各级财政根据工作需要适时对专项资金开展重点绩效评价'),
    at('no_diversion_of_funds', '四(二)', '专项资金实行专款专用，各级退管经办机构要严格按照规定的支出项目和内容使用资金，不得改变资金的性质和用途'),
    at('not_for_unmanaged_or_unrelated', '四(二)', '严禁用于未纳入社会化管理服务的人员及与社会化管理工作无关的支出'),
    at('regular_audit_inspection', '五(一)', '市人力社保局、市财政局定期开展经费审计督查，加强对资金使用的培训指导和监管'),
    at('third_party_audit', '五(一)', '可聘请具备资质的社会中介机构开展第三方审计'),
    at('who_uses_is_responsible', '五(三)', '坚持“谁使用、谁负责”的原则，加强对违纪违规人员的责任追究'),
    at(
      'staff_misconduct_liability',
      '五(三)',
      '在专项资金的分配审核、使用管理等工作中，存在违反本办法规定的行为，以及其他滥用职权、玩忽职守、徇私舞弊等违法违纪行为的，依照有关法律法规追究相应责任',
    ),
    at('crime_referred_to_judiciary', '五(三)', '涉嫌犯罪的，依法移送司法机关处理'),
    at('effective_date', '六(二)', '2024年1月1日至2024年月日期间参照本文件执行'),
    at(
      'grid_service_network',
      '附件 网格化管理',
      '通过信息系统对退休人员实施动态管理，及时做好新退休人员接收、信息核实变更、关系转接等，确保每一位企退人员纳入服务管网',
    ),
    at('rubric_grid_management', '附件 网格化管理', '10未按规定建立自管小组和志愿者服务队的，不得分。未按规定将企退人员纳管的，每发现1人扣1分'),
    at('rubric_info_error_deduction', '附件 网格化管理', '未按规定核实更改退休人员信息导致通知，每反映1例扣1分，扣完为止'),
    at(
      'visits_ledger_in_system',
      '附件 慰问走访',
      '开展本辖区内企业退休人员大病住院探望，困难人员慰问走访，并在信息系统做好退休人员基本信息以及走访慰问等台账维护',
    ),
    at(
      'rubric_visits_scoring',
      '附件 慰问走访',
      '以杭州市退休人员综合管理服务平台系统上传数据作为主要依据，未有效开展走访的，不得分。未按规定走访或走访信息不实的，每发现1例扣1分',
    ),
    at('rubric_health_check_notice', '附件 健康体检', '全通知到位，顺利组织的得满分；发现未通知的1人扣1分，未通知到位并引起信访上访的扣2分，扣完为止'),
    at(
      'rubric_certification',
      '附件 待遇认证',
      '下发人员全准确核查到位的，得满分；因工作人员不负责造成养老金流失的，不得分；核查认证少报、漏报的，每发现1人扣1分',
    ),
    at('dedicated_staff_required', '附件 日常履职', '配备专人开展企退人员日常管理工作，人员职责明确'),
    at('rubric_daily_duty_staffing', '附件 日常履职', '10未配备专人的，不得分；因工作职责不明确导致任务未有效落实的，扣5分'),
    at('rubric_meetings_reports', '附件 日常履职', '对中心协调事项或召集的会议未主动配合参加的,每次扣3分;未按时上报有关材料、报表的,每次扣1分'),
    at('rubric_misuse_of_funds', '附件 日常履职', '未规范有效使用经费的，每发现1次扣3分'),
    at('rubric_activities_scoring', '附件 文体活动', '20根据活动开展次数和成效，通过台账记录、照片、视频、活动报道等进行赋分'),
    at('rubric_bonus_city_events', '附件 文体活动', '对承办市级企退人员活动的，或积极配合支持市级活动举办的，根据支持配合程度，酌情加分'),
    at('health_education_and_publicity', '附件 文体活动', '经常性开展健康教育、政策宣传和其他公益性活动（3分）'),
    at(
      'rubric_innovation_scoring',
      '附件 创新亮点',
      '20根据工作的推动落实及完成情况，通过实地查看、台账记录、照片、视频、宣传报道等进行赋分；对工作中亮点突出，在全市或条线内有一定影响，成效明显的，酌情加分',
    ),
    at('backbone_team_training', '附件 创新亮点', '组建企业退休人员自我服务骨干队伍，重视发挥网格长、自管小组长作用，并定期开展培训；（3分）'),
    at('rubric_media_coverage', '附件 宣传报道', '在市级以上（含本市）新闻媒体上报道或刊登文章。10根据录用层级进行赋分，本市级5分，市级以上10分'),
    at('care_fund_scope', '三(一)', '退管工作经费。统筹用于市级退管机构、乡镇（街道）和社区（村）企业退休人员社会化管理服务'),
  ],
};
