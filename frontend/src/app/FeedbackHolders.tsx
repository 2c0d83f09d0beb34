// antd's App without its wrapping element: the message, notification and dialog holders behind
// feedback.tsx's calls, loaded on the first of them (its own chunk).
import { useEffect } from 'react';
import { App } from 'antd';
import type { HoldersProps } from './feedback';

function Bridge({ onReady }: HoldersProps) {
  const api = App.useApp();
  useEffect(() => {
    onReady(api);
    return () => onReady(null);
  }, [api, onReady]);
  return null;
}

export default function FeedbackHolders({ onReady }: HoldersProps) {
  return (
    <App component={false}>
      <Bridge onReady={onReady} />
    </App>
  );
}
