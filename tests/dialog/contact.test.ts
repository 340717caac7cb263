import { describe, expect, it } from 'vitest';
import { contactIn } from '../../src/dialog/contact.ts';

describe('contact details told to be reached on', () => {
  it.each([
    ['我叫任建新 电话13486172035 古荡街道嘉绿苑社区', { contactName: '任建新', contactPhone: '13486172035', community: '古荡街道嘉绿苑社区' }],
    ['我叫钱福林 电话13675822093', { contactName: '钱福林', contactPhone: '13675822093' }],
    ['小河街道长乐社区', { community: '小河街道长乐社区' }],
    ['电话15968127701', { contactPhone: '15968127701' }],
  ])('"%s" tells %o', (text, contact) => {
    expect(contactIn(text)).toEqual(contact);
  });

  it.each([
    // A question is no contact, whatever it names.
    '社区电话是多少',
    '要去哪个社区办',
    // A long sentence naming a community is no address told to be reached on.
    '我们那个社区的活动室现在还开不开放给退休人员用',
    // A name without "我叫" may be anyone's.
    '任建新住院了',
  ])('"%s" tells none', (text) => {
    expect(contactIn(text)).toEqual({});
  });
});
