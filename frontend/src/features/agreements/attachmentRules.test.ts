import { describe, expect, it } from 'vitest';
import { attachmentProblem, MAX_ATTACHMENT_BYTES } from './attachmentRules';

describe('attachmentProblem', () => {
  it('accepts PDF, JPEG, PNG and WebP up to 10 MB', () => {
    expect(attachmentProblem({ name: '协议.pdf', type: 'application/pdf', size: 1000 })).toBeNull();
    expect(attachmentProblem({ name: 'a.JPG', type: 'image/jpeg', size: MAX_ATTACHMENT_BYTES })).toBeNull();
    expect(attachmentProblem({ name: 'a.png', type: 'image/png', size: 1 })).toBeNull();
    expect(attachmentProblem({ name: 'a.webp', type: 'image/webp', size: 1 })).toBeNull();
  });
  it('refuses other types, by type or, when the browser gives none, by extension', () => {
    expect(attachmentProblem({ name: 'a.docx', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', size: 1 })).toBe('type');
    expect(attachmentProblem({ name: 'a.gif', type: 'image/gif', size: 1 })).toBe('type');
    expect(attachmentProblem({ name: 'scan.PDF', type: '', size: 1 })).toBeNull();
    expect(attachmentProblem({ name: 'notes.txt', type: '', size: 1 })).toBe('type');
  });
  it('refuses files over 10 MB and empty files', () => {
    expect(attachmentProblem({ name: 'a.pdf', type: 'application/pdf', size: MAX_ATTACHMENT_BYTES + 1 })).toBe('size');
    expect(attachmentProblem({ name: 'a.pdf', type: 'application/pdf', size: 0 })).toBe('empty');
  });
});
