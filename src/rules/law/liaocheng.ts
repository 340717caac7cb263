// 聊城市国有企业退休人员社会化管理服务办法（试行）(聊国资〔2020〕50号), shared/policies/003_*.txt.
import { type Law, since } from './types.ts';

const D = '2020-11-11';
const at = <T>(value: T, clause: string, quote: string) => since(D, value, 'liaocheng', clause, quote);

export const liaocheng: Law = {
  doc: 'liaocheng',
  deathReport: [
    at(
      { deadlineDays: 7, whom: 'registered_community_or_agency' },
      '第十六条(四)',
      '退休人员死亡后，其亲属应在7日内向死者生前登记的社区或社会保险经办机构报告',
    ),
  ],
  // 按要求: the text sets no yearly count.
  certification: [at({ timesPerYear: null }, '第十六条(二)', '按要求进行养老金领取资格认证，以确保基本养老金正常发放')],
  reportChanges: [
    at(true, '第十六条(三)', '个人信息发生变动，如电话更换、住址搬迁、移居外省市（境外）等，本人应及时告知或委托亲属及时告知社区或社会保险经办机构'),
  ],
  hardshipAssistance: [at(true, '第七条(八)', '协助相关部门做好生活困难国有企业退休人员社会救助工作，帮助符合条件的申请最低生活保障等')],
  hardshipVisits: [at(true, '第二十四条', '乡镇（街道）、社区要掌握辖区内孤寡、重病、高龄、特困、独居、伤残等国有企业退休人员基本情况，定期进行走访慰问')],
  // 附件 《国有企业退休人员档案移交名册表》注: 此表一式二份; 《…基本信息表》注: 此表一式四份.
  archiveRosterCopies: [at({ copies: 2, holders: ['transferor', 'receiver'] as const }, '附件 档案移交名册表', '此表一式二份,移交单位、接收单位各留一份')],
  infoFormCopies: [
    at(
      { copies: 4, holders: ['enterprise', 'retiree', 'community', 'archive_office'] as const },
      '附件 基本信息表',
      '此表一式四份,企业、个人、社区、档案管理部门各一份',
    ),
  ],
  archiveNotCarriedByRetiree: [
    at(true, '附件 档案移交工作流程 二', '派专人携带《档案移交名册表》和已装订成册的退休人员人事档案送至档案保管单位，不得由退休人员本人自带移交'),
  ],
  fraudReportReward: [at(true, '第三十条', '为确保社会保险基金安全，建立举报冒领养老金的奖励制度')],
  officeEquipment: [at(true, '第十条', '社会化管理服务工作办公设备购买')],
  deathBenefitsHelp: [
    at(
      ['social_insurance_benefits'] as const,
      '第七条(九)',
      '协助其家属及时向原企业和社会保险经办机构报告，并协助相关继承人采取多种方式，申请相关社会保险待遇',
    ),
  ],
  // Rules no topic answers, each a provision of its own (the step `provision` finds them by their words).
  provisions: [
    at('community_services', '第七条', '为本辖区内国有企业退休人员提供社会化管理服务'),
    at('service_phone_published', '第七条(三)', '公示乡镇（街道）、社区服务联系电话和提供的公共服务、便民利民服务、志愿者服务'),
    at('party_relation_to_community', '第十二条(三)', '综合考虑党员户籍所在地或现居住地等因素，确定接收党组织，通过灯塔—党建在线党员信息系统转接'),
    at('archives_kept_by_department', '第十二条(二)', '持社区接收确认的信息表，将职工档案移交到属地人社部门'),
    at('archives_lookup', '附件 档案移交工作流程 四', '企业退休人员的档案查询或外借，应按规定严格报批登记'),
    at('disputes_with_enterprise', '第六条(八)', '信访部门负责指导国有企业退休人员社会管理信访工作，会同责任单位及时研判处置相关信访矛盾'),
    at('right_to_complain', '第十五条(三)', '享有向社会化管理服务机构反映意见和建议，提出批评和申诉的权利'),
    at('relatives_assist_certification', '第十六条(四)', '退休人员的直系亲属应积极协助做好退休人员养老金资格认证等相关事项'),
    at('old_age_allowance', '第七条(八)', '协助老龄委、人社等部门，做好退休人员高龄补贴发放工作'),
    at(
      'enterprise_fills_info_form',
      '第十二条(一)',
      '负责填写《国有企业退休人员社会化管理服务基本信息表》（以下简称信息表），企业与退休人员双方确认信息并签字盖章后，移交乡镇（街道）、社区',
    ),
    at('missing_archive_note', '附件 档案移交工作流程 一', '企业无法补齐档案材料的，应出具书面说明，注明材料缺少的名称和原因'),
    at(
      'community_reports_status_changes',
      '第二十七条',
      '如出现居住流动、判刑、失踪、死亡等状态变动或逾期未认证、重复领取养老保险待遇等情况，应及时报告社会保险经办机构',
    ),
    at('health_archive_and_followup', '第七条(七)', '做好辖区国有企业退休人员健康档案建立、健康体检、慢性病防治和大病人员的跟踪随访工作'),
    at('enterprise_hands_over_retiree_info', '第八条(二)', '及时向乡镇（街道）、社区、人社档案管理部门移交退休人员信息'),
    at('subsidy_standard_by_finance', '第十条', '企业退休人员补助标准和支付途径由财政部门按有关政策执行'),
    at('management_fund_scope', '第十条', '专项用于保障国有企业退休人员社会化管理服务工作开展，日常管理服务内容包括档案管理、走访慰问活动开展'),
    at('enterprise_activity_venues_transferred', '第八条(三)', '国有企业用于退休人员活动的场所和设施，依规无偿划转、调换，由乡镇（街道）和社区继续使用'),
    at('activity_centre_and_interest_classes', '第十三条', '完善社区基本活动配套设施，建立老年活动中心，开办各种文体兴趣班，丰富退休人员晚年生活'),
    at(
      'retiree_rights_services',
      '第十五条(二)',
      '享有社会化管理服务工作机构提供的政策咨询、慰问、社会保障服务权利，享有参与社会化管理服务工作机构组织的文体健身、健康教育活动的权利',
    ),
    at('retired_party_members_org_life', '第二十三条', '采取灵活的方式，组织国有企业退休党员过好组织生活，加强政治理论学习'),
    at(
      'certification_big_data_online',
      '第二十六条',
      '构建以国有企业退休人员社会化管理系统认证为主导，与大数据共享比对、社会化服务、互联网等方式相结合的养老金领取资格认证新模式',
    ),
    at('community_organises_activities', '第七条(六)', '组织开展党建、文体娱乐、政策宣传、社会公益等活动'),
    at('competent_department', '第五条', '市、县（市、区）国资部门为国有企业退休人员社会化管理服务工作的主管部门'),
    at('fraud_report_reward', '第三十条', '为确保社会保险基金安全，建立举报冒领养老金的奖励制度'),
    at(
      'what_is_socialised_management',
      '第二条',
      '国有企业参保人员办理退休手续后，其管理服务工作与原用人单位分离，养老金实行社会化发放，人员移交乡镇（街道）和社区，实行属地管理',
    ),
    at('scope_who_is_covered', '第三条', '本市行政区域内已依法参加聊城市企业职工基本养老保险，并按月领取基本养老金的国有企业退休人员，适用本办法'),
    at('central_provincial_covered', '第三条', '中央驻聊企业、省属在聊国有企业退休人员，纳入聊城市社会化管理服务范围的，适用本办法'),
    at('funds_allocated_to_townships', '第六条(七)', '将工作经费按预算级次及时拨付乡镇（街道）'),
    at('dedicated_staff_required', '第九条', '乡镇（街道）、社区服务机构应明确专人负责社会化管理服务工作'),
    at('funds_in_annual_budget', '第十条', '国有企业退休人员社会化管理服务工作补助经费应列入各级财政年度预算'),
    at('no_diversion_of_funds', '第十一条', '各乡镇（街道）、社区要严格按照资金开支范围规范资金使用，专款专用，不得截留、挤占、挪用资金'),
    at('activity_base_using_venues', '第十四条', '充分利用企业划转、调换的活动场所和辖区内文化、体育经营场所及相应设备设施，建立国有企业退休人员文体活动基地'),
    at('pension_on_time_in_full_right', '第十五条(一)', '依法享有按时足额领取基本养老金的权利'),
    at('community_medical_insurance_services', '第十八条', '在医疗保险经办机构的指导下，做好医疗保险方面的相关服务工作'),
    at('self_management_groups_guided', '第十九条', '指导国有企业退休人员建立自我管理和互助服务组织。乡镇（街道）和社区要加强对退休人员自我管理服务组织的指导'),
    at(
      'policy_consultation_at_community',
      '第二十一条',
      '乡镇（街道）和社区工作人员要加强对社会保障法律、法规和政策的学习，熟悉社会保障业务工作，不断提高政策水平和业务能力，为退休人员提供政策咨询、查询服务',
    ),
    at(
      'home_based_elderly_care',
      '第二十五条',
      '民政、卫生健康等部门要适应老年社会发展趋势，充分利用、整合现有社区养老服务场所和服务资源，组织开展社区居家养老服务',
    ),
    at('personal_info_not_disclosed', '第二十八条', '依法保护国有企业退休人员的个人信息，任何机构和个人不得擅自泄露'),
    at('effective_date', '第三十一条', '第三十一条本办法自发布之日起施行'),
    at(
      'enterprise_organises_archives',
      '附件 档案移交工作流程 一',
      '企业要做好退休人员人事档案的整理及补充、完善工作，对于退休人员人事档案中材料不齐全的，企业要予以补齐',
    ),
    at(
      'archive_acceptance_check',
      '附件 档案移交工作流程 三',
      '档案管理人员对企业所移交的退休人员人事档案进行核对、验收，核对验收无误后在《档案移交名册表》签字盖章确认接收',
    ),
    at('archive_custodian_daily_management', '附件 档案移交工作流程 四', '移交后的企业退休人员人事档案由档案保管单位负责管理，并承担日常管理服务工作'),
  ],
};
