// 聊城市国有企业退休人员社会化管理服务办法（试行）(聊国资〔2020〕50号), shared/policies/003_*.txt.
import { since, type Law } from './types.ts';

const D = '2020-11-11';
const at = <T>(value: T, clause: string, quote: string) => since(D, value, 'liaocheng', clause, quote);

export const liaocheng: Law = {
  doc: 'liaocheng',
  deathReport: [at({ deadlineDays: 7, whom: 'registered_community_or_agency' }, '第十六条(四)', '退休人员死亡后，其亲属应在7日内向死者生前登记的社区或社会保险经办机构报告')],
  // 按要求: the text sets no yearly count.
  certification: [at({ timesPerYear: null }, '第十六条(二)', '按要求进行养老金领取资格认证，以确保基本养老金正常发放')],
  deathBenefitsHelp: [at(['funeral_grant', 'survivor_pension'] as const, '第七条(九)', '协助其家属及时向原企业和社会保险经办机构报告，并协助相关继承人采取多种方式，申请相关社会保险待遇')],
};
