import { normalize } from '../nlu/normalize.ts';
import { maskText } from '../privacy/mask.ts';
import { findRegions, pickRegions } from '../nlu/slots/index.ts';
import { findRegion, parseAmount, type Region } from '../rules/index.ts';
import { slotButton } from './buttons.ts';
import type { Msg, Read, SlotSpec, TurnCtx } from './context.ts';
import type { Button } from './types.ts';

/**
 * Readers for the slots dialogs ask. Each takes the NLU's parsed slot first; when the question was just asked it
 * also accepts the bare answer (a lone number, "在", a button).
 */

const buttonValue = (msg: Msg, slot: string): string | null =>
  msg.button?.kind === 'slot' && msg.button.slot === slot ? msg.button.value : null;

const nluErrors = (msg: Msg) => msg.understanding?.errors ?? [];

/** Regions offered as buttons: the commonest first. */
const COMMON_REGIONS = ['上城区', '拱墅区', '西湖区', '滨江区', '钱塘区', '萧山区', '余杭区', '临平区', '富阳区', '临安区', '建德市', '桐庐县', '淳安县'];

export function regionButtons(slot = 'region'): Button[] {
  return COMMON_REGIONS.map((name) => ({ label: name, payload: slotButton(slot, name) }));
}

/**
 * The region a message is about. When it names several ("我住在上海女儿家 我是西湖区的"), a place our documents
 * cover is the retiree's; a place without one is where they happen to live.
 */
export function regionsIn(text: string): Region[] {
  return pickRegions(findRegions(normalize(text))).map((m) => m.region);
}

function preferredRegion(msg: Msg): string | undefined {
  // "不是西湖区 是建德": a correction names the right place last.
  if (/不是|不对|说错|搞错/.test(msg.text)) {
    const named = regionsIn(msg.text);
    if (named.length > 1) return named[named.length - 1]?.name;
  }
  const parsed = msg.understanding?.slots.region;
  if (!parsed || findRegion(parsed)?.coverage !== 'none') return parsed;
  return regionsIn(msg.text).find((r) => r.coverage !== 'none')?.name ?? parsed;
}

function readRegionValue(msg: Msg, slot: string, awaited: boolean): Read {
  const pressed = buttonValue(msg, slot);
  const name = pressed ?? preferredRegion(msg) ?? (awaited ? msg.text.trim() : null);
  if (!name) return null;
  const region: Region | undefined = findRegion(name);
  if (region) return { value: region.name };
  // The answer is quoted back masked: a phone number typed here must not reach a group.
  return awaited && name.length <= 12 ? { error: 'error-unknown_region', args: { value: maskText(name) } } : null;
}

export function regionSlot(name = 'region', ask = 'ask-region', extra: Partial<SlotSpec> = {}): SlotSpec {
  return {
    name,
    ask,
    buttons: () => regionButtons(name),
    read: (msg, _ctx, awaited) => readRegionValue(msg, name, awaited),
    ...extra,
  };
}

const BARE_NUMBER = /^\s*(-?\d+(?:\.\d+)?)\s*(元|块|块钱)?\s*$/;

export function amountSlot(name = 'amount', ask = 'ask-amount', extra: Partial<SlotSpec> = {}): SlotSpec {
  return {
    name,
    ask,
    read(msg, _ctx, awaited) {
      if (nluErrors(msg).some((e) => e.code === 'vague_amount') && msg.understanding?.slots.amount === undefined) {
        return { error: 'error-amount-vague' };
      }
      const bare = awaited ? BARE_NUMBER.exec(msg.text) : null;
      const raw = msg.understanding?.slots.amount ?? (bare ? Number(bare[1]) : undefined);
      if (raw === undefined) return awaited && /\d|[一二三四五六七八九十百千万两]/.test(msg.text) ? { error: 'error-amount-unreadable' } : null;
      const parsed = parseAmount(String(raw));
      if (parsed.ok) return { value: parsed.value.toFixed(2).replace(/\.00$/, '') };
      const { code, ...args } = parsed.error;
      return { error: `error-${code}`, args };
    },
    ...extra,
  };
}

export function countSlot(name = 'count', ask = 'ask-count', extra: Partial<SlotSpec> = {}): SlotSpec {
  return {
    name,
    ask,
    read(msg, _ctx, awaited) {
      const bare = awaited ? /^\s*(\d{1,6})\s*(人|个|次|位)?\s*$/.exec(msg.text) : null;
      const n = msg.understanding?.slots.count ?? (bare ? Number(bare[1]) : undefined);
      if (n === undefined) return awaited ? { error: 'error-count' } : null;
      return Number.isInteger(n) && n >= 0 && n <= 1_000_000 ? { value: n } : { error: 'error-count' };
    },
    ...extra,
  };
}

