import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Me, OrganizationRole, ProjectDetail } from '../shared/api/types';
import { SessionContext } from '../identity/session';
import { mockGraphql } from '../shared/testing/graphqlMock';
import { ProjectPage } from './ProjectPage';

vi.mock('../shared/api/ws', () => ({ subscribe: () => () => {} }));

const project: ProjectDetail = {
  id: 'p1', title: 'Sentiment', description: '', createdAt: '2030-01-01T00:00:00Z', taskCount: 0, completedCount: 0, annotationCount: 0,
  workspace: null, labelConfig: '<View/>', labelConfigVersion: 1, mediaProxy: false, canReview: false, controls: [], objects: [],
};

function renderAs(role: OrganizationRole, path: string) {
  mockGraphql((op) => (op === 'Project' ? { project }
    : op === 'ProjectTasks' ? { project: { id: 'p1', tasks: { edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 } } }
      : op === 'ExportJobs' ? { exportJobs: [] } : { members: [] }));
  const me: Me = { id: 'u1', email: 'a@a.test', displayName: 'A', role, organization: { id: 'o1', name: 'Acme' } };
  render(
    <SessionContext.Provider value={{ me, reload: async () => me, signOut: async () => {} }}>
      <MemoryRouter initialEntries={[path]}>
        <Routes><Route path="/projects/:id/*" element={<ProjectPage />} /></Routes>
      </MemoryRouter>
    </SessionContext.Provider>,
  );
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('ProjectPage', () => {
  it('keeps exports in their own tab for those who may export', async () => {
    renderAs('MANAGER', '/projects/p1/export');
    expect(await screen.findByTestId('export-tab')).toBeTruthy();
    expect(screen.getByTestId('tab-export')).toBeTruthy();
    expect(screen.getByTestId('export-link').tagName).toBe('A');
    expect(await screen.findByTestId('export-job-create')).toBeTruthy();
  });

  it('shows no Export tab to an Annotator, and the header no export controls', async () => {
    renderAs('ANNOTATOR', '/projects/p1');
    expect(await screen.findByTestId('project-heading')).toBeTruthy();
    expect(screen.queryByTestId('tab-export')).toBeNull();
    expect(screen.queryByTestId('export-control')).toBeNull();
  });

  it.each(['ANNOTATOR', 'REVIEWER'] as OrganizationRole[])('shows no Import or Settings tab to a %s, and their URLs lead to the Data Manager', async (role) => {
    renderAs(role, '/projects/p1/import');
    expect(await screen.findByTestId('project-heading')).toBeTruthy();
    expect(screen.queryByTestId('tab-import')).toBeNull();
    expect(screen.queryByTestId('tab-settings')).toBeNull();
    expect(screen.getByTestId('tab-data')).toBeTruthy();
    expect(screen.queryByTestId('import-tab')).toBeNull();
    cleanup();
    renderAs(role, '/projects/p1/settings');
    expect(await screen.findByTestId('project-heading')).toBeTruthy();
    expect(screen.queryByTestId('settings-form')).toBeNull();
  });

  it.each(['OWNER', 'ADMIN', 'MANAGER'] as OrganizationRole[])('shows the Import and Settings tabs to a %s', async (role) => {
    renderAs(role, '/projects/p1');
    expect(await screen.findByTestId('project-heading')).toBeTruthy();
    expect(screen.getByTestId('tab-import')).toBeTruthy();
    expect(screen.getByTestId('tab-settings')).toBeTruthy();
  });
});
