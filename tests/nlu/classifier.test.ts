import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractFeatures, segmentPinyin } from '../../src/nlu/features.ts';
import type { IntentId, TrainingExample } from '../../src/nlu/index.ts';
import {
  buildClassifier,
  CHAR_FEATURES,
  CHAR_PINYIN_FEATURES,
  fitTemperature,
  getClassifier,
  INTENT_IDS,
  IntentDataError,
  loadIntents,
  mulberry32,
  normalize,
  trainClassifier,
} from '../../src/nlu/index.ts';
import { encode, TextVectorizer, vectorizeRows, weighting } from '../../src/nlu/vectors.ts';
import { naiveBayes } from './naive-bayes.ts';

// ---------------------------------------------------------------------------------------------
// The algorithm, on a small training set written here (independent of intents/).

const toy: TrainingExample[] = [
  ...['住院慰问金怎么申请', '住院了能领慰问吗', '我住院三天有慰问金吗', '住院慰问标准是多少', '老伴住院了有没有慰问'].map((text) => ({
    text,
    intent: 'hospitalization_consolation' as const,
  })),
  ...['体检什么时候开始', '今年的体检在哪里做', '健康体检报销怎么办', '体检费用能报销吗', '我想预约体检'].map((text) => ({
    text,
    intent: 'health_checkup' as const,
  })),
  ...['你好', '您好啊', '早上好', '你好呀小助手', '喂你好'].map((text) => ({ text, intent: 'greeting' as const })),
  ...['今天天气怎么样', '股票明天会涨吗', '推荐一部电影', '帮我写首诗', '足球比赛几点开始'].map((text) => ({
    text,
    intent: 'out_of_scope' as const,
  })),
];

function features(text: string, cfg = CHAR_PINYIN_FEATURES): string[] {
  const out: string[] = [];
  extractFeatures(text, cfg, (f) => out.push(f));
  return out;
}

describe('features', () => {
  it('are character n-grams with text-boundary marks, plus pinyin syllable n-grams', () => {
    expect(features('体检').sort()).toEqual(['体', '检', '^体', '体检', '检$', 'p:ti', 'p:jian', 'p:ti_jian'].sort());
    const f = features('体检', { charMin: 1, charMax: 3, pinyinMax: 1 });
    expect(f.sort()).toEqual(['体', '检', '^体', '体检', '检$', '^体检', '体检$', 'p:ti', 'p:jian'].sort());
    expect(features('体检', CHAR_FEATURES).some((x) => x.startsWith('p:'))).toBe(false);
  });

  it('take a Latin run as one word with its letter trigrams, never single letters', () => {
    const f = features('Thanks a lot', CHAR_FEATURES);
    expect(f).toEqual(expect.arrayContaining(['thanks', 'a', 'lot', '^thanks', 'thanks|', 'l:<th', 'l:tha', 'l:nks', 'l:ks>']));
    expect(f).not.toContain('t');
    expect(f).not.toContain('h');
    expect(f.some((x) => x.startsWith('l:') && x.includes('a|'))).toBe(false);
  });

  it('read a Latin run typed in pinyin as syllables, and leave other Latin words alone', () => {
    const py = (t: string) => features(t).filter((x) => x.startsWith('p:'));
    expect(py('tijian报销')).toEqual(expect.arrayContaining(['p:ti', 'p:jian', 'p:ti_jian', 'p:jian_bao']));
    expect(py('tijian')).toEqual(py('体检'));
    expect(segmentPinyin('zhuyuan')).toEqual(['zhu', 'yuan']);
    expect(segmentPinyin('xian')).toEqual(['xian']);
    expect(segmentPinyin('ok')).toBeUndefined();
    expect(segmentPinyin('help')).toBeUndefined();
    expect(py('help')).toEqual([]);
  });

  it('give homophones the same pinyin features (提检/体检, 为问/慰问)', () => {
    const py = (t: string) => features(t).filter((x) => x.startsWith('p:'));
    expect(py('提检')).toEqual(py('体检'));
    expect(py('为问')).toEqual(py('慰问'));
    expect(features('提检')).not.toEqual(features('体检'));
  });

  it('collapse a digit run to one unit and break n-grams at punctuation, spaces and emoji', () => {
    expect(features('自付12000元')).toEqual(features('自付7元'));
    const f = features('住院，😀慰问');
    expect(f).toContain('院|');
    expect(f).toContain('|慰');
    expect(f.some((x) => x.includes('，') || x.includes('😀'))).toBe(false);
  });

  it('report no content, and emit nothing, for text without Han characters or letters', () => {
    for (const t of ['', '   ', '😀😀', '！？。', '\u0000\u0007', '12000', '138 0000 1111']) {
      const emitted: string[] = [];
      expect(extractFeatures(t, CHAR_PINYIN_FEATURES, (f) => emitted.push(f))).toBe(0);
      expect(emitted).toEqual([]);
    }
    expect(extractFeatures('自付12000', CHAR_PINYIN_FEATURES, () => {})).toBe(2);
  });
});

