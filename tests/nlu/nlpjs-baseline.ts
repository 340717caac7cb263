/**
 * Comparison baseline: the nlp.js NLU classifier (the one-layer network `NluNeural` trains, from
 * @nlpjs/neural, reached through the @nlpjs/nlu devDependency), fed character uni- and bigrams as
 * tokens because nlp.js has no Chinese tokenizer in its minimal languages. Used only by
 * `npm run eval:nlu -- --compare`; not part of the bot.
 */
import { createRequire } from 'node:module';
import type { IntentId } from '../../src/nlu/intents.ts';
import { INTENT_IDS, OUT_OF_SCOPE } from '../../src/nlu/intents.ts';

interface NeuralNetworkLike {
  train(corpus: { input: Record<string, number>; output: Record<string, number> }[]): unknown;
  run(input: Record<string, number>): Record<string, number> | undefined;
}
type NeuralNetworkCtor = new (settings?: Record<string, unknown>) => NeuralNetworkLike;

function loadNeuralNetwork(): NeuralNetworkCtor {
  // Resolve @nlpjs/neural from where @nlpjs/nlu lives: the network NluNeural itself uses.
  const require = createRequire(import.meta.url);
  const nluPath = require.resolve('@nlpjs/nlu');
  const fromNlu = createRequire(nluPath);
  return (fromNlu('@nlpjs/neural') as { NeuralNetwork: NeuralNetworkCtor }).NeuralNetwork;
}

/** nlp.js-style tokens: characters and character bigrams of the content (no punctuation or spaces). */
const CONTENT = /[\p{L}\p{N}]/u;

function tokens(text: string): Record<string, number> {
  const chars = Array.from(text.toLowerCase()).filter((c) => CONTENT.test(c));
  const out: Record<string, number> = {};
  for (let i = 0; i < chars.length; i++) {
    out[chars[i] as string] = 1;
    if (i + 1 < chars.length) out[(chars[i] as string) + (chars[i + 1] as string)] = 1;
  }
  return out;
}

export interface SimpleClassifier {
  classify(normalizedText: string): { intent: IntentId; confidence: number };
}

/** Trains the nlp.js network; below `threshold` (nlp.js's own default 0.5) → out_of_scope. */
export function trainNlpjs(examples: readonly { text: string; intent: IntentId }[], threshold = 0.5): SimpleClassifier {
  const NeuralNetwork = loadNeuralNetwork();
  const net = new NeuralNetwork({ log: false });
  net.train(examples.map((e) => ({ input: tokens(e.text), output: { [e.intent]: 1 } })));
  const known = new Set<string>(INTENT_IDS);
  return {
    classify(text: string) {
      const scores = net.run(tokens(text)) ?? {};
      // nlp.js squares and normalizes the perceptron outputs into a distribution.
      let total = 0;
      let best: string = OUT_OF_SCOPE;
      let bestScore = 0;
      for (const [k, v] of Object.entries(scores)) {
        total += v * v;
        if (v > bestScore) {
          bestScore = v;
          best = k;
        }
      }
      const confidence = total > 0 ? (bestScore * bestScore) / total : 0;
      if (confidence < threshold || !known.has(best)) return { intent: OUT_OF_SCOPE, confidence };
      return { intent: best as IntentId, confidence };
    },
  };
}
