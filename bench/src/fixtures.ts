/** One typical rejection, as a rep would log it, shared by the benchmarks. */
export const rejectionInput = {
  customerLabel: 'Bakery in Shibuya',
  stage: 'proposal',
  askedWhy: true,
  reason: 'timing',
  customerWords: '今は時期じゃないんです。春に二号店を出すので。',
  discovery: 'They open a second shop in spring',
  nextStep: { kind: 'follow-up', dueDate: '2027-02-01' },
} as const;
