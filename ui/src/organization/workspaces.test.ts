import { afterEach, describe, expect, it } from 'vitest';
import { addableMembers, canAdministerWorkspaces, canManageWorkspaceMembers, currentWorkspace, effectiveWorkspace, setCurrentWorkspace } from './workspaces';

afterEach(() => window.localStorage.clear());

describe('workspace selection', () => {
  it('is remembered and announced', () => {
    const seen: (string | null)[] = [];
    const listener = (e: Event) => seen.push((e as CustomEvent<string | null>).detail);
    window.addEventListener('labelledger:workspace', listener);
    setCurrentWorkspace('w1');
    expect(currentWorkspace()).toBe('w1');
    setCurrentWorkspace(null);
    expect(currentWorkspace()).toBeNull();
    window.removeEventListener('labelledger:workspace', listener);
    expect(seen).toEqual(['w1', null]);
  });

  it('falls back to all projects when the remembered workspace is no longer visible', () => {
    expect(effectiveWorkspace('w1', [{ id: 'w1' }])).toBe('w1');
    expect(effectiveWorkspace('gone', [{ id: 'w1' }])).toBeNull();
    expect(effectiveWorkspace(null, [{ id: 'w1' }])).toBeNull();
  });
});

describe('workspace permissions', () => {
  it('mirror the authorization table', () => {
    expect(['OWNER', 'ADMIN', 'MANAGER', 'REVIEWER', 'ANNOTATOR'].map((r) => canAdministerWorkspaces(r as never))).toEqual([true, true, false, false, false]);
    expect(['OWNER', 'ADMIN', 'MANAGER', 'REVIEWER', 'ANNOTATOR'].map((r) => canManageWorkspaceMembers(r as never))).toEqual([true, true, true, false, false]);
  });

  it('offers active organization members not yet in the workspace', () => {
    const org = [
      { userId: 'b', displayName: 'Bob', active: true },
      { userId: 'a', displayName: 'Ann', active: true },
      { userId: 'z', displayName: 'Zed', active: false },
      { userId: 'c', displayName: 'Cid', active: true },
    ];
    expect(addableMembers(org, [{ userId: 'c' }]).map((m) => m.userId)).toEqual(['a', 'b']);
  });
});
