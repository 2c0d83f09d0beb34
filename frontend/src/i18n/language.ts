/** The two UI languages and how browser and account values map to them. No side effects on import
 * (unlike ./index, which starts loading the remembered language's catalogue), so tests and modules that
 * only need the mapping do not start a load that may finish after they are gone. */
export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const STORAGE_KEY = 'pairing.lang';

export function normalizeLanguage(v: string | null | undefined): Language | null {
  if (!v) return null;
  const lower = v.toLowerCase();
  if (lower === 'zh-cn' || lower === 'zh' || lower.startsWith('zh-')) return 'zh-CN';
  if (lower === 'en' || lower.startsWith('en-')) return 'en';
  return null;
}
