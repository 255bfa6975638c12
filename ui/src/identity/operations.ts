// The identity context's GraphQL documents (the caller, personal API tokens, SCIM tokens); their types are generated
// (npm run codegen, ADR 0040).
import { graphql } from '../shared/gql';

export const MeQuery = graphql(`
  query Me { me { id email displayName role organization { id name } organizations { id name role } } }`);

export const TokenFields = graphql(`
  fragment TokenFields on ApiToken { id name createdAt lastUsedAt }`);

export const ApiTokensQuery = graphql(`
  query ApiTokens { apiTokens { ...TokenFields } }`);

export const CreateApiTokenMutation = graphql(`
  mutation CreateApiToken($input: CreateApiTokenInput!) {
    createApiToken(input: $input) { token apiToken { ...TokenFields } errors { code field message } }
  }`);

export const RevokeApiTokenMutation = graphql(`
  mutation RevokeApiToken($input: RevokeApiTokenInput!) {
    revokeApiToken(input: $input) { revokedId errors { code field message } }
  }`);

export const ScimTokenFields = graphql(`
  fragment ScimTokenFields on ScimToken { id name createdAt lastUsedAt }`);

export const ScimTokensQuery = graphql(`
  query ScimTokens { scimTokens { baseUrl tokens { ...ScimTokenFields } } }`);

export const CreateScimTokenMutation = graphql(`
  mutation CreateScimToken($input: CreateScimTokenInput!) {
    createScimToken(input: $input) { token scimToken { ...ScimTokenFields } errors { code field message } }
  }`);

export const RevokeScimTokenMutation = graphql(`
  mutation RevokeScimToken($input: RevokeScimTokenInput!) {
    revokeScimToken(input: $input) { revokedId errors { code field message } }
  }`);

export const ChangePasswordMutation = graphql(`
  mutation ChangePassword($input: ChangePasswordInput!) { changePassword(input: $input) { errors { code field message } } }`);

export const SignOutEverywhereMutation = graphql(`
  mutation SignOutEverywhere { signOutEverywhere { errors { code field message } } }`);

export const SessionPolicyFields = graphql(`
  fragment SessionPolicyFields on SessionPolicy { idleTimeoutMinutes maxSessionHours installationIdleTimeoutMinutes }`);

export const SessionPolicyQuery = graphql(`
  query SessionPolicy { sessionPolicy { ...SessionPolicyFields } }`);

export const SetSessionPolicyMutation = graphql(`
  mutation SetSessionPolicy($input: SessionPolicyInput!) {
    setSessionPolicy(input: $input) { policy { ...SessionPolicyFields } errors { code field message } }
  }`);

export const LdapSettingsFields = graphql(`
  fragment LdapSettingsFields on LdapSettings {
    enabled emailDomain url bindDn hasBindPassword userBaseDn userFilter groupBaseDn defaultRole
    roleMappings { group role } updatedAt domainVerification { domain record value verified verifiedAt }
  }`);

export const LdapSettingsQuery = graphql(`
  query LdapSettings { ldapSettings { ...LdapSettingsFields } }`);

export const ConfigureLdapMutation = graphql(`
  mutation ConfigureLdap($input: ConfigureLdapInput!) {
    configureLdap(input: $input) { settings { ...LdapSettingsFields } errors { code field message } }
  }`);

export const VerifyEmailDomainMutation = graphql(`
  mutation VerifyEmailDomain($input: VerifyEmailDomainInput!) {
    verifyEmailDomain(input: $input) { settings { ...LdapSettingsFields } errors { code field message } }
  }`);

export const SsoSettingsFields = graphql(`
  fragment SsoSettingsFields on SsoSettings {
    enabled slug idpEntityId idpSsoUrl idpMetadataUrl idpCertificates { subject notAfter sha256 }
    defaultRole roleMappings { attribute value role } workspaceMappings { attribute value workspaceId }
    spEntityId acsUrl metadataUrl loginUrl spCertificate
    refusals { reason hour attempts lastAt lastClientIp detail } updatedAt metadataRefreshedAt metadataRefreshError
  }`);

export const SsoSettingsQuery = graphql(`
  query SsoSettings { ssoSettings { ...SsoSettingsFields } }`);

export const ConfigureSsoMutation = graphql(`
  mutation ConfigureSso($input: ConfigureSsoInput!) {
    configureSso(input: $input) { settings { ...SsoSettingsFields } errors { code field message } }
  }`);

export const RefreshSsoMetadataMutation = graphql(`
  mutation RefreshSsoMetadata { refreshSsoMetadata { settings { ...SsoSettingsFields } errors { code field message } } }`);
