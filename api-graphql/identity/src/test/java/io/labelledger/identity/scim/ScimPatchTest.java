package io.labelledger.identity.scim;

import io.labelledger.organization.api.OrganizationRole;
import io.labelledger.project.api.ProjectRole;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScimPatchTest {
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final ScimUser BARBARA = new ScimUser("bjensen@example.com", "ext-1", "Barbara", "Jensen", null, true);
    static final ScimGroup REVIEWERS = new ScimGroup("Reviewers", null, OrganizationRole.REVIEWER, Set.of("u1", "u2"), Set.of());

    static ScimPatch patch(String operations) {
        return ScimPatch.fromJson(JSON.readTree("{\"schemas\":[\"" + ScimSchemas.PATCH_OP + "\"],\"Operations\":" + operations.replace('\'', '"') + "}"));
    }

    static void assertScimType(Runnable r, String scimType) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(ScimException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.scimType()).isEqualTo(scimType);
        });
    }

    @Test
    void givenReplaceAddAndRemove_whenApplied_thenEachChangesItsAttribute() {
        ScimUser after = ScimUserPatch.apply(BARBARA, patch("""
                [{'op':'replace','path':'name.givenName','value':'Babs'},
                 {'op':'Add','path':'displayName','value':'Babs Jensen'},
                 {'op':'remove','path':'externalId'},
                 {'op':'replace','path':'active','value':false}]"""));
        assertThat(after).isEqualTo(new ScimUser("bjensen@example.com", null, "Babs", "Jensen", "Babs Jensen", false));
    }

    @Test
    void givenNoPath_whenReplaced_thenTheValuesAttributesApply() {
        // what Entra ID sends, string booleans included
        ScimUser after = ScimUserPatch.apply(BARBARA, patch("""
                [{'op':'Replace','value':{'active':'False','name.familyName':'Jensen-Smith',
                  'urn:ietf:params:scim:schemas:core:2.0:User:displayName':'B'}}]"""));
        assertThat(after).isEqualTo(new ScimUser("bjensen@example.com", "ext-1", "Barbara", "Jensen-Smith", "B", false));
    }

    @Test
    void givenASecondInvalidOperation_whenApplied_thenNothingIsReturnedAndTheOriginalIsUntouched() {
        assertScimType(() -> ScimUserPatch.apply(BARBARA, patch("""
                [{'op':'replace','path':'active','value':false},{'op':'replace','path':'password','value':'x'}]""")), "invalidPath");
        assertScimType(() -> ScimUserPatch.apply(BARBARA, patch("""
                [{'op':'replace','path':'displayName','value':'ok'},{'op':'replace','path':'active','value':'maybe'}]""")), "invalidValue");
        assertScimType(() -> ScimUserPatch.apply(BARBARA, patch("""
                [{'op':'replace','path':'displayName','value':'ok'},{'op':'replace','path':'userName','value':'not an email'}]""")), "invalidValue");
        assertThat(BARBARA.active()).isTrue();
    }

    @Test
    void givenRemovalOfRequiredAttributes_whenApplied_thenMutability() {
        assertScimType(() -> ScimUserPatch.apply(BARBARA, patch("[{'op':'remove','path':'userName'}]")), "mutability");
        assertScimType(() -> ScimUserPatch.apply(BARBARA, patch("[{'op':'remove','path':'active'}]")), "mutability");
    }

    @Test
    void givenMalformedRequests_whenRead_thenTypedErrors() {
        assertScimType(() -> patch("[]"), "invalidSyntax");
        assertScimType(() -> patch("[{'op':'merge','path':'x','value':1}]"), "invalidSyntax");
        assertScimType(() -> patch("[{'op':'replace','path':'active'}]"), "invalidValue");
        assertScimType(() -> patch("[{'op':'remove'}]"), "noTarget");
        assertScimType(() -> ScimPatch.fromJson(JSON.readTree("{\"Operations\":[{\"op\":\"remove\",\"path\":\"x\"}]}")), "invalidSyntax");
    }

    @Test
    void givenMemberOperations_whenApplied_thenMembersChange() {
        ScimGroup after = ScimGroupPatch.apply(REVIEWERS, patch("""
                [{'op':'add','path':'members','value':[{'value':'u3'},{'value':'u4'}]},
                 {'op':'remove','path':'members[value eq \\'u1\\']'},
                 {'op':'remove','path':'members','value':[{'value':'u4'}]}]"""));
        assertThat(after.members()).containsExactlyInAnyOrder("u2", "u3");
        assertThat(ScimGroupPatch.apply(REVIEWERS, patch("[{'op':'replace','path':'members','value':[{'value':'u9'}]}]")).members())
                .containsExactly("u9");
        assertThat(ScimGroupPatch.apply(REVIEWERS, patch("[{'op':'remove','path':'members'}]")).members()).isEmpty();
    }

    @Test
    void givenTheAccessExtension_whenPatched_thenTheRoleMappingChanges() {
        ScimGroup after = ScimGroupPatch.apply(REVIEWERS, patch("""
                [{'op':'replace','path':'urn:labelledger:params:scim:schemas:extension:2.0:GroupAccess:organizationRole','value':'manager'},
                 {'op':'replace','value':{'displayName':'Managers'}}]"""));
        assertThat(after).isEqualTo(new ScimGroup("Managers", null, OrganizationRole.MANAGER, Set.of("u1", "u2"), Set.of()));
        assertThat(ScimGroupPatch.apply(REVIEWERS, patch("""
                [{'op':'remove','path':'urn:labelledger:params:scim:schemas:extension:2.0:GroupAccess:organizationRole'}]""")).role()).isNull();
    }

    @Test
    void givenTheAccessExtension_whenItsWorkspacesArePatched_thenTheGrantsFollowAndTheRoleStays() {
        String path = "urn:labelledger:params:scim:schemas:extension:2.0:GroupAccess";
        ScimGroup granted = ScimGroupPatch.apply(REVIEWERS, patch("[{'op':'add','path':'" + path + ":workspaces','value':['w1','w2']}]"));
        assertThat(granted.workspaces()).containsExactlyInAnyOrder("w1", "w2");
        assertThat(granted.role()).isEqualTo(OrganizationRole.REVIEWER);
        assertThat(ScimGroupPatch.apply(granted, patch("[{'op':'remove','path':'" + path + ":workspaces','value':['w1']}]")).workspaces())
                .containsExactly("w2");
        ScimGroup viaObject = ScimGroupPatch.apply(granted, patch("[{'op':'add','path':'" + path + "','value':{'workspaces':['w3']}}]"));
        assertThat(viaObject.workspaces()).containsExactlyInAnyOrder("w1", "w2", "w3");
        assertThat(viaObject.role()).isEqualTo(OrganizationRole.REVIEWER);
        assertScimType(() -> ScimGroupPatch.apply(REVIEWERS, patch("[{'op':'add','path':'" + path + ":workspaces','value':[7]}]")), "invalidValue");
    }

    @Test
    void givenTheAccessExtension_whenItsProjectsArePatched_thenEachProjectKeepsOneRole() {
        String path = "urn:labelledger:params:scim:schemas:extension:2.0:GroupAccess";
        ScimGroup granted = ScimGroupPatch.apply(REVIEWERS, patch(
                "[{'op':'add','path':'" + path + ":projects','value':[{'value':'p1','role':'reviewer'},{'value':'p2'},'p3']}]"));
        assertThat(granted.projects()).isEqualTo(java.util.Map.of("p1", ProjectRole.REVIEWER, "p2", ProjectRole.ANNOTATOR, "p3", ProjectRole.ANNOTATOR));
        // add of a project already granted takes the new role; remove names projects by value
        ScimGroup changed = ScimGroupPatch.apply(granted, patch(
                "[{'op':'add','path':'" + path + ":projects','value':[{'value':'p2','role':'REVIEWER'}]},"
                        + "{'op':'remove','path':'" + path + ":projects','value':[{'value':'p3'}]}]"));
        assertThat(changed.projects()).isEqualTo(java.util.Map.of("p1", ProjectRole.REVIEWER, "p2", ProjectRole.REVIEWER));
        // replacing the extension object without projects clears them; workspaces and role likewise
        assertThat(ScimGroupPatch.apply(changed, patch("[{'op':'replace','path':'" + path + "','value':{'organizationRole':'reviewer'}}]")).projects())
                .isEmpty();
        assertScimType(() -> ScimGroupPatch.apply(REVIEWERS, patch("[{'op':'add','path':'" + path + ":projects','value':[{'value':'p1','role':'OWNER'}]}]")),
                "invalidValue");
        assertScimType(() -> ScimGroupPatch.apply(REVIEWERS, patch(
                "[{'op':'add','path':'" + path + ":projects','value':[{'value':'p1'},{'value':'p1','role':'REVIEWER'}]}]")), "invalidValue");
    }

    @Test
    void givenAnInvalidGroupOperation_whenApplied_thenNothingChanges() {
        assertScimType(() -> ScimGroupPatch.apply(REVIEWERS, patch("""
                [{'op':'add','path':'members','value':[{'value':'u3'}]},
                 {'op':'replace','path':'urn:labelledger:params:scim:schemas:extension:2.0:GroupAccess:organizationRole','value':'OWNER'}]""")),
                "invalidValue");
        assertScimType(() -> ScimGroupPatch.apply(REVIEWERS, patch("[{'op':'remove','path':'members[display co \\'x\\']'}]")), "invalidFilter");
        assertScimType(() -> ScimGroupPatch.apply(REVIEWERS, patch("[{'op':'replace','path':'owners','value':'x'}]")), "invalidPath");
        assertThat(REVIEWERS.members()).containsExactlyInAnyOrder("u1", "u2");
    }
}
