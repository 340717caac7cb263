export * from './actions.ts';
export * from './announce.ts';
export * from './commands.ts';
export * from './questions.ts';
export * from './quick-check.ts';
export * from './view.ts';