describe('trainClassifier (toy data)', () => {
  it('learns the toy intents', () => {
    const c = trainClassifier(toy, { calibrationFolds: 0, threshold: 0 });
    expect(c.classify('住院能拿多少慰问金').intent).toBe('hospitalization_consolation');
    expect(c.classify('体检报销').intent).toBe('health_checkup');
    expect(c.classify('你好').intent).toBe('greeting');
  });

  it('is deterministic: the same data gives the same answers and confidences', () => {
    const a = trainClassifier(toy);
    const b = trainClassifier(toy);
    for (const t of ['住院慰问', '体检', '你好', '随便说点什么', '天气']) {
      expect(b.classify(t, { explain: true })).toEqual(a.classify(t, { explain: true }));
    }
    const c = trainClassifier(toy, { seed: 1 });
    // A different seed orders the SGD steps differently; the weights differ, the answers need not.
    expect(c.classify('住院慰问').bestProbability).not.toBe(a.classify('住院慰问').bestProbability);
  });

  it('pinyin features recover a homophone typo that character features alone do not read as well', () => {
    const withPinyin = trainClassifier(toy, { calibrationFolds: 0, threshold: 0 });
    const charsOnly = trainClassifier(toy, { features: CHAR_FEATURES, calibrationFolds: 0, threshold: 0 });
    const typo = '提检'; // for 体检
    const pPinyin = withPinyin.classify(typo);
    expect(pPinyin.intent).toBe('health_checkup');
    const pChars = charsOnly.classify(typo);
    const pCharsHealth = pChars.best === 'health_checkup' ? pChars.bestProbability : 0;
    expect(pPinyin.bestProbability).toBeGreaterThan(pCharsHealth);
  });

  it('explains with the n-grams of the text (and the nearest example) that pushed the chosen intent, strongest first', () => {
    const c = trainClassifier(toy);
    const r = c.classify('体检报销', { explain: true });
    expect(r.intent).toBe('health_checkup');
    const f = r.features ?? [];
    expect(f.length).toBeGreaterThan(0);
    expect(f.length).toBeLessThanOrEqual(5);
    const own = new Set(features(normalize('体检报销')));
    const healthExamples = new Set(toy.filter((e) => e.intent === 'health_checkup').map((e) => e.text));
    for (const x of f) {
      if (x.feature.startsWith('nn:')) expect(healthExamples.has(x.feature.slice(3))).toBe(true);
      else expect(own.has(x.feature)).toBe(true);
    }
    for (let i = 1; i < f.length; i++) expect((f[i - 1]?.weight ?? 0) >= (f[i]?.weight ?? 0)).toBe(true);
    expect(f[0]?.weight).toBeGreaterThan(0);
    expect(f.map((x) => x.feature).some((x) => x.includes('体检') || x === 'p:ti_jian' || x.includes('报销'))).toBe(true);
    expect(c.classify('体检报销').features).toBeUndefined();
    // Without neighbour evidence only n-grams are listed.
    const plain = trainClassifier(toy, { knnWeight: 0 }).classify('体检报销', { explain: true });
    expect(plain.features?.every((x) => own.has(x.feature))).toBe(true);
  });

  it('answers out_of_scope with full confidence for text with nothing to read', () => {
    const c = trainClassifier(toy);
    for (const t of ['', '😀🎉', '？？！', '\u0001\u0002', '12000']) {
      const r = c.classify(t);
      expect(r.intent).toBe('out_of_scope');
      expect(r.confidence).toBe(1);
    }
  });

  it('takes another model fitter (the comparison plugs in naive Bayes) and names it in info', () => {
    expect(trainClassifier(toy).info.model).toBe('logreg');
    const nb = trainClassifier(toy, { model: naiveBayes() });
    expect(nb.info.model).toBe('naive_bayes');
    expect(nb.classify('体检报销').intent).toBe('health_checkup');
  });
});

