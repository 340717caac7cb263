// 长沙市退休人员社会化管理服务办法 (长政办发〔2020〕10号), shared/policies/002_*.txt. In force 2020-05-01 for 5 years.
import { type Law, since, y } from './types.ts';

const D = '2020-05-01';
const at = <T>(value: T, clause: string, quote: string) => since(D, value, 'changsha', clause, quote);

export const changsha: Law = {
  doc: 'changsha',
  deathReport: [
    at(
      { deadlineDays: 30, whom: 'registered_community_or_agency' },
      '第十六条(四)',
      '退休人员死亡后，其亲属应在30日内向死者生前登记的社区或社会保险经办机构报告',
    ),
  ],
  certification: [at({ timesPerYear: 1 }, '第十六条(二)', '应在每一个年度内进行一次养老金领取资格认证')],
  homeCertification: [
    at(true, '第七条(三)3', '为本辖区重病卧床、行动不便、入住养老服务机构、精神康复医院，或其他身体原因不能自主完成认证的退休人员提供上门认证服务'),
  ],
  pensionSuspension: [
    at(
      ['no_certification', 'missing_over_6_months', 'imprisoned', 'double_drawing', 'other_law'] as const,
      '第三十二条',
      '社会保险经办机构应停发或暂时停发其基本养老金，待其情形消失后再恢复发放或补发养老金',
    ),
  ],
  pensionStopsOnDeath: [at(true, '第三十二条', '退休人员死亡的，停止享受基本养老金')],
  overpaymentRecovered: [at(true, '第三十一条(一)', '对疑似冒领养老金行为，社会保险经办机构应及时调查核实并限期追回')],
  fraudRepaid: [at(true, '第三十四条', '由社会保险行政部门责令退回骗取的社会保险金')],
  fraudReportReward: [at(true, '第三十一条(二)', '建立举报冒领养老金的奖励制度')],
  cadresKeepManagement: [at('in_principle', '第三十五条', '企业离休人员原则上保持现有管理方式不变，具备条件的可以纳入属地管理')],
  residenceRegistration: [at('residence_community', '第十二条(一)', '在本市行政区域内居住的退休人员，到其常年居住地的社区报到')],
  archiveToArchivesDepartment: [at(true, '第十二条(二)', '退休人员人事档案移交其参保单位所在市、区县（市）档案管理部门统一管理')],
  budget: [at([{ item: 'management', perRetiree: y(100) }], '第十条', '退休人员社会化管理服务工作专项经费标准为100元/人/年')],
  budgetSplit: [
    at(
      { kind: 'city_district_50_50_for_central_provincial_and_city_level' },
      '第十条',
      '中央、省属驻长企业已经实行属地管理的退休人员和市本级管理的退休人员的社会化管理服务工作经费由市财政和区县（市）财政各分担50%',
    ),
  ],
  officeEquipment: [at(true, '第十条', '社会化管理服务工作办公设备购买')],
  reportChanges: [
    at(true, '第十六条(三)', '个人信息发生变动，如电话更换、住址搬迁、移居外省市（境外）等，本人应及时告知或委托亲属及时告知社区或社会保险经办机构'),
  ],
  hardshipAssistance: [at(true, '第六条(三)', '将有特殊生活困难的退休人员纳入社会救助范围，及时向符合享受低保条件的退休人员家庭提供最低生活保障')],
  hardshipVisits: [at(true, '第二十五条(一)', '街道（乡镇）、社区要掌握辖区内孤寡、重病、高龄、特困、独居、伤残等退休人员基本情况，定期进行探访')],
  visitsOnIllnessAndDeath: [at(true, '第二十五条(二)', '退休人员重病住院、死亡，应上门慰问、悼念')],
  festivalVisits: [at('vulnerable', '第二十五条(二)', '每年逢重大节日，对上述人员开展慰问活动')],
  // Rules no topic answers, each a provision of its own (the step `provision` finds them by their words).
  provisions: [
    at('community_services', '第七条(三)', '负责本辖区内退休人员养老金领取资格认证、基础信息核实及录入、养老金发放情况的查询及政策解释'),
    at('party_relation_to_community', '第十二条(三)', '党员组织关系转往其常年居住地的区县（市）委组织部，再按程序转往其所在街道（乡镇）或社区党组织'),
    at('pension_query', '第七条(三)2', '基础信息核实及录入、养老金发放情况的查询及政策解释'),
    at('red_white_affairs_council', '第七条(三)8', '成立红白喜事理事会，倡导文明节俭操办婚丧喜庆事宜'),
    at('outside_city_register_at_agency', '第十二条(一)', '在本市行政区域外居住的退休人员，到其参保的社会保险经办机构办理'),
    at('nursing_home_received_locally', '第十二条(一)', '入住本市养老服务机构、精神康复医院的退休人员，由辖区内的社区或街道（乡镇）社会保障服务机构负责接收'),
    at('right_to_complain', '第十五条(三)', '享有向社会化管理服务工作机构反映意见和建议，提出批评和申诉的权利'),
    at('relatives_assist_certification', '第十六条(四)', '退休人员的直系亲属应积极协助做好退休人员养老金资格认证、待遇查询、养老金核对等相关事项'),
    at('silver_volunteer_team', '第二十二条', '建立市、区两级志愿者资源库，发挥志愿者及义工在退休人员管理服务中的重要作用'),
    at('cadres_keep_management', '第三十五条', '企业离休人员原则上保持现有管理方式不变，具备条件的可以纳入属地管理'),
    at(
      'scope_who_is_covered',
      '第三条',
      '本市行政区域内已依法参加长沙市企业职工基本养老保险、机关事业单位基本养老保险，并按月领取基本养老金的退休人员适用本办法',
    ),
    at(
      'certification_big_data_online',
      '第二十七条',
      '构建以退休人员社会化管理系统认证为主导，与大数据共享比对、社会化服务、互联网等方式相结合的养老金领取资格认证新模式',
    ),
    at('retired_party_members_org_life', '第二十四条', '采取灵活的方式，组织退休党员过好组织生活，加强政治理论学习'),
    at(
      'community_reports_status_changes',
      '第二十八条',
      '如出现居住流动、判刑、失踪、死亡等状态变动或逾期未认证、重复领取养老保险待遇等情况，应做相关业务处理',
    ),
    at('meals_and_day_care', '第六条(三)', '加快推进社区日间照料、康复护理、助餐助行等养老服务建设'),
    at('health_archive_and_followup', '第七条(三)6', '建立退休人员健康档案，有计划地开展健康教育、疾病预防控制和保健工作'),
    at(
      'enterprise_activity_venues_transferred',
      '第八条(五)',
      '用人单位用于退休人员活动的场所和设施，在与用人单位协商一致后，可依规无偿划转、调换，或由街道（乡镇）和社区购买服务后继续使用',
    ),
    at('activity_centre_and_interest_classes', '第十三条', '完善社区基本活动配套设施，建立老年活动中心，开办各种文体兴趣班，丰富退休人员晚年生活'),
    at(
      'retiree_rights_services',
      '第十五条(二)',
      '享有社会化管理服务工作机构提供的政策咨询、慰问、社会保障服务权利，享有参与社会化管理服务工作机构组织的文体健身、健康教育活动的权利',
    ),
    at('management_fund_scope', '第十条', '专项经费用于保障退休人员社会化管理服务工作开展，包括养老金领取资格认证、退休人员文化体育健身、走访慰问活动开展'),
    at('competent_department', '第五条', '市、区县（市）人力资源社会保障行政部门为退休人员社会化管理服务工作的主管部门'),
    at('fraud_report_reward', '第三十一条(二)', '建立举报冒领养老金的奖励制度'),
    at('what_is_socialised_management', '第二条', '其管理服务工作与原用人单位分离，养老金实行社会化发放，人员移交街道（乡镇）和社区，实行属地管理'),
    at('central_provincial_covered', '第三条', '中央驻长企业、省属在长企业退休人员纳入长沙市社会化管理服务范围的适用本办法'),
    at('community_clinics_in_medical_insurance', '第六条(六)', '将符合条件的社区卫生服务机构纳入城镇职工基本医疗保险协议医疗机构的范围'),
    at('employer_guides_certification', '第八条(一)', '指导本单位原有退休人员及时办理养老金领取资格认证，协助核实养老金发放情况及政策解释'),
    at('dedicated_staff_required', '第九条', '街道（乡镇）、社区社会保障服务机构应明确专人或熟悉社会保障工作的人员负责社会化管理服务工作'),
    at('funds_in_annual_budget', '第十条', '各级财政部门按照在本级社会保险经办机构管理的退休人员安排经费，列入本级财政年度预算'),
    at('district_managed_paid_by_district', '第十条', '区县（市）管理的退休人员的社会化管理服务工作经费由各区县（市）财政承担'),
    at('fund_standard_adjustment', '第十条', '社会化管理服务工作经费应建立正常调整机制。根据经济增长、物价上涨情况，适时提高经费标准'),
    at('no_diversion_of_funds', '第十一条', '要严格按照资金开支范围规范资金使用，专款专用，不得截留、挤占、挪用资金'),
    at('enterprise_organises_archives', '第十二条(二)', '在移交档案前完成档案整理、编目、分类、排序、装订成册和数字化工作'),
    at('activity_base_using_venues', '第十四条', '充分利用企业现有活动场所和辖区内文化、体育经营场所及相应设备设施，建立退休人员文体活动基地'),
    at('pension_on_time_in_full_right', '第十五条(一)', '依法享有按时足额领取基本养老金的权利'),
    at('community_medical_insurance_services', '第十八条', '社区在医疗保险经办机构的指导下，做好医疗保险方面的相关服务工作'),
    at('groups_by_building_elected_leader', '第十九条', '社区应根据退休人员居住情况分片或以楼栋为单位划定若干小组，由退休人员民主推选合适人员担任组长'),
    at(
      'policy_consultation_at_community',
      '第二十一条',
      '街道（乡镇）和社区工作人员要加强对社会保障法律、法规和政策的学习，熟悉社会保障业务工作，不断提高政策水平和业务能力，为退休人员提供政策咨询、查询服务',
    ),
    at('vulnerable_priority_services', '第二十五条(一)', '孤寡、重病、高龄、特困、独居、伤残等退休人员基本情况，定期进行探访，并优先保障其服务需求'),
    at('festival_visits_vulnerable', '第二十五条(二)', '每年逢重大节日，对上述人员开展慰问活动'),
    at('home_based_elderly_care', '第二十六条', '会同民政、卫生健康等部门组织开展社区居家养老服务'),
    at('personal_info_not_disclosed', '第二十九条', '依法保护退休人员的个人信息，任何机构和个人不得擅自泄露'),
    at(
      'staff_misconduct_liability',
      '第三十三条',
      '未履行退休人员社会化管理服务职责，或者滥用职权、玩忽职守、徇私舞弊的，对直接负责的主管人员和其他直接责任人员依法给予处分',
    ),
    at('crime_referred_to_judiciary', '第三十四条', '对单位和个人涉嫌社会保险欺诈犯罪的，应当按照规定移送有权机关'),
    at('effective_date', '第三十六条', '本办法自2020年5月1日起施行，有效期5年'),
  ],
};
