import type { DocId } from '../types.ts';
import { changsha } from './changsha.ts';
import { hangzhou } from './hangzhou.ts';
import { henan } from './henan.ts';
import { jiande } from './jiande.ts';
import { liaocheng } from './liaocheng.ts';
import type { Law } from './types.ts';

export const LAWS: Readonly<Record<DocId, Law>> = { hangzhou, jiande, changsha, liaocheng, henan };
export * from './types.ts';