describe('vectors (toy data)', () => {
  it('vectorize a text at run time exactly as training vectorized it', () => {
    const texts = toy.map((e) => e.text);
    const enc = encode(texts, CHAR_PINYIN_FEATURES, 256);
    const all = Int32Array.from(texts, (_, i) => i);
    const w = weighting(enc, all, true);
    const rows = vectorizeRows(enc.docs, all, w);
    const x = new TextVectorizer(enc.vocab, w, { features: CHAR_PINYIN_FEATURES, idf: true, maxChars: 256 });
    texts.forEach((t, r) => {
      x.vectorize(t);
      const from = rows.start[r] as number;
      const to = rows.start[r + 1] as number;
      expect(Array.from(x.idx.slice(0, x.nnz))).toEqual(Array.from(rows.idx.slice(from, to)));
      expect(Array.from(x.val.slice(0, x.nnz))).toEqual(Array.from(rows.val.slice(from, to)));
    });
  });
});

describe('calibration (toy data)', () => {
  it('rejects a weak best guess below the threshold as out_of_scope', () => {
    const strict = trainClassifier(toy, { threshold: 0.999, calibrationFolds: 0 });
    const r = strict.classify('住院体检');
    expect(r.bestProbability).toBeLessThan(0.999);
    expect(r.intent).toBe('out_of_scope');
    expect(r.best).not.toBe('out_of_scope');
    const lax = trainClassifier(toy, { threshold: 0, calibrationFolds: 0 });
    expect(lax.classify('住院体检').intent).toBe(r.best);
  });

  it('keeps every confidence in [0, 1] and every intent in the inventory', () => {
    const c = trainClassifier(toy);
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (s) => {
        const r = c.classify(s);
        expect(r.confidence).toBeGreaterThanOrEqual(0);
        expect(r.confidence).toBeLessThanOrEqual(1);
        expect(INTENT_IDS).toContain(r.intent);
      }),
      { numRuns: 300 },
    );
  });

  it('fits the temperature that makes over-confident scores honest, and sharpens timid ones', () => {
    // Every score says "class 0" by a margin of 10, but class 0 is right only ~60 % of the time.
    // The likelihood is best when softmax(10/T, 0, 0) gives class 0 exactly its frequency q:
    // e^(10/T) / (e^(10/T) + 2) = q  →  T = 10 / ln(2q / (1 − q)).
    const rnd = mulberry32(3);
    const n = 500;
    const labels = Int32Array.from({ length: n }, () => (rnd() < 0.6 ? 0 : 1 + Math.floor(rnd() * 2)));
    const over = new Float64Array(n * 3);
    for (let i = 0; i < n; i++) over[i * 3] = 10;
    const q = labels.filter((y) => y === 0).length / n;
    const expected = 10 / Math.log((2 * q) / (1 - q));
    expect(fitTemperature(over, labels, 3)).toBeCloseTo(expected, 2);
    // Scores with margin 0.5 that are always right → T must shrink far below 1.
    const timid = new Float64Array(200 * 3);
    for (let i = 0; i < 200; i++) timid[i * 3] = 0.5;
    expect(fitTemperature(timid, new Int32Array(200), 3)).toBeLessThan(0.1);
  });
});

// ---------------------------------------------------------------------------------------------
// The training data loader

