/**
 * `a.localeCompare(b)` with the same default locale and options, from one collator made once:
 * `localeCompare` builds a collator per call, tens of milliseconds when sorting thousands.
 */
export const collate = new Intl.Collator().compare;
