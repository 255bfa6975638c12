import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WorkflowSettings } from './WorkflowSettings';
import type { ProjectSettings } from './types';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const DEFAULTS: ProjectSettings = {
  general: { color: '', instructions: '', showInstructionsBeforeLabeling: false },
  distribution: { mode: 'AUTO', overlap: 1, overlapPercent: null, reservationMinutes: 1440, sampling: 'SEQUENTIAL', limit: null },
  skipping: { queue: 'REQUEUE_TO_OTHERS', requireComment: false },
  annotating: { showSkip: true, allowEmptyAnnotations: false, revealPredictionsInteractively: false, annotatorsSeeDataManager: false, showOthersAnnotations: false },
  review: { instructions: '', onReject: 'REQUEUE_TO_ANNOTATOR', requireCommentOnReject: false, onlyOverlapReached: false },
};

type Call = { query: string; variables: { input?: { distribution?: { overlap: number } } } };

function server(answer: (call: Call, n: number) => unknown) {
  const calls: Call[] = [];
  vi.stubGlobal('fetch', vi.fn(async (_url: string, init: RequestInit) => {
    const call = JSON.parse(init.body as string) as Call;
    calls.push(call);
    return new Response(JSON.stringify({ data: answer(call, calls.length) }), { status: 200 });
  }));
  return calls;
}

describe('WorkflowSettings', () => {
  it('shows the sections, sends every section on save and shows the notices as sentences', async () => {
    const calls = server((call) => {
      if (call.query.includes('projectMembers')) return { projectMembers: [] };
      if (call.query.includes('updateProjectSettings')) {
        return { updateProjectSettings: { project: { id: 'p1', settingsVersion: 2, settings: { ...DEFAULTS, distribution: { ...DEFAULTS.distribution, overlap: 2 } } },
          notices: ['LIMIT_ABOVE_TASK_COUNT'], errors: [] } };
      }
      return { project: { id: 'p1', settingsVersion: 1, settings: DEFAULTS, pausedAnnotators: [] } };
    });
    render(<WorkflowSettings projectId="p1" />);
    for (const section of ['general', 'distribution', 'skipping', 'annotating', 'review', 'paused']) {
      expect(await screen.findByTestId(`settings-section-${section}`)).toBeTruthy();
    }
    expect(screen.getByTestId('settings-version').textContent).toContain('1');
    fireEvent.change(screen.getByTestId('settings-overlap'), { target: { value: '2' } });
    fireEvent.click(screen.getByTestId('workflow-settings-save'));
    expect((await screen.findByTestId('workflow-settings-notice')).textContent).toContain('limits nobody');
    expect(screen.getByTestId('settings-version').textContent).toContain('2');
    const sent = calls.find((c) => c.query.includes('updateProjectSettings'))!;
    expect(sent.variables.input).toMatchObject({ projectId: 'p1', distribution: { overlap: 2 }, skipping: DEFAULTS.skipping, review: DEFAULTS.review });
  });

  it('shows a refusal under the setting it names', async () => {
    server((call) => {
      if (call.query.includes('projectMembers')) return { projectMembers: [] };
      if (call.query.includes('updateProjectSettings')) {
        return { updateProjectSettings: { project: null, notices: [],
          errors: [{ code: 'VALIDATION', field: ['distribution', 'overlap'], message: 'The overlap is 1 to 100 annotations per task' }] } };
      }
      return { project: { id: 'p1', settingsVersion: 0, settings: DEFAULTS, pausedAnnotators: [] } };
    });
    render(<WorkflowSettings projectId="p1" />);
    fireEvent.change(await screen.findByTestId('settings-overlap'), { target: { value: '0' } });
    fireEvent.click(screen.getByTestId('workflow-settings-save'));
    expect((await screen.findByTestId('settings-overlap-errors')).textContent).toContain('The overlap is 1 to 100');
    expect(screen.queryByTestId('workflow-settings-saved')).toBeNull();
  });

  it('pauses a member with a reason and resumes them', async () => {
    const paused = [{ user: { id: 'u2', displayName: 'Bea' }, reason: 'Too fast', source: 'MANAGER', pausedBy: { id: 'u1', displayName: 'Max' },
      pausedAt: '2026-03-01T09:00:00Z' }];
    const calls = server((call) => {
      if (call.query.includes('projectMembers')) return { projectMembers: [{ projectId: 'p1', userId: 'u2', displayName: 'Bea', role: 'ANNOTATOR' }] };
      if (call.query.includes('pauseAnnotator')) return { pauseAnnotator: { project: { id: 'p1', settingsVersion: 0, settings: DEFAULTS, pausedAnnotators: paused }, errors: [] } };
      if (call.query.includes('resumeAnnotator')) return { resumeAnnotator: { project: { id: 'p1', settingsVersion: 0, settings: DEFAULTS, pausedAnnotators: [] }, errors: [] } };
      return { project: { id: 'p1', settingsVersion: 0, settings: DEFAULTS, pausedAnnotators: [] } };
    });
    render(<WorkflowSettings projectId="p1" />);
    expect(await screen.findByTestId('paused-none')).toBeTruthy();
    await waitFor(() => expect(screen.getAllByRole('option', { name: 'Bea' })).toHaveLength(1));
    fireEvent.change(screen.getByTestId('pause-who'), { target: { value: 'u2' } });
    fireEvent.change(screen.getByTestId('pause-reason'), { target: { value: 'Too fast' } });
    fireEvent.click(screen.getByTestId('pause-person'));
    expect((await screen.findByTestId('paused-person')).textContent).toContain('Too fast');
    fireEvent.click(screen.getByTestId('resume-person'));
    expect(await screen.findByTestId('paused-none')).toBeTruthy();
    expect(calls.filter((c) => c.query.includes('pauseAnnotator')).map((c) => c.variables.input))
      .toEqual([{ projectId: 'p1', userId: 'u2', reason: 'Too fast' }]);
  });
});
