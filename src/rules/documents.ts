import type { IsoDate } from './dates.ts';
import type { Citation, DocId } from './types.ts';

export interface PolicyDocument {
  readonly id: DocId;
  /** File name under shared/policies/. */
  readonly file: string;
  readonly title: string;
  /** 文号; null where the text carries none. */
  readonly docNumber: string | null;
  readonly issuer: string;
  readonly effectiveFrom: IsoDate;
  /** Last day in force, where the text limits its validity. */
  readonly lastDay: IsoDate | null;
  /** The clause that sets the dates above. */
  readonly validity: Citation;
  /** Whom it covers when narrower than all enterprise retirees. */
  readonly scope: 'all_enterprise' | 'state_owned' | 'provincial_state_owned';
  /** The clause that sets the scope, where the text has one (its title says it otherwise). */
  readonly scopeCite?: Citation;
  /** The place it governs, as a reader names it: said when one of its clauses is borrowed for another place. */
  readonly place: string;
  /** The text this one was made under (建德's preamble names 杭人社发〔2024〕1号): the first reference where it is silent. */
  readonly basedOn: DocId | null;
}

export const DOCUMENTS: Readonly<Record<DocId, PolicyDocument>> = {
  hangzhou: {
    id: 'hangzhou',
    file: '004_dec80e352c05c363.txt',
    title: '杭州市市级企业退休人员社会化管理服务专项资金管理办法',
    docNumber: '杭人社发〔2024〕1号',
    issuer: '杭州市人力资源和社会保障局、杭州市财政局',
    effectiveFrom: '2024-01-01',
    lastDay: null,
    validity: { doc: 'hangzhou', clause: '六(三)', quote: '本办法自 2024 年 1 月 1 日起实施' },
    scope: 'all_enterprise',
    place: '杭州市',
    basedOn: null,
  },
  jiande: {
    id: 'jiande',
    file: '000_0a2188e0143d2422.txt',
    title: '建德市企业退休人员社会化管理服务专项资金管理办法',
    docNumber: null,
    issuer: '建德市人力资源和社会保障局、建德市财政局',
    // The text leaves its start date blank ("2024年 月 日") and applies itself from 2024-01-01.
    effectiveFrom: '2024-01-01',
    lastDay: null,
    validity: { doc: 'jiande', clause: '六(二)', quote: '2024年1月1日至2024年 月 日期间参照本文件执行' },
    scope: 'all_enterprise',
    place: '建德市',
    // 根据…《关于印发杭州市市级企业退休人员社会化管理服务专项资金管理办法的通知》（杭人社发[2024]1号）…制定本办法.
    basedOn: 'hangzhou',
  },
  changsha: {
    id: 'changsha',
    file: '002_ac8be3721c0faa5b.txt',
    title: '长沙市退休人员社会化管理服务办法',
    docNumber: '长政办发〔2020〕10号',
    issuer: '长沙市人民政府办公厅',
    effectiveFrom: '2020-05-01',
    // 有效期5年 from 2020-05-01: the last day in force is 2025-04-30.
    lastDay: '2025-04-30',
    validity: { doc: 'changsha', clause: '第三十六条', quote: '本办法自2020年5月1日起施行，有效期5年' },
    scope: 'all_enterprise',
    place: '长沙市',
    basedOn: null,
  },
  liaocheng: {
    id: 'liaocheng',
    file: '003_dd3b4f82dc3094c5.txt',
    title: '聊城市国有企业退休人员社会化管理服务办法（试行）',
    docNumber: '聊国资〔2020〕50号',
    issuer: '聊城市人民政府国有资产监督管理委员会等九部门',
    effectiveFrom: '2020-11-11',
    lastDay: null,
    validity: { doc: 'liaocheng', clause: '第三十一条', quote: '本办法自发布之日起施行' },
    scope: 'state_owned',
    scopeCite: { doc: 'liaocheng', clause: '第三条', quote: '按月领取基本养老金的国有企业退休人员，适用本办法' },
    place: '聊城市',
    basedOn: null,
  },
  henan: {
    id: 'henan',
    file: '001_d2660f6a100a3abc.txt',
    title: '河南省人民政府办公厅关于推进省属国有企业退休人员社会化管理服务工作的意见（郑州市转发）',
    docNumber: '豫政办〔2017〕44号',
    issuer: '河南省人民政府办公厅（郑州市人民政府办公厅转发）',
    effectiveFrom: '2017-05-09',
    lastDay: null,
    validity: { doc: 'henan', clause: '转发通知', quote: '2017年5月9日' },
    scope: 'provincial_state_owned',
    place: '河南省',
    basedOn: null,
  },
};

export type DocumentStatus = 'in_force' | 'not_yet' | 'expired';

export function documentStatus(doc: PolicyDocument, asOf: IsoDate): DocumentStatus {
  if (asOf < doc.effectiveFrom) return 'not_yet';
  if (doc.lastDay !== null && asOf > doc.lastDay) return 'expired';
  return 'in_force';
}

/** "长政办发〔2020〕10号", "长政办发[2020]10号", "长政办发2020 10号": the 文号 as people copy it, brackets aside. */
const numberKey = (s: string): string => s.replace(/[〔〕[\]()（）【】\s]/g, '');

/** The document a text names by its 文号 or its place ("长沙那个办法", "建德的文件"); null when it names none. */
export function documentNamedIn(text: string): PolicyDocument | null {
  const key = numberKey(text);
  const byNumber = Object.values(DOCUMENTS).find((d) => d.docNumber !== null && key.includes(numberKey(d.docNumber)));
  if (byNumber) return byNumber;
  // "长沙那个…还管用吗 那聊城那个呢": the place named last is the one asked about.
  const at = (d: PolicyDocument) => text.lastIndexOf(d.place.replace(/[市省]$/, ''));
  const named = Object.values(DOCUMENTS).filter((d) => at(d) >= 0);
  return named.sort((a, b) => at(b) - at(a))[0] ?? null;
}
