// @vitest-environment jsdom
// jsdom, not happy-dom: DOMPurify supports jsdom, and happy-dom leaves event handlers in place.
import { describe, expect, it } from 'vitest';
import { instructionsHtml } from './markdown';

describe('instructionsHtml', () => {
  it('renders markdown', () => {
    const html = instructionsHtml('# Guide\n\nLabel the **overall** sentiment.\n\n- one\n- two');
    expect(html).toContain('<h1>Guide</h1>');
    expect(html).toContain('<strong>overall</strong>');
    expect(html).toContain('<li>one</li>');
  });

  it('drops scripts, handlers and javascript: links', () => {
    const html = instructionsHtml('<script>alert(1)</script><img src="x" onerror="alert(2)">\n\nSee [the guide](javascript:alert(3)).');
    expect(html).toContain('the guide');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('onerror');
    expect(html).not.toContain('javascript:');
  });
});