export function dateSlot(name = 'date', ask = 'ask-date', extra: Partial<SlotSpec> = {}): SlotSpec {
  return {
    name,
    ask,
    read(msg, ctx, awaited) {
      const date = msg.understanding?.slots.date;
      if (date) return date > ctx.asOf ? { error: 'error-future_date' } : { value: date };
      if (nluErrors(msg).some((e) => e.code === 'invalid_date')) return { error: 'error-invalid_date' };
      return awaited ? { error: 'error-invalid_date' } : null;
    },
    ...extra,
  };
}

export const idNumberSlot: SlotSpec = {
  name: 'idNumber',
  ask: 'ask-id-number',
  personal: true,
  read(msg, _ctx, awaited) {
    const id = msg.understanding?.slots.id_number;
    if (id) return { value: id.toUpperCase() };
    const problem = nluErrors(msg).find((e) => 'slot' in e && e.slot === 'id_number');
    if (problem) return { error: `error-${problem.code.replace(/_/g, '-')}` };
    return awaited ? { error: 'error-id-length' } : null;
  },
};

export const phoneSlot: SlotSpec = {
  name: 'reporterPhone',
  ask: 'ask-phone',
  personal: true,
  read(msg, _ctx, awaited) {
    const phone = msg.understanding?.slots.phone;
    if (phone) return { value: phone };
    if (nluErrors(msg).some((e) => e.code === 'phone_invalid')) return { error: 'error-phone' };
    return awaited ? { error: 'error-phone' } : null;
  },
};

/** Slots holding a person's name: while one is asked, a bare name is taken as the answer. */
export const NAME_SLOTS: ReadonlySet<string> = new Set(['deceasedName', 'applicantName']);

export function nameSlot(name: 'deceasedName' | 'applicantName', ask: string): SlotSpec {
  return {
    name,
    ask,
    personal: true,
    read(msg, _ctx, awaited) {
      // Only the answer to this question is a name: a name said in passing may be anyone's.
      if (!awaited) return null;
      const value = msg.understanding?.slots.name;
      return value ? { value } : { error: 'error-name' };
    },
  };
}

const RELATIONS = ['父亲', '母亲', '配偶', '儿子', '女儿', '其他亲属'];

export const relationSlot: SlotSpec = {
  name: 'relation',
  ask: 'ask-relation',
  buttons: () => RELATIONS.map((r) => ({ label: r, payload: slotButton('relation', r) })),
  read(msg, _ctx, awaited) {
    const pressed = buttonValue(msg, 'relation');
    if (pressed && RELATIONS.includes(pressed)) return { value: pressed };
    const relation = msg.understanding?.slots.relation;
    if (relation) return { value: relation };
    return awaited ? { error: 'error-relation' } : null;
  },
};

/** Free text answer (a community's name): anything short that is not a dialog act. */
export function freeTextSlot(name: string, ask: string, maxLength = 40): SlotSpec {
  return {
    name,
    ask,
    read(msg, _ctx, awaited) {
      if (!awaited) return null;
      const text = msg.text.trim();
      if (text.length === 0 || text.length > maxLength) return { error: 'error-free-text', args: { max: maxLength } };
      return { value: text };
    },
  };
}

/**
 * A choice among fixed options, by button or by words. `said` are phrases clear enough to take the choice from a
 * message that was not answering this question ("户口在杭州 房子是儿子买的").
 */
export function choiceSlot(
  name: string,
  ask: string,
  /** `label` is the locale id of the button's text. */
  options: readonly { value: string; label: string; words: RegExp; said?: RegExp }[],
  extra: Partial<SlotSpec> = {},
): SlotSpec {
  return {
    name,
    ask,
    buttons: (ctx) => options.map((o) => ({ label: ctx.tr.t(o.label), payload: slotButton(name, o.value) })),
    read(msg, _ctx, awaited) {
      const pressed = buttonValue(msg, name);
      if (pressed && options.some((o) => o.value === pressed)) return { value: pressed };
      if (!awaited) {
        const said = options.find((o) => o.said?.test(msg.text));
        return said ? { value: said.value } : null;
      }
      const hit = options.find((o) => o.words.test(msg.text));
      return hit ? { value: hit.value } : { error: 'error-choice' };
    },
    ...extra,
  };
}

