// The audit context's GraphQL documents; their types are generated (npm run codegen, ADR 0040).
import { graphql } from '../shared/gql';

export const AuditLogQuery = graphql(`
  query AuditLog($filter: AuditFilter, $first: Int, $after: String) {
    auditLog(filter: $filter, first: $first, after: $after) {
      edges { cursor node {
        id position eventType aggregateType aggregateId actor { id displayName } clientIp occurredAt payload hash
      } }
      pageInfo { hasNextPage endCursor }
    }
  }`);
