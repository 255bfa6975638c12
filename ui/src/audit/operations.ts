// The audit context's GraphQL documents; their types are generated (npm run codegen, ADR 0040).
import { graphql } from '../shared/gql';

export const AuditLogQuery = graphql(`
  query AuditLog($filter: AuditFilter, $first: Int, $after: String) {
    auditLog(filter: $filter, first: $first, after: $after) {
      edges { cursor node {
        id sequence position eventType aggregateType aggregateId objectLabel summary actor { id displayName } clientIp occurredAt
        payload prevHash hash canonical
      } }
      pageInfo { hasNextPage endCursor }
    }
  }`);

// The chain's state and the installation's public key (ADR 0051)
export const AuditChainQuery = graphql(`
  query AuditChain {
    auditChain { headSequence verifiedUpTo signedAt keyId publicKeyPem }
  }`);
