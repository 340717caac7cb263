import { parseRoster, type Roster } from '../../src/staff/index.ts';
import type { CaseRecord, Store } from '../../src/store/index.ts';

/** A city's roster for the tests: an admin for all of Hangzhou, caseworkers for 西湖区 and 建德市, a 西湖区 viewer. */
export const ROSTER_YAML = `staff:
  - id: hz-admin
    name: 陈主任
    accounts: [test:admin, cli:admin]
    role: admin
    scope: [杭州市]
  - id: xh-wang
    name: 王芳
    accounts: [test:xh, cli:u-xh]
    role: caseworker
    scope: [西湖区]
  - id: xh-zhou
    name: 周强
    accounts: [test:xh2]
    role: caseworker
    scope: 西湖
  - id: jd-li
    name: 李明
    accounts: [test:jd, cli:u-jd]
    role: caseworker
    scope: [建德市]
  - id: xh-view
    name: 赵监督
    accounts: [test:view]
    role: viewer
    scope: [西湖区]
  - id: cy-sun
    name: 孙社区
    accounts: [test:cy]
    role: caseworker
    scope: [西湖区/翠苑]
announce:
  - scope: 杭州市
    chat: test:city-room
  - scope: 西湖区
    chat: test:xh-room
  - scope: 西湖区/翠苑
    chat: lark:oc_cuiyuan
  - scope: 建德市
    chat: telegram:-100200
`;

export function roster(): Roster {
  const parsed = parseRoster(ROSTER_YAML, 'staff.yaml');
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  return parsed.roster;
}

export const T0 = Date.parse('2026-11-20T09:00:00+08:00');

/** A serious-illness application as the dialog files it (publicity fields, a ceiling). */
export function illness(id: string, region: string, extra: Partial<CaseRecord> = {}): CaseRecord {
  return {
    id,
    type: 'serious_illness_application',
    status: 'open',
    chat: 'test:fam',
    user: 'test:fam',
    createdAt: T0,
    dueAt: T0 + 5 * 86_400_000,
    assignee: null,
    fields: { region, year: 2026, selfPay: '12000', ceiling: '2500', citation: '004 三(一)4', applicantName: '张建国', gender: '男', age: 72 },
    history: [{ at: T0, by: 'test:fam', action: 'opened' }],
    ...extra,
  };
}

export function death(id: string, region: string, community: string, extra: Partial<CaseRecord> = {}): CaseRecord {
  return {
    id,
    type: 'death_report',
    status: 'open',
    chat: 'test:fam2',
    user: 'test:fam2',
    createdAt: T0 + 1000,
    dueAt: T0 + 86_400_000,
    assignee: null,
    fields: { region, community, deceasedName: '李秀英', idNumber: '330182195203151239', reporterPhone: '13812345678' },
    history: [{ at: T0 + 1000, by: 'test:fam2', action: 'opened' }],
    ...extra,
  };
}

export async function seed(store: Store, cases: readonly CaseRecord[]): Promise<void> {
  for (const c of cases) await store.createCase(c);
}
