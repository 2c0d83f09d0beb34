import { describe, expect, it } from 'vitest';
import { escapeHtml, renderMarkdown } from './markdown';

/** Parse the rendered HTML the way the browser will, to look at what would really be there. */
function dom(html: string): HTMLElement {
  const div = document.createElement('div');
  div.innerHTML = html;
  return div;
}

describe('minutes in Markdown', () => {
  it('renders headings, lists, emphasis and line breaks', () => {
    const html = renderMarkdown('## 会议纪要\n- 双方回顾了帮扶情况\n- **确定**本学期送课 4 次\n\n第一行\n第二行');
    const d = dom(html);
    expect(d.querySelector('h2')?.textContent).toBe('会议纪要');
    expect(d.querySelectorAll('li')).toHaveLength(2);
    expect(d.querySelector('strong')?.textContent).toBe('确定');
    expect(d.querySelector('br')).not.toBeNull();
  });

  it('never lets a script through', () => {
    const html = renderMarkdown('开会\n\n<script>alert("x")</script>\n\n结束 <script>window.pwned=1</script>');
    const d = dom(html);
    expect(d.querySelector('script')).toBeNull();
    expect(html).not.toMatch(/<script/i);
    // the typed text stays visible as text
    expect(d.textContent).toContain('<script>');
  });

  it('drops images and event handlers (<img onerror>)', () => {
    for (const src of [
      '<img src=x onerror="alert(1)">',
      'text <img src="x" onerror=alert(1)> text',
      '![x](javascript:alert(1))',
      '![photo](https://example.com/a.png)',
      '<a href="#" onclick="alert(1)">hi</a>',
      '<svg onload=alert(1)></svg>',
      '<iframe src="https://evil.example"></iframe>',
    ]) {
      const html = renderMarkdown(src);
      const d = dom(html);
      expect(d.querySelector('img, svg, iframe')).toBeNull();
      expect(d.querySelectorAll('[onerror], [onclick], [onload]')).toHaveLength(0);
      expect(html).not.toMatch(/<(img|svg|iframe)\b/i);
      // what was typed may show as text, but no element carries a handler
      for (const el of d.querySelectorAll('*')) expect(el.getAttributeNames().filter((n) => n.startsWith('on'))).toEqual([]);
    }
  });

  it('keeps only http, https and mailto links, opened safely in a new tab', () => {
    const ok = dom(renderMarkdown('[会议链接](https://meet.example.com/abc)')).querySelector('a');
    expect(ok?.getAttribute('href')).toBe('https://meet.example.com/abc');
    expect(ok?.getAttribute('target')).toBe('_blank');
    expect(ok?.getAttribute('rel')).toContain('noopener');
    for (const bad of ['[x](javascript:alert(1))', '[x](data:text/html;base64,PHNjcmlwdD4=)', '[x](vbscript:msgbox)']) {
      const a = dom(renderMarkdown(bad)).querySelector('a');
      expect(a?.getAttribute('href') ?? null).toBeNull();
    }
  });

  it('keeps no style or class attributes', () => {
    const d = dom(renderMarkdown('<p style="position:fixed" class="x">a</p>\n\n*b* <span style="color:red">c</span>'));
    expect(d.querySelectorAll('[style], [class]')).toHaveLength(0);
    expect(d.querySelector('em')?.textContent).toBe('b');
  });

  it('renders tables and handles empty minutes', () => {
    const d = dom(renderMarkdown('| 学科 | 次数 |\n| --- | --- |\n| 英语 | 2 |'));
    expect(d.querySelectorAll('td')).toHaveLength(2);
    expect(renderMarkdown('')).toBe('');
  });

  it('escapes HTML special characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
