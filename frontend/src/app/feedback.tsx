// Messages (message.success …) and confirmation dialogs (modal.confirm …): antd's App.useApp() API,
// whose code (the message, notification and dialog holders, Modal with its confirm dialog) loads on
// the first message rather than with the first page, which shows none before the user does
// something. Calls made meanwhile wait and are shown once it has loaded. <FeedbackHost /> mounts the
// holders inside ConfigProvider (providers.tsx), so the theme and the locale apply as before. Should
// the code not load (offline), messages are still shown, as plain notes (FeedbackFallback).
import { useSyncExternalStore, type ComponentType } from 'react';
import type { App, ModalFuncProps } from 'antd';
import { FeedbackFallback, showFallback } from './FeedbackFallback';

/** antd's App.useApp() */
export type AppApi = ReturnType<typeof App.useApp>;
type MessageArgs = Parameters<AppApi['message']['success']>;
type Say = (...args: MessageArgs) => void;
type Ask = (props: ModalFuncProps) => void;

/** What the app uses of antd's App.useApp(), without the return values (nothing waits for them). */
export interface Feedback {
  message: { success: Say; error: Say; warning: Say; info: Say };
  modal: { confirm: Ask; warning: Ask; info: Ask; error: Ask; success: Ask };
}

export type HoldersProps = { onReady: (api: AppApi | null) => void };
type Call = (api: AppApi) => void;

let api: AppApi | null = null;
let Holders: ComponentType<HoldersProps> | null = null;
let loading: Promise<void> | null = null;
const queue: { call: Call; fallback?: MessageArgs }[] = [];
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function load(): void {
  loading ??= import('./FeedbackHolders').then(
    (m) => {
      Holders = m.default;
      for (const l of listeners) l();
    },
    () => {
      // not loaded (offline, a new release's files gone): what waits is shown as plain notes, and
      // the next message tries again
      loading = null;
      for (const { fallback } of queue.splice(0)) if (fallback) showFallback(fallback[0]);
    },
  );
}

function run(call: Call, fallback?: MessageArgs): void {
  if (api) {
    call(api);
    return;
  }
  queue.push({ call, fallback });
  load();
}

function onReady(next: AppApi | null): void {
  api = next;
  if (next) for (const { call } of queue.splice(0)) call(next);
}

const say =
  (type: keyof Feedback['message']): Say =>
  (...args) =>
    run((a) => void a.message[type](...args), args);
const ask =
  (type: keyof Feedback['modal']): Ask =>
  (props) =>
    run((a) => void a.modal[type](props));

const feedback: Feedback = {
  message: { success: say('success'), error: say('error'), warning: say('warning'), info: say('info') },
  modal: { confirm: ask('confirm'), warning: ask('warning'), info: ask('info'), error: ask('error'), success: ask('success') },
};

/** Instead of antd's useFeedback(): the same object on every render. */
export function useFeedback(): Feedback {
  return feedback;
}

/** The holders, once a first message asked for them; and the plain notes, should they not load. */
export function FeedbackHost() {
  const Loaded = useSyncExternalStore(subscribe, () => Holders);
  return (
    <>
      {Loaded && <Loaded onReady={onReady} />}
      <FeedbackFallback />
    </>
  );
}
