/** A death report's fields as a family would confirm them: the one sample the case-level tests share. */
export const DEATH_REPORT_FIELDS = {
  deceasedName: '张建国',
  idNumber: '330182195203151239',
  dateOfDeath: '2026-11-20',
  relation: '父亲',
  reporterPhone: '13812345678',
  region: '西湖区',
  community: '翠苑一区社区',
  deadline: null,
} as const;
