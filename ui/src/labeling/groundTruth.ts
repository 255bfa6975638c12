// Ground truth (ADR 0022): at most one annotation per task is the project's reference answer. Pure helpers.
import type { Annotation, OrganizationRole } from '../shared/api/types';

/**
 * Roles the server lets set ground truth (rules.csv Mutation.setGroundTruth: Owners and Admins; Managers on their
 * projects, which are the only ones they reach). Unknown role (session not loaded): no toggle, only the mark.
 */
export const GROUND_TRUTH_ROLES: readonly OrganizationRole[] = ['OWNER', 'ADMIN', 'MANAGER'];

export function maySetGroundTruth(role: OrganizationRole | null | undefined): boolean {
  return role != null && GROUND_TRUTH_ROLES.includes(role);
}

/** The task's ground-truth annotation, if any. */
export function groundTruthOf(annotations: readonly Annotation[]): Annotation | undefined {
  return annotations.find((a) => a.groundTruth === true);
}
