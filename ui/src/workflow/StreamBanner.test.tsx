// @vitest-environment jsdom
// jsdom, not happy-dom: DOMPurify supports jsdom, and happy-dom leaves event handlers in place.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StreamBanner } from './StreamBanner';

beforeEach(() => sessionStorage.clear());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function server(general: { instructions: string; showInstructionsBeforeLabeling: boolean }, stream: unknown) {
  vi.stubGlobal('fetch', vi.fn(async (_url: string, init: RequestInit) => {
    const { query } = JSON.parse(init.body as string) as { query: string };
    const data = query.includes('labelStream') ? { labelStream: stream }
      : { project: { id: 'p1', settingsVersion: 1, settings: { general: { color: '', ...general } } } };
    return new Response(JSON.stringify({ data }), { status: 200 });
  }));
}

describe('StreamBanner', () => {
  it('shows the pause reason when no task is handed out', async () => {
    server({ instructions: '', showInstructionsBeforeLabeling: false }, { state: 'PAUSED', pauseReason: 'Please reread the guide', reservedUntil: null });
    render(<StreamBanner projectId="p1" taskShown={false} />);
    expect((await screen.findByTestId('stream-paused')).textContent).toContain('Please reread the guide');
  });

  it('says when the limit is reached', async () => {
    server({ instructions: '', showInstructionsBeforeLabeling: false }, { state: 'LIMIT_REACHED', pauseReason: null, reservedUntil: null });
    render(<StreamBanner projectId="p1" taskShown={false} />);
    expect(await screen.findByTestId('stream-limit')).toBeTruthy();
  });

  it('shows sanitized instructions once per session, then on demand', async () => {
    server({ instructions: '**Read** this <img src=x onerror="alert(1)">', showInstructionsBeforeLabeling: true }, null);
    render(<StreamBanner projectId="p1" taskShown />);
    const shown = await screen.findByTestId('instructions');
    expect(shown.innerHTML).toContain('<strong>Read</strong>');
    expect(shown.innerHTML).not.toContain('onerror');
    fireEvent.click(screen.getByTestId('instructions-close'));
    expect(screen.queryByTestId('instructions')).toBeNull();
    cleanup();
    render(<StreamBanner projectId="p1" taskShown />);
    expect(await screen.findByTestId('instructions-open')).toBeTruthy(); // seen in this session: not opened again
    expect(screen.queryByTestId('instructions')).toBeNull();
    fireEvent.click(screen.getByTestId('instructions-open'));
    expect(await screen.findByTestId('instructions')).toBeTruthy();
  });

  it('shows "all tasks done" under the pause only when nothing is left for the person', async () => {
    const done = <div data-testid="all-done">All tasks done</div>;
    server({ instructions: '', showInstructionsBeforeLabeling: false }, { state: 'PAUSED', pauseReason: 'Wait', reservedUntil: null, tasksLeft: false });
    render(<StreamBanner projectId="p1" taskShown={false} allDone={done} />);
    await screen.findByTestId('stream-paused');
    expect(screen.getByTestId('all-done')).toBeTruthy();
    cleanup();
    server({ instructions: '', showInstructionsBeforeLabeling: false }, { state: 'PAUSED', pauseReason: 'Wait', reservedUntil: null, tasksLeft: true });
    render(<StreamBanner projectId="p1" taskShown={false} allDone={done} />);
    await screen.findByTestId('stream-paused');
    expect(screen.queryByTestId('all-done')).toBeNull();
  });

  it('does not add "all tasks done" to the limit message', async () => {
    server({ instructions: '', showInstructionsBeforeLabeling: false }, { state: 'LIMIT_REACHED', pauseReason: null, reservedUntil: null });
    render(<StreamBanner projectId="p1" taskShown={false} allDone={<div data-testid="all-done" />} />);
    await screen.findByTestId('stream-limit');
    expect(screen.queryByTestId('all-done')).toBeNull();
  });
});
