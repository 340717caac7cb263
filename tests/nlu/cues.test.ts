import { describe, expect, it } from 'vitest';
import { aspectsOf, isApplyRequest } from '../../src/nlu/cues.ts';

describe('a request to apply for the topic in front of the user', () => {
  it.each([
    ['帮我登记', true],
    ['好 那帮我报上去 西湖区的', true],
    ['行 帮我报上去 建德的', true],
    ['那给我办一下', true],
    // Declined, however short.
    ['不用登记 谢谢', false],
    ['不要报了', false],
    // A question about where to do it: 社区 is no district name to strip.
    ['等一下 这个是去新社区办还是老社区办', false],
    ['去哪里申请', false],
  ])('%s → %s', (text, expected) => {
    expect(isApplyRequest(text)).toBe(expected);
  });
});

describe('the sides a question asks', () => {
  it.each([
    // More stays than once: how often, not a count of people.
    ['一年住了三回院 住院慰问能拿三回不', 'frequency'],
    // Paid into someone else's card.
    ['打我老婆的卡可以吗', 'payment'],
    // What the community does after a death.
    ['社区会帮着申请待遇不', 'benefits'],
    ['社区要做啥', 'benefits'],
    // Until when management lasts.
    ['社区这边管到啥时候为止', 'stop'],
    // What to bring to be reimbursed.
    ['要拿啥去报', 'documents'],
  ])('%s → %s', (text, aspect) => {
    expect(aspectsOf(text)).toContain(aspect);
  });

  it('a count of people is not how often', () => {
    expect(aspectsOf('管30个人 补助多少')).not.toContain('frequency');
  });
});
