// 河南省人民政府办公厅关于推进省属国有企业退休人员社会化管理服务工作的意见 (豫政办〔2017〕44号), as forwarded by
// 郑州市人民政府办公厅; shared/policies/001_*.txt.
import { type Law, since, y } from './types.ts';

const D = '2017-05-09';
const at = <T>(value: T, clause: string, quote: string) => since(D, value, 'henan', clause, quote);

export const henan: Law = {
  doc: 'henan',
  deathBenefitsHelp: [
    at(['funeral_grant', 'survivor_pension'] as const, '四(七)', '街道(乡镇)和社区要协助其家属及时向原企业和社会保险经办机构报告,并协助申请丧葬补助金和抚恤金'),
  ],
  hardshipAssistance: [at(true, '四(九)', '及时帮助符合条件的企业退休人员家庭申请最低生活保障等')],
  hardshipVisits: [at(true, '四(四)', '做好对特困、高龄、鳏寡、重病、残疾的企业退休人员走访慰问、帮困扶')],
  festivalVisits: [at('retirees', '郑州转发通知五', '组织乡镇(办)和社区(村)开展节日看望慰问活动')],
  handoverByHukouOrResidence: [at(true, '二(二)2', '原则上按企业退休人员的户口所在地或常年居住地进行移交')],
  cadresKeepManagement: [at('with_provincial_cadres', '五(一)', '企业离休人员和省管干部保持现有管理方式不变')],
  extraItemsOriginalChannel: [at(true, '七(一)', '对现有的企业退休人员享受的统筹外项目由原渠道解决')],
  outOfProvinceToEnterpriseLocation: [at(true, '二(二)2', '省外户籍的退休人员移交到企业所在地街道(乡镇)和社区')],
  budget: [at([{ item: 'management', perRetiree: y(1000) }], '六(二)2', '管理费用暂按每人1000元的标准计算')],
  budgetSplit: [at({ kind: 'central_or_provincial_finance' }, '六(二)2', '非中央下放的省属企业移交退休人员产生的管理费用由省级财政承担')],
  staffPerRetirees: [at(300, '五(四)2', '按每300名退休人员配备1名管理服务人员的比例')],
  // 郑州市转发通知 三、充实人员力量: the county at least 3–5, the township a dedicated person, the community 1–2.
  staffByLevel: [
    at(
      { county: [3, 5] as const, community: [1, 2] as const },
      '郑州转发通知三',
      '工作人员原则上不少于3—5人;乡镇(办)必须有专人负责,社区(村)工作人员根据情况可设1—2人',
    ),
  ],
  communityStaffByHouseholds: [
    at(
      { below1000: 5, from1000: 7, from2000: 9, over3000PerHouseholds: 300 },
      '五(四)1',
      '原则上社区居民1000户以下移交5人,1000户至2000户移交7人,2000户至3000户移交9人,超过3000户的每增加300户增加1人',
    ),
  ],
  // Rules no topic answers, each a provision of its own (the step `provision` finds them by their words).
  provisions: [
    at('community_services', '四', '人员移交街道(乡镇)和社区实行属地管理,管理服务工作主要包括'),
    at('civil_affairs_reports_deaths', '郑州转发通知五', '将死亡人员信息及时提供给社保经办机构'),
    at('hukou_moved_to_residence', '二(二)2', '户口所在地与常年居住地不一致的,尽量将户籍迁入居住地'),
    at('service_phone_published', '四(二)', '向企业退休人员公示街道(乡镇)、社区服务人员的联系电话'),
    at('chronic_disease_declaration', '四(三)', '养老金领取资格认证和退休人员重症慢性病申报等工作'),
    at('remote_medical_help', '四(六)', '协助开展办理异地就医手续等医疗、护理和康复服务'),
    at('meals_and_day_care', '四(八)', '积极推进老年供餐、社区日间照料、老年活动中心等养老服务项目实施'),
    at('party_relation_to_community', '五(一)', '做好企业退休人员党组织关系转移工作,街道(乡镇)和社区党组织要切实加强教育管理'),
    at('archives_kept_by_department', '五(二)', '相关档案存放在县级以上档案管理部门'),
    at('archives_lookup', '五(二)', '档案管理部门要做好企业退休人员档案的接收、管理和查阅、复制等服务工作'),
    at('enterprise_helps_funeral', '七(二)', '协助做好退休人员的慰问、殡葬服务等工作'),
    at('supplementary_medical_continues', '七(三)', '企业建立的补充医疗保险,移交地方管理的退休人员继续享受'),
    at('work_injury_via_enterprise', '七(四)', '其退休后工伤保险待遇仍由原企业向参保地工伤保险经办机构申报,由工伤保险基金按照标准支付'),
    at('occupational_disease_recognition', '七(四)', '企业退休人员被诊断、鉴定为职业病的,原企业向社会保险行政部门提出工伤认定申请'),
    at('disputes_with_enterprise', '七(五)', '事关企业退休人员与企业利益纠纷及相关信访等事项,仍由原企业负责解决'),
    at('cadres_keep_management', '五(一)', '企业离休人员和省管干部保持现有管理方式不变'),
    at(
      'interim_service_where_community_weak',
      '三',
      '在社区管理组织尚不健全、企业退休人员居住比较分散的县(市、区),可暂由原企业退休管理机构或社会保险经办机构对企业退休人员提供相关管理服务',
    ),
    at(
      'no_community_in_mining_area',
      '三',
      '对没有设立社区管理组织的,由当地政府结合实际设立社区管理组织承担相应职能,也可交由相近的街道(乡镇)和社区,或暂由原企业退休管理机构提供管理服务',
    ),
    at('contact_card_and_chat_groups', '四(一)', '通过发放联系卡和建立QQ群、微信群等,适时掌握退休人员基础信息变化情况并及时更新'),
    at('health_archive_and_followup', '四(六)', '街道(乡镇)和社区卫生服务站要做好企业退休人员健康档案建立、健康体检、慢性病防治和大病人员的跟踪随访工作'),
    at('extra_items_new_retirees', '七(一)', '对以后新退休人员的统筹外费用进行规范,确属国家和省有文件规定和政策依据的,由企业按规定办理'),
    at(
      'handover_deadline_2017',
      '八(三)',
      '2017年5月底前,完成省属企业社区管理组织职能、人员等移交、接收任务。2017年6月底前,总体完成省属企业退休人员社会化管理服务移交工作',
    ),
    at('central_finance_bears_costs', '六(二)2', '原中央下放地方的煤炭、有色金属、军工等企业(含政策性破产企业)移交退休人员产生的管理费用由中央财政承担'),
    at(
      'transferred_staff_pay_gap',
      '五(四)3',
      '薪酬待遇享受接收地社区工作人员同等待遇,费用由当地政府承担,移交后薪酬待遇低于移交前原企业的,差额部分由原企业支付',
    ),
    at('county_receives_archives_and_festival_visits', '郑州转发通知五', '接收退休人员档案和信息资料,组织乡镇(办)和社区(村)开展节日看望慰问活动、生存调查工作'),
    at(
      'enterprise_activity_venues_transferred',
      '五(三)2',
      '企业专门用于退休人员活动的场所、设备、设施等资产,与企业职工家属区相配套的公共场所、公有房屋、场地及服务设备设施等,移交当地县(市、区)政府',
    ),
    at('community_organises_activities', '四(五)', '组织开展党建、文体娱乐、政策宣传、老年大学、社会公益等活动'),
    at('rights_not_reduced_after_handover', '一', '要确保企业退休人员所享受的服务质量不下降,确保其合法权益不受损'),
    at('enterprise_keeps_assisting', '七', '在一定时期内,企业要按规定继续承担一定的管理服务工作,安排专人协助街道(乡镇)和社区开展企业退休人员管理服务工作'),
    at(
      'what_is_socialised_management',
      '四',
      '企业退休人员社会化管理服务是指职工办理退休手续后,其管理服务工作与原企业分离,人员移交街道(乡镇)和社区实行属地管理',
    ),
    at(
      'funds_in_annual_budget',
      '郑州转发通知四',
      '退休人员社会化管理费用纳入同级财政预算,并按照市、县(市、区)两级退休人员社会化管理责任和任务,做好各级财政经费保障工作',
    ),
    at('handover_main_responsibility', '二(二)1', '各级政府负总责,并承担接收主体责任,企业承担移交主体责任'),
    at('new_retirees_after_handover', '五(一)', '对整体移交后新退休的人员,按照有关规定及程序由企业协助办理相关手续'),
    at(
      'cadres_may_join_community_services',
      '五(一)',
      '企业离休人员和省管干部保持现有管理方式不变,对居住在社区且有参与社区退休管理服务要求的人员,街道(乡镇)和社区可先建立这些人员的基本情况信息库,提供相应的社会化服务',
    ),
    at('enterprise_organises_archives', '五(二)', '企业要按照相关规定,做好企业退休人员档案的整理及补充、完善工作'),
    at('community_scale_by_households', '五(三)1', '原则上城市按1000户至3000户、城镇(县城)按1000户至2000户常住居民的规模设置社区和社区居委会'),
    at('enterprise_community_merge_or_standalone', '五(三)1', '县(市、区)政府根据移交社区居民户数,结合区域布局和服务需要,确定单独设立或并入其他社区管理组织'),
    at('indivisible_assets_lent', '五(三)2', '对难以分割移交的资产,由企业提供给社区管理组织管理使用,为社区居民提供优质便利的服务'),
    at(
      'assets_after_three_supplies',
      '五(三)2',
      '职能、人员可以先移交,同时对应移交的社区资产及相关服务设备设施要进行核实确认,签订移交协议,待企业“三供一业”改造完成后,再进行资产及相关服务设备设施的移交',
    ),
    at(
      'receiving_government_funds_community_costs',
      '六(二)1',
      '社区服务基础设施建设经费,接收退休人员社区需增配社区基础设施、养老设施建设经费,政府购买服务经费等纳入接收地政府财政预算,主要由接收地政府解决落实',
    ),
    at('provincial_fee_paid_in_instalments', '六(二)2', '此项经费先由省级财政分期拨付给相关县(市、区)政府,专款专用'),
    at('fund_standard_adjustment', '六(二)2', '待国家层面关于退休人员社会化管理的指导意见及有关费用标准出台后,按国家相关政策、标准予以调整'),
    at(
      'facilities_upgraded_by_government',
      '六(三)',
      '企业移交时原有场地、设施等达不到规定标准的,由当地政府在接收后根据接收人数,按照有关政策规定,采取新建、改扩建、购置、置换等方式增配社区服务设施',
    ),
    at(
      'handover_agreements_2017',
      '八(三)',
      '2017年3月底前,省属企业与相关省辖市、省直管县(市)政府签订移交框架协议,明确移交内容,落实工作责任。2017年4月底前,省属企业与有接收任务的县',
    ),
  ],
};
