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
  | { readonly code: 'invalid_date'; readonly slot: 'date'; readonly text: string }
  | { readonly code: 'id_check_digit'; readonly slot: 'id_number' }
  | { readonly code: 'id_length'; readonly slot: 'id_number'; readonly length: number }
  | { readonly code: 'id_birth_date'; readonly slot: 'id_number' }
  | { readonly code: 'phone_invalid'; readonly slot: 'phone' };

export type SlotErrorCode = SlotError['code'];
