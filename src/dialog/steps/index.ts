export { badButton, menuButton, staleButton } from './buttons.ts';
export { cancel } from './cancel.ts';
export { care } from './care.ts';
export { awayInPrivate, expiredNote, groupChatter, personalInGroup } from './group.ts';
export { media } from './media.ts';
export { pending } from './pending.ts';
export { emptyText, smallTalk } from './small-talk.ts';
export { staffCommand, staffQuickCheck, staffRuleQuestion } from './staff.ts';
export { followUp, newTopic } from './topic.ts';
