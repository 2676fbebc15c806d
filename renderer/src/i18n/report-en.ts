/** English texts of this part of the UI (merged into `en.ts`). */
export const reportEn = {} as const
