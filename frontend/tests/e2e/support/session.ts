import { LoginPage } from '../pages/LoginPage';
import { newSession, type Session } from './browser';
import type { DemoUser } from './env';

/** A fresh browser context logged in as a demo account (desktop size unless told otherwise). */
export async function sessionAs(user: DemoUser, viewport?: { width: number; height: number }): Promise<Session> {
  const s = await newSession(viewport);
  await new LoginPage(s.page).loginAs(user);
  return s;
}
