import { describe, expect, it } from 'vitest';
import zhCN from './zh-CN.json';
import en from './en.json';
import { normalizeLanguage } from './language';

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

function placeholders(obj: object): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const walk = (o: object, prefix: string) => {
    for (const [k, v] of Object.entries(o)) {
      if (typeof v === 'string') out[`${prefix}${k}`] = [...v.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      else if (typeof v === 'object' && v !== null) walk(v as object, `${prefix}${k}.`);
    }
  };
  walk(obj, '');
  return out;
}

describe('translations', () => {
  it('zh-CN and en have exactly the same keys', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort());
  });

  it('use the same interpolation variables', () => {
    expect(placeholders(en)).toEqual(placeholders(zhCN));
  });

  it('have no empty strings', () => {
    const empty = (o: object): boolean =>
      Object.values(o).some((v) => (typeof v === 'string' ? v.trim() === '' : empty(v as object)));
    expect(empty(zhCN)).toBe(false);
    expect(empty(en)).toBe(false);
  });
});

describe('normalizeLanguage', () => {
  it('maps browser and account values to the two UI languages', () => {
    expect(normalizeLanguage('zh-CN')).toBe('zh-CN');
    expect(normalizeLanguage('zh')).toBe('zh-CN');
    expect(normalizeLanguage('en-US')).toBe('en');
    expect(normalizeLanguage('en')).toBe('en');
    expect(normalizeLanguage('fr')).toBeNull();
    expect(normalizeLanguage(null)).toBeNull();
  });
});
