import { renderTransfer } from '../../answers/index.ts';
import { normalize } from '../../nlu/normalize.ts';
import { otherPlaceIn } from '../../nlu/places.ts';
import { findRegions, pickRegions } from '../../nlu/slots/index.ts';
import { findRegion, type Housing, ownsChangeReporting, transfer } from '../../rules/index.ts';
import type { DialogDef, Msg, Read, SlotSpec, Slots, TurnCtx } from '../context.ts';
import { choiceSlot, regionSlot, regionsIn, UNSURE } from '../slots.ts';
import { citationText, fileCase, offerButtons, ruleErrorLine, unlessPending } from './common.ts';

/**
 * Where the move goes from and to, read from one sentence: "从西湖区搬到余杭" → from, to; "搬到了拱墅" → to;
 * "我在杭州市内搬家了" names only the city, which says nothing about the districts: both are asked.
 */
function endpoints(msg: Msg): { from?: string; to?: string } {
  const text = normalize(msg.text);
  // "户口还在郑州": where the hukou is, not a place the move goes from or to ("户口迁到临平了" still says where to).
  const aboutHukou = (start: number) => /(户口|户籍)(还|仍然?|一直|也|都|就)?(在|是)(浙江)?(省)?(杭州)?(市)?$/.test(text.slice(Math.max(0, start - 10), start));
  const all = pickRegions(findRegions(text)).filter((m) => !m.region.cityOnly);
  // "不是拱墅 是滨江": a place denied is neither end.
  const denied = (start: number) => /(不是|不在|并非)$/.test(text.slice(Math.max(0, start - 3), start));
  const found = all.filter((m) => !aboutHukou(m.start) && !denied(m.start));
  // "户口在拱墅，搬到萧山": with no other place to move from, the hukou's district is where the retiree was managed.
  const hukouAt = all.find((m) => aboutHukou(m.start))?.region.name;
  // "户口在上城，搬到我家住了": only the hukou's district is named, and it is where the retiree was managed.
  if (found.length === 0) return hukouAt !== undefined && /搬|住|转/.test(text) ? { from: hukouAt } : {};
  // Each place by the words before it: "原来是拱墅的" → from; "迁到临平" → to; otherwise the order says it.
  const role = (start: number): 'from' | 'to' | null => {
    const before = text.slice(Math.max(0, start - 6), start);
    if (/(从|原来|以前|之前|原先|本来|老家)[^到去迁搬，,。]{0,3}$/.test(before)) return 'from';
    if (/(到|去|迁|搬|转|现在住|住在)[^从，,。]{0,3}$/.test(before)) return 'to';
    return null;
  };
  const out: { from?: string; to?: string } = {};
  const unplaced: string[] = [];
  for (const m of found.slice(0, 2)) {
    const r = role(m.start);
    if (r && out[r] === undefined) out[r] = m.region.name;
    else unplaced.push(m.region.name);
  }
  for (const name of unplaced) {
    if (found.length === 1) {
      out.to ??= name;
    } else if (out.from === undefined) {
      out.from = name;
    } else {
      out.to ??= name;
    }
  }
  // "户口在河南老家，现在常住拱墅": a hukou far from where they live says nothing of where they were managed.
  if (out.from === undefined && out.to !== undefined && hukouAt !== undefined && hukouAt !== out.to && sameCity(hukouAt, out.to)) out.from = hukouAt;
  return out;
}

/** Two places under one text's rules (two districts of 杭州市区, or of one city a text covers whole). */
function sameCity(a: string, b: string): boolean {
  const [x, y] = [findRegion(a), findRegion(b)];
  return x !== undefined && y !== undefined && (x.doc === y.doc || (x.inHangzhouUrban === true && y.inHangzhouUrban === true));
}

function endpointSlot(name: 'from' | 'to', ask: string): SlotSpec {
  const base = regionSlot(name, ask);
  return {
    ...base,
    read(msg: Msg, ctx: TurnCtx, awaited: boolean): Read {
      // "我从上城搬到富阳了" answers "搬到了哪个区" with its second place: the words around each say which end it is.
      const value = endpoints(msg)[name];
      if (value) return { value };
      // "户口在杭州西湖区" says where the hukou is, not where the move goes.
      if (/户口|户籍/.test(msg.text)) return null;
      return awaited ? base.read(msg, ctx, awaited) : null;
    },
  };
}

/** "搬到外省去住", "移居境外": a move out of the province, never asked. */
const outOfProvince: SlotSpec = {
  name: 'outOfProvince',
  ask: 'ask-transfer-to',
  optional: true,
  read: (msg) => (/(搬|移居|迁|去|到|住)[^，,。？?]{0,4}(外省|省外|境外|国外|出国)/.test(normalize(msg.text)) ? { value: true } : null),
};

