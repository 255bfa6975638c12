import { useQueryClient } from '@tanstack/react-query';
import { operationName, request, updateQuery, useGraphQLQuery } from '../shared/api/query';
import { CreateScimTokenMutation, RevokeScimTokenMutation, ScimTokensQuery } from './operations';
import { TokenList } from './TokenList';

/** The SCIM base URL an identity provider is given: this server's origin plus the path the API reports. */
export function scimBaseUrl(origin: string, path: string): string {
  return origin.replace(/\/+$/, '') + path;
}

/**
 * SCIM provisioning for Owners and Admins: the base URL to give the identity provider (Okta, Entra ID...), and the
 * organization's SCIM tokens — created (the secret is shown once), listed, revoked.
 */
export function ScimSettings() {
  const queryClient = useQueryClient();
  const scim = useGraphQLQuery(ScimTokensQuery, {});
  const refresh = () => queryClient.invalidateQueries({ queryKey: [operationName(ScimTokensQuery)] });
  const baseUrl = scimBaseUrl(window.location.origin, scim.data?.scimTokens.baseUrl ?? '/scim/v2');
  return (
    <div>
      <h1>SCIM provisioning</h1>
      <p className="muted">
        Your identity provider creates, updates and deactivates members of this organization through SCIM 2.0. Give it
        the base URL below and a SCIM token (sent as <code>Authorization: Bearer &lt;token&gt;</code>). Groups may grant an
        organization role through the <code>GroupAccess</code> extension; they never grant Owner.
      </p>
      <div className="card row">
        <span>SCIM base URL</span>
        <code className="secret" data-testid="scim-base-url">{baseUrl}</code>
        <button className="btn btn-small" onClick={() => void navigator.clipboard?.writeText(baseUrl)}>Copy</button>
      </div>
      <TokenList
        testId="scim-token"
        tokens={scim.data?.scimTokens.tokens}
        loadError={scim.error}
        placeholder="e.g. Okta"
        createLabel="Create SCIM token"
        empty="No SCIM tokens."
        secretSentence={(name) => <>The SCIM token <strong>{name}</strong>. Copy it into your identity provider now: it will not be shown again.</>}
        confirm={(t) => `Revoke the SCIM token "${t.name}"? The identity provider using it will stop provisioning.`}
        create={async (name) => {
          const p = (await request(CreateScimTokenMutation, { input: { name } })).createScimToken;
          if (p.errors.length === 0) await refresh();
          return p;
        }}
        revoke={async (t) => {
          const p = (await request(RevokeScimTokenMutation, { input: { id: t.id } })).revokeScimToken;
          if (p.errors.length === 0) {
            updateQuery(queryClient, ScimTokensQuery, {}, (d) => ({ scimTokens: { ...d.scimTokens, tokens: d.scimTokens.tokens.filter((x) => x.id !== t.id) } }));
          }
          return p.errors;
        }}
      />
    </div>
  );
}
