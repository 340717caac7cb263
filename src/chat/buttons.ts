/**
 * Button payloads: short, versionless strings a channel carries back verbatim. Anything else (a forged or stale
 * payload) parses to null and gets a kind "按钮已过期" reply.
 *   s:<slot>:<value>   answer the pending question
 *   i:<intent>         start a dialog from the help menu
 *   y / n              yes / no to the pending confirmation or offer
 *   x                  cancel the dialog
 *   k:<claim|view>:<id> staff actions on a case
 *   r:<sub|stop|list|month|send>[:<arg>] reminders and notices (subscribe, stop, list, pick a month, send a notice)
 */
export type ButtonAction =
  | { readonly kind: 'slot'; readonly slot: string; readonly value: string }
  | { readonly kind: 'intent'; readonly intent: string }
  | { readonly kind: 'yes' }
  | { readonly kind: 'no' }
  | { readonly kind: 'cancel' }
  | { readonly kind: 'case'; readonly action: 'claim' | 'view'; readonly id: string }
  | { readonly kind: 'care'; readonly action: CareAction; readonly arg?: string };

export type CareAction = 'sub' | 'stop' | 'list' | 'month' | 'send';

const SLOT = /^s:([a-z_]{1,20}):([^\n]{1,40})$/;
const INTENT = /^i:([a-z_]{1,40})$/;
const CARE = /^r:(sub|stop|list|month|send)(?::([a-z0-9-]{1,40}))?$/;
const CASE = /^k:(claim|view):(C\d{8}-\d{4,6})$/;

export function parseButton(payload: unknown): ButtonAction | null {
  if (typeof payload !== 'string' || payload.length > 64) return null;
  if (payload === 'y') return { kind: 'yes' };
  if (payload === 'n') return { kind: 'no' };
  if (payload === 'x') return { kind: 'cancel' };
  const slot = SLOT.exec(payload);
  if (slot) return { kind: 'slot', slot: slot[1] as string, value: slot[2] as string };
  const staffAction = CASE.exec(payload);
  if (staffAction) return { kind: 'case', action: staffAction[1] as 'claim' | 'view', id: staffAction[2] as string };
  const care = CARE.exec(payload);
  if (care) return { kind: 'care', action: care[1] as CareAction, ...(care[2] === undefined ? {} : { arg: care[2] }) };
  const intent = INTENT.exec(payload);
  if (intent) return { kind: 'intent', intent: intent[1] as string };
  return null;
}

export const slotButton = (slot: string, value: string) => `s:${slot}:${value}`;
export const intentButton = (intent: string) => `i:${intent}`;
export const YES = 'y';
export const NO = 'n';
export const CANCEL = 'x';
export const caseButton = (action: 'claim' | 'view', id: string) => `k:${action}:${id}`;
export const careButton = (action: CareAction, arg?: string) => (arg === undefined ? `r:${action}` : `r:${action}:${arg}`);