describe('loadIntents', () => {
  function withDir(files: Record<string, unknown>, fn: (dir: string) => void): void {
    const dir = mkdtempSync(join(tmpdir(), 'intents-'));
    try {
      for (const [name, content] of Object.entries(files)) {
        writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
      }
      fn(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const file = (id: string, examples: unknown[] = ['你好'], extra: object = {}) => ({ id, description: id, slots: [], examples, ...extra });

  it('loads every intent of the inventory from intents/, in inventory order', () => {
    const defs = loadIntents();
    expect(defs.map((d) => d.id)).toEqual([...INTENT_IDS]);
    for (const d of defs) expect(d.examples.length).toBeGreaterThan(0);
  });

  it('accepts a valid subset when not every intent is required', () => {
    withDir({ 'greeting.json': file('greeting', ['你好', { text: '您好' }], { slots: ['name'] }) }, (dir) => {
      const [g] = loadIntents(dir, { requireAll: false });
      expect(g).toMatchObject({ id: 'greeting', examples: ['你好', '您好'], slots: ['name'] });
    });
  });

  it('names every problem: bad JSON, unknown id, wrong file name, bad slot, empty examples, contradictions, missing intents', () => {
    withDir(
      {
        'greeting.json': '{ nope',
        'thanks.json': file('chit_chat'),
        'cancel.json': file('affirm'),
        'deny.json': file('deny', [], { slots: ['colour'] }),
        'help.json': file('help', ['好的']),
        'affirm.json': file('affirm', ['好的']),
      },
      (dir) => {
        let error: unknown;
        try {
          loadIntents(dir);
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(IntentDataError);
        const problems = (error as IntentDataError).problems.join('\n');
        expect(problems).toMatch(/greeting\.json: not valid JSON/);
        expect(problems).toMatch(/thanks\.json: id/);
        expect(problems).toMatch(/cancel\.json: id "affirm" differs from the file name/);
        expect(problems).toMatch(/deny\.json: slots\.0/);
        expect(problems).toMatch(/deny\.json: examples/);
        expect(problems).toMatch(/"好的" is also an example of/);
        expect(problems).toMatch(/serious_illness_consolation\.json: missing/);
      },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// The trained model (intents/), on sentences written for these tests: pairs that must never be confused.

const mustBe: Record<string, IntentId> = {
  // report_death: someone tells us of a death
  '我父亲昨天夜里去世了，跟社区报告一下': 'report_death',
  '老王今天早上走了，他家里人让我来说一声': 'report_death',
  '报告一下，我老伴上个礼拜过世了': 'report_death',
  '我母亲前天病故了，需要办什么手续': 'report_death',
  // funeral_consolation: asking what the funeral consolation is
  老人去世后家属能领多少丧葬慰问金: 'funeral_consolation',
  '退休职工过世了，丧事慰问金标准是多少': 'funeral_consolation',
  '办丧事社区会给慰问吗，给多少钱': 'funeral_consolation',
  // hospitalization_consolation
  住院慰问金怎么申请: 'hospitalization_consolation',
  '我住院住了半个月，能拿住院慰问吗': 'hospitalization_consolation',
  '老伴在医院住了一周，社区有没有住院慰问': 'hospitalization_consolation',
  // serious_illness_consolation
  得了癌症可以申请大病慰问吗: 'serious_illness_consolation',
  '大病自付部分八万多，大病慰问能给多少': 'serious_illness_consolation',
  '查出恶性肿瘤，重大疾病慰问金怎么领': 'serious_illness_consolation',
  // transfer_management
  '我搬家到西湖区了，管理关系怎么转过去': 'transfer_management',
  '从建德搬到杭州市区住，社会化管理关系要转移吗': 'transfer_management',
  '人要去长沙跟儿子住了，退休管理关系能转走吗': 'transfer_management',
  // update_personal_info
  '我手机号换了，登记的信息要改一下': 'update_personal_info',
  我的身份证号码登记错了怎么修改: 'update_personal_info',
  '家庭住址变了，个人信息怎么更新': 'update_personal_info',
};

const neverConfused: [IntentId, IntentId][] = [
  ['report_death', 'funeral_consolation'],
  ['report_death', 'hospitalization_consolation'],
  ['funeral_consolation', 'hospitalization_consolation'],
  ['serious_illness_consolation', 'hospitalization_consolation'],
  ['transfer_management', 'update_personal_info'],
];

describe('the classifier trained on intents/', () => {
  // Speed (training < 1 s, < 0.2 ms a message) is measured by `npm run bench`, not asserted here.
  it('trains from intents/ with every intent', () => {
    const c = buildClassifier();
    expect(c.info.trainingMs).toBeGreaterThan(0);
    expect(c.info.examples).toBeGreaterThan(100);
    expect(c.info.intents).toBe(INTENT_IDS.length);
  });

  for (const [a, b] of neverConfused) {
    it(`never confuses ${a} with ${b}`, () => {
      const c = getClassifier();
      const cases = Object.entries(mustBe).filter(([, id]) => id === a || id === b);
      expect(cases.length).toBeGreaterThanOrEqual(6);
      for (const [text, id] of cases) {
        const r = c.classify(normalize(text));
        expect({ text, intent: r.intent }).toEqual({ text, intent: id });
      }
    });
  }

  it('reads homophone typos from pinyin input (为问 for 慰问, 提检 for 体检)', () => {
    const c = getClassifier();
    expect(c.classify(normalize('住院为问金怎么申请')).intent).toBe('hospitalization_consolation');
    expect(c.classify(normalize('今年提检什么时候开始')).intent).toBe('health_checkup');
  });

  it('sends chit-chat about other things out of scope', () => {
    const c = getClassifier();
    for (const t of ['明天股市会不会涨', '帮我写一首关于春天的诗', 'asdfghjkl']) {
      expect({ t, intent: c.classify(normalize(t)).intent }).toEqual({ t, intent: 'out_of_scope' });
    }
  });
});