/**
 * "长沙的，搬家了": in a city one text covers whole (长沙, 郑州/河南, 聊城), a move said with one place is inside it:
 * where it started is not asked. (杭州's districts differ, and 杭州市区 is the clause's own question.)
 */
const ONE_TEXT_CITIES: ReadonlySet<string> = new Set(['changsha', 'henan', 'liaocheng']);
const insideOneTextCity = (to: unknown) => typeof to === 'string' && ONE_TEXT_CITIES.has(findRegion(to)?.doc ?? '');
const fromOf = (s: Slots): string => String(s.from ?? (insideOneTextCity(s.to) ? s.to : s.from));

const inUrban = (name: unknown) => typeof name === 'string' && findRegion(name)?.inHangzhouUrban === true;

const hukouChoice = choiceSlot(
  'hukou',
  'ask-hukou',
  [
    {
      value: 'no',
      label: 'button-hukou-no',
      words: /不在|不是|外地|没有|外省|老家/,
      said: /(户口|户籍)(不在|没在|不是)(杭州|市区|本地)|外地户口|外省户口|(户口|户籍)(在|是)?(外地|外省|老家|省外)|非杭州(市区)?户口/,
    },
    {
      value: 'yes',
      label: 'button-hukou-yes',
      words: /^(在|是的?|对|有|没错)(的|啊|呀)?$|(户口|户籍)(就|也|都|一直)?(在|是)?(杭州|市区|本地|这边)|杭州(市区)?户口|市区户口|本地户口/,
      said: /(户口|户籍)(就|也|都|一直)?(在|是)?(杭州|市区|本地|这边)|杭州(市区)?户口|市区户口|本地户口/,
    },
  ],
  // Asked once the move ends in 杭州市区, before where it started (asked last; outside 杭州市区 the proof is moot).
  { when: (s) => inUrban(s.to) && (s.from === undefined || inUrban(s.from)) },
);

const HUKOU_STAYED = /(没|没有|还没|未|不)(迁|动|变|转|换|改)|还在原|原来(那|的地方)|老地方/;

/** "户口已经迁到临平了", "户籍在桐庐": the hukou's place named, inside 杭州市区 or not. */
function hukouPlace(raw: string): 'yes' | 'no' | null {
  const text = normalize(raw);
  const at = text.search(/户口|户籍/);
  if (at < 0) return null;
  // "上城区户口", "我是临平户口": the place right before 户口.
  // Only the words of the same clause: "搬到滨江了 外地户口" says nothing of 滨江 as the hukou's place.
  const lead = (
    text
      .slice(0, at)
      .split(/[\s，,。；;！!？?]/)
      .pop() ?? ''
  ).slice(-6);
  const before = regionsIn(lead).filter((r) => !r.cityOnly);
  const right = before.at(-1);
  if (right && /(区|县|市|[\u4e00-\u9fa5])(的)?$/.test(lead)) return right.inHangzhouUrban ? 'yes' : 'no';
  // "我是安徽户口": a province or city none of our texts covers, right before 户口, is outside 杭州市区.
  if (!right && otherPlaceIn(lead)) return 'no';
  // Only the clause about the hukou: "户口不在杭州，搬到西湖区了" says nothing of where the hukou is.
  const clause = text.slice(at).split(/[，,。；;！!？?\s]/)[0] ?? '';
  if (/不在|没在|不是|非/.test(clause)) return null;
  const place = regionsIn(clause).find((r) => !r.cityOnly);
  if (place) return place.inHangzhouUrban ? 'yes' : 'no';
  // "户口在安徽", "户籍是江西的": a province or a city none of our texts covers is outside 杭州市区.
  return otherPlaceIn(clause) ? 'no' : null;
}

const hukou: SlotSpec = {
  ...hukouChoice,
  read(msg, ctx, awaited) {
    const pressed = msg.button?.kind === 'slot' && msg.button.slot === 'hukou';
    const named = pressed ? null : hukouPlace(msg.text);
    if (named) return { value: named };
    // "户口没迁", "户口还在原来那": the hukou stayed where they moved from, and this question is only asked (and only
    // counts) when that place is in 杭州市区.
    if (!pressed && (awaited || /户口|户籍/.test(msg.text)) && HUKOU_STAYED.test(msg.text)) return { value: 'yes' };
    const r = hukouChoice.read(msg, ctx, awaited);
    // Not sure where the hukou is: say how to tell, rather than "请点按钮".
    if (r && 'error' in r && UNSURE.test(msg.text)) return { error: 'error-hukou-unsure' };
    return r;
  },
};

