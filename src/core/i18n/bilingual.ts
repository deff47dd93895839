/**
 * Messages kept next to the code that shows them, both languages in one file: a rule's (src/core/rules/<id>.messages.ts)
 * and a summary sheet's (src/core/summary/<file>.messages.ts). The two languages must have the same keys: a key
 * missing from either, or present in one only, is a type error here. Which keys such a file may hold is checked by
 * `npm run generate`, which merges the files into the catalogues (rule-messages.generated.ts,
 * summary-messages.generated.ts).
 */
export interface Bilingual<K extends string> {
  readonly ja: Readonly<Record<K, string>>;
  readonly en: Readonly<Record<K, string>>;
}

export function bilingual<K extends string>(messages: Bilingual<K>): Bilingual<K> {
  return messages;
}
