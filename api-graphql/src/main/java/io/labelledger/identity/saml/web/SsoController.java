package io.labelledger.identity.saml.web;

import io.labelledger.api.Caller;
import io.labelledger.api.UserError;
import io.labelledger.identity.saml.SsoSettingsService;
import io.labelledger.identity.saml.SsoSettingsService.SsoSettings;
import io.labelledger.organization.api.OrganizationRole;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.List;

/**
 * SSO settings of the caller's organization (Owners and Admins, per the authorization table): GraphQL in and out of
 * {@link SsoSettingsService}.
 */
@Controller
public class SsoController {
    private final SsoSettingsService service;

    public SsoController(SsoSettingsService service) {
        this.service = service;
    }

    public record SsoRoleMappingInput(String attribute, String value, OrganizationRole role) {}

    public record SsoWorkspaceMappingInput(String attribute, String value, String workspaceId) {}

    public record ConfigureSsoInput(boolean enabled, String slug, String idpMetadataXml, String idpMetadataUrl,
                                    OrganizationRole defaultRole, List<SsoRoleMappingInput> roleMappings,
                                    List<SsoWorkspaceMappingInput> workspaceMappings) {
        SsoSettingsService.Configuration configuration() {
            return new SsoSettingsService.Configuration(enabled, slug, idpMetadataXml, idpMetadataUrl, defaultRole,
                    roleMappings == null ? null : roleMappings.stream()
                            .map(m -> m == null ? null : new SsoSettingsService.RoleMappingRequest(m.attribute(), m.value(), m.role())).toList(),
                    workspaceMappings == null ? null : workspaceMappings.stream()
                            .map(m -> m == null ? null : new SsoSettingsService.WorkspaceMappingRequest(m.attribute(), m.value(), m.workspaceId())).toList());
        }
    }

    public record SsoSettingsPayload(SsoSettings settings, List<UserError> errors) {
        static SsoSettingsPayload of(SsoSettingsService.Outcome o) {
            return new SsoSettingsPayload(o.settings(), o.refusals().stream().map(UserError::of).toList());
        }
    }

    @QueryMapping
    public Mono<SsoSettings> ssoSettings(@ContextValue Caller caller) {
        return Mono.fromCallable(() -> service.settings(caller.organizationId()))
                   .subscribeOn(Schedulers.boundedElastic()).flatMap(Mono::justOrEmpty);
    }

    @MutationMapping
    public Mono<SsoSettingsPayload> configureSso(@Argument ConfigureSsoInput input, @ContextValue Caller caller,
                                                 @ContextValue(required = false) String clientIp) {
        return Mono.fromCallable(() -> SsoSettingsPayload.of(service.configure(input.configuration(), caller.actor(), clientIp)))
                   .subscribeOn(Schedulers.boundedElastic());
    }

    /** Reads the IdP metadata URL again now (certificate rollover); the last good metadata stays when it fails. */
    @MutationMapping
    public Mono<SsoSettingsPayload> refreshSsoMetadata(@ContextValue Caller caller) {
        return Mono.fromCallable(() -> SsoSettingsPayload.of(service.refreshMetadata(caller.organizationId())))
                   .subscribeOn(Schedulers.boundedElastic());
    }
}
