/**
 * Which fields of a case are personal data. Privacy knowledge, kept here (a leaf module) so that the cases, the stores
 * that seal them and the staff views all read one list without depending on one another.
 */

/**
 * Fields that are personal data: masked in every listing, shown whole only to the staff member holding the case.
 * `details` is what an applicant told of a stay or a check in their own words: health matters, and maybe a name.
 */
export const PERSONAL_FIELDS: readonly string[] = [
  'idNumber',
  'reporterPhone',
  'deceasedName',
  'applicantName',
  'leaderName',
  'contactName',
  'contactPhone',
  'details',
];

/**
 * Fields sealed at rest (src/store/sealed.ts) and erased by the retention rule (src/cases/retention.ts): the personal
 * fields, and the community (an address). Type, region, dates, amounts, gender and age stay readable for statistics
 * and the 公示.
 */
export const SEALED_FIELDS: readonly string[] = [...PERSONAL_FIELDS, 'community'];
