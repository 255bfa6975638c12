import { useQueryClient } from '@tanstack/react-query';
import { operationName, request, updateQuery, useGraphQLQuery } from '../shared/api/query';
import { AccountSecurity } from './AccountSecurity';
import { ApiTokensQuery, CreateApiTokenMutation, RevokeApiTokenMutation } from './operations';
import { TokenList } from './TokenList';

export function TokensPage() {
  const queryClient = useQueryClient();
  const tokens = useGraphQLQuery(ApiTokensQuery, {});
  const refresh = () => queryClient.invalidateQueries({ queryKey: [operationName(ApiTokensQuery)] });
  return (
    <div>
      <h1>API tokens</h1>
      <p className="muted">Tokens let scripts and ML backends call the API as you. Send one as <code>Authorization: Bearer &lt;token&gt;</code>.</p>
      <TokenList
        testId="token"
        tokens={tokens.data?.apiTokens}
        loadError={tokens.error}
        placeholder="e.g. training pipeline"
        createLabel="Create token"
        empty="No tokens."
        secretSentence={(name) => <>Your new token <strong>{name}</strong>. Copy it now: it will not be shown again.</>}
        confirm={(t) => `Revoke the token "${t.name}"? Scripts using it will stop working.`}
        create={async (name) => {
          const p = (await request(CreateApiTokenMutation, { input: { name } })).createApiToken;
          if (p.errors.length === 0) await refresh();
          return p;
        }}
        revoke={async (t) => {
          const p = (await request(RevokeApiTokenMutation, { input: { id: t.id } })).revokeApiToken;
          if (p.errors.length === 0) updateQuery(queryClient, ApiTokensQuery, {}, (d) => ({ apiTokens: d.apiTokens.filter((x) => x.id !== t.id) }));
          return p.errors;
        }}
      />
      <AccountSecurity />
    </div>
  );
}
