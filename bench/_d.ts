import { isQuestion } from '../src/nlu/cues.ts';
import { yesOrNo } from '../src/dialog/steps/pending.ts';
for (const t of ['要是医院开的是收据行不行','收据行不行','要是没发票呢','要我自己申请不']) console.log(t, isQuestion(t), yesOrNo(t));
