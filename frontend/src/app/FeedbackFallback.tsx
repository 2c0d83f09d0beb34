// Plain notes for the messages whose antd code could not be loaded (feedback.tsx): each one's text
// at the top of the screen for a few seconds, as antd's message shows it.
import { isValidElement, useSyncExternalStore, type ReactNode } from 'react';
import type { MessageArgsProps } from 'antd';

const SHOWN_MS = 3000;

type Note = { id: number; content: ReactNode };
let notes: Note[] = [];
let lastId = 0;
const listeners = new Set<() => void>();

function changed(next: Note[]): void {
  notes = next;
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function isArgs(content: ReactNode | MessageArgsProps): content is MessageArgsProps {
  return typeof content === 'object' && content !== null && !isValidElement(content) && 'content' in content;
}

export function showFallback(content: ReactNode | MessageArgsProps): void {
  const id = ++lastId;
  changed([...notes, { id, content: isArgs(content) ? content.content : content }]);
  setTimeout(() => changed(notes.filter((n) => n.id !== id)), SHOWN_MS);
}

export function FeedbackFallback() {
  const shown = useSyncExternalStore(subscribe, () => notes);
  if (shown.length === 0) return null;
  return (
    <div className="feedback-fallback" role="status" data-testid="feedback-fallback">
      {shown.map((n) => (
        <div key={n.id}>{n.content}</div>
      ))}
    </div>
  );
}
