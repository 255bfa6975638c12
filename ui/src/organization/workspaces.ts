// The workspace chosen in the navigation's switcher, kept per browser; pages listen for changes.
import { useEffect, useState } from 'react';
import type { OrganizationRole, Workspace } from '../shared/api/types';

const KEY = 'labelledger.workspace';
const EVENT = 'labelledger:workspace';

export function currentWorkspace(): string | null {
  try {
    return window.localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function setCurrentWorkspace(id: string | null): void {
  try {
    if (id) window.localStorage.setItem(KEY, id);
    else window.localStorage.removeItem(KEY);
  } catch {
    // storage disabled: the choice lasts for this page only
  }
  window.dispatchEvent(new CustomEvent(EVENT, { detail: id }));
}

/** The selected workspace id (null: all projects), following the switcher. */
export function useCurrentWorkspace(): string | null {
  const [id, setId] = useState<string | null>(currentWorkspace);
  useEffect(() => {
    const onChange = (e: Event) => setId((e as CustomEvent<string | null>).detail);
    window.addEventListener(EVENT, onChange);
    return () => window.removeEventListener(EVENT, onChange);
  }, []);
  return id;
}

/** A remembered workspace the caller no longer sees (removed, archived) falls back to "all projects". */
export function effectiveWorkspace(selected: string | null, visible: Pick<Workspace, 'id'>[]): string | null {
  return selected && visible.some((w) => w.id === selected) ? selected : null;
}

// ---- who may do what (mirrors docs/authorization.md; the server decides) ---------------------------

/** Owners and Admins create, rename and archive workspaces. */
export function canAdministerWorkspaces(role: OrganizationRole | null | undefined): boolean {
  return role === 'OWNER' || role === 'ADMIN';
}

/** Owners, Admins and Managers (the latter in workspaces they belong to) manage members and move projects. */
export function canManageWorkspaceMembers(role: OrganizationRole | null | undefined): boolean {
  return canAdministerWorkspaces(role) || role === 'MANAGER';
}

/** Members not yet in the workspace, active ones only, by name. */
export function addableMembers<M extends { userId: string; active: boolean; displayName: string }>(org: M[], inWorkspace: { userId: string }[]): M[] {
  const present = new Set(inWorkspace.map((m) => m.userId));
  return org.filter((m) => m.active && !present.has(m.userId)).sort((a, b) => a.displayName.localeCompare(b.displayName));
}
