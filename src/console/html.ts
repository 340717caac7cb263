import type { Translator } from '../i18n/index.ts';
import type { PublicityRow, StaffMember } from '../staff/index.ts';
import { caseRegion, formatDateTime } from '../staff/index.ts';
import type { CaseRecord, Json } from '../store/types.ts';
import type { MonthStats } from './stats.ts';

/**
 * The console's pages: plain server-rendered HTML, large type, Chinese labels, no script (the CSP allows none inline,
 * and none is needed: every change is a form with its CSRF token). Case words (types, statuses, fields) come from the
 * bot's sentences so the console and the chat say the same.
 */

export const esc = (v: unknown) =>
  String(v ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

const ROLE: Readonly<Record<string, string>> = { admin: '管理员', caseworker: '经办人员', viewer: '只读' };

export interface Frame {
  readonly tr: Translator;
  readonly member: StaffMember;
  readonly csrf: string;
}

export function page(title: string, body: string, frame?: Frame): string {
  const nav = frame
    ? `<header><nav><a href="/console">待办队列</a><a href="/console/publicity">公示</a><a href="/console/stats">统计</a></nav>
<div class="who">${esc(frame.member.name)}（${esc(ROLE[frame.member.role])} · 负责：${esc(frame.member.scope.join('、'))}）
<form method="post" action="/console/logout" class="inline"><input type="hidden" name="csrf" value="${esc(frame.csrf)}"><button>退出</button></form></div></header>`
    : '';
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} · 银龄助手工作台</title><link rel="stylesheet" href="/console/console.css"></head>
<body>${nav}<main><h1>${esc(title)}</h1>${body}</main></body></html>`;
}

/** Due date in colour: past due red, within a day amber, later green; closed grey. */
export function dueCell(c: CaseRecord, now: number): string {
  if (c.dueAt === null) return '<td class="due-none">—</td>';
  const active = c.status === 'open' || c.status === 'claimed';
  const cls = !active ? 'due-closed' : c.dueAt < now ? 'due-over' : c.dueAt - now < 86_400_000 ? 'due-soon' : 'due-ok';
  const label = !active ? '' : c.dueAt < now ? '（已超期）' : '';
  return `<td class="${cls}">${esc(formatDateTime(c.dueAt))}${label}</td>`;
}

const options = (values: readonly (readonly [string, string])[], selected: string | undefined) =>
  values.map(([v, l]) => `<option value="${esc(v)}"${v === (selected ?? '') ? ' selected' : ''}>${esc(l)}</option>`).join('');

export interface QueueQuery {
  readonly status?: string;
  readonly type?: string;
  readonly region?: string;
  readonly overdue?: string;
  readonly mine?: string;
}

export function queuePage(
  f: Frame,
  q: QueueQuery,
  cases: readonly CaseRecord[],
  types: readonly string[],
  regions: readonly string[],
  now: number,
  notice = '',
): string {
  const { tr } = f;
  const statuses: [string, string][] = [
    ['active', '待办（未认领+办理中）'],
    ['open', tr.t('case-status-open')],
    ['claimed', tr.t('case-status-claimed')],
    ['resolved', tr.t('case-status-resolved')],
    ['rejected', tr.t('case-status-rejected')],
    ['all', '全部'],
  ];
  const filters = `<form method="get" action="/console" class="filters">
<label>状态 <select name="status">${options(statuses, q.status ?? 'active')}</select></label>
<label>类型 <select name="type"><option value="">全部</option>${options(
    types.map((t) => [t, tr.t(`case-type-${t}`)]),
    q.type,
  )}</select></label>
<label>地区 <select name="region"><option value="">全部</option>${options(
    regions.map((r) => [r, r]),
    q.region,
  )}</select></label>
<label><input type="checkbox" name="overdue" value="1"${q.overdue ? ' checked' : ''}> 只看超期</label>
<label><input type="checkbox" name="mine" value="1"${q.mine ? ' checked' : ''}> 只看我的</label>
<button>筛选</button></form>
<form method="get" action="/console/find" class="search"><label>按编号查找 <input name="id" placeholder="C20261121-0007" size="16"></label><button>查找</button></form>`;
  const rows = cases
    .map(
      (c) => `<tr><td><a href="/console/case/${esc(c.id)}">${esc(c.id)}</a></td><td>${esc(tr.t(`case-type-${c.type}`))}</td>
<td>${esc(caseRegion(c) ?? '—')}</td><td class="st-${esc(c.status)}">${esc(tr.t(`case-status-${c.status}`))}</td>${dueCell(c, now)}<td>${esc(c.assignee ?? '—')}</td></tr>`,
    )
    .join('\n');
  const table = cases.length
    ? `<table class="queue"><thead><tr><th>编号</th><th>类型</th><th>地区</th><th>状态</th><th>办理期限</th><th>经办</th></tr></thead><tbody>${rows}</tbody></table>`
    : '<p class="empty">没有符合条件的案件。</p>';
  return page('待办队列', `${notice ? `<p class="notice">${esc(notice)}</p>` : ''}${filters}<p>共 ${cases.length} 件</p>${table}`, f);
}

const fieldRow = (tr: Translator, field: string, value: Json) =>
  `<tr><th>${esc(tr.maybe(`field-${field}`) ?? field)}</th><td>${esc(
    typeof value === 'string' ? (tr.maybe(`value-${field}-${value}`) ?? value) : typeof value === 'boolean' ? tr.t(value ? 'value-yes' : 'value-no') : value,
  )}</td></tr>`;

const csrfField = (f: Frame) => `<input type="hidden" name="csrf" value="${esc(f.csrf)}">`;

function caseForms(f: Frame, c: CaseRecord, assignable: readonly StaffMember[]): string {
  if (f.member.role === 'viewer' || c.status === 'resolved' || c.status === 'rejected') return '';
  const act = (action: string, label: string, inner = '') =>
    `<form method="post" action="/console/case/${esc(c.id)}/${action}" class="act">${csrfField(f)}${inner}<button>${esc(label)}</button></form>`;
  const note = (ph: string) => `<textarea name="note" rows="2" cols="40" required placeholder="${esc(ph)}"></textarea>`;
  const assign = assignable.length
    ? act(
        'assign',
        '指派',
        `<select name="to">${assignable.map((m) => `<option value="${esc(m.id)}">${esc(m.name)}（${esc(m.id)}）</option>`).join('')}</select>`,
      )
    : '';
  return `<section class="actions"><h2>办理</h2>${c.status === 'open' ? act('claim', '认领') : ''}
${act('resolve', '办结', note('办理结果，发放金额写明，如：已发放2000元'))}
${act('reject', '退回', note('退回原因'))}
${act('note', '添加备注', note('备注'))}
${assign}</section>`;
}

export function casePage(f: Frame, c: CaseRecord, assignable: readonly StaffMember[], now: number, notice = ''): string {
  const { tr } = f;
  const head = `<table class="fields"><tr><th>编号</th><td>${esc(c.id)}</td></tr><tr><th>类型</th><td>${esc(tr.t(`case-type-${c.type}`))}</td></tr>
<tr><th>状态</th><td>${esc(tr.t(`case-status-${c.status}`))}</td></tr><tr><th>办理期限</th>${dueCell(c, now)}</tr>
<tr><th>经办</th><td>${esc(c.assignee ?? '—')}</td></tr><tr><th>登记时间</th><td>${esc(formatDateTime(c.createdAt))}</td></tr>
${Object.entries(c.fields)
  .filter(([, v]) => v !== null && v !== undefined)
  .map(([k, v]) => fieldRow(tr, k, v))
  .join('')}</table>`;
  const history = c.history
    .map(
      (e) =>
        `<li>${esc(formatDateTime(e.at))} · ${esc(e.by)} · ${esc(tr.maybe(`case-action-${e.action}`) ?? e.action)}${e.note ? `：${esc(e.note)}` : ''}</li>`,
    )
    .join('');
  // Two columns on an office screen: the case on the left, what to do and what was done on the right.
  const body = `${notice ? `<p class="notice">${esc(notice)}</p>` : ''}<div class="cols"><div>${head}</div><div>${caseForms(f, c, assignable)}<section><h2>办理记录</h2><ol class="history">${history}</ol></section></div></div>
<p class="privacy">本页含个人信息，您的每次查看都已记录。请勿截图外传。</p>`;
  return page(`案件 ${c.id}`, body, f);
}

export function publicityPage(f: Frame, month: string, rows: readonly PublicityRow[], minDays: number): string {
  const table = rows.length
    ? `<table class="publicity"><thead><tr><th>项目</th><th>姓名</th><th>性别</th><th>年龄</th><th>金额（元）</th></tr></thead><tbody>${rows
        .map((r) => `<tr><td>${esc(r.kind)}</td><td>${esc(r.name)}</td><td>${esc(r.gender)}</td><td>${esc(r.age)}</td><td>${esc(r.amount)}</td></tr>`)
        .join('')}</tbody></table><p>公示期不少于 ${minDays} 天。只公示姓名、性别、年龄、金额（杭人社发〔2024〕1号 五(三)；建德市办法 五(二)）。</p>`
    : `<p class="empty">${esc(month)} 没有需要公示的已办结大病慰问或小组长补助。</p>`;
  const pick = `<form method="get" action="/console/publicity" class="filters noprint"><label>月份 <input name="month" value="${esc(month)}" size="8"></label><button>查看</button>
<a class="button" href="/console/publicity.csv?month=${esc(month)}">下载 CSV</a> <span>打印：按 Ctrl+P</span></form>`;
  return page(`${month} 公示名单`, `${pick}${table}`, f);
}

export function statsPage(f: Frame, s: MonthStats): string {
  const { tr } = f;
  const list = (rows: readonly (readonly [string, number])[], label: (k: string) => string) =>
    rows.length ? `<table class="counts">${rows.map(([k, n]) => `<tr><th>${esc(label(k))}</th><td>${n}</td></tr>`).join('')}</table>` : '<p>—</p>';
  const unanswered = s.unanswered.length
    ? `<table class="counts"><thead><tr><th>类别</th><th>问题（个人号码已隐藏）</th><th>次数</th></tr></thead>${s.unanswered
        .map((u) => `<tr><td>${u.kind === 'handoff' ? '转人工' : '答不了'}</td><td>${esc(u.text)}</td><td>${u.count}</td></tr>`)
        .join('')}</table>`
    : '<p>—</p>';
  const body = `<form method="get" action="/console/stats" class="filters"><label>月份 <input name="month" value="${esc(s.month)}" size="8"></label><button>查看</button></form>
<p class="big">新登记 ${s.opened} 件 · 办结 ${s.resolved} 件 · 办结用时中位数 ${s.medianHours === null ? '—' : `${s.medianHours.toFixed(1)} 小时`} · 超期 ${s.overdue} 件</p>
<div class="cols"><section><h2>按类型</h2>${list(s.byType, (k) => tr.t(`case-type-${k}`))}</section><section><h2>按地区</h2>${list(s.byRegion, (k) => k)}</section></div>
<section><h2>机器人答不了的问题</h2><p><a class="button" href="/console/stats.csv?month=${esc(s.month)}">下载 CSV</a>（可整理成新的训练例句）</p>${unanswered}</section>`;
  return page(`${s.month} 统计`, body, f);
}

export function messagePage(title: string, text: string, extra = ''): string {
  return page(title, `<p class="big">${esc(text)}</p>${extra}`);
}
