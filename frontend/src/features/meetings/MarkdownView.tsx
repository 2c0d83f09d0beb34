// The rendered minutes. Its own lazily loaded chunk: marked and DOMPurify come only with it.
import { useMemo } from 'react';
import { renderMarkdown } from './markdown';

export default function MarkdownView({ source, testId }: { source: string; testId?: string }) {
  const html = useMemo(() => renderMarkdown(source), [source]);
  // html is sanitised by renderMarkdown (no raw HTML, no scripts, no handlers)
  return <div className="markdown-body" data-testid={testId} dangerouslySetInnerHTML={{ __html: html }} />;
}
