export const BASE_URL = (process.env.E2E_BASE_URL || 'http://127.0.0.1:8000').replace(/\/$/, '');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export function demoPassword(): string {
  const p = process.env.DEMO_PASSWORD;
  if (!p) throw new Error('Set DEMO_PASSWORD to the password of the demo accounts');
  return p;
}

export type DemoUser =
  | 'bureau'
  | 'leader'
  | 'admin_YX003'
  | 'admin_YX004'
  | 'teacher'
  | 'admin_YX002'
  | 'admin_YX005'
  | 'admin_YX009'
  | 'admin_YX013';
