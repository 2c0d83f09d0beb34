// Types of parts.mjs, so TypeScript (strict, no allowJs) checks what imports it.

export type Tree = { [key: string]: string | Tree };

export declare const CATALOGUE_PARTS: {
  readonly shell: readonly string[];
  readonly mobile: readonly string[];
};

export type CataloguePart = keyof typeof CATALOGUE_PARTS;

export function isCataloguePart(v: string): v is CataloguePart;
export function pickPart(catalogue: Tree, paths: readonly string[]): Tree;
