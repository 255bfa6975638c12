import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Me, OrganizationRole, ProjectDetail } from '../api/types';
import { SessionContext } from '../session';
import { ExportControl } from './ExportControl';

const project: ProjectDetail = {
  id: 'p1', title: 'P', description: '', createdAt: '2030-01-01T00:00:00Z', taskCount: 5, completedCount: 2, annotationCount: 3, workspace: null,
  labelConfig: '<View/>', labelConfigVersion: 1, mediaProxy: false, controls: [], objects: [],
};

function renderAs(role: OrganizationRole | null) {
  const me: Me | null = role && { id: 'u1', email: 'a@b.c', displayName: 'Ann', role, organization: { id: 'o1', name: 'Org' } };
  render(
    <SessionContext.Provider value={{ me, reload: async () => me, signOut: async () => {} }}>
      <ExportControl project={project} />
    </SessionContext.Provider>,
  );
}

afterEach(cleanup);

describe('ExportControl', () => {
  it('is a download link to the export endpoint that follows the format and "only completed"', () => {
    renderAs('MANAGER');
    const link = screen.getByTestId('export-link') as HTMLAnchorElement;
    expect(link.tagName).toBe('A');
    expect(link.hasAttribute('download')).toBe(true);
    expect(link.getAttribute('href')).toBe('/api/projects/p1/export?format=JSON');
    expect(link.title).toContain('5 tasks');

    fireEvent.change(screen.getByTestId('export-format'), { target: { value: 'CSV' } });
    fireEvent.click(screen.getByTestId('export-only-completed'));
    expect(screen.getByTestId('export-link').getAttribute('href')).toBe('/api/projects/p1/export?format=CSV&onlyCompleted=true');
    expect((screen.getByTestId('export-link') as HTMLAnchorElement).title).toContain('2 tasks');
    expect(screen.queryByTestId('export-forbidden')).toBeNull();
  });

  it('tells annotators and reviewers that they may not export instead of linking to a 403', () => {
    renderAs('ANNOTATOR');
    const button = screen.getByTestId('export-link') as HTMLButtonElement;
    expect(button.tagName).toBe('BUTTON');
    expect(button.disabled).toBe(true);
    expect(screen.getByTestId('export-forbidden').textContent).toMatch(/owners, admins and managers/);
  });

  it('offers the link while the session is not known yet (the server decides)', () => {
    renderAs(null);
    expect(screen.getByTestId('export-link').tagName).toBe('A');
  });
});
