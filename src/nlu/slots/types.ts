/** The slots the NLU layer fills (interface.md "Slot names"). A slot the text does not state is absent. */
export interface Slots {
  amount?: number;
  region?: string;
  date?: string;
  festival?: string;
  count?: number;
  age?: number;
  relation?: string;
  id_number?: string;
  phone?: string;
  name?: string;
}

export type SlotName = keyof Slots;

/**
 * Something the text says that looks like a slot but cannot be used as one, so the dialog can say what
 * is wrong. Errors never carry an ID or phone number (they may end up in logs).
 */
export type SlotError =
  | { readonly code: 'vague_amount'; readonly slot: 'amount'; readonly text: string }
  /** A figure no one should compute with: 1e5, 0x10000, NaN (notation), 1,2,3,4 (grouping), 12000.001 (decimals). */
  | { readonly code: 'invalid_amount'; readonly slot: 'amount'; readonly text: string; readonly reason: 'notation' | 'grouping' | 'decimals' }
  /** 十亿 元 (ten digits) or more (一万亿, 一千万亿, 九九九九九九九九九九元): no amount at all. */
  | { readonly code: 'absurd_amount'; readonly slot: 'amount'; readonly text: string }
  /** An impossible date (2月30日) or an implausible one (before 1900 or after 2100: 1800-01-01). */
  | { readonly code: 'invalid_date'; readonly slot: 'date'; readonly text: string }
  | { readonly code: 'id_check_digit'; readonly slot: 'id_number' }
  | { readonly code: 'id_length'; readonly slot: 'id_number'; readonly length: number }
  | { readonly code: 'id_birth_date'; readonly slot: 'id_number' }
  | { readonly code: 'phone_invalid'; readonly slot: 'phone' };

export type SlotErrorCode = SlotError['code'];
