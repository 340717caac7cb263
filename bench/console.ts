import Fastify from 'fastify';
import { consoleRoutes } from '../src/console/index.ts';
import { startSession } from '../src/console/session.ts';
import { loadTranslator } from '../src/i18n/index.ts';
import { memberById, parseRoster, type Roster } from '../src/staff/index.ts';
import type { CaseRecord, CaseStatus, Store } from '../src/store/index.ts';
import { pick, pickWeighted, prng, type Summary, summarize } from './stats.ts';

/**
 * The console's JSON API on a full store: 100,000 cases over Hangzhou's districts and a year, then filtered pages
 * (`GET /console/api/cases?…`, 50 a page) over real HTTP on loopback, one at a time, as the office's other systems
 * would read the queue: a district caseworker's open cases, a city admin's cases of one type, "mine", overdue.
 */
export interface ConsoleBenchResult {
  readonly cases: number;
  readonly seedMs: number;
  /** Per query kind, and all together. */
  readonly queries: Record<string, Summary>;
  readonly all: Summary;
}

const REGIONS = ['上城区', '拱墅区', '西湖区', '滨江区', '钱塘区', '萧山区', '余杭区', '临平区', '富阳区', '临安区', '桐庐县', '淳安县', '建德市'];
const TYPES = ['death_report', 'management_transfer', 'serious_illness_application', 'hospitalization_application', 'health_check_reimbursement', 'inquiry'];
const STATUS: readonly (readonly [number, CaseStatus])[] = [
  [12, 'open'],
  [8, 'claimed'],
  [70, 'resolved'],
  [10, 'rejected'],
];
const STAFF = ['xh-wang', 'xh-zhou', 'jd-li', 'hz-admin', ...Array.from({ length: 16 }, (_, i) => `s${i}`)];
const NOW = Date.parse('2026-11-21T10:00:00+08:00');
const DAY = 86_400_000;

const ROSTER_YAML = `staff:
  - {id: hz-admin, name: 陈主任, accounts: [bench:admin], role: admin, scope: [杭州市]}
  - {id: xh-wang, name: 王芳, accounts: [bench:xh], role: caseworker, scope: [西湖区]}
`;

function caseAt(i: number, rand: () => number): CaseRecord {
  const createdAt = NOW - Math.floor(rand() * 365 * DAY);
  const status = pickWeighted(rand, STATUS);
  const type = pick(rand, TYPES);
  const region = pick(rand, REGIONS);
  const assignee = status === 'open' ? null : pick(rand, STAFF);
  const day = new Date(createdAt + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '');
  return {
    id: `C${day}-${String(100_000 + i)}`,
    type,
    status,
    chat: `bench:u${i}`,
    user: `bench:u${i}`,
    createdAt,
    dueAt: createdAt + 5 * DAY,
    assignee,
    fields: type === 'management_transfer' ? { from: null, to: region, community: '某社区' } : { region, applicantName: '张建国', gender: '男', age: 72 },
    history: [{ at: createdAt, by: `bench:u${i}`, action: 'opened' }],
  };
}

/** Writes `count` cases, many in flight at once (each write is durable on its own). */
async function seed(store: Store, count: number, progress: (m: string) => void): Promise<number> {
  const rand = prng(13);
  const started = performance.now();
  const batch = 256;
  for (let i = 0; i < count; i += batch) {
    await Promise.all(Array.from({ length: Math.min(batch, count - i) }, (_, j) => store.createCase(caseAt(i + j, rand))));
    if ((i / batch) % 80 === 0) progress(`console: ${i.toLocaleString()} cases written`);
  }
  return performance.now() - started;
}

/** `settle`: waits after writing until the store is quiet (Redis rewriting its AOF after 100,000 writes). */
export async function runConsoleBench(
  store: Store,
  progress: (m: string) => void,
  count = 100_000,
  settle: () => Promise<void> = async () => undefined,
): Promise<ConsoleBenchResult> {
  const seedMs = await seed(store, count, progress);
  await settle();
  const parsed = parseRoster(ROSTER_YAML);
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  const roster: Roster = parsed.roster;
  const app = Fastify({ logger: false });
  const now = () => new Date(NOW);
  app.register(consoleRoutes, {
    store,
    tr: loadTranslator(),
    now,
    memberFor: (id) => memberById(roster, id),
    roster: () => roster,
    deliver: () => undefined,
    secure: false,
    css: '',
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as { port: number }).port;
  try {
    const xh = (await startSession(store, 'xh-wang', 'bench:xh', now())).cookie;
    const admin = (await startSession(store, 'hz-admin', 'bench:admin', now())).cookie;
    const kinds: readonly (readonly [string, string, string])[] = [
      ['district caseworker: open, own district', xh, '/console/api/cases?status=open&limit=50'],
      ['district caseworker: active, one type', xh, '/console/api/cases?type=death_report&limit=50'],
      ['city admin: open, one district', admin, '/console/api/cases?status=open&region=建德市&limit=50'],
      ['city admin: claimed, mine', admin, '/console/api/cases?status=claimed&mine=1&limit=50'],
      ['city admin: everything, one type', admin, '/console/api/cases?status=all&type=inquiry&limit=50'],
      ['district caseworker: overdue', xh, '/console/api/cases?overdue=1&limit=50'],
    ];
    const samples: Record<string, number[]> = {};
    const all: number[] = [];
    const ask = async (cookie: string, path: string) => {
      const res = await fetch(`http://127.0.0.1:${port}${path}`, { headers: { cookie: `yl_console=${cookie}` } });
      const body = (await res.json()) as { cases?: unknown[] };
      if (res.status !== 200 || !Array.isArray(body.cases)) throw new Error(`${path}: ${res.status}`);
    };
    for (const [, cookie, path] of kinds) for (let i = 0; i < 5; i++) await ask(cookie, path);
    progress('console: measuring filtered pages');
    for (let round = 0; round < 150; round++) {
      for (const [name, cookie, path] of kinds) {
        const t = performance.now();
        await ask(cookie, path);
        const ms = performance.now() - t;
        samples[name] = [...(samples[name] ?? []), ms];
        all.push(ms);
      }
    }
    return {
      cases: count,
      seedMs,
      queries: Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, summarize(v)])),
      all: summarize(all),
    };
  } finally {
    await app.close();
  }
}
