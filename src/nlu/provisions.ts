/**
 * The words people use for the rules no topic answers (src/rules/provisions.ts), by the provision's code:
 * "退休后的工伤待遇找谁" asks work_injury_via_enterprise. Each pattern is specific to its rule.
 */
const PROVISION_WORDS: readonly (readonly [string, RegExp])[] = [
  ['flexible_and_non_staff_covered', /灵活就业|编外|民办非企业|社会组织退休|个体户?退休/],
  [
    'activities_at_least_4_a_year',
    /(?<=活动.{0,8})(?<!参加.{0,6})(至少|起码|开展|组织|搞|办)[^，,。？?]{0,3}(几|多少)次|(搞|办|开展|组织)[^，,。？?]{0,3}(几|多少)次活动/,
  ],
  ['activity_venue_per_community', /活动场地|活动室|活动场所|活动中心/],
  ['silver_volunteer_team', /银龄互助社|志愿者|志愿服务|义工/],
  ['community_notifies_health_check', /体检[^，,。？?]{0,4}(通知|预约)|(通知|预约)[^，,。？?]{0,4}体检/],
  ['certification_ways', /刷脸|自助认证|人工认证/],
  ['civil_affairs_reports_deaths', /民政[^，,。？?]{0,8}(死亡|去世|火化)|火化信息|死亡信息/],
  ['hukou_moved_to_residence', /人户分离|迁户口|户口(和|跟)[^，,。？?]{0,4}(住|居住)[^，,。？?]{0,4}不(一样|一致)|户口要不要迁/],
  ['service_phone_published', /(服务人员|社区|工作人员)[^，,。？?]{0,4}(电话|联系方式)[^，,。？?]{0,4}(多少|哪里|公示|查)/],
  ['chronic_disease_declaration', /慢性病|慢病|慢特病|特殊病/],
  ['remote_medical_help', /异地就医|异地备案|外地看病/],
  ['meals_and_day_care', /老年食堂|助餐|供餐|日间照料|托老/],
  ['party_relation_to_community', /党组织关系|组织关系|党员关系|党费|退休党员/],
  ['archives_kept_by_department', /档案[^，,。？?]{0,4}(在哪|放哪|存哪|交到哪|送到哪|交哪|送哪|去哪|归哪)|(人事)?档案(存放|去向)/],
  ['archives_lookup', /查(阅)?档案|档案[^，,。？?]{0,3}(复印|复制|查询|外借|借)|调档|借档案/],
  ['enterprise_helps_funeral', /殡葬服务|追悼会|原(单位|企业|厂)[^，,。？?]{0,6}(帮|管|操办)[^，,。？?]{0,4}(丧事|后事)/],
  ['supplementary_medical_continues', /补充医疗|补充医保/],
  ['work_injury_via_enterprise', /工伤|伤残津贴/],
  ['occupational_disease_recognition', /职业病|尘肺/],
  ['disputes_with_enterprise', /纠纷|信访|上访|(厂|单位|企业)[^，,。？?]{0,4}欠|(和|跟)(厂|单位|企业)[^，,。？?]{0,3}(有)?矛盾/],
  ['pension_query', /(查|查询)[^，,。？?]{0,3}养老金|养老金[^，,。？?]{0,2}(查询|发了多少)/],
  ['red_white_affairs_council', /红白喜事|红白理事会|婚丧/],
  ['outside_city_register_at_agency', /(外省|外地|市外|外面)[^，,。？?]{0,10}报到/],
  ['nursing_home_received_locally', /养老院|敬老院|养老机构|护理院|福利院|精神康复/],
  ['right_to_complain', /投诉|申诉|提意见|反映问题|批评/],
  ['relatives_assist_certification', /(子女|儿子|女儿|家属|亲属|家里人)[^，,。？?]{0,4}(帮|代|协助)[^，,。？?]{0,3}认证|代办认证|帮老人认证/],
  ['old_age_allowance', /高龄补贴|高龄津贴|长寿补贴|老年补贴|高龄老人补贴/],
  ['enterprise_fills_info_form', /基本信息表|信息表|谁填表|(企业|单位|厂)[^，,。？?]{0,8}(填|交)(什么|啥|哪些|哪个)表/],
  ['missing_archive_note', /档案[^，,。？?]{0,4}(缺|不全|少了|丢|补不齐)|补档案/],
  ['cadres_keep_management', /省管干部|离休/],
];

/** The provisions that have words to ask them by. */
export const PROVISIONS_WITH_WORDS: ReadonlySet<string> = new Set(PROVISION_WORDS.map(([code]) => code));

/** The provisions a message asks about with the words that ask it, the longest match first. */
export function provisionsAsked(text: string): { readonly code: string; readonly words: string }[] {
  return PROVISION_WORDS.map(([code, words]) => ({ code, words: words.exec(text)?.[0] ?? '' }))
    .filter((p) => p.words !== '')
    .sort((a, b) => b.words.length - a.words.length);
}