const housing = choiceSlot(
  'housing',
  'ask-housing',
  [
    { value: 'rented', label: 'button-housing-rented', words: /租/, said: /租(的|了|房)|租房/ },
    {
      value: 'relative',
      label: 'button-housing-relative',
      words: /儿子|女儿|闺女|囡|子女|亲属|父母|孩子|亲戚|儿媳|女婿/,
      // "我妈…搬到我家住，房子是我买的": the speaker is the retiree's child, so "我买的" is a relative's flat.
      said: /(儿子|女儿|闺女|囡儿?|子女|孩子|父母|亲属|儿媳|女婿)[^，,。；]{0,6}(买|家|的房|房子)|(?![^。？?]*租)我(妈|爸|父亲|母亲|婆婆|公公|岳父|岳母)[^。？?]{0,20}(我家|跟我|和我|房子是我|我(在[^，,。]{1,6})?买的|我(哥|姐|弟|妹)[^，,。；]{0,4}(买|家|的房|房子))/,
    },
    {
      value: 'own',
      label: 'button-housing-own',
      words: /自己|自购|我买|本人|我家的|自有/,
      // "我爸…住到我买的房子里了": the writer's flat is the parent's relative's (the option above), not their own.
      said: /自己(买|的房)|自己[^，,。；儿女子]{0,8}买了?(套|个|的)?房|自购房|(?<!我(妈|爸|父亲|母亲|婆婆|公公|岳父|岳母)[^。？?]{0,20})我买的房|住(在)?自(己|家)(的)?房子?|自己(家)?(的)?房子/,
    },
  ],
  { when: (s) => s.hukou === 'yes' && inUrban(s.to) && (s.from === undefined || inUrban(s.from)) },
);

export const transferDialog: DialogDef = {
  intent: 'transfer_management',
  topic: 'transfer',
  factsInput: (s) => ({
    ...(typeof s.from === 'string' ? { from: s.from } : {}),
    ...(typeof s.to === 'string' ? { to: s.to } : {}),
    ...(s.hukou ? { hukouInUrban: s.hukou === 'yes' } : {}),
    ...(s.housing ? { housing: s.housing as Housing } : {}),
  }),
  // Where the move started is asked after what decides the proof: "搬到上城区了要转关系" asks the hukou first.
  slots: [
    endpointSlot('to', 'ask-transfer-to'),
    hukou,
    housing,
    { ...endpointSlot('from', 'ask-transfer-from'), when: (s) => !insideOneTextCity(s.to) },
    outOfProvince,
  ],
  answersFor: '杭州市',
  // "聊城的 搬到外省去住了": where the text itself says a move out of the province is told to the community (003/002
  // 第十六条(三)), that is the answer, not 杭州's transfer rule.
  handOver(s, asOf) {
    const place = [s.from, s.to, s.region].find((p): p is string => typeof p === 'string');
    return s.outOfProvince === true && place && ownsChangeReporting(place, asOf) ? { intent: 'update_personal_info', slots: { region: place } } : null;
  },
  // "户口在安徽，住滨江租房，想转": the proof is known before where the move started is.
  // Once both ends are known, what to bring is said (each case while the hukou and housing are not yet known).
  saysEarly: (s) => (s.hukou === 'no' || s.housing !== undefined || (s.from !== undefined && s.to !== undefined) ? ['documents'] : []),
  finish(ctx, s) {
    const a = transfer({
      from: fromOf(s),
      to: String(s.to),
      asOf: ctx.asOf,
      ...(s.hukou ? { hukouInUrban: s.hukou === 'yes' } : {}),
      ...(s.housing ? { housing: s.housing as Housing } : {}),
    });
    if (!a.ok) return { lines: [ruleErrorLine(ctx, a.error)], next: 'done' };
    const text = renderTransfer(ctx.tr, a.value);
    const question = a.value.staffCase ? 'offer-transfer-staff' : 'offer-transfer';
    return unlessPending(
      ctx,
      { lines: [text, ctx.tr.t(question)], buttons: offerButtons(ctx, 'button-register-transfer'), next: 'offer' },
      'management_transfer',
      s,
    );
  },
  async accept(ctx, s) {
    const a = transfer({
      from: fromOf(s),
      to: String(s.to),
      asOf: ctx.asOf,
      ...(s.hukou ? { hukouInUrban: s.hukou === 'yes' } : {}),
      ...(s.housing ? { housing: s.housing as Housing } : {}),
    });
    const cite = a.ok ? a.value.citations[0] : undefined;
    return fileCase(
      ctx,
      'management_transfer',
      {
        from: typeof s.from === 'string' ? s.from : insideOneTextCity(s.to) ? String(s.to) : null,
        to: String(s.to),
        hukouInUrban: s.hukou === undefined ? null : s.hukou === 'yes',
        housing: (s.housing as Housing | undefined) ?? null,
        route: a.ok ? a.value.route : 'unknown',
        citation: citationText(cite),
      },
      s,
    );
  },
};
